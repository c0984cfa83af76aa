"""The handbook's own interface words in one language: lumbar/i18n/ui/<code>.yaml.

Templates write `{{ _("Who it is for:") }}` and scripts `t("Start")`: the English text is the key, so an English
page needs no catalogue, and a language's file says what each key reads in it. `plural(n, "set")` picks the
form for a count (Russian has three).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

import yaml

FOLDER = Path(__file__).parent / "ui"


@dataclass(frozen=True)
class UI:
    code: str
    site: dict = field(default_factory=dict)
    strings: dict = field(default_factory=dict)
    plurals: dict = field(default_factory=dict)
    months: tuple = ()
    date_format: str = "{day} {month} {year}"
    scripts: dict = field(default_factory=dict)  # the scripts' words, written into each page (overrides/main.html)

    def t(self, text: str) -> str:
        return self.strings.get(text, text)

    def form(self, n) -> int:
        """Which plural form a count takes: 0 one, 1 few (ru) or many, 2 many (ru)."""
        digits = re.findall(r"\d+", str(n))
        k = int(digits[-1]) if digits else 0
        if self.code == "ru":
            if k % 10 == 1 and k % 100 != 11:
                return 0
            return 1 if 2 <= k % 10 <= 4 and not 12 <= k % 100 <= 14 else 2
        return 0 if k == 1 and len(digits) == 1 else 1

    def plural(self, n, word: str) -> str:
        forms = self.plurals.get(word) or [word, word + "s"]
        return forms[min(self.form(n), len(forms) - 1)]

    def long_date(self, d: date) -> str:
        return self.date_format.format(day=d.day, month=self.months[d.month - 1], year=d.year)


@cache
def load_ui(code: str = "en") -> UI:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: the catalogues are read on every stage
    raw = yaml.load((FOLDER / f"{code}.yaml").read_text(encoding="utf-8"), Loader=loader) or {}
    return UI(
        code,
        raw.get("site") or {},
        raw.get("strings") or {},
        raw.get("plurals") or {},
        tuple(raw.get("months") or ()),
        raw.get("date") or "{day} {month} {year}",
        raw.get("scripts") or {},
    )


def codes() -> list[str]:
    """Every language with a catalogue, English first."""
    return ["en"] + sorted(p.stem for p in FOLDER.glob("*.yaml") if p.stem != "en")
