"""Issue 26, round 5, props and marks: the barbell reads as a bar with plates (the readers saw lone wheels, and a ring in front of
the chest read as a hoop held), and a standing body seen from above casts no blotchy floor shadows."""

from __future__ import annotations

import re

import yaml

from lumbar.figures import Figures
from lumbar.figures.drawing import Drawing
from lumbar.figures.props import SLEEVE, barbell_at, barbell_svg
from lumbar.figures.svg import render_figures
from tests.conftest import ROOT


def _figs(ex: str) -> Figures:
    return Figures.model_validate(
        yaml.safe_load((ROOT / f"data/exercises/{ex}.yaml").read_text(encoding="utf-8"))["figures"]
    )


def test_the_bar_runs_out_beyond_both_plates():
    svg = barbell_svg((100.0, 100.0, 16.0, 12.0))
    plates = [(float(x), float(y)) for x, y in re.findall(r'<ellipse cx="([\d.-]+)" cy="([\d.-]+)"', svg)]
    bars = re.findall(r'd="M([\d.-]+) ([\d.-]+)l([\d.-]+) ([\d.-]+)"', svg)
    ends = [(float(x) + float(dx), float(y) + float(dy)) for x, y, dx, dy in bars]
    assert len(plates) == 2 and SLEEVE > 1.3
    for px, _ in plates:  # each plate has a bar end further out than it
        assert any(abs(ex - 100) > abs(px - 100) + 8 and (ex - 100) * (px - 100) > 0 for ex, _ in ends), (plates, ends)


def test_the_bar_on_the_shoulders_has_its_near_plate_behind_the_back():
    d = Drawing(_figs("barbell-good-morning"), animate=False)
    for r in d.resolved:
        x, _, dx, dy = barbell_at(r, r.body, d.view)
        chest = d.view(r.body.points["chest"])[0]
        facing = 1.0 if r.body.face[0] >= 0 else -1.0
        assert dx * facing < 0 and dy < 0, r.name  # the near plate up and back, not a ring over the chest
        assert (x + dx - chest) * facing < 0, r.name


def test_a_standing_body_seen_from_above_casts_no_shadow_and_a_lying_one_does():
    assert _figs("dumbbell-rear-lateral-raise").view == "oblique"
    assert "lh-shadow" not in render_figures(_figs("dumbbell-rear-lateral-raise"), "x", animate=False)
    assert "lh-shadow" in render_figures(_figs("knee-rolls"), "x", animate=False)


def test_stretching_up_tall_draws_an_arrow_up_over_the_last_position_only():
    """Issue 26, round 5: "stretch up tall" was not shown (the posture stretch and the wall stretch)."""
    for ex in ("standing-posture-stretch", "wall-stretch"):
        figs = _figs(ex)
        assert figs.tall, ex
        d = Drawing(figs, animate=False)
        panels = [d.panel(i, None, "x") for i in range(len(d.resolved))]
        assert ["lh-press" in p for p in panels] == [False] * (len(panels) - 1) + [True], ex
        arrow = re.search(r'<path d="M(-?\d+) (-?\d+)L[^"]*" class="lh-press"', panels[-1])
        pts = d.resolved[-1].body.points
        top = min(d.view(p)[1] for p in pts.values())
        assert int(arrow.group(2)) < top, ex  # its tail above everything, arms overhead included
        assert abs(int(arrow.group(1)) - d.view(pts["head"])[0]) < 6, ex
        tip = min(int(y) for y in re.findall(r"L-?\d+ (-?\d+)", arrow.group(0)))
        assert int(arrow.group(2)) - tip >= 36, ex  # long: the point of the exercise, not a note beside the arm arc
    raw = yaml.safe_load((ROOT / "data/exercises/wall-stretch.yaml").read_text(encoding="utf-8"))["figures"]
    assert "lh-press" not in render_figures(Figures.model_validate({**raw, "tall": False}), "x")


def test_both_arms_rising_a_little_apart_get_no_one_side_letter():
    """Both arms up the wall, the far one a little forward so it shows: not an R (one arm only)."""
    assert "lh-side" not in render_figures(_figs("wall-stretch"), "x", animate=False)
    assert "lh-side" in render_figures(_figs("revolved-triangle"), "x", animate=False)  # one hand down, one up


def test_a_figure_of_eight_gets_an_eight_shaped_arrow_at_the_hips():
    """Issue 26, round 5: the hip figure of eight showed one circle."""
    figs = _figs("standing-hip-figure-eight")
    assert figs.motion == "eight"
    d = Drawing(figs, animate=False)
    svg = "".join(d.arrows[-1])
    line = re.search(r'<path d="(M[^"]+)" stroke="currentColor" stroke-width="3"/>', svg).group(1)
    xy = [tuple(map(float, p.split())) for p in re.findall(r"(-?[\d.]+ -?[\d.]+)", line)]
    waist = d.view(d.resolved[-1].body.points["waist"])
    xs = [x for x, _ in xy]
    assert min(xs) < waist[0] - 15 and max(xs) > waist[0] + 15  # two loops, one each side of the waist
    mid = [y for x, y in xy if abs(x - waist[0]) < 4]
    assert mid and all(abs(y - waist[1]) < 8 for y in mid)  # crossing over itself at the middle


def test_from_the_front_both_arms_rising_get_an_arrow_each():
    """The lateral raise, seen from the front: an arrow on each side (one side only read as one arm)."""
    d = Drawing(_figs("dumbbell-lateral-raise"), animate=False)
    assert sum(s.count('class="lh-arrow"') for s in d.arrows[0]) == 2


def test_furniture_boxes_are_opaque_and_drawn_far_to_near():
    """Issue 26, round 5: one translucent path showed the chair's and the sofa's hidden edges through their faces.
    Each box is its own opaque path, the one behind first, so the nearer box covers its edges."""
    from lumbar.figures import furniture
    from lumbar.figures.strokes import View

    view = View("side")
    for kind, boxes in (("chair", furniture.chair(0, 23, 45, 1)), ("furniture", furniture.sofa(0, 1))):
        svg = furniture.draw(view, kind, boxes)
        solids = re.findall(r'<path d="([^"]+)" fill="([^"]+)" class="lh-solid"/>', svg)
        boxes = [b for b in boxes if not furniture._is_leg(b)]
        assert len(solids) == len(boxes) and "fill-opacity" not in svg, kind
        drawn = [d for d, _ in solids]
        expect = [furniture._faces(view, b) for b in sorted(boxes, key=lambda b: furniture._depth(view, b))]
        assert drawn == expect, kind
    chair = furniture.chair(0, 23, 45, 1)
    panel, near_post = chair[-1], chair[-2]  # the near post in front of the backrest panel, the seat below both
    assert furniture._depth(view, near_post) > furniture._depth(view, panel) > furniture._depth(view, chair[-3])


def test_furniture_tone_reaches_the_panels_that_reuse_it():
    """The furniture is drawn once and shown in the later panels through <use>; a selector under .lh-figures does
    not reach into the <use> (the dark scheme's end panel showed a light sofa): the rule is a bare class."""
    css = (ROOT / "docs/assets/stylesheets/figures.css").read_text(encoding="utf-8")
    assert re.search(r"(?m)^\.lh-solid \{\s*fill: var\(--lm\);", css)
    svg = render_figures(_figs("anchored-back-extension"), "x", animate=False)
    assert 'class="lh-solid"' in svg and re.search(r'<use href="#[^"]+-p"', svg)  # drawn once, then reused


def test_standing_hips_shift_over_planted_feet():
    """Issue 26: the hip figure of eight slid the near foot out (read as a leg lift); the feet stay, the hips move."""
    from lumbar.figures.solver import resolve_all

    start, end = resolve_all(_figs("standing-hip-figure-eight"))
    for side in ("near", "far"):
        assert abs(end.body.points[f"{side}.ankle"][2] - start.body.points[f"{side}.ankle"][2]) < 1.5
    assert abs(end.body.points["hip"][2] - start.body.points["hip"][2]) > 8
