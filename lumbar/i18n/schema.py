"""JSON Schemas for the translation files, from the text fields of the model (lumbar/i18n/text.py): an editor
that reads them flags an unknown field while the translator types. The build checks more (lumbar/i18n/load.py):
the number of entries in each list, the ids, the text rules."""

from __future__ import annotations

from typing import Any

from lumbar import model
from lumbar.i18n.text import shape

HEADER = {
    "type": "object",
    "description": "Where the translation comes from and who has checked it.",
    "properties": {
        "from": {"type": "string", "pattern": "^[0-9a-f]{12}$", "description": "The fingerprint of the English text."},
        "status": {
            "enum": ["machine", "edited", "translated", "reviewed"],
            "description": "machine: not yet reviewed; edited: machine-assisted, then a language edit, not yet reviewed.",
        },
        "reviewed_by": {"type": "string", "minLength": 1},
        "reviewed": {"type": "string", "format": "date"},
    },
    "required": ["from", "status"],
    "additionalProperties": False,
}
TEXT = {"type": "string", "minLength": 1}


def _schema(fields: dict, by_id: bool = False) -> dict[str, Any]:
    props: dict[str, Any] = {}
    for name, kind in fields.items():
        if kind == "text":
            props[name] = TEXT
        elif kind == "texts":
            props[name] = {"type": "array", "items": TEXT}
        elif kind[0] == "models":
            entry = _schema(kind[1])
            props[name] = (
                {"type": "object", "additionalProperties": entry} if by_id else {"type": "array", "items": entry}
            )
        else:
            props[name] = _schema(kind[1])
    return {"type": "object", "properties": props, "additionalProperties": False}


def translation_schema(cls: type) -> dict[str, Any]:
    by_id = cls in model.SHARED.values()  # the shared lists' entries are keyed by their id
    body = _schema(shape(cls), by_id=by_id)
    body["properties"] = {"translation": HEADER, **body["properties"]}
    body["required"] = ["translation"]
    return body
