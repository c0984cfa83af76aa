"""Connects the exercise drawings (lumbar.figures) to the page templates."""

from __future__ import annotations

import functools
import hashlib
import re

from markupsafe import Markup

from lumbar.figures import render_figures, render_thumbnail
from lumbar.figures.model import Figures
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

    def sheet_figures(exercise, uid: str) -> Markup:
        """A routine sheet row's drawings, still, ids prefixed with `uid`: print.css shows the start and end, one
        above the other, or side by side when the drawing is taller than wide (standing)."""
        drawn = figures(exercise, lang, uid=uid)
        box = re.search(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"', str(drawn))
        tall = " lh-tall" if box and float(box[2]) > float(box[1]) else ""
        kept = drawn if drawings is None else placeholder(str(drawn), drawings)
        return Markup(f'<div class="lh-sheet-figs{tall}">') + kept + Markup("</div>")

    renderer.extras.update(figures=page_figures, thumbnail=thumbnail, sheet_figures=sheet_figures)
    if drawings is not None:
        renderer.extras["drawings"] = drawings
