"""Connects the exercise drawings (lumbar.figures) to the page templates."""

from __future__ import annotations

import functools
import hashlib
import re
from html import escape

from markupsafe import Markup

from lumbar.figures import render_figures, render_thumbnail
from lumbar.figures.drawing import Drawing
from lumbar.figures.marks import wordless
from lumbar.figures.model import Figures
from lumbar.figures.svg import LABELS, _phase_title
from lumbar.i18n.ui import load_ui


@functools.lru_cache(maxsize=20_000)
def _drawn(figures_json: str, title: str, lang: str, uid: str | None) -> str:
    """A drawing is a pure function of its figures, title and language: `make serve` stages again on every
    edit and draws again only what changed (about 4 ms a drawing)."""
    ui = load_ui(lang)
    figs = Figures.model_validate_json(figures_json)
    return render_figures(figs, title, uid=uid, animate=uid is None, t=ui.t)


def figures(exercise, lang: str = "en", uid: str | None = None) -> Markup:
    """The start and end drawings of an exercise, for its page ('' when it has none yet); with a uid, the
    still drawing of the gallery."""
    if not exercise.figures:
        return Markup()
    return Markup(_drawn(exercise.figures.model_dump_json(by_alias=True), exercise.title, lang, uid))


@functools.lru_cache(maxsize=20_000)
def _thumb(figures_json: str, phase: str, hold: int | None, lang: str) -> str:
    t = load_ui(lang).t if lang != "en" else None
    return render_thumbnail(
        Figures.model_validate_json(figures_json), phase=phase, hold=hold, **({"t": t} if t else {})
    )


def thumbnail_svg(figures, phase: str = "start", hold: int | None = None, lang: str = "en") -> str:
    """A small drawing of one position: a routine sheet's row (phase="end" for its end drawing; hold: the
    routine's hold in seconds, written by the hold mark), the builder's list, the session player (drawn once)."""
    return _thumb(figures.model_dump_json(by_alias=True), phase, hold, lang)


def thumbnail(exercise, phase: str = "start", hold: int | None = None, lang: str = "en") -> Markup:
    """The small start (or end) drawing for a routine sheet row ('' when it has none yet)."""
    return Markup(thumbnail_svg(exercise.figures, phase, hold, lang)) if exercise.figures else Markup()


_WORDS = re.compile(r"<text\b[^>]*>[^<]*</text>")
_BOX = re.compile(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"')


@functools.lru_cache(maxsize=2_000)
def _image(figures_json: str, phase: str) -> str:
    figs = Figures.model_validate_json(figures_json)
    if phase == "start":
        svg = render_thumbnail(figs)
    else:  # the last position with its arrows, no ghost: an arrow shows the movement on a sheet's small drawing
        d = Drawing(figs, animate=False)
        last = len(d.resolved) - 1
        svg = d.panel(last, None, d.resolved[last].alt or figs.alt)
    return _WORDS.sub("", wordless(svg))


def image_svg(figures, phase: str = "start") -> str:
    """api/thumbs/<id>.svg (phase "start") and <id>-end.svg ("end"): standalone drawings for <img> (the builder,
    the printed sheet), one set for every language, so without words (a row's text gives the hold and the side;
    the marks keep their clock and circles)."""
    return _image(figures.model_dump_json(by_alias=True), phase)


def sheet_images(exercise, thumbs: str, lang: str = "en") -> Markup:
    """A routine sheet row's drawings: the start and end images (the start only for a position held still), with
    the drawings' titles in the page's language as alt text. thumbs: the address of api/thumbs/<id>, no .svg."""
    if not exercise.figures:
        return Markup()
    figs = exercise.figures
    t = load_ui(lang).t
    d = Drawing(figs, animate=False)
    phases = [(0, "start")] + ([(len(d.resolved) - 1, "end")] if len(d.resolved) > 1 else [])
    imgs, tall = [], False
    for i, phase in phases:
        r = d.resolved[i]
        label = t(LABELS[r.name] if len(d.resolved) > 1 else "Position")
        w, h = (float(v) for v in _BOX.search(image_svg(figs, phase)).groups())
        tall = tall or h > w
        src = f"{thumbs}{'-end' if phase == 'end' else ''}.svg"
        imgs.append(
            f'<img src="{escape(src)}" alt="{escape(_phase_title(exercise.title, r, label, t))}" '
            f'width="{round(w)}" height="{round(h)}" decoding="async">'
        )
    return Markup(f'<div class="lh-sheet-figs{" lh-tall" if tall else ""}">{"".join(imgs)}</div>')


def placeholder(html: str, drawings) -> Markup:
    """A small stand-in for a drawing (about 40 KB of SVG that Markdown and search need not read): kept in
    `drawings` (a mapping; lumbar.stage.DrawingFolder writes each to a file) by its hash, put back into the built page by `python -m lumbar postbuild` (lumbar/web/postbuild.py)."""
    if not html:
        return Markup()
    key = hashlib.sha1(html.encode("utf-8")).hexdigest()[:16]
    drawings[key] = html.encode("utf-8")
    return Markup(f'<div data-lumbar-drawing="{key}"></div>')


def register(renderer, drawings=None) -> None:
    """The drawing functions the templates call; with `drawings`, drawings are placeholders kept there."""
    lang = renderer.ui.code

    def page_figures(exercise) -> Markup:
        drawn = figures(exercise, lang)
        return drawn if drawings is None else placeholder(str(drawn), drawings)

    def sheet_figures(exercise, thumbs: str) -> Markup:
        """A routine sheet row's start and end drawings as <img> of the api/thumbs/<id> files (`thumbs`: their
        address from the page, without .svg), not inline SVG: a row's drawings are two elements, not about 57. print.css shows
        them one above the other, or side by side when the drawing is taller than wide (standing)."""
        return sheet_images(exercise, thumbs, lang)

    renderer.extras.update(figures=page_figures, thumbnail=thumbnail, sheet_figures=sheet_figures)
    if drawings is not None:
        renderer.extras["drawings"] = drawings
