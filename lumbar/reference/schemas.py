"""JSON Schemas from the model, and the names that tie a data file to its schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from lumbar.model import KINDS, SHARED

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_DIR = "schema"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
COMMENT = "Generated from lumbar/model/ by `make schema`. Do not edit by hand."


# Names


def kind_name(kind: str) -> str:
    """'exercises' -> 'exercise': the name used for the schema file and the scaffold command."""
    return kind[:-1] if kind.endswith("s") else kind


def schema_name(data_path: str | Path) -> str | None:
    """The schema file name for a path under data/ ('exercises/cat.yaml' -> 'exercise.json'; a translation,
    'i18n/es/exercises/cat.yaml' -> 'i18n/exercise.json')."""
    parts = Path(data_path).parts
    if len(parts) == 3 and parts[0] == "i18n" and parts[2] in ("terms.yaml", "search-names.yaml"):
        return f"i18n/{Path(parts[2]).stem}.json"  # lumbar/i18n/terms.py, search_names.py
    if len(parts) > 2 and parts[0] == "i18n":
        inner = schema_name(Path(*parts[2:]))
        return f"i18n/{inner}" if inner else None
    if len(parts) == 2 and parts[0] in KINDS:
        return kind_name(parts[0]) + ".json"
    if len(parts) == 1 and parts[0] in SHARED:
        return Path(parts[0]).stem + ".json"
    return None


def schema_comment(data_path: str | Path) -> str | None:
    """The first line every data file starts with, so editors find its schema."""
    name = schema_name(data_path)
    if name is None:
        return None
    up = "../" * len(Path(data_path).parts)
    return f"# yaml-language-server: $schema={up}{SCHEMA_DIR}/{name}"


# JSON Schemas


def models() -> dict[str, type]:
    """Schema file name -> model, kinds first, then the shared files."""
    out = {kind_name(kind) + ".json": model for kind, model in KINDS.items()}
    out.update({Path(name).stem + ".json": model for name, model in SHARED.items()})
    return out


def build_schema(model: type) -> dict[str, Any]:
    schema = model.model_json_schema(mode="validation")
    return {"$schema": DRAFT, "$comment": COMMENT, **schema}


def build_schemas() -> dict[str, dict[str, Any]]:
    """The data files' schemas (the field reference documents these)."""
    return {name: build_schema(model) for name, model in models().items()}


def translation_schemas() -> dict[str, dict[str, Any]]:
    """The translation files' schemas: schema/i18n/<name>.json (published-ids.yaml has no text)."""
    from lumbar.i18n.schema import translation_schema
    from lumbar.i18n.search_names import SCHEMA as NAMES
    from lumbar.i18n.terms import SCHEMA as TERMS

    return {
        **{
            f"i18n/{name}": {"$schema": DRAFT, "$comment": COMMENT, **translation_schema(model)}
            for name, model in models().items()
            if name != "published-ids.json"
        },
        "i18n/terms.json": {"$schema": DRAFT, "$comment": COMMENT, **TERMS},
        "i18n/search-names.json": {"$schema": DRAFT, "$comment": COMMENT, **NAMES},
    }


def dump(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def rendered_schemas() -> dict[str, str]:
    """Schema file name -> the exact text committed under schema/."""
    return {name: dump(schema) for name, schema in {**build_schemas(), **translation_schemas()}.items()}
