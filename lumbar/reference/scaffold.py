"""Scaffolds for new data files: every field present, explained in a comment, optional ones commented out."""

from __future__ import annotations

import re
import textwrap
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from lumbar.model import ID_PATTERN, KINDS
from lumbar.reference.schemas import ROOT, build_schema, kind_name, schema_comment
from lumbar.reference.walk import description, fields, resolve, without_null, yaml_scalar

WIDTH = 96
MAX_IDS = 40


def _known_ids(text: str, root: Path) -> list[str]:
    """Ids named by a description such as 'Ids from data/equipment.yaml' or 'An id from data/exercises/'."""
    ids: list[str] = []
    for folder in re.findall(r"data/([a-z-]+)/", text):
        ids += sorted(p.stem for p in (root / "data" / folder).glob("*.yaml"))
    for name in re.findall(r"data/([a-z-]+\.yaml)", text):
        path = root / "data" / name
        try:
            content = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError):
            continue
        for value in (content or {}).values() if isinstance(content, dict) else []:
            if isinstance(value, list):
                ids += [e["id"] for e in value if isinstance(e, dict) and isinstance(e.get("id"), str)]
    return ids


def _wrap(text: str, lead: str = "# ", then: str = "# ") -> list[str]:
    return textwrap.wrap(text, width=WIDTH, initial_indent=lead, subsequent_indent=then, break_on_hyphens=False)


def _optional_off(node: dict, defs: dict) -> bool:
    """Optional fields without a useful default are written commented out."""
    return node.get("default") is None and _placeholder_kind(node, defs) != "list"


def _comment(name: str, node: dict, required: bool, defs: dict, root: Path) -> list[str]:
    text = description(node) or name.replace("_", " ").capitalize() + "."
    if required:
        text += " Required."
    elif node.get("default") is not None:
        text += f" Optional (default {yaml_scalar(node['default'])})."
    else:
        text += " Optional."
    lines = _wrap(text)
    inner = without_null(node)
    enum = inner.get("enum")
    if enum and len(enum) > 1:
        lines += _wrap("One of: " + ", ".join(str(v) for v in enum) + ".")
    ids = _known_ids(description(node), root)
    if 0 < len(ids) <= MAX_IDS:
        lines += _wrap("Known ids: " + ", ".join(ids) + ".")
    item = resolve(inner.get("items", {}), defs) if inner.get("type") == "array" else None
    if item and item.get("properties") and not required:
        lines.append("# Each entry has:")
        for sub, prop, need in fields(item):
            lines += _wrap(f"{sub}{' (required)' if need else ''}: {description(prop) or sub}", "#   ", "#     ")
    return lines


def _placeholder_kind(node: dict, defs: dict) -> str:
    inner = resolve(without_null(node), defs)
    if inner.get("type") == "array":
        return "list"
    if inner.get("type") == "object" and inner.get("properties"):
        return "object"
    return "scalar"


def _placeholder(node: dict, defs: dict, today: date) -> Any:
    """A value that marks where to write; empty strings fail validation until filled in."""
    inner = resolve(without_null(node), defs)
    if "default" in node and node["default"] is not None:
        return node["default"]
    if inner.get("enum"):
        return inner["enum"][0]
    if "const" in inner:
        return inner["const"]
    kind = inner.get("type")
    if kind == "string" and inner.get("format") == "date":
        return today
    if kind == "boolean":
        return False
    if kind == "integer" and "minimum" in inner:  # e.g. source_item: the first item is 1
        return inner["minimum"]
    if kind == "object":
        return {}
    return ""


def _render(node: dict, defs: dict, indent: int, today: date, root: Path, entry: bool = False) -> list[str]:
    """YAML lines for every field of an object: required ones first, then optional ones.

    With entry=True the object is a list entry: its first key carries the "- ".
    """
    pad = " " * indent
    listed = fields(node)
    ordered = [f for f in listed if f[2]] + [f for f in listed if not f[2]]
    lines: list[str] = []
    for n, (name, prop, required) in enumerate(ordered):
        comment = [pad + c for c in _comment(name, prop, required, defs, root)]
        body = _render_field(name, prop, required, defs, indent, today, root)
        if not required and _optional_off(prop, defs):
            body = [_comment_out(line, indent) for line in body]
        if entry and n == 0:
            dash = " " * (indent - 2)
            comment = [dash + c.lstrip() for c in comment]
            first = body[0][indent:]
            body[0] = dash + ("- " + first if not first.startswith("#") else "-\n" + body[0])
        lines += comment + body
    return lines


def _comment_out(line: str, indent: int) -> str:
    return line[:indent] + "# " + line[indent:]


def _render_field(name: str, prop: dict, required: bool, defs: dict, indent: int, today: date, root: Path) -> list[str]:
    pad = " " * indent
    inner = resolve(without_null(prop), defs)
    if inner.get("type") == "array":
        if not required and not inner.get("minItems"):
            return [f"{pad}{name}: []"]
        item = resolve(inner.get("items", {}), defs)
        if item.get("properties"):
            return [f"{pad}{name}:"] + _render(item, defs, indent + 4, today, root, entry=True)
        return [f"{pad}{name}:", f"{pad}  - {yaml_scalar(_placeholder(inner.get('items', {}), defs, today))}"]
    if inner.get("type") == "object" and inner.get("properties"):
        return [f"{pad}{name}:"] + _render(inner, defs, indent + 2, today, root)
    return [f"{pad}{name}: {yaml_scalar(_placeholder(prop, defs, today))}"]


def scaffold(kind: str, item_id: str, today: date | None = None, root: Path = ROOT) -> str:
    """The text of a new data file of this kind, every field present and commented."""
    today = today or date.today()
    plural = kind if kind in KINDS else kind + "s"
    if plural not in KINDS:
        raise ValueError(f"unknown kind {kind!r}: use one of {', '.join(kind_name(k) for k in KINDS)}")
    if not re.fullmatch(ID_PATTERN, item_id):
        raise ValueError(f"{item_id!r} is not a valid id: use lower-case words joined by hyphens, like side-plank")
    schema = build_schema(KINDS[plural])
    defs = schema.get("$defs", {})
    head = [
        schema_comment(f"{plural}/{item_id}.yaml"),
        f"# A new {kind_name(plural)}. Fill in every field marked Required. Remove the # in front",
        "# of an optional field to use it; delete the ones you do not need. See CONTRIBUTING.md.",
        "",
    ]
    return "\n".join(head + _render(schema, defs, 0, today, root)) + "\n"
