"""A handbook whose every text field carries quotes, attribute syntax and template syntax, and a small HTML
parser to read the pages built from it (tests/test_html.py; tests/test_loader.py loads it)."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import yaml

FIXTURE = Path(__file__).parent / "fixtures" / "data"

# Appended to every text field: ends an attribute and starts a handler, quotes, an ampersand, Jinja, a Markdown
# attribute list without "=" inside (the loader refuses the others, and raw HTML such as <script>: see
# tests/test_loader.py), a character outside the BMP (lone surrogates once came back from the front matter).
HOSTILE = 'Q" onmouseover="alert(1)\' & {{ 7*7 }} {onclick} a=b \U0001f4aa'
LT = " <3"  # and a "<" where the field allows one (the drawings' texts do not)
TEXT_KEYS = {
    "title",
    "summary",
    "text",
    "start",
    "steps",
    "breathing",
    "feel",
    "cautions",
    "other_names",
    "for_whom",
    "advice",
    "repeat",
    "stop_rules",
    "source_wording",
    "notes",
    "synonyms",
    "misspellings",
    "warnings",
    "see_a_doctor",
    "why",
    "publisher",
    "section",
    "language",
    "note",
    "hold",
    "rest",
    "alt",
}


def write_hostile_data(data: Path) -> Path:
    """The test handbook in `data`, with every kind of text field present and HOSTILE added to each."""
    shutil.copytree(FIXTURE, data)

    def edit(rel: str, change) -> None:
        path = data / rel
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(doc)
        path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")

    def exercise(doc):
        doc["notes"] = [{"kind": "clarification", "text": "A note of ours."}]
        doc["figures"] = {
            "alt": "On all fours, the back rounds up.",
            "props": ["mat"],
            "start": {"pose": "all-fours"},
            "end": {"pose": "all-fours", "spine": 75, "neck": 35, "note": "up"},
        }

    def routine(doc):
        doc.update(cautions=["Go slowly."], stop_rules=["Stop if you feel dizzy."], repeat="Up to twice in a row.")
        doc["items"][0].update(notes=["Keep it slow."], editorial=[{"kind": "clarification", "text": "Our note."}])
        doc["items"][1].update(hold="a moment", rest="a short rest")

    def condition(doc):
        doc.update(
            see_a_doctor=["When the pain is severe."],
            caution=[{"exercise": "half-bridge", "why": "It loads the back."}],
            notes=[{"kind": "clarification", "text": "A note of ours."}],
        )

    edit("exercises/cat.yaml", exercise)
    edit("routines/back-pain.yaml", routine)
    edit("conditions/low-back-pain.yaml", condition)
    for path in data.rglob("*.yaml"):
        edit(str(path.relative_to(data)), lambda doc: doc.update(hostile(doc)))
    return data


def hostile(value, key=None, drawing=False):
    if isinstance(value, dict):
        return {k: hostile(v, k, drawing or k == "figures") for k, v in value.items()}
    if isinstance(value, list):
        return [hostile(v, key, drawing) for v in value]
    if isinstance(value, str) and key in TEXT_KEYS:
        return f"{value} {HOSTILE}" + ("" if drawing else LT)
    return value


class Page(HTMLParser):
    """Elements with their attributes, and text nodes with the element they are in (their whole text)."""

    VOID = frozenset(
        {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    )

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.texts: list[tuple[str, str]] = []  # (tag, text)
        self.stack: list[tuple[str, dict, list]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs_d = dict(attrs)
        self.elements.append((tag, attrs_d))
        if tag not in self.VOID:
            self.stack.append((tag, attrs_d, []))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        while self.stack:
            name, _, parts = self.stack.pop()
            self.texts.append((name, "".join(parts)))
            if self.stack and name != "script":  # a script's text is not its parent's text
                self.stack[-1][2].append("".join(parts))
            if name == tag:
                break

    def handle_data(self, data):
        if self.stack:
            self.stack[-1][2].append(data)

    def find(self, tag: str, **attrs) -> list[dict]:
        return [a for t, a in self.elements if t == tag and all(a.get(k) == v for k, v in attrs.items())]

    def text_of(self, tag: str) -> list[str]:
        return [t for name, t in self.texts if name == tag]


def strings(value) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return [value] if isinstance(value, str) and HOSTILE in value else []
