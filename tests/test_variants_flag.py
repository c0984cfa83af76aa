"""An exercise page's Easier/Harder links (the handbook's own suggestion) flag, in the same line, a linked exercise
that is itself on the article's harmful list (audit 3, M4): a reader with back pain is not sent from one harmful
movement to another as if it were safe."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from lumbar.i18n.ui import load_ui

LANGS = ["", "es/", "ru/"]
FLAG = "on the article's harmful list: ask first"


class _Variants(HTMLParser):
    """The <li> rows of div.lh-variants: (linked exercise id, the row's text)."""

    def __init__(self):
        super().__init__()
        self.depth = 0  # >0 inside the lh-variants div
        self.rows: list[list] = []
        self.li = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "div" and (self.depth or "lh-variants" in (a.get("class") or "").split()):
            self.depth += 1
        elif self.depth and tag == "li":
            self.li = True
            self.rows.append([None, ""])
        elif self.depth and self.li and tag == "a":
            self.rows[-1][0] = (a.get("href") or "").rstrip("/").rsplit("/", 1)[-1]

    def handle_endtag(self, tag):
        if tag == "div" and self.depth:
            self.depth -= 1
        elif tag == "li":
            self.li = False

    def handle_data(self, data):
        if self.li:
            self.rows[-1][1] += data


def _rows(site, lang: str, eid: str) -> list[tuple[str, str]]:
    p = _Variants()
    p.feed((site / f"{lang}exercises/{eid}/index.html").read_text(encoding="utf-8"))
    return [(e, " ".join(t.split())) for e, t in p.rows]


@pytest.mark.parametrize("lang", LANGS)
def test_easier_harder_links_flag_harmful_list_exercises(site, handbook, lang):
    flag = load_ui(lang.strip("/") or "en").t(FLAG)
    flagged = plain = 0
    for eid, ex in handbook.exercises.items():
        linked = list(ex.easier or ()) + list(ex.harder or ())
        rows = _rows(site, lang, eid)
        assert [e for e, _ in rows] == linked, (lang, eid, rows)
        for target, text in rows:
            if handbook.exercises[target].patterns:
                assert f"({flag})" in text, (lang, eid, target, text)
                flagged += 1
            else:
                assert flag not in text, (lang, eid, target, text)
                plain += 1
    # Today: bird-dog, half-bridge, seated-hip-lift, superman, double-knee-to-chest, sit-up-to-knees... are linked.
    assert flagged >= 8 and plain >= 10, (flagged, plain)
