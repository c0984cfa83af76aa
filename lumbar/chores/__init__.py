"""Chores that need the test tools (Playwright, pypdf): the picture of a printed sheet, an exercise's drawing
as PNG, the check of a built site. Each module is a verb of `python -m lumbar` (lumbar/__main__.py)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the repository
