"""The printed sheet's boxes: laid out as print at each paper's printable width, in every language, no text runs over
other text, out of its cell or off the page, and the parts at the sheet's end (tracking grid, its caption, the note
lines, the QR code, the address) do not overlap. (Issue 25: the Spanish grid caption overprinted "Notas" and the
note lines crossed days 13-14.)"""

from __future__ import annotations

import pytest

from lumbar.load import load_handbook
from tests.conftest import ROOT

LANGS = ["en", "es", "ru"]
# Printable width: the paper less print.css's 8 mm side margins, in CSS pixels (96 a inch).
PAPERS = {"A4": 210 - 16, "Letter": 215.9 - 16}
ROUTINES = sorted(load_handbook(ROOT / "data").routines)

BOXES = """() => {
  const box = (r, name) => ({name, l: r.left, t: r.top, r: r.right, b: r.bottom});
  const label = e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
  const texts = [];
  const cells = [];
  for (const part of document.querySelectorAll('.lh-sheet-part')) {
    if (!part.checkVisibility()) continue;
    const walk = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const el = n.parentElement;
      if (!n.data.trim() || !el.checkVisibility() || el.closest('svg')) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const where = el.closest('td, th, caption') || part;
      for (const r of range.getClientRects()) {
        if (r.width < 0.5 || r.height < 0.5) continue;
        texts.push({...box(r, label(el) + ' "' + n.data.trim().slice(0, 30) + '"'), cell: box(where.getBoundingClientRect(), label(where))});
      }
    }
    for (const svg of part.querySelectorAll('svg, img')) {
      if (!svg.checkVisibility()) continue;
      const where = svg.closest('td, th, div.lh-sheet-qr') || part;
      cells.push({...box(svg.getBoundingClientRect(), 'svg in ' + label(where)), cell: box(where.getBoundingClientRect(), label(where))});
    }
  }
  const end = document.querySelector('.lh-sheet-end');
  const grid = end.querySelector('table.lh-grid');
  const caption = grid.querySelector('caption');
  const parts = [
    box(caption.getBoundingClientRect(), 'grid caption'),
    box(grid.querySelector('thead').getBoundingClientRect(), 'grid days'),
    box(grid.querySelector('tbody').getBoundingClientRect(), 'grid rows'),
    ...[...end.querySelectorAll('.lh-notes p')].map((p, i) => box(p.getBoundingClientRect(), i ? 'note line ' + i : 'notes title')),
    ...[...end.querySelectorAll('.lh-sheet-qr, .lh-sheet-url, .lh-sheet-meta')].map(e => box(e.getBoundingClientRect(), label(e))),
  ];
  return {texts, cells, parts, width: document.documentElement.clientWidth};
}"""

SLACK = 0.75  # px: rounding, and half a collapsed border


def overlap(a: dict, b: dict) -> float:
    """The area two boxes share, as a share of the smaller one."""
    w = min(a["r"], b["r"]) - max(a["l"], b["l"])
    h = min(a["b"], b["b"]) - max(a["t"], b["t"])
    if w <= SLACK or h <= SLACK:
        return 0.0
    smaller = min((a["r"] - a["l"]) * (a["b"] - a["t"]), (b["r"] - b["l"]) * (b["b"] - b["t"]))
    return w * h / smaller if smaller else 0.0


def inside(a: dict, cell: dict) -> bool:
    return (
        a["l"] >= cell["l"] - SLACK
        and a["r"] <= cell["r"] + SLACK
        and a["t"] >= cell["t"] - SLACK
        and a["b"] <= cell["b"] + SLACK
    )


def problems(boxes: dict) -> list[str]:
    """Everything that overprints: text over text (lines closer than the glyphs' boxes overlap a little, so a
    quarter of the smaller box), text or a drawing out of its cell or off the page, parts of the sheet's end over
    each other."""
    out = []
    width = boxes["width"]
    for t in boxes["texts"] + boxes["cells"]:
        if not inside(t, t["cell"]):
            out.append(f"{t['name']} runs out of its {t['cell']['name']}")
        if t["r"] > width + SLACK or t["l"] < -SLACK:
            out.append(f"{t['name']} runs off the page")
    texts = sorted(boxes["texts"], key=lambda t: t["t"])
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            if b["t"] >= a["b"]:
                break
            if overlap(a, b) > 0.25:
                out.append(f"{a['name']} and {b['name']} overprint")
    parts = boxes["parts"]
    for i, a in enumerate(parts):
        for b in parts[i + 1 :]:
            if overlap(a, b) > 0:
                out.append(f"{a['name']} and {b['name']} overlap")
    return out


@pytest.fixture(scope="module")
def laid_out(browser):
    """A page laid out as print at a paper's printable width: laid_out(url, paper) -> its boxes."""
    context = browser.new_context()
    page = context.new_page()
    page.emulate_media(media="print")

    def get(url: str, paper: str) -> dict:
        page.set_viewport_size({"width": round(PAPERS[paper] / 25.4 * 96), "height": 1100})
        page.goto(url, wait_until="load")
        return page.evaluate(BOXES)

    yield get
    context.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("paper", list(PAPERS))
def test_no_overprinting(laid_out, server, lang, paper):
    found = {}
    for routine_id in ROUTINES:
        prefix = "" if lang == "en" else f"{lang}/"
        boxes = laid_out(f"{server}{prefix}routines/{routine_id}/", paper)
        assert boxes["texts"], f"{routine_id}: no sheet text laid out"
        if wrong := problems(boxes):
            found[routine_id] = wrong
    assert not found, f"{lang} on {paper}:\n" + "\n".join(
        f"  {r}: " + "; ".join(sorted(set(w))[:4]) for r, w in found.items()
    )


def test_the_check_sees_overprinting():
    """Two boxes on the same line overprint; a caption wider than its grid runs over the notes."""
    a = {"name": "a", "l": 0, "t": 0, "r": 100, "b": 10, "cell": {"name": "c", "l": 0, "t": 0, "r": 100, "b": 10}}
    b = {**a, "name": "b", "l": 60, "r": 160, "cell": {"name": "d", "l": 100, "t": 0, "r": 200, "b": 10}}
    out = problems({"texts": [a, b], "cells": [], "parts": [], "width": 300})
    assert "a and b overprint" in out and "b runs out of its d" in out
    assert (
        problems({"texts": [a], "cells": [], "parts": [a, {**a, "name": "z", "l": 200, "r": 250}], "width": 300}) == []
    )
