"""Drawings of the exercises, from the `figures:` block of each exercise file.

The engine calls:
  render_figures(figs, title) -> HTML fragment for the exercise page
  render_thumbnail(figs) -> small <svg> for a routine sheet row
  validate_figures(figs) -> [(loc, message)] problems with the poses
  gallery_markdown(exercises) -> HTML for the gallery page
and includes docs/assets/stylesheets/figures.css.
"""

from __future__ import annotations

from html import escape

from lumbar.figures.base_poses import BASE_POSES
from lumbar.figures.model import Figures
from lumbar.figures.svg import render_figures, render_thumbnail
from lumbar.figures.validate import figure_problems, format_problem, validate_figures

__all__ = [
    "BASE_POSES",
    "Figures",
    "figure_problems",
    "format_problem",
    "gallery_markdown",
    "gallery_uid",
    "missing_figures",
    "reference_markdown",
    "render_figures",
    "render_thumbnail",
    "validate_figures",
]


def gallery_uid(ex_id: str) -> str:
    """The prefix of the ids in an exercise's drawings on the gallery (its own page has another)."""
    return f"gallery-{ex_id}"


def gallery_markdown(exercises, base_url: str = "../exercises/", animate: bool = False, link=None, figure=None) -> str:
    """A grid of every exercise's figures, linked to its page: raw HTML, safe inside Markdown.

    exercises: objects with .id, .title and .figures (those without figures are listed as missing).
    link: a function from an exercise id to its page's address (default: base_url + id + "/").
    figure: a function from an exercise to its figures' HTML (default: drawn here).
    """
    link = link or (lambda ex_id: f"{base_url}{ex_id}/")
    figure = figure or (lambda ex: render_figures(ex.figures, ex.title, uid=gallery_uid(ex.id), animate=animate))
    cards, missing = [], []
    for ex in sorted(exercises, key=lambda e: e.id):
        if getattr(ex, "figures", None) is None:
            missing.append(ex)
            continue
        href = escape(link(ex.id))
        fig = figure(ex)
        cards.append(
            f'<div class="lh-gallery-item" id="fig-{escape(ex.id)}"><h2 class="lh-gallery-title"><a href="{href}">{escape(ex.title)}</a></h2>{fig}</div>'
        )
    out = [f'<div class="lh-gallery">{"".join(cards)}</div>']
    if missing:
        links = ", ".join(f'<a href="{escape(link(ex.id))}">{escape(ex.title)}</a>' for ex in missing)
        out.append(f'<p class="lh-gallery-missing">Not drawn yet: {links}.</p>')
    return "\n".join(out) + "\n"


def reference_markdown() -> str:
    """The figure reference for contributors, generated from the model and the base poses."""
    from lumbar.figures.model import JOINTS, LIMB_JOINTS, PARTS, PROPS, SPINE_JOINTS, SUPPORT_PROPS, Figures, Phase

    def num(v):
        return str(int(v)) if float(v).is_integer() else str(v)

    out = [
        "## Drawings: the `figures:` block",
        "",
        "Each exercise file ends with a `figures:` block. The build draws the figure in side view (facing right) "
        "from it: a start position, an optional middle one, and an end position, each a **base pose** plus only "
        "the joints that differ. Angles are in degrees. The build checks every pose: joints within human range, "
        "nothing through the floor, the body supported and balanced.",
        "",
        "```yaml",
        "figures:",
        "  alt: On all fours, the back rounds up, then sags into an arch.",
        "  props: [mat]",
        "  start: {pose: all-fours}",
        "  middle: {pose: all-fours, spine: 75, neck: 35, note: back rounded up}",
        '  end: {pose: all-fours, spine: -50, neck: -35, note: "back arched, head up"}',
        "```",
        "",
        "Quote a `note` or `alt` that contains a comma or a colon when it is inside `{...}`.",
        "",
        "### Fields of `figures:`",
        "",
        "| Field | Required | What it is |",
        "| --- | --- | --- |",
    ]
    for name, field in Figures.model_fields.items():
        out.append(f"| `{name}` | {'yes' if field.is_required() else 'no'} | {field.description} |")
    out += ["", "### Fields of a position (`start`, `middle`, `end`)", "", "| Field | What it is |", "| --- | --- |"]
    for name, field in Phase.model_fields.items():
        key = field.alias or name
        if key.replace("_", "-") in JOINTS:
            continue
        out.append(f"| `{key}` | {field.description} |")
    out.append("| any joint below | Its angle in this position, for both sides at once. |")
    out += ["", "### Joints", "", "Whole body and back:", "", "| Joint | Range | Meaning |", "| --- | --- | --- |"]
    for name, (low, high, text) in SPINE_JOINTS.items():
        out.append(f"| `{name}` | {num(low)} to {num(high)} | {text} |")
    out += [
        "",
        "Arms and legs (give them at the top level for both sides, or under `near:` or `far:` for one side; "
        "near is the side towards the viewer and the person's right, drawn solid, far is the left, drawn grey inside "
        "an outline; an arrow of a limb that moves on one side only is marked R or L):",
        "",
        "| Joint | Range | Meaning |",
        "| --- | --- | --- |",
    ]
    for name, (low, high, text) in LIMB_JOINTS.items():
        out.append(f"| `{name}` | {num(low)} to {num(high)} | {text} |")
    out += ["", "### Base poses", "", "| Pose | Position | Rests on |", "| --- | --- | --- |"]
    for name, base in BASE_POSES.items():
        rests = (
            "rolls to rest on whatever touches"
            if base.settle
            else " and ".join((r[0] if isinstance(r, tuple) else r) for r in base.rest)
        )
        extra = f"; {', '.join(f'{p} on a {q}' for p, q in base.support.items())}" if base.support else ""
        out.append(f"| `{name}` | {base.title} | {rests}{extra} |")
    out += [
        "",
        "### Props and supports",
        "",
        "`props` lists what is drawn in every position: " + ", ".join(f"`{p}`" for p in PROPS) + ". "
        "A mat is drawn under the body, dumbbells in the hands, a barbell in the hands "
        "(or on the shoulders with `barbell: shoulders`), a wall behind the back.",
        "",
        "`support` puts a body part on a prop in one position, as `part: prop`, e.g. `support: {shins: chair}`. "
        "Parts: " + ", ".join(f"`{p}`" for p in PARTS) + ". The prop is drawn under the part at the part's height, "
        "which must suit it: "
        + "; ".join(f"{p} {num(lo)} to {num(hi)} cm" for p, (lo, hi) in SUPPORT_PROPS.items() if p != "wall")
        + ". Only the back rests on a wall: `support: {back: wall}`.",
        "",
        "### Views",
        "",
        "`view: side` (the default) suits most movements: it looks from the near side and a little from above and in "
        "front, so the far arm and leg show up and back of the near ones and the floor is a plane. Use `view: front` for "
        "movements to the side while standing (side bends, side raises) or with the legs raised (opening the legs), and "
        "`view: top` for movements along the floor while lying (knee rolls, butterfly, sliding side bends): it looks "
        "from high above, with the mat in perspective; `view: end` for lying movements across the body (knees rolling "
        "to one side, a hip turning, legs opening): it looks along the body from the feet and a little above, the mat "
        "in perspective. Put `hold: true` on a position that is held (only where the "
        "steps hold it): it gets a timer mark. `motion: rock` gives the arrows a head at each end (back and forth), "
        "`motion: circle` a round arrow (circles), `motion: eight` an eight-shaped one (hips tracing a figure of eight), "
        "`tall: true` an arrow rising over the head (stretch up tall), and `other_side: true` an R-L mark on the last "
        "position (then the other side). The position before is drawn pale and dashed behind each later one.",
        "",
        "### Checking",
        "",
        "`make check` reports a bad pose with its file, line and joint, for example "
        "`figures.end.knee: 200 degrees is outside the human range (0 to 160)`. "
        "`python -m lumbar figure-png <exercise-id>` draws one exercise to PNG (figures-png/), and "
        "`--all --part 1/4` a contact sheet of every exercise.",
        "",
    ]
    return "\n".join(out)


def missing_figures(handbook_exercises) -> list[str]:
    """Ids (or titles) of exercises without a figures block, sorted.

    Takes a mapping id -> exercise, or an iterable of objects with .id (or .title) and .figures.
    """
    if isinstance(handbook_exercises, dict):
        items = handbook_exercises.items()
    else:
        items = ((getattr(e, "id", None) or getattr(e, "title", "?"), e) for e in handbook_exercises)
    return sorted(str(key) for key, exercise in items if getattr(exercise, "figures", None) is None)
