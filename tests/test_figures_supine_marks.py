"""Lying on the back (issue 26): the side letter of a foot's arrow sits clear of the foot it names; a turning
chest's arc clear of the head."""

from __future__ import annotations

import math
import re

import pytest
import yaml

from lumbar.figures import Figures
from lumbar.figures.arrows import motion_arrows
from lumbar.figures.body import HEAD_R
from lumbar.figures.drawing import Drawing
from lumbar.figures.marks import side_marks
from tests.conftest import ROOT


def _block(ex_id):
    raw = yaml.safe_load((ROOT / f"data/exercises/{ex_id}.yaml").read_text(encoding="utf-8"))["figures"]
    return Figures.model_validate(raw)


def test_a_foots_letter_sits_above_its_arc_not_on_the_foot():
    """Foot to the other leg: past the arrow's head the R covered the foot where it rests (readers: the foot
    on the other shin is small and easy to miss); it goes above the arc's top."""
    block = _block("supine-foot-to-knee")
    assert block.arrow == "near.toe"
    track = [(60.0, -20.0), (40.0, -32.0), (20.0, -28.0), (10.0, -18.0)]  # ends going down onto the foot
    svg = side_marks(block, ["near.toe"], [track], lambda w: w)
    cx, cy = (float(v) for v in re.search(r'cx="([-\d.]+)" cy="([-\d.]+)"', svg).groups())
    assert cy < min(y for _, y in track) - 6, (cx, cy)
    assert 10.0 < cx < 60.0


@pytest.mark.parametrize("ex", ["oblique-crunch", "twisting-shoulder-lift"])
def test_a_turning_chests_arc_keeps_clear_of_the_head(ex):
    """Round the chest the arc ran through the head and the arms on the chest (readers: head, arms and arrow in one
    small cluttered spot): it goes round the waist, every point of it well away from the head."""
    raw = yaml.safe_load((ROOT / f"data/exercises/{ex}.yaml").read_text(encoding="utf-8"))["figures"]
    d = Drawing(Figures.model_validate(raw), animate=False)
    a, b = d.resolved[0], d.resolved[-1]
    _, tracks, _ = motion_arrows(a, b, d.view, [a.body, *d.between[0], b.body], d._kind(1), d.figs.arrow)
    head = d.view(b.body.points["head"])
    assert min(math.dist(p, head) for p in tracks[0]) > 1.2 * HEAD_R, (
        head,
        tracks[0],
    )  # round the chest: under half a head
