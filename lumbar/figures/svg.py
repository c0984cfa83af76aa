"""Inline SVG drawings of the poses for the pages: deterministic, no styles, no scripts.

render_figures draws an exercise's phases side by side (drawing.py does the work), render_thumbnail
its start position for a routine sheet; the SVG prints in black.
"""

from __future__ import annotations

import hashlib
import re
from html import escape

from lumbar.figures.base_poses import BASE_POSES
from lumbar.figures.drawing import Drawing
from lumbar.figures.solver import Resolved

LABELS = {"start": "Start", "middle": "Middle", "end": "End"}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "figure"


def _uid(figs, title: str) -> str:
    digest = hashlib.sha1((title + figs.model_dump_json()).encode()).hexdigest()[:6]
    return f"{_slug(title)}-{digest}"


def _same(text: str) -> str:
    return text


def _phase_title(title: str, r: Resolved, label: str, t=_same) -> str:
    if r.alt:
        return r.alt
    text = f"{title}, {label.lower()}: {t(BASE_POSES[r.base].title)}"
    if r.note:
        text += f", {r.note}"
    return text + "."


def render_figures(figs, title: str, *, uid: str | None = None, animate: bool = True, t=_same, hold=None) -> str:
    """The figures of one exercise as an HTML fragment (one line, no blank lines).

    A <figure class="lh-figures"> with a still panel per phase (start, middle, end) side by side; each
    later panel shows the one before it as a faint ghost, with arrows. With animate, a further panel
    moves from start to end and back where motion is welcome (see figures.css). figs: a Figures model;
    title: the exercise title; t: the page language's words for the labels and the base poses
    (lumbar.i18n.ui.UI.t); hold: seconds to write by the hold mark (a routine's dose), if known.
    """
    d = Drawing(figs, animate=animate, t=t)
    uid = uid or _uid(figs, title)
    panels = []
    n = len(d.resolved)
    for i, r in enumerate(d.resolved):
        label = t(LABELS[r.name] if n > 1 else "Position")
        ptitle = _phase_title(title, r, label, t)
        ghost = f"lh-fig-{uid}-{d.resolved[i - 1].name}-b" if i else None
        svg = d.panel(i, f"lh-fig-{uid}-{r.name}", ptitle, ghost_id=ghost, hold=hold)
        caption = f'<span class="lh-figure-step">{escape(label)}</span>'
        if r.note:
            caption += f' <span class="lh-figure-note">{escape(r.note)}</span>'
        panels.append(f'<div class="lh-figure-panel">{svg}<p class="lh-figure-label">{caption}</p></div>')
    moving = ""
    if animate and n > 1 and d.frames:
        label = t("Movement")
        moving = (
            f'<div class="lh-figure-panel lh-figure-moving">{d.motion_panel(figs.alt)}'
            f'<p class="lh-figure-label"><span class="lh-figure-step">{escape(label)}</span></p></div>'
        )
    # Wide strips stack everywhere; flat ones on a phone only (figures.css).
    wide = " lh-figures-wide" if d.wide else " lh-figures-flat" if d.flat else ""
    return (
        # data-search-exclude: Material's search leaves the drawings' labels and caption out of the index
        f'<figure class="lh-figures lh-figures-{n}{wide}" data-view="{d.view.name}" data-search-exclude>'
        f'<div class="lh-figures-row">{"".join(panels)}</div>{moving}'
        f"<figcaption>{escape(figs.alt)}</figcaption></figure>"
    )


def render_thumbnail(figs, title: str | None = None, phase: str = "start", hold=None, t=_same) -> str:
    """A small drawing of one position (the start by default; phase="end" for the last) for a routine sheet
    row, the builder or the session (an <svg>, about 80 px wide by CSS); hold: seconds for the hold mark."""
    last = phase != "start" and (figs.end is not None)
    d = Drawing(figs, animate=False, start_only=not last, t=t)
    i = len(d.resolved) - 1 if last else 0
    r = d.resolved[i]
    text = r.alt or figs.alt
    return d.panel(i, None, text, thumb=True, hold=hold)


def drawing_stats(figs) -> dict:
    """For tests and the gallery: viewBox and phase names."""
    d = Drawing(figs, animate=False)
    return {"viewBox": d.box, "phases": [r.name for r in d.resolved]}
