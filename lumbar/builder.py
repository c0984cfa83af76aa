"""What the routine builder page (docs/builder.md, builder.js) reads: api/builder.json, a slim part of
the open data (the whole api/handbook.json would take the page over its weight budget), and each
exercise's start and end drawings as api/thumbs/<id>.svg and <id>-end.svg, loaded by <img> only for the exercises
chosen, and lib/published-ids.js, the ids a link of format 2 names by their position (lib/routine-link.js)."""

from __future__ import annotations

import json
import re

from lumbar.handbook import Handbook

_MARKS = re.compile(r"[*_`]")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def plain(text: str | None) -> str:
    """Light Markdown as plain text: the page puts data in as text only."""
    return _MARKS.sub("", _LINK.sub(r"\1", text or ""))


def _caveats(item, exercise) -> dict:
    """The item's caveats as the routine's printed sheet carries them (routine-items.html), in one short line."""
    notes = list(item.editorial) + (list(exercise.notes) if exercise else [])
    found = [plain(n.sheet or n.text) for n in notes if n.caveat]
    return {"caveats": found} if found else {}


def published_ids_js(hb: Handbook) -> str:
    """lib/published-ids.js: the published ids in their order (format 2 of a link names them by position)."""
    ids = hb.shared.get("published-ids.yaml")
    lines = [
        "// The handbook's published ids in the order data/published-ids.yaml lists them (append-only): a link of",
        "// format 2 names an exercise, routine or condition by its position here. Written by the build from the data",
        "// (lumbar/builder.py, published_ids_js); this copy is for node --test, and tests/test_builder.py keeps it equal.",
    ]
    for kind in ("exercises", "routines", "conditions"):
        lines.append(f"export const {kind.upper()} = {json.dumps(list(getattr(ids, kind)) if ids else [])};")
    return "\n".join(lines) + "\n"


def as_dict(hb: Handbook) -> dict:
    dose_keys = ("reps", "sets", "hold_seconds", "hold", "rest_seconds", "rest", "per_side")
    return {
        "format": 2,
        "exercises": [
            {
                "id": ex_id,
                "title": ex.title,
                "other_names": list(ex.other_names),
                "position": ex.position,
                "equipment": list(ex.equipment),
                "patterns": list(ex.patterns),
                "sides": ex.sides,
                "steps": [plain(s) for s in ex.steps],
                **({"key_step": ex.key_step} if ex.key_step != 1 else {}),  # 1 when left out (builder-sheet.js)
                "breathing": plain(ex.breathing),
                "easier": list(ex.easier),
                "harder": list(ex.harder),
                "aliases": list(ex.aliases),
                "cautions": [plain(c) for c in ex.cautions],
                "thumb": bool(ex.figures),
            }
            for ex_id, ex in sorted(hb.exercises.items())
        ],
        "routines": [
            {
                "id": r_id,
                "title": r.title,
                "cautions": [plain(c) for c in r.cautions],
                "stop_rules": [plain(c) for c in r.stop_rules],
                "items": [
                    {
                        "exercise": it.exercise,
                        **{k: getattr(it, k) for k in dose_keys if getattr(it, k) not in (None, False)},
                        **_caveats(it, hb.exercises.get(it.exercise)),
                    }
                    for it in r.items
                ],
            }
            for r_id, r in sorted(hb.routines.items())
        ],
        "conditions": [
            {
                "id": c_id,
                "title": c.title,
                "kind": c.kind,
                "routines": list(c.routines),
                "avoid": [{"exercise": e.exercise, "why": plain(e.why)} for e in c.avoid],
                "caution": [{"exercise": e.exercise, "why": plain(e.why)} for e in c.caution],
                "avoid_patterns": list(c.avoid_patterns),
            }
            for c_id, c in sorted(hb.conditions.items(), key=lambda kv: kv[1].title)
        ],
        "patterns": [{"id": p.id, "title": p.title, "text": plain(p.text)} for p in hb.patterns.values()],
        "positions": [{"id": p.id, "title": p.title} for p in hb.positions.values()],
        "equipment": [{"id": e.id, "title": e.title} for e in hb.equipment.values()],
    }


# A script the build writes from the data (the stage writes it after the pages of docs/, so a file of docs/ at
# that path is replaced): the stage records it among the files it wrote, which lumbar/web/runnable.py accepts.
PUBLISHED_IDS_JS = "assets/javascripts/lib/published-ids.js"


def files(hb: Handbook) -> dict[str, bytes]:
    """api/builder.json and api/thumbs/<id>.svg, by their path in the site."""
    from lumbar.figures_hook import image_svg

    out = {"api/builder.json": json.dumps(as_dict(hb), ensure_ascii=False, separators=(",", ":")).encode("utf-8")}
    out[PUBLISHED_IDS_JS] = published_ids_js(hb).encode("utf-8")
    for ex_id, ex in sorted(hb.exercises.items()):
        if ex.figures:
            out[f"api/thumbs/{ex_id}.svg"] = image_svg(ex.figures, "start").encode("utf-8")
            out[f"api/thumbs/{ex_id}-end.svg"] = image_svg(ex.figures, "end").encode("utf-8")
    return out


def write_published_ids(root: str = "data") -> None:
    """Write lumbar/web/js/lib/published-ids.js from the data (the build writes its own copy into the site)."""
    from pathlib import Path

    from lumbar.load import load_handbook

    path = Path(__file__).parent / "web" / "js" / "lib" / "published-ids.js"
    path.write_text(published_ids_js(load_handbook(root)), encoding="utf-8")
