"""What a data mistake reads like: a message that names the field, says what is wrong, and suggests a fix."""

from __future__ import annotations

import difflib

from pydantic import BaseModel, ValidationError

from lumbar.loader import Document, Problem


def did_you_mean(word: object, choices) -> str:
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f": did you mean '{close[0]}'?" if close else ""


def _fields(cls: type[BaseModel], loc: tuple) -> list[str]:
    """The field names allowed at `loc` inside `cls`, for did-you-mean."""
    for part in loc:
        if isinstance(part, int):
            continue
        info = cls.model_fields.get(part)
        if info is None:
            return []
        ann = info.annotation
        sub = [a for a in getattr(ann, "__args__", ()) + (ann,) if isinstance(a, type) and issubclass(a, BaseModel)]
        for a in getattr(ann, "__args__", ()):
            sub += [b for b in getattr(a, "__args__", ()) if isinstance(b, type) and issubclass(b, BaseModel)]
        if not sub:
            return []
        cls = sub[0]
    return list(cls.model_fields)


def _message(err: dict, cls: type[BaseModel]) -> str:
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and ("[" in p or p.startswith("function-"))))
    name = ".".join(str(p) for p in loc) or "file"
    kind = err["type"]
    given = err.get("input")
    if kind == "missing":
        return f"missing field '{name}': add it (see the field reference in CONTRIBUTING.md)"
    if kind == "extra_forbidden":
        return f"unknown field '{name}'{did_you_mean(loc[-1], _fields(cls, loc[:-1]))} (remove it or fix its name)"
    if kind == "string_pattern_mismatch" and "a-z0-9" in str(err.get("ctx", {}).get("pattern", "")):
        return f"'{name}': '{given}' is not an id: use lowercase words joined by hyphens, like 'knee-to-chest'"
    if kind == "string_pattern_mismatch" and "https" in str(err.get("ctx", {}).get("pattern", "")):
        return f"'{name}': '{given}' is not an https:// address: write the full address, starting with https://"
    if kind == "string_pattern_mismatch":
        return f"'{name}': '{given}' is not a count: write a whole number, a range like 10-30, or 'up to 20'"
    if kind in ("bool_type", "bool_parsing"):
        return f"'{name}' must be true or false, not '{given}'"
    if kind.startswith("date"):
        return f"'{name}' must be a date written YYYY-MM-DD, not '{given}'"
    if kind == "too_short":
        return f"'{name}' needs at least one entry"
    if kind == "literal_error":
        return f"'{name}': '{given}' is not allowed: {err['msg'].replace('Input should be', 'use')}"
    if kind == "value_error":
        return f"'{name}' {err['msg'].removeprefix('Value error, ')}"
    if kind in ("list_type", "dict_type", "model_type", "model_attributes_type"):
        want = {"list_type": "a list (lines starting with '- ')", "dict_type": "a group of 'field: value' lines"}.get(
            kind, "a group of 'field: value' lines"
        )
        return f"'{name}' must be {want}, not '{given}'"
    got = f" (got '{given}')" if isinstance(given, (str, int, float)) and str(given) not in err["msg"] else ""
    return f"'{name}': {err['msg'][:1].lower()}{err['msg'][1:]}{got}"


def validate(doc: Document, cls: type[BaseModel], problems: list[Problem]) -> BaseModel | None:
    try:
        return cls.model_validate(doc.value)
    except ValidationError as exc:
        seen = set()
        for err in exc.errors(include_url=False):
            # Unions report each branch: keep the first message per place.
            loc = tuple(
                p for p in err["loc"] if isinstance(p, int) or "[" not in str(p) and not str(p).startswith("function-")
            )
            if loc in seen:
                continue
            seen.add(loc)
            problems.append(Problem(doc.path, doc.line(loc), _message(err, cls)))
        return None
