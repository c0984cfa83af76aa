"""The exercise drawings: pose validation, deterministic and safe SVG, and figures on every page."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
import yaml

from lumbar.figures import (
    BASE_POSES,
    Figures,
    figure_problems,
    gallery_markdown,
    missing_figures,
    render_figures,
    render_thumbnail,
    validate_figures,
)
from lumbar.figures.drawing import Drawing
from lumbar.figures.model import JOINTS, POSE_NAMES

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = sorted((ROOT / "data" / "exercises").glob("*.yaml"))


def figs(**phases) -> dict:
    return {"alt": "A test figure.", **phases}


def problems(**phases) -> list[str]:
    return figure_problems(figs(**phases))


# Every base pose is a possible position, and draws.


@pytest.mark.parametrize("name", sorted(BASE_POSES))
def test_every_base_pose_validates_and_renders(name):
    block = Figures.model_validate(figs(start={"pose": name}))
    assert validate_figures(block) == []
    html = render_figures(block, f"Pose {name}")
    assert html.count("<svg") == 1 and "<title" in html
    assert render_thumbnail(block).startswith("<svg")


def test_pose_names_are_listed_once_in_the_model():
    assert tuple(BASE_POSES) == POSE_NAMES


# A bad pose is a clear error naming the phase and the joint.


def test_joint_outside_the_human_range():
    assert problems(start={"pose": "all-fours"}, end={"pose": "all-fours", "knee": 200}) == [
        "figures.end.knee: 200 degrees is outside the human range (0 to 160)"
    ]
    assert problems(start={"pose": "standing", "near": {"shoulder": -90}}) == [
        "figures.start.near.shoulder: -90 degrees is outside the human range (-60 to 180)"
    ]


def test_validate_figures_gives_the_loc_for_the_engine():
    assert validate_figures(figs(start={"pose": "all-fours"}, end={"pose": "all-fours", "knee": 200})) == [
        (("end", "knee"), "200 degrees is outside the human range (0 to 160)")
    ]


def test_limb_through_the_floor():
    assert problems(start={"pose": "kneeling", "near": {"ankle": 30}}) == [
        "figures.start.near.ankle: the near foot goes 14 cm through the floor: change hip, knee or ankle"
    ]


def test_lying_bodies_roll_to_rest_instead_of_sinking():
    # Hips straightened with the feet flat: the body tips onto the shoulders and feet, a bridge.
    assert problems(start={"pose": "supine-knees-bent", "hip": 0, "knee": 100, "neck": 35}) == []
    # ... but the head does not carry the body, so it must bend out of the way.
    assert problems(start={"pose": "supine-knees-bent", "hip": 0, "knee": 100}) == [
        "figures.start: the head goes 7 cm through the floor: change neck, thoracic or spine"
    ]


def test_floating_parts():
    assert problems(start={"pose": "prone-on-elbows", "elbow": 10}) == [
        "figures.start.elbow: the forearms float 6 cm above the floor, but 'prone-on-elbows' rests on them: "
        "change shoulder, elbow, spine, lumbar or thoracic"
    ]
    assert problems(start={"pose": "lying-legs-on-chair", "knee": 40}) == [
        "figures.start.knee: the shins touch the chair only at one end and float above it: level them (change hip or knee)"
    ]


@pytest.mark.parametrize("ex_id", ["cobra", "prone-press-up"])
def test_a_press_up_keeps_the_hips_down_and_arches_the_waist(ex_id):
    """Issue 26: pressed up on the hands, the body tipped like a rigid board onto hands and toes, a plank. The hips
    and thighs stay on the floor, the arms reach down to it, and the chest rises over an arch at the waist."""
    from lumbar.figures.body import TOLERANCE
    from lumbar.figures.contact import lowest
    from lumbar.figures.solver import resolve_all

    data = yaml.safe_load((ROOT / "data" / "exercises" / f"{ex_id}.yaml").read_text(encoding="utf-8"))
    start, end = resolve_all(Figures.model_validate(data["figures"]))
    for r in (start, end):
        for part in ("pelvis", "thighs", "hands"):
            assert lowest(r.body, part)[0] <= TOLERANCE, (r.name, part)
    pts = end.body.points
    assert pts["spine5"][1] - pts["spine0"][1] > 25  # the chest well up over the hips
    assert end.angles["lumbar"] <= -25  # by a bend at the waist, not a tipped board


def test_the_half_bow_holds_a_raised_ankle_with_the_chest_up_and_the_hips_down():
    """Issue 26: the hand on the ankle tipped the arched body onto its chest, and the arm, the bent leg and the hand
    lay in one dark knot over the hip. The ankle held there ties the body into a bow resting on its belly: the hips
    stay down, the shin stands up from the thigh and the arm reaches back up to it. Round 3: a chest raised high
    read as sitting up hugging a knee; the chest and the thigh lift only a little (a physiotherapy handout's half
    bow), so the body lies on its belly."""
    from lumbar.figures.body import TOLERANCE
    from lumbar.figures.contact import lowest
    from lumbar.figures.solver import resolve_all

    data = yaml.safe_load((ROOT / "data" / "exercises" / "prone-half-bow.yaml").read_text(encoding="utf-8"))
    end = resolve_all(Figures.model_validate(data["figures"]))[-1]
    pts = end.body.points
    assert lowest(end.body, "pelvis")[0] <= TOLERANCE
    assert 22 <= pts["near.shoulder"][1] <= 32, "the chest lifts a little, not sitting up"
    assert pts["near.knee"][1] <= 16, "the thigh lifts a little, the knee near the floor"
    assert pts["near.ankle"][1] > pts["near.knee"][1] + 25, "the shin does not stand up"
    assert pts["near.wrist"][1] > pts["near.knee"][1] + 15, "the hand lies down over the thigh"


def test_hip_circles_on_all_fours_ring_the_buttocks_not_the_hip_joint():
    """Issue 26: the round arrow on the hip joint read as the thigh circling; the buttocks paint the circles."""
    data = yaml.safe_load((ROOT / "data" / "exercises" / "all-fours-hip-circles.yaml").read_text(encoding="utf-8"))
    d = Drawing(Figures.model_validate(data["figures"]), animate=False)
    pts = d.resolved[-1].body.points
    hip, neck = d.view(pts["hip"]), d.view(pts["neck"])
    cx = sum(x for x, _ in d.arrow_points) / len(d.arrow_points)
    cy = sum(y for _, y in d.arrow_points) / len(d.arrow_points)
    back = 1 if hip[0] > neck[0] else -1
    assert (cx - hip[0]) * back >= 25, "the ring is not behind the buttocks"
    assert abs(cy - hip[1]) < 8, "the ring is not at the buttocks' height"


def test_hip_circles_on_all_fours_shift_the_hips_well_back_and_forward():
    """Panel 7: the hips moved 12 cm, the ghost lay almost on top of the figure and only the ring showed a movement."""
    data = yaml.safe_load((ROOT / "data" / "exercises" / "all-fours-hip-circles.yaml").read_text(encoding="utf-8"))
    start, end = Drawing(Figures.model_validate(data["figures"]), animate=False).resolved
    assert abs(end.body.points["hip"][0] - start.body.points["hip"][0]) >= 20, "the hips barely move"


def test_back_extension_starts_with_both_elbows_up_beside_the_head():
    """Issue 26: lying flat, the hands behind the head put the elbows on the floor ahead of the face, and from the side
    the start read as one forearm forward on the mat and the other hand at the head: the elbows stand up beside the
    head as in the lifted end, so both positions show the same arms."""
    from lumbar.figures.solver import resolve_all

    data = yaml.safe_load((ROOT / "data" / "exercises" / "back-extension.yaml").read_text(encoding="utf-8"))
    start = resolve_all(Figures.model_validate(data["figures"]))[0]
    pts = start.body.points
    for side in ("near", "far"):
        assert pts[f"{side}.elbow"][1] > pts["head"][1] + 5, side
        assert pts[f"{side}.elbow"][0] < pts["head"][0], side


def test_prop_too_high_or_too_low():
    assert problems(start={"pose": "sitting-on-chair", "knee": 30}) == [
        "figures.start: the pelvis is only 15 cm above the floor, too low to rest on a chair "
        "(a chair is 36 to 52 cm high): change the pose or the prop"
    ]
    # Lying on a roller is fine: the body rests on it.
    assert problems(start={"pose": "supine", "support": {"lumbar": "roller"}}) == []


def test_figure_that_would_tip_over():
    assert problems(start={"pose": "standing", "trunk": 40, "hip": 0}) == [
        "figures.start: the figure would tip over forwards: its weight is 42 cm beyond the feet that carry it; "
        "change hip, knee or trunk, or add a support"
    ]


def test_unknown_names_suggest_the_right_one():
    assert problems(start={"pose": "all-four"}) == [
        "figures.start.pose: unknown pose 'all-four': did you mean 'all-fours'?"
    ]
    assert problems(start={"pose": "all-fours", "kne": 30}) == [
        "figures.start: unknown joint or field 'kne': did you mean 'knee'?"
    ]
    assert problems(start={"pose": "all-fours", "near": {"elbw": 30}}) == [
        "figures.start.near: unknown joint 'elbw': did you mean 'elbow'?"
    ]
    assert problems(start={"pose": "supine", "support": {"shin": "chair"}}) == [
        "figures.start.support: unknown body part 'shin': did you mean 'shins'?"
    ]
    assert figure_problems({"alt": "x", "strat": {"pose": "supine"}}) == [
        "figures: unknown field 'strat': did you mean 'start'?"
    ]
    assert figure_problems({"alt": "x", "start": {"pose": "supine"}, "props": ["matt"]}) == [
        "figures.props: unknown prop 'matt': did you mean 'mat'?"
    ]


def test_other_mistakes():
    assert problems(start={"pose": "all-fours", "trunk": 30}) == [
        "figures.start.trunk: trunk has no effect on 'all-fours', which rests on hands and knees: "
        "change hip, knee or shoulder instead"
    ]
    assert problems(start={"pose": "all-fours", "spine": 20, "lumbar": 10}) == [
        "figures.start: give either spine, or lumbar and thoracic, not both"
    ]
    assert figure_problems({"alt": "x", "props": ["chair"], "start": {"pose": "supine"}}) == [
        "figures.props: the chair is not under any body part: add support: {part: chair} to a phase "
        "(e.g. {shins: chair} or {pelvis: chair}), or remove it from props"
    ]
    assert figure_problems({"alt": "x", "start": {"pose": "supine"}, "middle": {"pose": "supine"}}) == [
        "figures: a middle position needs an end position"
    ]
    assert figure_problems({"alt": "Lift <b>", "start": {"pose": "supine"}}) == [
        "figures.alt: contains HTML: write plain text"
    ]


def test_the_exercise_model_uses_the_figures_model():
    from lumbar.model import Exercise

    assert Exercise.model_fields["figures"].annotation == Figures | None


def test_every_joint_has_a_range_that_contains_zero():
    for name, (low, high, text) in JOINTS.items():
        assert low <= 0 <= high and text, name


# The SVG: deterministic, labelled, and safe under a strict Content-Security-Policy.

CAT = figs(
    alt="On all fours, the back rounds up & then arches down.",
    props=["mat"],
    start={"pose": "all-fours"},
    middle={"pose": "all-fours", "spine": 30, "neck": 25, "note": "back rounded"},
    end={"pose": "all-fours", "spine": -25, "neck": -25, "note": "back arched"},
)


RENDER_CAT = """
import json, sys
from lumbar.figures import Figures, render_figures
sys.stdout.write(render_figures(Figures.model_validate(json.loads(sys.argv[1])), "Cat"))
"""


def two_decimals(svg: str) -> list[str]:
    """Numbers written with two or more decimals, outside keyTimes (whose fractions may need them)."""
    return re.findall(r"\d\.\d\d+", re.sub(r'keyTimes="[^"]*"', "", svg))


def test_svg_is_deterministic():
    """The same drawing from separate processes (separate caches, other hash seeds) and in this one."""
    import json
    import os
    import subprocess
    import sys

    here = render_figures(Figures.model_validate(CAT), "Cat")
    runs = [
        subprocess.run(
            [sys.executable, "-c", RENDER_CAT, json.dumps(CAT)],
            check=True,
            cwd=ROOT,
            capture_output=True,
            text=True,
            env=dict(os.environ, PYTHONHASHSEED=seed),
        ).stdout
        for seed in ("1", "2")
    ]
    assert runs[0] == runs[1] == here
    assert "<svg" in here and "keyTimes" in here
    assert two_decimals(here) == []  # one decimal at most, bar keyTimes


def test_decimal_check_catches_two_decimals():
    assert two_decimals('<path d="M1.25 3.5"/><animate keyTimes="0;0.25;1"/>') == ["1.25"]
    assert two_decimals('<path d="M1.2 3.5"/><animate keyTimes="0;0.25;1"/>') == []


def test_svg_has_titles_and_a_caption_from_the_alt_text():
    html = render_figures(Figures.model_validate(CAT), "Cat")
    assert html.startswith('<figure class="lh-figures lh-figures-3 ') and html.endswith("</figure>")
    assert "<figcaption>On all fours, the back rounds up &amp; then arches down.</figcaption>" in html
    titles = re.findall(r'<title id="([^"]+)">([^<]+)</title>', html)
    assert [t for _, t in titles] == [
        "Cat, start: On hands and knees.",
        "Cat, middle: On hands and knees, back rounded.",
        "Cat, end: On hands and knees, back arched.",
    ]
    for tid, _ in titles:
        assert html.count(f'aria-labelledby="{tid}"') == 1
    assert html.count('role="img"') == 4  # three still positions and the moving drawing
    assert render_figures(Figures.model_validate(CAT), "Cat", animate=False).count('role="img"') == 3
    assert "\n\n" not in html and "\n" not in html  # safe as a raw HTML block in Markdown


def test_per_phase_alt_text_wins():
    block = Figures.model_validate(
        figs(start={"pose": "supine", "alt": "Lying flat on the back."}, end={"pose": "supine-knees-bent"})
    )
    assert "<title" in render_figures(block, "X") and ">Lying flat on the back.</title>" in render_figures(block, "X")


def test_no_inline_styles_scripts_or_handlers():
    outputs = [render_figures(Figures.model_validate(CAT), "Cat"), render_thumbnail(Figures.model_validate(CAT))]
    for name in BASE_POSES:
        block = Figures.model_validate(figs(start={"pose": name}, end={"pose": name, "neck": 10}))
        outputs += [render_figures(block, name), render_thumbnail(block)]
    for html in outputs:
        assert "style=" not in html and "<style" not in html
        assert "<script" not in html and "javascript:" not in html
        assert re.search(r"\son[a-z]+\s*=", html) is None
        # The only links: a ghost's <use> of the panel before's body, in the same figure.
        for ref in re.findall(r'href="([^"]*)"', html):
            assert ref.startswith("#lh-fig-") and f'id="{ref[1:]}"' in html, ref


def test_motion_is_hidden_unless_the_stylesheet_shows_it():
    html = render_figures(Figures.model_validate(CAT), "Cat")
    assert html.count('<g class="lh-motion" display="none">') == 1
    assert "<animate " in html
    still = render_figures(Figures.model_validate(CAT), "Cat", animate=False)
    assert "<animate" not in still and "lh-motion" not in still
    css = (ROOT / "docs" / "assets" / "stylesheets" / "figures.css").read_text(encoding="utf-8")
    assert "prefers-reduced-motion: no-preference" in css and "@media print" in css


def test_thumbnail_is_small_and_labelled():
    thumb = render_thumbnail(Figures.model_validate(CAT))
    assert 'class="lh-figure-thumb"' in thumb and 'role="img"' in thumb
    assert 'aria-label="On all fours, the back rounds up &amp; then arches down."' in thumb
    assert "<animate" not in thumb and "lh-ghost" not in thumb


def test_hold_only_figure_has_one_panel():
    html = render_figures(Figures.model_validate(figs(start={"pose": "lying-legs-on-chair"})), "Rest")
    assert html.count("<svg") == 1 and "Position" in html and "<animate" not in html


def test_gallery_links_every_exercise_and_escapes_titles():
    class Ex:
        def __init__(self, id, title, figures):
            self.id, self.title, self.figures = id, title, figures

    block = Figures.model_validate(CAT)
    html = gallery_markdown([Ex("cat", "Cat & cow", block), Ex("plank", "Plank", None)])
    assert '<a href="../exercises/cat/">Cat &amp; cow</a>' in html
    assert "Not drawn yet" in html and "../exercises/plank/" in html
    assert missing_figures([Ex("cat", "Cat", block), Ex("plank", "Plank", None)]) == ["plank"]


# The data: every exercise has figures that are possible poses.


@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.stem)
def test_exercise_figures_are_valid(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    assert figure_problems(data["figures"]) == []  # every exercise has figures (test_every_exercise_has_figures)


def test_leg_side_shift_drawing_shows_the_legs_on_each_side():
    """Dikul item 4: both legs move together to one side, then to the other, with the upper body still. A panel that
    is not animated (the middle one) shows them to one side, so a still page or a print shows the shift too."""
    from lumbar.figures.drawing import Drawing

    data = yaml.safe_load((ROOT / "data/exercises/supine-leg-side-shift.yaml").read_text(encoding="utf-8"))
    phases = Drawing(Figures.model_validate(data["figures"]), animate=False).resolved
    assert [r.name for r in phases] == ["start", "middle", "end"]
    # Sideways on the floor (z, in cm): the feet's midpoint, and the head.
    feet = [(r.body.points["near.ankle"][2] + r.body.points["far.ankle"][2]) / 2 for r in phases]
    heads = [r.body.points["head"][2] for r in phases]
    assert abs(feet[0]) < 1
    assert feet[1] > 20 and feet[2] < -20, feet  # one side, then the other, well clear of the middle
    # Both legs go the same way (they do not spread apart) and the upper body does not move.
    for r, side in zip(phases[1:], (1, -1), strict=True):
        for leg in ("near", "far"):
            assert side * (r.body.points[f"{leg}.ankle"][2] - phases[0].body.points[f"{leg}.ankle"][2]) > 8, (
                r.name,
                leg,
            )
    assert max(heads) - min(heads) < 0.5


# The built site: every exercise page carries its drawings, every routine sheet its start and end drawings.


def _page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_every_exercise_page_carries_its_figures_with_alt_text(site, handbook):
    from html import escape

    drawn = {i: ex for i, ex in handbook.exercises.items() if ex.figures is not None}
    assert drawn, "no exercise has figures"
    for ex_id, ex in drawn.items():
        page = _page(site, f"exercises/{ex_id}")
        assert page.count('<figure class="lh-figures') == 1, ex_id
        assert f"<figcaption>{escape(ex.figures.alt, quote=False)}</figcaption>" in page, ex_id
        figure = page[
            page.index('<figure class="lh-figures') : page.index("</figure>", page.index('<figure class="lh-figures'))
        ]
        phases = len(ex.figures.phases())
        moving = 1 if phases > 1 else 0  # the moving drawing, a panel of its own
        assert figure.count('role="img"') == phases + moving and figure.count("<title id=") == phases, ex_id
        assert figure.count("lh-figure-moving") == moving, ex_id
        for tid in re.findall(r'<title id="([^"]+)">[^<]+</title>', figure):
            assert f'aria-labelledby="{tid}"' in figure


def test_every_routine_sheet_shows_start_and_end_figures_per_row(site, handbook):
    """Each sheet row carries its exercise's start and end drawings as images of api/thumbs/ files that exist (print.css
    shows them), with the drawings' titles as alt text; no inline drawing (issue 26: the page's element count)."""
    for routine_id, routine in handbook.routines.items():
        page = _page(site, f"routines/{routine_id}")
        rows = re.findall(r'<td class="lh-figs lh-print-only"[^>]*>(.*?)</td>', page, re.S)
        assert len(rows) == len(routine.items), routine_id
        for n, (item, row) in enumerate(zip(routine.items, rows, strict=True), 1):
            ex = handbook.exercises[item.exercise]
            if ex.figures is None:
                continue
            assert "<svg" not in row, (routine_id, n)
            want = [item.exercise] + ([f"{item.exercise}-end"] if len(ex.figures.phases()) > 1 else [])
            srcs = re.findall(r'<img src="([^"]+)" alt="[^"]+"', row)
            assert srcs == [f"../../api/thumbs/{name}.svg" for name in want], (routine_id, n, srcs)
            for src in srcs:
                assert (site / "routines" / routine_id / src).resolve().is_file(), src


def test_thumb_files_carry_no_words(site):
    """api/thumbs/ serves every language: no English word in its drawings (the hold mark keeps its clock)."""
    thumbs = sorted((site / "api" / "thumbs").glob("*.svg"))
    assert len(thumbs) > 100
    for path in thumbs:
        assert "<text" not in path.read_text(encoding="utf-8"), path.name


def test_gallery_pages_show_every_drawn_exercise_once(site, handbook):
    """The gallery is split into pages of at most 24 drawings, chained by next and previous links, so no page
    grows with the data."""
    from lumbar.content.gallery import GALLERY_PAGE

    pages = {"gallery": _page(site, "gallery")}
    pages.update(
        {
            f"gallery/{p.parent.name}": p.read_text(encoding="utf-8")
            for p in sorted((site / "gallery").glob("*/index.html"))
        }
    )
    assert len(pages) == -(-len(handbook.exercises) // GALLERY_PAGE) > 1
    shown = []
    for url, page in pages.items():
        cards = re.findall(r'class="lh-gallery-item" id="fig-([a-z0-9-]+)"', page)
        assert 0 < len(cards) <= GALLERY_PAGE, url
        prefix = "../" * url.count("/") + "../"
        for ex_id in cards:
            assert f'href="{prefix}exercises/{ex_id}/"' in page, (url, ex_id)
        n = 1 if url == "gallery" else int(url.split("/")[1])
        if n < len(pages):
            assert f'href="{prefix}gallery/{n + 1}/" rel="next"' in page, url
        if n > 1:
            assert f'href="{prefix}{"gallery" if n == 2 else f"gallery/{n - 1}"}/" rel="prev"' in page, url
        shown += cards
    assert sorted(shown) == sorted(i for i, ex in handbook.exercises.items() if ex.figures is not None)


def test_stylesheet_is_on_every_page(site):
    """figures.css on every page of the site (not only one): a drawing may sit on any page."""
    pages = [p for p in site.rglob("*.html") if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")]
    assert len(pages) > 100, len(pages)
    missing = [
        p.relative_to(site).as_posix()
        for p in pages
        if not re.search(
            r'<link rel="stylesheet" href="[^"]*assets/stylesheets/figures\.css', p.read_text(encoding="utf-8")
        )
    ]
    assert not missing, missing


def test_reference_lists_every_pose_joint_and_prop():
    from lumbar.figures import reference_markdown
    from lumbar.figures.model import PROPS

    text = reference_markdown()
    for name in [*BASE_POSES, *JOINTS, *PROPS]:
        assert f"`{name}`" in text, name


# The leaflet style: what a reader needs to see in every drawing.

DRAWN = [p for p in EXERCISES if "figures" in (yaml.safe_load(p.read_text(encoding="utf-8")) or {})]


def _panels(html: str) -> list[str]:
    return re.findall(r'<div class="lh-figure-panel[^"]*">(.*?)</svg>', html)


def test_a_ghost_only_for_short_movements_and_circles():
    """The ghost of the position before is drawn where the arrow alone cannot show the movement: a short one (the
    forward reach on all fours), a circle (hip circles); not for a long one (the double knee to chest)."""
    from lumbar.figures.drawing import GHOSTLESS

    def drawing(name):
        data = yaml.safe_load((ROOT / f"data/exercises/{name}.yaml").read_text(encoding="utf-8"))
        return Drawing(Figures.model_validate(data["figures"]), animate=False)

    reach, circles, knees = (
        drawing("all-fours-forward-reach"),
        drawing("all-fours-hip-circles"),
        drawing("double-knee-to-chest"),
    )
    assert reach.travel[0] < GHOSTLESS and reach.ghosted(1)
    assert circles.figs.motion == "circle" and circles.ghosted(1)
    assert knees.travel[0] > GHOSTLESS and not knees.ghosted(1)


@pytest.mark.parametrize("path", DRAWN, ids=lambda p: p.stem)
def test_every_drawing_has_a_floor_an_arrow_and_its_own_still_positions(path):
    """Every panel stands on a floor or mat; every later still panel has an arrow (and a ghost of the position
    before only for a short movement or a circle); the still panels do not move
    (only the moving panel does), and End draws the end position: the same body as the sheet's end drawing."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    block = Figures.model_validate(data["figures"])
    html = render_figures(block, data["title"])
    panels = _panels(html)
    n = len(block.phases())
    stills, moving = panels[:n], panels[n:]
    assert len(moving) == (1 if n > 1 else 0)
    for i, panel in enumerate(stills):
        assert 'class="lh-floor"' in panel or 'class="lh-mat"' in panel or "lh-paper" in panel.split("<g")[0], i
        assert "<animate" not in panel, i
        if i:
            assert 'class="lh-arrow"' in panel, (path.stem, i)
            # the position before, faint, only where the arrow alone cannot show the movement (issue 26: clutter)
            assert ('class="lh-ghost"' in panel) == Drawing(block, animate=False).ghosted(i), (path.stem, i)
    if n > 1:
        shapes = re.compile(r'<path d="([^"]+)"[^>]*paint-order="stroke"')
        drawn = shapes.findall(stills[-1].split("lh-ghost")[-1])
        assert drawn == shapes.findall(render_thumbnail(block, phase="end"))
        assert drawn != shapes.findall(render_thumbnail(block))
        assert "<animate" in moving[0] and 'class="lh-motion"' in moving[0]
    if any(phase.hold for _, phase in block.phases()):
        assert 'class="lh-hold"' in html
        assert "12 s" in render_thumbnail(block, phase="end" if block.end else "start", hold=12)
    one_sided = any(phase.near is not None or phase.far is not None for _, phase in block.phases())
    assert one_sided or 'class="lh-side"' not in html, path.stem  # a side mark only where the sides differ


def _arrows(name):
    data = yaml.safe_load((ROOT / f"data/exercises/{name}.yaml").read_text(encoding="utf-8"))
    html = render_figures(Figures.model_validate(data["figures"]), "x", animate=False)
    # the ink line and the heads of each arrow (after its paper halo)
    return html, re.findall(
        r'<g class="lh-arrow">.*?<path d="([^"]*)" (?:fill="none" )?stroke="currentColor"[^>]*/><path d="([^"]*)"', html
    )


def test_a_small_movement_gets_an_arrow_long_enough_to_see():
    """A forward reach moves the body a few centimetres: the arrow is enlarged (arrows.MIN_ARROW)."""
    _, arrows = _arrows("all-fours-forward-reach")
    assert arrows, "no arrow"
    nums = [float(v) for v in re.findall(r"-?[\d.]+", arrows[0][0])]
    x0, y0, x1, y1 = nums[0], nums[1], nums[-2], nums[-1]
    assert ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5 > 18


def test_the_arrow_says_how_the_movement_repeats():
    """motion: circle draws a round arrow, rock a head at each end, once one head; other_side an R-L mark on the
    last position only; a hold mark only where a position is held."""
    html, arrows = _arrows("all-fours-hip-circles")
    assert len(arrows) == 1 and "A" in arrows[0][0] and arrows[0][1].count("Z") == 1
    html, arrows = _arrows("downward-upward-dog")
    assert arrows and all(heads.count("Z") == 2 for _, heads in arrows)
    assert 'class="lh-hold"' not in html  # the steps rock, they do not hold
    html, arrows = _arrows("heel-slides")  # the legs bend and straighten again
    assert arrows and all(heads.count("Z") == 2 for _, heads in arrows)
    html, arrows = _arrows("crunch")
    assert arrows and all(heads.count("Z") == 1 and "A" not in line for line, heads in arrows)
    assert "lh-other-side" not in html
    html, _ = _arrows("leg-circles")
    panels = html.split('class="lh-figure-panel"')[1:]
    assert ["lh-other-side" in p for p in panels] == [False, True]


def test_side_marks_name_the_right_and_left_in_the_page_language():
    """Near limbs are the right side: bird dog lifts the near (right) arm and the far (left) leg."""
    data = yaml.safe_load((ROOT / "data/exercises/bird-dog.yaml").read_text(encoding="utf-8"))
    block = Figures.model_validate(data["figures"])
    en = render_figures(block, "x")
    assert ">R</text>" in en and ">L</text>" in en
    words = {"R (right side)": "П", "L (left side)": "Л"}
    ru = render_figures(block, "x", t=lambda w: words.get(w, w))
    assert ">П</text>" in ru and ">Л</text>" in ru


def test_the_face_shows_where_the_head_points():
    """In profile a nose sticks out on the face's side of the head: flip the facing, the nose moves."""
    from lumbar.figures.drawing import Drawing
    from lumbar.figures.outline import profile

    d = Drawing(Figures.model_validate(figs(start={"pose": "standing"})), animate=False)
    r = d.resolved[0]
    assert profile(r.body, d.view)
    head = d.view(r.body.points["head"])
    nose = d.view(r.body.points["nose1"])
    assert nose[0] > head[0]  # a standing figure faces right


def test_far_limbs_lie_up_and_back_of_the_near_ones_in_side_view():
    """A slight three-quarter view: two legs read as two (the far hip drawn above and behind the near one)."""
    from lumbar.figures.drawing import Drawing

    d = Drawing(Figures.model_validate(figs(start={"pose": "prone"})), animate=False)
    pts = d.resolved[0].body.points
    near, far = d.view(pts["near.hip"]), d.view(pts["far.hip"])
    assert far[1] < near[1] - 3 and far[0] < near[0] - 2, (near, far)


def test_the_ghost_is_washed_out_and_arrows_have_a_paper_halo():
    """The position before is a <use> that figures.css washes out (no ink, so never taken for the far limbs, which
    keep a black outline); every arrow has a wide paper stroke under its ink where it crosses the body."""
    css = (ROOT / "docs/assets/stylesheets/figures.css").read_text(encoding="utf-8")
    rule = re.search(r"\.lh-figures \.lh-ghost \{([^}]*)\}", css)
    assert rule and "filter: contrast(0.25) brightness(1.5)" in rule.group(1) and "opacity: 1" in rule.group(1)
    html = render_figures(Figures.model_validate(CAT), "Cat", animate=False)
    assert html.count('class="lh-ghost"') == 2
    groups = re.findall(r'<g class="lh-arrow">(.*?)</g>', html)
    assert groups
    for g in groups:
        halo, ink = re.findall(r'<path d="([^"]*)" (?:fill="none" )?stroke="([^"]*)"', g)[:2]
        assert halo[0] == ink[0] and halo[1] == "#fff" and 'class="lh-halo" stroke-width="7"' in g
    assert re.search(r"\.lh-halo \{\s*stroke: var\(--lg\)", css)


def test_lying_figures_stack_and_their_start_is_not_half_empty():
    """A drawing wider than twice its height stacks its positions (figures.css); each stacked panel keeps the width
    but crops the room above its own body, so a lying start is not a thin strip under empty space."""
    data = yaml.safe_load((ROOT / "data/exercises/superman.yaml").read_text(encoding="utf-8"))
    html = render_figures(Figures.model_validate(data["figures"]), "x", animate=False)
    assert "lh-figures-wide" in html
    boxes = [tuple(map(float, b.split())) for b in re.findall(r'viewBox="([^"]+)" class="lh-figure-svg"', html)]
    (x0, y0, w0, h0), (x1, y1, w1, h1) = boxes
    assert (x0, w0) == (x1, w1) and y0 + h0 == y1 + h1  # same width, scale and floor
    assert h0 < 0.7 * h1, (h0, h1)  # the start lies flat: much less room above it
    css = (ROOT / "docs/assets/stylesheets/figures.css").read_text(encoding="utf-8")
    assert re.search(r"\.lh-figures-wide \.lh-figures-row \{\s*flex-direction: column;", css)
    cat = render_figures(Figures.model_validate(CAT), "Cat", animate=False)
    assert "lh-figures-wide" not in cat and "lh-figures-flat" in cat  # side by side, stacked on a phone only
    boxes = [tuple(map(float, b.split())) for b in re.findall(r'viewBox="([^"]+)" class="lh-figure-svg"', cat)]
    assert len({(x, w, y + h) for x, y, w, h in boxes}) == 1  # same width, scale and bottom: the floors in line
    assert re.search(r"max-width: 40em\) \{\s*\.lh-figures-flat \.lh-figures-row \{\s*flex-direction: column;", css)


def test_the_twisting_back_extension_raises_a_visibly_bent_arm():
    """Panel 7: the raised arm read as straight, its elbow bent towards the viewer. The bend lies across the view."""
    data = yaml.safe_load((ROOT / "data" / "exercises" / "twisting-back-extension.yaml").read_text(encoding="utf-8"))
    d = Drawing(Figures.model_validate(data["figures"]), animate=False)
    p = d.resolved[-1].body.points
    s, e, w = (d.view(p[f"near.{j}"]) for j in ("shoulder", "elbow", "wrist"))
    turn = math.atan2(w[1] - e[1], w[0] - e[0]) - math.atan2(e[1] - s[1], e[0] - s[0])
    assert abs(math.degrees((turn + math.pi) % (2 * math.pi) - math.pi)) >= 90, "the arm looks nearly straight"


def test_the_prone_double_leg_raise_lifts_the_feet_clear():
    """Panel 7: the feet rose 8 cm, the lift read as small; a clear gap shows both legs lifting."""
    from lumbar.figures.solver import resolve_all

    data = yaml.safe_load((ROOT / "data" / "exercises" / "prone-double-leg-raise.yaml").read_text(encoding="utf-8"))
    start, end = resolve_all(Figures.model_validate(data["figures"]))
    for side in ("near", "far"):
        rise = end.body.points[f"{side}.ankle"][1] - start.body.points[f"{side}.ankle"][1]
        assert rise >= 14, f"the {side} foot rises only {rise:.0f} cm"
