"""JSON Schemas, the field reference and new-file scaffolds, all generated from lumbar.model.

`make schema` (python -m lumbar schema) calls main(), which writes schema/*.json and refreshes
the field reference in CONTRIBUTING.md. Tests fail when either is stale.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import textwrap
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from lumbar.model import ID_PATTERN, KINDS, SHARED

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_DIR = "schema"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
START, END = "<!-- fields:start -->", "<!-- fields:end -->"
WIDTH = 96
MAX_IDS = 40
COMMENT = "Generated from lumbar/model.py by `make schema`. Do not edit by hand."


# Names


def kind_name(kind: str) -> str:
    """'exercises' -> 'exercise': the name used for the schema file and the scaffold command."""
    return kind[:-1] if kind.endswith("s") else kind


def schema_name(data_path: str | Path) -> str | None:
    """The schema file name for a path under data/ ('exercises/cat.yaml' -> 'exercise.json')."""
    parts = Path(data_path).parts
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
    return {name: build_schema(model) for name, model in models().items()}


def dump(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def rendered_schemas() -> dict[str, str]:
    """Schema file name -> the exact text committed under schema/."""
    return {name: dump(schema) for name, schema in build_schemas().items()}


# Walking a schema


def _resolve(node: dict, defs: dict) -> dict:
    ref = node.get("$ref")
    if ref:
        return defs[ref.rsplit("/", 1)[-1]]
    return node


def _def_name(node: dict) -> str | None:
    ref = node.get("$ref")
    return ref.rsplit("/", 1)[-1] if ref else None


def _without_null(node: dict) -> dict:
    """`X | None` -> X; anything else unchanged."""
    options = node.get("anyOf")
    if options:
        rest = [o for o in options if o.get("type") != "null"]
        if len(rest) == 1:
            return {**{k: v for k, v in node.items() if k != "anyOf"}, **rest[0]}
        if len(rest) < len(options):
            return {**node, "anyOf": rest}
    return node


def _fields(node: dict) -> list[tuple[str, dict, bool]]:
    """(name, schema, required) for each property, in model order."""
    required = set(node.get("required", []))
    return [(name, prop, name in required) for name, prop in node.get("properties", {}).items()]


# Field reference


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").strip()


def _code(text: str) -> str:
    return f"`{text}`"


def _anchor(name: str) -> str:
    return "part-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _type(node: dict, parts: dict[str, dict], defs: dict) -> str:
    """A plain-English type for the reference table; records sub-models in `parts`."""
    node = _without_null(node)
    name = _def_name(node)
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


def _description(node: dict) -> str:
    text = node.get("description", "")
    inner = _without_null(node)
    extra = [o.get("description") for o in inner.get("anyOf", []) if o.get("description")]
    if inner is not node and inner.get("description") and inner.get("description") != text:
        extra.append(inner["description"])
    return " ".join([text, *extra]).strip()


def _table(node: dict, parts: dict[str, dict], defs: dict) -> list[str]:
    lines = ["| Field | Type | Required | Description |", "| --- | --- | --- | --- |"]
    for name, prop, required in _fields(node):
        need = "yes" if required else "no"
        if not required and "default" in prop and prop["default"] not in (None, [], {}):
            need += f" (default {_code(_yaml_scalar(prop['default']))})"
        lines.append(
            f"| {_code(name)} | {_cell(_type(prop, parts, defs))} | {need} | {_cell(_description(prop))} |"
        )
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


# Scaffolds for new files


def _yaml_scalar(value: Any) -> str:
    if value == "":
        return '""'
    return yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1000).strip().removesuffix("...").strip()


def _known_ids(description: str, root: Path) -> list[str]:
    """Ids named by a description such as 'Ids from data/equipment.yaml' or 'An id from data/exercises/'."""
    ids: list[str] = []
    for folder in re.findall(r"data/([a-z-]+)/", description):
        ids += sorted(p.stem for p in (root / "data" / folder).glob("*.yaml"))
    for name in re.findall(r"data/([a-z-]+\.yaml)", description):
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
    text = _description(node) or name.replace("_", " ").capitalize() + "."
    if required:
        text += " Required."
    elif node.get("default") is not None:
        text += f" Optional (default {_yaml_scalar(node['default'])})."
    else:
        text += " Optional."
    lines = _wrap(text)
    inner = _without_null(node)
    enum = inner.get("enum")
    if enum and len(enum) > 1:
        lines += _wrap("One of: " + ", ".join(str(v) for v in enum) + ".")
    ids = _known_ids(_description(node), root)
    if 0 < len(ids) <= MAX_IDS:
        lines += _wrap("Known ids: " + ", ".join(ids) + ".")
    item = _resolve(inner.get("items", {}), defs) if inner.get("type") == "array" else None
    if item and item.get("properties") and not required:
        lines.append("# Each entry has:")
        for sub, prop, need in _fields(item):
            lines += _wrap(f"{sub}{' (required)' if need else ''}: {_description(prop) or sub}", "#   ", "#     ")
    return lines


def _placeholder_kind(node: dict, defs: dict) -> str:
    inner = _resolve(_without_null(node), defs)
    if inner.get("type") == "array":
        return "list"
    if inner.get("type") == "object" and inner.get("properties"):
        return "object"
    return "scalar"


def _placeholder(node: dict, defs: dict, today: date) -> Any:
    """A value that marks where to write; empty strings fail validation until filled in."""
    inner = _resolve(_without_null(node), defs)
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
    fields = _fields(node)
    ordered = [f for f in fields if f[2]] + [f for f in fields if not f[2]]
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
    inner = _resolve(_without_null(prop), defs)
    if inner.get("type") == "array":
        if not required and not inner.get("minItems"):
            return [f"{pad}{name}: []"]
        item = _resolve(inner.get("items", {}), defs)
        if item.get("properties"):
            return [f"{pad}{name}:"] + _render(item, defs, indent + 4, today, root, entry=True)
        return [f"{pad}{name}:", f"{pad}  - {_yaml_scalar(_placeholder(inner.get('items', {}), defs, today))}"]
    if inner.get("type") == "object" and inner.get("properties"):
        return [f"{pad}{name}:"] + _render(inner, defs, indent + 2, today, root)
    return [f"{pad}{name}: {_yaml_scalar(_placeholder(prop, defs, today))}"]


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


# Command


def write(root: Path = ROOT) -> list[Path]:
    """Write schema/*.json and refresh CONTRIBUTING.md; return the files that changed."""
    changed: list[Path] = []
    folder = root / SCHEMA_DIR
    folder.mkdir(exist_ok=True)
    wanted = rendered_schemas()
    for name, text in wanted.items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    for path in folder.glob("*.json"):
        if path.name not in wanted:
            path.unlink()
            changed.append(path)
    contributing = root / "CONTRIBUTING.md"
    if contributing.exists():
        old = contributing.read_text(encoding="utf-8")
        new = embed_reference(old)
        if new != old:
            contributing.write_text(new, encoding="utf-8")
            changed.append(contributing)
    return changed


def stale(root: Path = ROOT) -> list[str]:
    """What `make schema` would change, without changing it."""
    out: list[str] = []
    wanted = rendered_schemas()
    folder = root / SCHEMA_DIR
    for name, text in wanted.items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            out.append(f"{SCHEMA_DIR}/{name}")
    out += [f"{SCHEMA_DIR}/{p.name} (no longer in the model)" for p in folder.glob("*.json") if p.name not in wanted]
    contributing = root / "CONTRIBUTING.md"
    if contributing.exists():
        text = contributing.read_text(encoding="utf-8")
        if embed_reference(text) != text:
            out.append("CONTRIBUTING.md (field reference)")
    return out


def main(argv: list[str] | None = None) -> int:
    """Write schema/*.json and the field reference. `python -m lumbar schema` calls main()."""
    parser = argparse.ArgumentParser(prog="python -m lumbar.schema", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if anything is stale")
    args = parser.parse_args(argv or [])
    if args.check:
        out = stale()
        for line in out:
            print(f"stale: {line}", file=sys.stderr)
        if out:
            print("Run `make schema` and commit the result.", file=sys.stderr)
        return 1 if out else 0
    for path in write():
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
