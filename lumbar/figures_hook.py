"""Connects the exercise drawings (lumbar.figures) to the page templates."""

from __future__ import annotations


def register(renderer) -> None:
    """Make `figures(exercise)` and `thumbnail(exercise)` available to the templates."""
