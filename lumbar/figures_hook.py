"""Connects the exercise drawings (lumbar.figures) to the page templates."""

from __future__ import annotations

from markupsafe import Markup

from lumbar.figures import render_figures, render_thumbnail


def figures(exercise) -> Markup:
    """The start and end drawings of an exercise, for its page ('' when it has none yet)."""
    return Markup(render_figures(exercise.figures, exercise.title)) if exercise.figures else Markup()


def thumbnail(exercise) -> Markup:
    """The small start drawing for a routine sheet row ('' when it has none yet)."""
    return Markup(render_thumbnail(exercise.figures)) if exercise.figures else Markup()


def register(renderer) -> None:
    renderer.extras.update(figures=figures, thumbnail=thumbnail)
