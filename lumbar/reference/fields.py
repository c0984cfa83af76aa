"""The field reference: Markdown tables of every field, embedded between markers in CONTRIBUTING.md."""

from __future__ import annotations

import json
import re
from pathlib import Path

from lumbar.model import ID_PATTERN, KINDS
from lumbar.reference.schemas import SCHEMA_DIR, build_schemas, kind_name
from lumbar.reference.walk import def_name, description, fields, without_null, yaml_scalar

START, END = "<!-- fields:start -->", "<!-- fields:end -->"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").strip()


def _code(text: str) -> str:
    return f"`{text}`"


def _anchor(name: str) -> str:
    return "part-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _type(node: dict, parts: dict[str, dict], defs: dict) -> str:
    """A plain-English type for the reference table; records sub-models in `parts`."""
    node = without_null(node)
    name = def_name(node)
    if name:
        parts.setdefault(name, defs[name])
        return f"[{name}](#{_anchor(name)})"
    if "anyOf" in node:
        return " or ".join(_type(option, parts, defs) for option in node["anyOf"])
    if "enum" in node:
        values = [_code(json.dumps(v) if not isinstance(v, str) else v) for v in node["enum"]]
        return "one of " + ", ".join(values)
    if "const" in node:
        return _code(str(node["const"]))
    kind = node.get("type")
    if kind == "array":
        text = "list of " + _type(node.get("items", {}), parts, defs)
        if node.get("minItems"):
            text += f" (at least {node['minItems']})"
        return text
    if kind == "object":
        if node.get("properties"):
            return "mapping"
        extra = node.get("additionalProperties")
        if isinstance(extra, dict) and extra:
            return "mapping of names to " + _type(extra, parts, defs)
        return "mapping"
    if kind == "string":
        if node.get("pattern") == ID_PATTERN:
            return "id"
        if node.get("format") == "date":
            return "date (YYYY-MM-DD)"
        if node.get("format"):
            return node["format"]
        if node.get("pattern"):
            return "text matching " + _code(node["pattern"])
        if node.get("maxLength"):
            return f"text (up to {node['maxLength']} characters)"
        return "text"
    if kind == "integer":
        return "whole number"
    if kind == "number":
        return "number"
    if kind == "boolean":
        return "`true` or `false`"
    if kind == "null":
        return "empty"
    if isinstance(kind, list):
        return " or ".join(kind)
    return "anything"


def _table(node: dict, parts: dict[str, dict], defs: dict) -> list[str]:
    lines = ["| Field | Type | Required | Description |", "| --- | --- | --- | --- |"]
    for name, prop, required in fields(node):
        need = "yes" if required else "no"
        if not required and "default" in prop and prop["default"] not in (None, [], {}):
            need += f" (default {_code(yaml_scalar(prop['default']))})"
        kind = _cell(_type(prop, parts, defs))
        lines.append(f"| {_code(name)} | {kind} | {need} | {_cell(description(prop))} |")
    return lines


def _files_label(schema_file: str) -> tuple[str, str]:
    """(heading, files) for a schema file: ('Exercises', 'data/exercises/<id>.yaml')."""
    for kind in KINDS:
        if kind_name(kind) + ".json" == schema_file:
            return kind.replace("-", " ").capitalize(), f"data/{kind}/<id>.yaml"
    stem = Path(schema_file).stem
    return stem.replace("-", " ").capitalize(), f"data/{stem}.yaml"


def field_reference() -> str:
    """Markdown tables of every field of every kind of data file, then of the parts they share."""
    out: list[str] = []
    parts: dict[str, dict] = {}
    schemas = build_schemas()
    all_defs = {name: node for sch in schemas.values() for name, node in sch.get("$defs", {}).items()}
    for schema_file, schema in schemas.items():
        defs = schema.get("$defs", {})
        heading, files = _files_label(schema_file)
        out += [f"### {heading}", ""]
        if schema.get("description"):
            out += [schema["description"], ""]
        out += [f"File: {_code(files)}. Schema: [{SCHEMA_DIR}/{schema_file}]({SCHEMA_DIR}/{schema_file}).", ""]
        found: dict[str, dict] = {}
        out += _table(schema, found, defs)
        out.append("")
        # Sub-models of sub-models.
        queue = list(found)
        while queue:
            name = queue.pop(0)
            before = set(found)
            _table(found[name], found, defs)
            queue += [n for n in found if n not in before]
        for name, node in found.items():
            if name in parts and parts[name] != node:
                raise ValueError(f"two different models are both called {name}: rename one")
            parts[name] = node
    out += ["### Parts", "", "Entries inside the files above.", ""]
    for name in sorted(parts):
        node = parts[name]
        out += [f"#### Part: {name}", ""]
        if node.get("description"):
            out += [node["description"], ""]
        out += _table(node, {}, all_defs)
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def embed_reference(text: str, reference: str | None = None) -> str:
    """Replace what is between the field markers of CONTRIBUTING.md with the reference."""
    reference = field_reference() if reference is None else reference
    start, end = text.find(START), text.find(END)
    if start < 0 or end < start:
        raise ValueError(f"CONTRIBUTING.md needs the markers {START} and {END}")
    return text[: start + len(START)] + "\n\n" + reference + "\n" + text[end:]
