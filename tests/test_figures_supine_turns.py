"""Face-up drawings a fresh blind reader found weak (issue 26, mini panel 12): the chest lift on the elbows, the foot
on the other knee, and the shoulder turns (oblique crunch, twisting shoulder lift), checked on the geometry."""

from __future__ import annotations

import math

import pytest
import yaml

from lumbar.figures import Figures
from lumbar.figures.arrows import motion_arrows
from lumbar.figures.drawing import Drawing
from tests.conftest import ROOT


def _drawing(ex: str) -> Drawing:
    raw = yaml.safe_load((ROOT / f"data/exercises/{ex}.yaml").read_text(encoding="utf-8"))["figures"]
    return Drawing(Figures.model_validate(raw), animate=False)


def test_the_elbow_arch_rests_on_flat_forearms_under_the_shoulders_with_the_legs_still():
    """The panel saw the hand at the hip, an arrow on the upper arm that read as lifting it, and the feet moving."""
    d = _drawing("supine-elbow-arch")
    a, b = d.resolved[0].body.points, d.resolved[-1].body.points
    for side in ("near", "far"):
        sh, el, wr = b[f"{side}.shoulder"], b[f"{side}.elbow"], b[f"{side}.wrist"]
        assert abs(sh[0] - el[0]) < 8, (sh, el)  # the elbow under the shoulder
        assert el[1] < 8 and abs(wr[1] - el[1]) < 4, (el, wr)  # on the floor, the forearm flat
    for part in ("hip", "near.knee", "near.ankle", "far.ankle"):
        assert math.dist(a[part][:2], b[part][:2]) < 4, part  # hips and legs stay as they were
    assert b["spine2"][1] - a["spine2"][1] > 8  # the low back arched off the mat
    assert d.figs.arrow == "waist"  # the arrow rises from the trunk's front, clear of the upper arm and the throat
    head, nose = d.view(b["head"]), d.view(b["nose1"])
    # Panel 8 saw the head thrown back (the nose 6 above the head's centre, the face to the ceiling): in line with
    # the raised trunk, the face looks ahead to the feet
    assert nose[1] - head[1] > -3, (head, nose)


def test_the_foot_sits_on_top_of_the_other_leg():
    """Beside the shin and low, the panel read the foot as on the floor; held up at the knee, as lifted in the air (a
    heel slide): it rests on top of the other shin, just below the knee, the dark foot over the grey leg."""
    b = _drawing("supine-foot-to-knee").resolved[-1].body.points
    ankle, knee, far = b["near.ankle"], b["far.knee"], b["far.ankle"]
    assert knee[0] + 4 < ankle[0] < (knee[0] + far[0]) / 2 and abs(ankle[2] - knee[2]) < 6, (ankle, knee)
    shin = knee[1] + (far[1] - knee[1]) * (ankle[0] - knee[0]) / (far[0] - knee[0])
    assert 6 < ankle[1] - shin < 14, (ankle, shin)  # up on the shin, not through it nor floating


@pytest.mark.parametrize("ex", ["oblique-crunch", "twisting-shoulder-lift"])
def test_a_turning_shoulder_arrow_arches_over_the_chest(ex):
    """Only a small arrow at the head showed: read as a straight curl-up. An arc round the body's length at the chest,
    bowed upwards, says the upper body turns to the other side."""
    d = _drawing(ex)
    a, b = d.resolved[0], d.resolved[-1]
    _, tracks, _ = motion_arrows(a, b, d.view, [a.body, *d.between[0], b.body], d._kind(1), d.figs.arrow)
    track = tracks[0]
    (x0, y0), (x1, y1) = track[0], track[-1]
    mid = track[len(track) // 2]
    bow = abs((x1 - x0) * (mid[1] - y0) - (y1 - y0) * (mid[0] - x0)) / math.dist((x0, y0), (x1, y1))
    assert bow > 8 and mid[1] < max(y0, y1), track  # an arch bowed upwards, not a line
    chest, hip = d.view(b.body.points["chest"]), d.view(b.body.points["hip"])
    centre = ((x0 + x1) / 2, (y0 + y1) / 2)
    assert math.dist(centre, chest) < math.dist(centre, hip)  # at the chest, not the hips
