"""The data the guided session player (docs/session.md) needs: a routine's items and doses with their notes,
editorial notes, stop rules and cautions, and each of its exercises' name, position, steps, breathing and start
drawing.

Online the page carries none of it, so its weight does not grow with the handbook: the player fetches one file
for a routine, api/session/<routine>.json (the routine and its exercises), or, for a builder's routine, one file
per exercise chosen, api/session/exercises/<exercise>.json; the service worker keeps what a visited session
fetched. The addresses in these files are relative to the session page that reads them (each language's stage
writes its own files, in its own language). The offline copy opens from a folder, where fetch() does not work:
its page carries every routine and exercise, as a JSON data block."""

from __future__ import annotations

import json

from markupsafe import Markup

from lumbar.figures_hook import thumbnail_svg as render_thumbnail
from lumbar.handbook import Handbook

API = "api/session/"  # in the site; the player's data files


def routine_entry(hb: Handbook, rid: str, links) -> dict:
    r = hb.routines[rid]
    return {
        "title": r.title,
        "url": links.item("routines", rid),
        "stop_rules": list(r.stop_rules),
        # Every stop sign this routine's readers see (general, the routine's own, those for its conditions, such as
        # pregnancy); urgency "now" / "same-day" marks the ones that mean stop and call.
        "stop_signs": [
            {"id": s.id, "title": s.title, "text": s.text, **({"urgency": s.urgency} if s.urgency else {})}
            for s in hb.stop_signs_for(rid)
        ],
        "emergency": hb.safety.emergency_line,
        **({"verdict": r.verdict} if r.verdict else {}),
        "cautions": list(r.cautions),
        "items": [it.model_dump(mode="json", exclude_none=True) for it in r.items],
    }


def exercise_entry(hb: Handbook, eid: str, links) -> dict:
    ex = hb.exercises[eid]
    return {
        "title": ex.title,
        "url": links.item("exercises", eid),
        "position": hb.positions[ex.position].title,
        "steps": list(ex.steps),
        "breathing": ex.breathing,
        "cautions": list(ex.cautions),
        "drawing": render_thumbnail(ex.figures) if ex.figures else "",
        "alt": ex.figures.alt if ex.figures else "",
    }


def player_data(hb: Handbook, links) -> dict:
    """Every routine and exercise (the offline copy's page)."""
    return {
        "routines": {rid: routine_entry(hb, rid, links) for rid in sorted(hb.routines)},
        "exercises": {eid: exercise_entry(hb, eid, links) for eid in sorted(hb.exercises)},
    }


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def data_block(hb: Handbook, links, embed: bool = False) -> Markup:
    """A <script type="application/json"> block (not run; no CSP hash needed), '<' escaped so no tag can end it:
    every routine and exercise when `embed` (the offline copy), else only where the data files are."""
    value = player_data(hb, links) if embed else {"api": links.asset(API)}
    text = _json(value).replace("<", "\\u003c")
    return Markup(f'<script type="application/json" id="lh-session-data">{text}</script>')


def files(hb: Handbook, links) -> dict[str, bytes]:
    """api/session/<routine>.json and api/session/exercises/<exercise>.json, by their path in the site; `links`
    are the session page's."""
    exercises = {eid: exercise_entry(hb, eid, links) for eid in sorted(hb.exercises)}
    out = {f"{API}exercises/{eid}.json": _json(entry).encode("utf-8") for eid, entry in exercises.items()}
    for rid, r in sorted(hb.routines.items()):
        used = {it.exercise: exercises[it.exercise] for it in r.items if it.exercise in exercises}
        doc = {"routine": routine_entry(hb, rid, links), "exercises": used}
        out[f"{API}{rid}.json"] = _json(doc).encode("utf-8")
    return out
