"""Grips (issue 26: hands behind the head, arms crossed, hands on the hips or knees could not be told apart): every
phase with `hands:` has its hands where the grip says, measured on the posed body, and a grip the arms cannot
reach, or one given with arm angles, stops the build with what to do."""

from __future__ import annotations

import math
import re

import pytest
import yaml

from lumbar.figures import Figures
from lumbar.figures.body import HEAD_R
from lumbar.figures.solver import resolve_all
from lumbar.figures.validate import figure_problems
from tests.conftest import ROOT

EXERCISES = sorted((ROOT / "data" / "exercises").glob("*.yaml"))


def _figs(path):
    return Figures.model_validate(yaml.safe_load(path.read_text(encoding="utf-8"))["figures"])


GRIPPED = [p for p in EXERCISES if "hands:" in p.read_text(encoding="utf-8").split("\nfigures:", 1)[-1]]


def _local(body, origin, frame, p):
    """p in a body frame (X forward, Y up the spine or head, Z to the near side), from a body point."""
    o, F = body.points[origin], body.frames[frame]
    d = [p[i] - o[i] for i in range(3)]
    return tuple(F[i] * d[0] + F[3 + i] * d[1] + F[6 + i] * d[2] for i in range(3))


def check(r) -> list[str]:
    b, bad = r.body, []
    for side in ("near", "far"):
        hand, wrist = b.points[f"{side}.hand"], b.points[f"{side}.wrist"]
        if r.hands == "behind-head":
            x, _, _ = _local(b, "head", "head", hand)
            if math.dist(hand, b.points["head"]) > HEAD_R + 6 or x > -HEAD_R / 2:
                bad.append(f"{side} hand not at the back of the head")
        elif r.hands == "crossed-on-chest":
            x, y, z = _local(b, "neck", "chest", hand)
            if (z > 0) == (side == "near") or x < 8 or y < -25:
                bad.append(f"{side} hand not across the chest on the other side ({x:.0f}, {y:.0f}, {z:.0f})")
        elif r.hands == "on-hips":
            if math.dist(wrist, b.points[f"{side}.hip"]) > 22:
                bad.append(f"{side} hand not at the hip")
        elif r.hands in ("on-knees", "on-near-knee"):
            knee = b.points[("near" if r.hands == "on-near-knee" else side) + ".knee"]
            if min(math.dist(hand, knee), math.dist(wrist, knee)) > 14:
                bad.append(f"{side} hand not at the knee")
    return bad


def test_grips_are_used():
    assert len(GRIPPED) >= 12, [p.stem for p in GRIPPED]


@pytest.mark.parametrize("path", GRIPPED, ids=lambda p: p.stem)
def test_the_hands_are_where_the_grip_says(path):
    figs = _figs(path)
    assert not figure_problems(figs)
    for r in resolve_all(figs):
        assert not check(r), f"{path.name} {r.name}: {check(r)}"


def test_hands_behind_the_head_are_behind_the_head():
    figs = _figs(ROOT / "data" / "exercises" / "crunch.yaml")
    for r in resolve_all(figs):
        face = r.body.face
        for side in ("near", "far"):
            d = [r.body.points[f"{side}.hand"][i] - r.body.points["head"][i] for i in range(3)]
            assert math.hypot(*d) < HEAD_R + 5  # touching the head
            assert sum(d[i] * face[i] for i in range(3)) < -HEAD_R / 2  # on the side away from the face


def test_a_grip_the_arms_cannot_reach_is_reported():
    problems = figure_problems({"start": {"pose": "supine", "hands": "on-knees"}, "alt": "x"})
    assert any("start.hands" in p and "cannot reach 'on-knees'" in p for p in problems), problems


def test_a_grip_with_arm_angles_is_reported():
    problems = figure_problems({"start": {"pose": "supine", "hands": "behind-head", "elbow": 90}, "alt": "x"})
    assert any("places the arms itself: remove elbow" in p for p in problems), problems


def test_an_unknown_grip_is_reported():
    problems = figure_problems({"start": {"pose": "supine", "hands": "behind-the-head"}, "alt": "x"})
    assert any("start.hands" in p for p in problems), problems


def _gap(c, r, seg):
    """Distance between a ball (centre c, radius r) and a capsule (p, q, radius)."""
    p, q, rad = seg
    d = [q[i] - p[i] for i in range(3)]
    t = max(0.0, min(1.0, sum((c[i] - p[i]) * d[i] for i in range(3)) / (sum(x * x for x in d) or 1.0)))
    return math.dist(c, [p[i] + t * d[i] for i in range(3)]) - r - rad


@pytest.mark.parametrize("name", ["side-lying-leg-raise", "side-lying-leg-swing-up-down"])
def test_side_lying_head_on_the_lower_arm_top_hand_on_the_floor_in_front(name):
    """Issue 26: side-lying read as lying on the back; the head floated above the arm it rests on."""
    r = resolve_all(_figs(ROOT / "data" / "exercises" / f"{name}.yaml"))[0]
    b = r.body
    seg = {n: (p, q, rad) for n, _, _, p, q, rad in b.segments}
    # The head sinks into the lower arm by more than the drawing's 3-unit light ring, so they touch on paper.
    assert _gap(b.points["head"], HEAD_R, seg["far.upper-arm"]) < -3.0
    hand, chest = b.points["near.hand"], b.points["spine3"]
    assert hand[1] < 4.0  # on the floor
    assert hand[2] - chest[2] > 15.0  # in front of the chest (towards the face, the viewer)
    assert abs(hand[0] - chest[0]) < 20.0  # at chest level


@pytest.mark.parametrize("name", ["knee-to-chest", "bird-dog", "side-lying-leg-raise"])
def test_the_sheet_image_shows_the_side_change_without_words(name):
    """Issue 26: on the sheet the R <-> L mark printed as two empty circles (the shared images carry no words): it is
    a mirror sign there (a dark shape, a dashed mirror line, the same shape grey, an arrow over), and the lettered
    side marks at the arrows' heads are left out."""
    from lumbar.figures_hook import image_svg

    figs = _figs(ROOT / "data" / "exercises" / f"{name}.yaml")
    assert figs.other_side
    svg = image_svg(figs, "end")
    mark = svg.split('class="lh-other-side"', 1)[1].split("</g>", 1)[0]
    assert "<circle" not in mark and "<text" not in svg and 'class="lh-side"' not in svg
    assert 'stroke-dasharray="3 2"' in mark and 'class="lh-far"' in mark and mark.count("<path") == 5


@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.stem)
def test_the_mat_is_the_same_in_every_panel(path):
    """Issue 26 panel: a mat that moved between the start and end drawings read as a movement of its own."""
    from lumbar.figures import render_figures

    figs = _figs(path)
    if "mat" not in figs.props:
        return
    html = render_figures(figs, "x", animate=False)
    mats = re.findall(r'<(?:path|rect) [^>]*class="lh-mat"[^>]*>', html)
    assert len(mats) == len(figs.phases()) and len(set(mats)) == 1, path.stem


def test_top_views_draw_the_shadow_of_what_is_lifted():
    """Issue 26 panel: from above, a lifted leg could not be told from one on the floor; its shadow on the mat
    stands apart from it. Nothing lifted, no shadow."""
    from lumbar.figures import render_figures
    from lumbar.figures.drawing import Drawing

    figs = _figs(ROOT / "data" / "exercises" / "leg-pendulum.yaml")
    assert figs.view == "end" and 'class="lh-shadow"' in render_figures(figs, "x", animate=False)
    flat = Figures.model_validate({"alt": "x", "view": "top", "props": ["mat"], "start": {"pose": "prone"}})
    assert 'class="lh-shadow"' not in Drawing(flat, animate=False).panel(0, None, "x")


def test_no_arrow_follows_hands_going_to_a_grip():
    """Issue 26 panel: the arrow of the hands' path to the knees ran under the thighs and read as a stray mark."""
    from lumbar.figures.drawing import Drawing

    for name in ("bench-knee-hug", "double-knee-to-chest", "knee-to-chest"):
        d = Drawing(_figs(ROOT / "data" / "exercises" / f"{name}.yaml"), animate=False)
        a, b = d.resolved[0], d.resolved[-1]
        from lumbar.figures.arrows import motion_arrows

        _, _, keys = motion_arrows(a, b, d.view, [a.body, *d.between[0], b.body])
        assert keys and not any(k.endswith(".hand") for k in keys), (name, keys)
