"""The data the guided session player (docs/session.md) needs, embedded in its page as a JSON data block:
every routine's items and doses with their notes, editorial notes, stop rules and cautions, and every
exercise's name, position, steps, breathing and start drawing. In the page, not fetched, so that it also
works from the offline copy (file://) and offline once the page was visited."""

from __future__ import annotations

import json

from markupsafe import Markup

from lumbar.figures_hook import thumbnail_svg as render_thumbnail
from lumbar.handbook import Handbook


def player_data(hb: Handbook, links) -> dict:
    routines = {}
    for rid, r in sorted(hb.routines.items()):
        routines[rid] = {
            "title": r.title,
            "url": links.item("routines", rid),
            "stop_rules": list(r.stop_rules),
            "cautions": list(r.cautions),
            "items": [it.model_dump(mode="json", exclude_none=True) for it in r.items],
        }
    exercises = {}
    for eid, ex in sorted(hb.exercises.items()):
        exercises[eid] = {
            "title": ex.title,
            "url": links.item("exercises", eid),
            "position": hb.positions[ex.position].title,
            "steps": list(ex.steps),
            "breathing": ex.breathing,
            "cautions": list(ex.cautions),
            "drawing": render_thumbnail(ex.figures) if ex.figures else "",
            "alt": ex.figures.alt if ex.figures else "",
        }
    return {"routines": routines, "exercises": exercises}


def data_block(hb: Handbook, links) -> Markup:
    """A <script type="application/json"> block (not run; no CSP hash needed), '<' escaped so no tag can end it."""
    text = json.dumps(player_data(hb, links), ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return Markup(f'<script type="application/json" id="lh-session-data">{text}</script>')
