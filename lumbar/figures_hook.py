"""Connects the exercise drawings (lumbar.figures) to the page templates."""

from __future__ import annotations

import functools

from markupsafe import Markup

from lumbar.figures import render_figures, render_thumbnail
from lumbar.figures.model import Figures


@functools.lru_cache(maxsize=20_000)
def _drawn(figures_json: str, title: str) -> str:
    """A drawing is a pure function of its figures and title: `make serve` stages again on every edit and
    draws again only what changed (about 4 ms a drawing)."""
    return render_figures(Figures.model_validate_json(figures_json), title)


def figures(exercise) -> Markup:
    """The start and end drawings of an exercise, for its page ('' when it has none yet)."""
    return Markup(_drawn(exercise.figures.model_dump_json(by_alias=True), exercise.title)) if exercise.figures else Markup()


@functools.lru_cache(maxsize=20_000)
def _thumb(figures_json: str) -> str:
    return render_thumbnail(Figures.model_validate_json(figures_json))


def thumbnail_svg(figures) -> str:
    """The small start drawing: a routine sheet's row, the builder's list, the session player (drawn once)."""
    return _thumb(figures.model_dump_json(by_alias=True))


def thumbnail(exercise) -> Markup:
    """The small start drawing for a routine sheet row ('' when it has none yet)."""
    return Markup(thumbnail_svg(exercise.figures)) if exercise.figures else Markup()


def register(renderer) -> None:
    renderer.extras.update(figures=figures, thumbnail=thumbnail)
