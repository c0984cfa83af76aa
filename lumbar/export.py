"""The open data: site/api/handbook.json, the whole handbook as JSON."""

from __future__ import annotations

import json
from pathlib import Path

from lumbar.handbook import Handbook
from lumbar.model import list_field

FORMAT_VERSION = 1
CONTENT_LICENSE = {"id": "CC-BY-4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}


def license_of(site_url: str) -> dict:
    """The data's licence and the attribution it asks for (LICENSE: content CC BY 4.0, code MIT)."""
    where = f", {site_url}" if site_url else ""
    return {**CONTENT_LICENSE, "attribution": f"Lumbar Handbook contributors{where} (CC BY 4.0)"}


def as_dict(hb: Handbook, site_url: str = "") -> dict:
    def items(kind: str) -> list[dict]:
        return [{"id": item_id, **item.model_dump(mode="json")} for item_id, item in sorted(hb.kind(kind).items())]

    return {
        "format": FORMAT_VERSION,
        "license": license_of(site_url),
        "article": hb.shared["sources.yaml"].model_dump(mode="json")["article"],
        "exercises": items("exercises"),
        "routines": items("routines"),
        "conditions": items("conditions"),
        "sources": _list(hb, "sources.yaml"),
        "harmful_patterns": _list(hb, "harmful-patterns.yaml"),
        "contraindications": _list(hb, "contraindications.yaml"),
        "equipment": _list(hb, "equipment.yaml"),
        "positions": _list(hb, "positions.yaml"),
        "safety": hb.safety.model_dump(mode="json"),
        "guidelines": _list(hb, "guidelines.yaml", "guidelines"),
        "guideline_statements": _list(hb, "guidelines.yaml", "statements"),
    }


def _list(hb: Handbook, name: str, field: str | None = None) -> list[dict]:
    return hb.shared[name].model_dump(mode="json")[field or list_field(name)]


def write(hb: Handbook, path: Path, site_url: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(as_dict(hb, site_url), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
