"""Strict, safe YAML loading with the line of every value.

PyYAML's constructors keep the last of two duplicate keys, expand aliases and read YAML 1.1
(`no` is false, `1:30` is 90). We read the event stream instead and build the values ourselves:
YAML 1.2 core scalars, no anchors, aliases or tags, duplicate keys refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml's C parser where it is present; same events, same rules.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader

Loc = tuple  # a path into the data: ("items", 3, "reps")

_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
MAX_NODES = 100_000
MAX_BYTES = 256 * 1024  # the largest data file is about 12 KB


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in the data, reported as `path:line: message`."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class DataError(Exception):
    """Raised with every problem found, so one run reports them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(map(str, self.problems)))


@dataclass
class Document:
    """A loaded file: its value and the line of every value in it."""

    path: str
    value: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line(self, loc: Loc) -> int:
        """The line of `loc`, or of its nearest parent that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)


class _Fail(Exception):
    def __init__(self, line: int, message: str):
        self.line, self.message = line, message


def _scalar(event: yaml.ScalarEvent) -> Any:
    if event.tag not in (None, "!"):
        raise _Fail(event.start_mark.line + 1, f"tags such as '{event.tag}' are not allowed: remove it")
    text = event.value
    if event.style:  # quoted or block: always a string
        return text
    if text in _NULL:
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    return text


def parse(text: str, path: str = "<string>") -> Document:
    """Parse one YAML document strictly. Raises DataError with one problem."""
    doc = Document(path, None)
    try:
        doc.value = _build(yaml.parse(text, Loader=_Loader), doc)
    except _Fail as fail:
        raise DataError([Problem(path, fail.line, fail.message)]) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        what = err.problem or "is not valid YAML"
        raise DataError(
            [Problem(path, line, f"YAML syntax error: {what}; check indentation, colons and quotes")]
        ) from None
    except yaml.YAMLError as err:
        raise DataError([Problem(path, 1, f"YAML error: {err}")]) from None
    return doc


def _build(events, doc: Document) -> Any:
    stack: list[list] = []  # frames: [container, loc, pending key or None]
    root: Any = None
    documents = 0
    nodes = 0

    def place(value: Any, line: int, event) -> bool:
        """Put a value in the current container; returns True when it opens a new one."""
        nonlocal root
        if not stack:
            root = value
            loc: Loc = ()
        else:
            frame = stack[-1]
            container, parent = frame[0], frame[1]
            if isinstance(container, list):
                loc = parent + (len(container),)
                container.append(value)
            elif frame[2] is None:  # this value is a key
                if not isinstance(value, (str, int, float, bool)) or value is None:
                    raise _Fail(line, "a key must be a plain word")
                key = value
                if key in container:
                    first = doc.lines.get(parent + (key,), "?")
                    raise _Fail(line, f"duplicate key '{key}' (first at line {first}): keep one and delete the other")
                frame[2] = (key, line)
                return False
            else:
                key, keyline = frame[2]
                frame[2] = None
                loc = parent + (key,)
                container[key] = value
                line = keyline
        doc.lines[loc] = line
        if isinstance(value, (dict, list)):
            stack.append([value, loc, None])
            return True
        return False

    for event in events:
        line = event.start_mark.line + 1 if event.start_mark else 1
        if isinstance(event, yaml.AliasEvent):
            raise _Fail(line, f"aliases ('*{event.anchor}') are not allowed: write the value out in full")
        if getattr(event, "anchor", None):
            raise _Fail(line, f"anchors ('&{event.anchor}') are not allowed: write each value out in full")
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _Fail(line, "only one YAML document is allowed in a file: remove the '---' line")
        elif isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            nodes += 1
            if nodes > MAX_NODES:
                raise _Fail(line, f"the file is too large (more than {MAX_NODES} values)")
            if isinstance(event, yaml.ScalarEvent):
                place(_scalar(event), line, event)
            else:
                if event.tag not in (None, "!") and not event.implicit:
                    raise _Fail(line, f"tags such as '{event.tag}' are not allowed: remove it")
                place({} if isinstance(event, yaml.MappingStartEvent) else [], line, event)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()
    return root


def read(path: Path, root: Path) -> Document:
    """Read and parse a file, naming it relative to `root`."""
    name = path.relative_to(root.parent).as_posix() if path.is_relative_to(root.parent) else str(path)
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        raise DataError(
            [Problem(name, 1, f"the file is {len(raw) // 1024:,} KB; a data file holds at most {MAX_BYTES // 1024} KB")]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1  # the line of the first bad byte, not the file's first line
        raise DataError([Problem(name, line, f"is not UTF-8 text ({err.reason}): save it as UTF-8")]) from None
    doc = parse(text, name)
    if doc.value is None:
        raise DataError([Problem(name, 1, "the file is empty: fill it in or delete it")])
    if not isinstance(doc.value, dict):
        raise DataError([Problem(name, 1, "the file must be a list of 'field: value' lines at the top level")])
    return doc
