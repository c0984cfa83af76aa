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

from lumbar.figures.model import Figures, missing_figures
from lumbar.figures.poses import BASE_POSES
from lumbar.figures.svg import render_figures, render_thumbnail
from lumbar.figures.validate import figure_problems, format_problem, validate_figures

__all__ = [
    "BASE_POSES",
    "Figures",
    "figure_problems",
    "format_problem",
    "gallery_markdown",
    "missing_figures",
    "render_figures",
    "render_thumbnail",
    "validate_figures",
]


def gallery_markdown(exercises, base_url: str = "../exercises/", animate: bool = False, link=None) -> str:
    """A grid of every exercise's figures, linked to its page: raw HTML, safe inside Markdown.

    exercises: objects with .id, .title and .figures (those without figures are listed as missing).
    link: a function from an exercise id to its page's address (default: base_url + id + "/").
    """
    link = link or (lambda ex_id: f"{base_url}{ex_id}/")
    cards, missing = [], []
    for ex in sorted(exercises, key=lambda e: e.id):
        if getattr(ex, "figures", None) is None:
            missing.append(ex)
            continue
        href = escape(link(ex.id))
        fig = render_figures(ex.figures, ex.title, uid=f"gallery-{ex.id}", animate=animate)
        cards.append(
            f'<div class="lh-gallery-item" id="fig-{escape(ex.id)}"><h2 class="lh-gallery-title"><a href="{href}">{escape(ex.title)}</a></h2>{fig}</div>'
        )
    out = [f'<div class="lh-gallery">{"".join(cards)}</div>']
    if missing:
        links = ", ".join(f'<a href="{escape(link(ex.id))}">{escape(ex.title)}</a>' for ex in missing)
        out.append(f'<p class="lh-gallery-missing">Not drawn yet: {links}.</p>')
    return "\n".join(out) + "\n"
