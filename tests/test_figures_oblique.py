"""The three-quarter (oblique) view's drawings, as the blind panel read them (issue 26, baseline panel: knee rolls,
the butterflies, the lying hip turn, the crossed-leg press and pull and the half-bridge rated 2): what each one
must show, checked on the geometry and the SVG."""

from __future__ import annotations

import math
import re

import pytest
import yaml

from lumbar.figures import Figures
from lumbar.figures.arrows import motion_arrows
from lumbar.figures.drawing import Drawing
from lumbar.figures.effort import press_ends, resist_ends
from lumbar.figures.svg import render_figures
from tests.conftest import ROOT


def _figs(ex: str) -> Figures:
    return Figures.model_validate(
        yaml.safe_load((ROOT / f"data/exercises/{ex}.yaml").read_text(encoding="utf-8"))["figures"]
    )


def _arrows(ex: str):
    d = Drawing(_figs(ex), animate=False)
    a, b = d.resolved[0], d.resolved[-1]
    return motion_arrows(a, b, d.view, [a.body, *d.between[0], b.body], d._kind(1), d.figs.arrow), d


def test_a_held_press_or_pull_shows_the_other_leg_pushing_back_tip_to_tip():
    """Readers saw one leg pushed, not two legs against each other: the other leg's arrow meets the force arrow at
    the contact, pointing the other way."""
    for ex, pull in (("crossed-leg-press-down", False), ("crossed-leg-pull-in", True)):
        d = Drawing(_figs(ex), animate=False)
        body = d.resolved[0].body
        part = d.figs.pull or d.figs.press  # the bottom leg's knee, pressed or pulling
        (tx, ty), (ax, ay) = press_ends(d.view, body, part, pull)
        (rx, ry), (bx, by) = resist_ends(d.view, body, part, pull)
        force, answer = (tx - ax, ty - ay), (rx - bx, ry - by)
        cos = (force[0] * answer[0] + force[1] * answer[1]) / math.hypot(*force) / math.hypot(*answer)
        assert cos < -0.95, (ex, cos)  # opposed
        assert math.dist((tx, ty), (rx, ry)) < 26, ex  # meeting at the contact (side on: the ankle on the knee between)
        assert math.hypot(*answer) < math.hypot(*force), ex  # the working leg's arrow the larger


def test_the_crossed_leg_rests_its_ankle_on_the_other_knee():
    """Readers saw a single raised bent leg: the top leg's ankle lies on the bottom leg's knee, both legs in view."""
    for ex in ("crossed-leg-press-down", "crossed-leg-pull-in"):
        figs = _figs(ex)
        # side on: the bottom leg near (black, foot down), the top one far, its shin across the near knee, the
        # foot out beyond it (from the feet, readers saw a tangle: arm or leg, which on top?)
        assert figs.view == "side", ex
        bottom = (figs.press or figs.pull).split(".")[0]
        top = "far" if bottom == "near" else "near"
        p = Drawing(figs, animate=False).resolved[0].body.points
        assert math.dist(p[f"{top}.ankle"], p[f"{bottom}.knee"]) < 14, ex
        assert p[f"{top}.knee"][0] < p[f"{bottom}.knee"][0] - 10 < p[f"{top}.ankle"][0] - 10, ex  # shin both sides
        assert p[f"{bottom}.ankle"][1] < 10, ex  # the bottom foot on the floor


def test_knees_falling_open_get_an_arrow_each():
    """The butterfly: 'only one knee moves' (one arrow): seen from the feet, the knees moving apart get two, each
    outside its knee and pointing away from the middle (a diamond opening)."""
    (_, tracks, keys), d = _arrows("supine-butterfly")
    assert d.view.name == "end"
    assert sorted(keys) == ["far.knee", "near.knee"], keys
    middle = d.view(d.resolved[-1].body.points["hip"])[0]
    for key, track in zip(keys, tracks, strict=True):
        knee = d.view(d.resolved[-1].body.points[key])[0]
        assert (track[-1][0] - track[0][0]) * (knee - middle) > 0, key  # outwards, on its own side


def test_rolling_knees_get_one_arc_over_both():
    """Knee rolls: 'it looked like only the near knee crosses over' (its arrow at the near knee): one arc spans both
    knees, from where they stood to where they lie."""
    (_, tracks, keys), d = _arrows("knee-rolls")
    assert keys == ["hip"] and d.view.name == "oblique"
    track = tracks[0]
    knee_xs = [
        d.view(b.points[k])[0] for b in (d.resolved[0].body, d.resolved[-1].body) for k in ("near.knee", "far.knee")
    ]
    assert (
        min(knee_xs) - 10 < (track[0][0] + track[-1][0]) / 2 < max(knee_xs) + 10
    )  # centred on the knees, not the hips
    for body in (d.resolved[0].body, d.resolved[-1].body):
        knees = [d.view(body.points[k]) for k in ("near.knee", "far.knee")]
        assert min(x for x, _ in track) < min(x for x, _ in knees) + 10
        assert min(y for _, y in track) < min(y for _, y in knees)  # over them


@pytest.mark.parametrize("ex", ["supine-hip-turn", "butterfly-hip-sway", "knee-rolls"])
def test_a_turning_pelvis_arrow_arches_over_the_hips(ex):
    """The hip turn's straight arrow up read as a bridge, the butterfly's sway at the knee as one leg lifting: the
    arrow is an arc round the body's length at the hips."""
    (svgs, tracks, _), d = _arrows(ex)
    (x0, y0), (x1, y1) = tracks[0][0], tracks[0][-1]
    if d.view.name == "end":  # the sway seen from the feet: the arc spans both knees, the leg diamond tipping
        knees = sorted(d.view(d.resolved[-1].body.points[k])[0] for k in ("near.knee", "far.knee"))
        assert min(x0, x1) < knees[0] + 10 and max(x0, x1) > knees[1] - 10, (tracks[0], knees)
    mid = tracks[0][len(tracks[0]) // 2]
    bow = abs((x1 - x0) * (mid[1] - y0) - (y1 - y0) * (mid[0] - x0)) / math.dist((x0, y0), (x1, y1))
    assert bow > 8 and mid[1] < max(y0, y1), tracks[0]  # an arch bowed upwards, not a line
    assert math.dist((x0, y0), (x1, y1)) > 25


def test_both_knees_rolling_together_carry_no_side_letter():
    """Knee rolls names each leg (the near one crosses, the far one opens) but both knees go the same way: an R by
    the arrow read as 'one leg'."""
    svg = render_figures(_figs("knee-rolls"), "x", animate=False)
    assert 'class="lh-side"' not in svg
    assert 'class="lh-side"' in render_figures(_figs("bird-dog"), "x", animate=False)  # one-sided limbs keep theirs


def test_the_half_bridge_lifts_the_hips_with_the_arms_flat_beside_the_body():
    """Hands sliding up the thighs read as a curl-up and the lift was too small to see."""
    d = Drawing(_figs("half-bridge"), animate=False)
    a, b = d.resolved[0].body.points, d.resolved[-1].body.points
    assert b["hip"][1] - a["hip"][1] >= 8  # cm up
    for side in ("near", "far"):
        assert b[f"{side}.hand"][1] < 9, side  # on the floor
        assert abs(b[f"{side}.hand"][2]) >= 14, side  # beside the body (the hips are 9 cm out), not on the thighs
    assert re.search(r'class="lh-arrow"', render_figures(d.figs, "x", animate=False))


def test_the_hip_turn_lifts_the_near_leg_clear_of_the_floor_seen_side_on():
    """'I never saw the hip or leg lift off the floor': side on, the near leg's whole length stands clear of the
    floor in the end position (a gap under it), the far leg stays down."""
    d = Drawing(_figs("supine-hip-turn"), animate=False)
    assert d.view.name == "side"
    b = d.resolved[-1].body
    for part in ("near.knee", "near.ankle"):
        assert b.points[part][1] >= 12, (part, b.points[part])
    assert b.points["far.ankle"][1] < 12  # lying (8.6 at the start)


def test_a_knee_standing_up_casts_no_stray_dot():
    """Seen from the feet, the butterfly's knees (thighs and shins near the floor) cast two lone grey dots beside
    the legs, read as something on the mat: a knee's round casts no shadow of its own."""
    from lumbar.figures.marks import shadow_svg

    d = Drawing(_figs("butterfly-hip-sway"), animate=False)
    assert d.view.name == "end"
    assert shadow_svg(d.view, d.resolved[0].body) == ""
    assert shadow_svg(d.view, d.resolved[-1].body)  # the tipped leg lifted off the floor keeps its shadow


def test_press_and_pull_arrows_cross_at_right_angles():
    """'The two look nearly the same': the press arrow is upright and the pull arrow leans towards the head (level
    along the body, seen at an angle), so the two drawings are told apart at a glance."""
    d = {ex: Drawing(_figs(ex), animate=False) for ex in ("crossed-leg-press-down", "crossed-leg-pull-in")}
    press = d["crossed-leg-press-down"]
    (px, py), (qx, qy) = press_ends(press.view, press.resolved[0].body, press.figs.press)
    pull = d["crossed-leg-pull-in"]
    body = pull.resolved[0].body
    (tx, ty), (ax, ay) = press_ends(pull.view, body, pull.figs.pull, True)
    assert abs(px - qx) < 1 and abs(py - qy) > 20  # upright
    assert abs(tx - ax) > 20  # not upright
    assert (tx - ax) * (pull.view(body.points["head"])[0] - tx) > 0  # towards the head


def test_a_level_hip_lift_gets_a_straight_arrow_not_the_turns_arc():
    """Half bridge: 'the hook-shaped arrow curls back down' (the hip turn's arc round the body): both hips rising
    together get a straight arrow up, tip above tail; the hip turn keeps its arc."""
    (_, tracks, _), _ = _arrows("half-bridge")
    xs = [p[0] for p in tracks[0]]
    assert max(xs) - min(xs) < 3 and tracks[0][-1][1] < tracks[0][0][1] - 15  # up the page, straight
    (_, tracks, _), _ = _arrows("supine-hip-turn")
    xs = [p[0] for p in tracks[0]]
    assert max(xs) - min(xs) > 10  # the arc
