"""Reading a JSON Schema made by pydantic: references, optional values, fields and descriptions."""

from __future__ import annotations

from typing import Any

import yaml


def resolve(node: dict, defs: dict) -> dict:
    """The definition a `$ref` points to; any other node unchanged."""
    ref = node.get("$ref")
    if ref:
        return defs[ref.rsplit("/", 1)[-1]]
    return node


def def_name(node: dict) -> str | None:
    ref = node.get("$ref")
    return ref.rsplit("/", 1)[-1] if ref else None


def without_null(node: dict) -> dict:
    """`X | None` -> X; anything else unchanged."""
    options = node.get("anyOf")
    if options:
        rest = [o for o in options if o.get("type") != "null"]
        if len(rest) == 1:
            return {**{k: v for k, v in node.items() if k != "anyOf"}, **rest[0]}
        if len(rest) < len(options):
            return {**node, "anyOf": rest}
    return node


def fields(node: dict) -> list[tuple[str, dict, bool]]:
    """(name, schema, required) for each property, in model order."""
    required = set(node.get("required", []))
    return [(name, prop, name in required) for name, prop in node.get("properties", {}).items()]


def description(node: dict) -> str:
    """A field's description, with those of its non-empty type (`X | None`) after it."""
    text = node.get("description", "")
    inner = without_null(node)
    extra = [o.get("description") for o in inner.get("anyOf", []) if o.get("description")]
    if inner is not node and inner.get("description") and inner.get("description") != text:
        extra.append(inner["description"])
    return " ".join([text, *extra]).strip()


def yaml_scalar(value: Any) -> str:
    """A value as written in YAML on one line."""
    if value == "":
        return '""'
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1000)
    return text.strip().removesuffix("...").strip()
