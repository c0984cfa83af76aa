"""The printed routine sheets: every routine page printed to PDF in headless Chromium, on A4 and US Letter.

Up to 4 exercises fit one page, up to 12 at most two, more at most three (lumbar/sheet.py); each exercise's name,
dosage line, sides, routine notes and editorial caveats are in its row on the sheet, the tracking grid, the address
and the QR code are, and the site's chrome is not. A synthetic build with the longest exercises checks the same
limits for routines the data does not have yet. (tests/test_print_rows.py reads the safety lines of each row in
three languages; tests/test_print_layout.py compares the boxes of the printed layout.)
"""

from __future__ import annotations

import functools
import io
import re
import shutil
from pathlib import Path

import pypdf
import pytest
import yaml

from lumbar.figures.svg import drawing_stats
from lumbar.load import load_handbook
from lumbar.localweb import serve
from lumbar.qr import qr_svg
from lumbar.render import Renderer, dosage
from lumbar.sheet import sheet_pages
from tests.conftest import ROOT

PAPERS = ["A4", "Letter"]
ROUTINES = sorted(load_handbook(ROOT / "data").routines)
# Site chrome and screen-only parts that must not print.
CHROME = [
    "Search",
    "Lumbar Handbook",
    "Find by condition",
    "Conditions and exercises",
    "Safety rules",
    "Harmful movements",
    "About the sources",
    "Open data",
    "Table of contents",
    "Edit this page",
    "Report a problem",
    "Print this sheet",
    "Back to top",
    "Source and review",
    "For these conditions",
]


def pages_allowed(items: int) -> range:
    """At most the pages the print button promises (one, two or three: fewer if they happen to fit)."""
    return range(1, sheet_pages(items) + 1)


def squash(text: str) -> str:
    """Text without whitespace: a line break inside a table cell does not matter."""
    return re.sub(r"\s+", "", text)


@functools.cache
def site_url() -> str:
    from mkdocs.utils.yaml import yaml_load

    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        return yaml_load(f)["site_url"]


# The end of each row's steps-and-notes cell as printed: the text of its last printed step or paragraph (innerText
# leaves out what print.css hides, and the step numbers, which are CSS counters).
ROW_ENDS = """() => [...document.querySelectorAll('.lh-sheet-table tbody tr')]
    .map(tr => [...tr.querySelectorAll('td.lh-how li, td.lh-how p')].filter(e => e.checkVisibility()).pop())
    .map(e => e.innerText.replace(/\\s+/g, ' ').trim().slice(-24))"""


def print_pdfs(browser, url: str) -> dict:
    """The page at `url` printed on each paper size, as PDF, and the printed ends of its rows."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url, wait_until="load")
        pdfs = {paper: page.pdf(format=paper, print_background=False) for paper in PAPERS}
        page.emulate_media(media="print")
        return {**pdfs, "row_ends": page.evaluate(ROW_ENDS)}
    finally:
        context.close()


@pytest.fixture(scope="module")
def printed(browser):
    """print_pdfs, once per page: printed(url)[paper] is a Sheet."""
    cache: dict[str, dict] = {}

    def get(url: str) -> dict:
        if url not in cache:
            done = print_pdfs(browser, url)
            cache[url] = {paper: Sheet(done[paper], done["row_ends"]) for paper in PAPERS}
        return cache[url]

    return get


class Sheet:
    def __init__(self, pdf: bytes, row_ends: list[str]):
        self.row_ends = row_ends
        reader = pypdf.PdfReader(io.BytesIO(pdf))
        self.pages = [page.extract_text() or "" for page in reader.pages]
        self.text = "\n".join(self.pages)
        self.flat = squash(self.text)

    def page_of(self, text: str, start: int = 0) -> tuple[int, int]:
        """(page index, position in the whole squashed text) of `text` at or after `start`."""
        needle = squash(text)
        at = self.flat.find(needle, start)
        if at < 0:
            return -1, -1
        seen = 0
        for i, page in enumerate(self.pages):
            seen += len(squash(page))
            if at < seen:
                return i, at
        return len(self.pages) - 1, at


def side_label(routine, n: int, hb) -> str | None:
    """What the sheet says of sides for item n (1-based) when its figures are not "each side": a one-sided exercise
    is done on one side, then the other; two rows of it in a row are its two sides."""
    item = routine.items[n - 1]
    if not hb.exercises[item.exercise].sides or item.per_side:
        return None
    if n > 1 and routine.items[n - 2].exercise == item.exercise:
        return f"Other side (first side: row {n - 1})"
    if n < len(routine.items) and routine.items[n].exercise == item.exercise:
        return f"First side (other side: row {n + 1})"
    return "Then the other side"


def row_facts(routine, n: int, hb) -> list[str]:
    """The facts row n must print: dosage, sides, the item's notes (angles, sides, where equipment goes) and each
    editorial caveat on the dosage or safety (Note.caveat, on the item or the exercise), marked as a note."""
    item = routine.items[n - 1]
    facts = [dosage(item)]
    if side := side_label(routine, n, hb):
        facts.append(side)
    facts += [re.sub(r"[*_`]", "", note) for note in item.notes]
    for note in [*item.editorial, *hb.exercises[item.exercise].notes]:
        if note.caveat:
            facts.append("Note: " + re.sub(r"[*_`]", "", note.sheet or note.text))
    return facts


def check_sheet(sheet: Sheet, routine, hb, url: str) -> list[str]:
    """Everything wrong with one printed sheet, as messages."""
    problems = []
    allowed = pages_allowed(len(routine.items))
    if len(sheet.pages) not in allowed:
        problems.append(f"{len(routine.items)} exercises printed on {len(sheet.pages)} pages, not {allowed[-1]}")
    at, last_row_page = 0, 0
    starts = []
    for n, item in enumerate(routine.items, 1):
        title = hb.exercises[item.exercise].title
        page, found = sheet.page_of(title, at)
        starts.append(found)
        if found < 0:
            problems.append(f"exercise {n} '{title}' is not on the sheet (or not in order)")
            continue
        line = dosage(item)
        dose_page, dose_at = sheet.page_of(line, found)
        if dose_at < 0:
            problems.append(f"exercise {n} '{title}': dosage '{line}' is not on the sheet")
        elif dose_page != page:
            problems.append(f"exercise {n} '{title}': its row is split across pages {page + 1} and {dose_page + 1}")
        end_page, _ = sheet.page_of(sheet.row_ends[n - 1], found) if n <= len(sheet.row_ends) else (page, 0)
        if end_page != page:
            problems.append(f"exercise {n} '{title}': its row is split across pages {page + 1} and {end_page + 1}")
        at, last_row_page = found + len(squash(title)), page
    # Each fact in the text of its own row: from its title to the next row's title (or the tracking grid).
    grid = sheet.flat.find(squash("Two weeks: tick"))
    for n, start in enumerate(starts, 1):
        if start < 0:
            continue
        end = next((s for s in starts[n:] if s >= 0), grid if grid > start else len(sheet.flat))
        row = sheet.flat[start:end]
        for fact in row_facts(routine, n, hb):
            # A caveat printed in full in an earlier row may print there as "Note: as in row k."
            earlier = [
                k for k in range(1, n) if starts[k - 1] >= 0 and squash(fact) in sheet.flat[starts[k - 1] : starts[k]]
            ]
            again = fact.startswith("Note: ") and earlier and squash(f"Note: as in row {earlier[0]}.") in row
            if squash(fact) not in row and not again:
                problems.append(f"exercise {n}: '{fact}' is not in its row")
    for word in CHROME:
        if word in sheet.text:
            problems.append(f"'{word}' is printed")
    for text in ("Pain 0-10", "Done", "Notes", url, "not medical advice", "Reviewed", routine.title):
        if squash(text) not in sheet.flat:
            problems.append(f"'{text}' is not on the sheet")
    if last_row_page > 0 and "How much" not in sheet.pages[last_row_page]:
        problems.append("the table header is not repeated on page 2")
    return problems


@pytest.fixture(scope="module")
def renderer(handbook):
    return Renderer(handbook, site_url=site_url())


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("routine_id", ROUTINES)
def test_sheet_prints(printed, server, handbook, renderer, routine_id, paper):
    sheet = printed(f"{server}routines/{routine_id}/")[paper]
    url = renderer.online_url("routines", routine_id)
    problems = check_sheet(sheet, handbook.routines[routine_id], handbook, url)
    assert not problems, f"{routine_id} on {paper}:\n  " + "\n  ".join(problems)


def test_nothing_cut_and_no_small_text(page, server):
    """Laid out at the printable width of each paper, nothing is wider than the page; no text is under 10 pt."""
    page.emulate_media(media="print")
    for routine_id in ROUTINES:
        page.goto(f"{server}routines/{routine_id}/")
        for paper, width_mm in (("A4", 210), ("Letter", 215.9)):
            page.set_viewport_size({"width": int((width_mm - 20) / 25.4 * 96), "height": 1000})  # 10 mm margins
            overflow = page.evaluate(
                """() => [...document.querySelectorAll('.md-content *')]
                     .filter(el => el.getClientRects().length && el.getBoundingClientRect().right > innerWidth + 1)
                     .map(el => el.tagName + '.' + el.className)"""
            )
            assert not overflow, f"{routine_id}: wider than {paper}: {overflow[:5]}"
        small = page.evaluate(
            """() => [...document.querySelectorAll('.md-content *')]
                 .filter(el => el.getClientRects().length && [...el.childNodes].some(n => n.nodeType === 3 && n.data.trim()))
                 .filter(el => parseFloat(getComputedStyle(el).fontSize) < 13.3)
                 .map(el => el.tagName + '.' + el.className + ': ' + getComputedStyle(el).fontSize)"""
        )
        assert not small, f"{routine_id}: text under 10 pt: {small[:5]}"


def test_screen_hides_the_sheet_parts(page, server, renderer):
    """On screen the page is as it was, with a working print button; the QR code is of the page's address."""
    page.add_init_script("window.printed = 0; window.print = () => { window.printed += 1; };")
    page.emulate_media(media="screen")
    for routine_id in ROUTINES:
        page.goto(f"{server}routines/{routine_id}/")
        for part in (".lh-grid", ".lh-sheet-qr", ".lh-sheet-safety", ".lh-sheet-end", ".lh-print-only"):
            hidden = page.locator(part).evaluate_all("els => els.every(e => !e.checkVisibility())")
            assert hidden, f"{routine_id}: {part} shows on screen"
        assert page.locator(".lh-routine td.lh-name").first.is_visible()
        # Strict CSP: no inline handlers or style attributes in the sheet's parts.
        attrs = page.evaluate(
            """() => [...document.querySelectorAll('.lh-print-actions, .lh-print-actions *, .lh-sheet-part, .lh-sheet-part *')]
                 .flatMap(el => [...el.attributes].map(a => a.name))
                 .filter(name => name === 'style' || name.startsWith('on'))"""
        )
        assert not attrs, f"{routine_id}: {attrs}"
        url = renderer.online_url("routines", routine_id)
        assert url.startswith("https://") and url.endswith(f"/routines/{routine_id}/")
        made = re.search(r'viewBox="([^"]+)".*<path[^>]* d="([^"]+)"', str(qr_svg(url)))
        shown = page.locator(".lh-sheet-qr svg").evaluate(
            "e => [e.getAttribute('viewBox'), e.querySelector('path').getAttribute('d')]"
        )
        assert shown == list(made.groups()), f"{routine_id}: the QR code is not of {url}"
        button = page.get_by_role("button", name="Print this sheet")
        assert button.is_visible(), f"{routine_id}: no print button"
        button.click()
        assert page.evaluate("window.printed") == 1


# A synthetic build: routines of the longest exercises, with their drawings, at the limits.

SIZES = {f"sheet-test-{n}": n for n in (1, 4, 5, 6, 7, 8, 9, 12, 13)}


def synthetic_data(src: Path, dest: Path) -> None:
    shutil.copytree(src, dest)
    hb = load_handbook(src)

    def size(ex_id):
        ex = hb.exercises[ex_id]
        return len(" ".join(ex.steps)) + len(ex.breathing or "") + len(ex.title)

    longest = sorted(hb.exercises, key=size, reverse=True)
    for routine_id, count in SIZES.items():
        items = []
        for i in range(count):
            ex_id = longest[i % len(longest)]
            items.append(
                {
                    "exercise": ex_id,
                    "source_item": i + 1,
                    "reps": "10-30",
                    "sets": 3,
                    "hold_seconds": 15,
                    "rest_seconds": 120,
                    "per_side": True,
                    "editorial": [
                        {"kind": "conflict", "pattern": p, "text": "A test note."} for p in hb.exercises[ex_id].patterns
                    ],
                }
            )
        routine = {
            "title": f"Test routine with {count} exercises and a long title",
            "summary": "A routine made by the tests, with the longest exercises in the data.",
            "for_whom": "Nobody: it checks that a sheet of this length prints on the right number of pages.",
            "items": items,
            "contraindications": sorted(hb.contraindications),
            # The build asks a verdict of a routine with rows on the harmful list (the sheet prints its line).
            **(
                {"verdict": f"{n} of the {count} rows are on the article's list of harmful movements: leave them out."}
                if (n := sum(bool(hb.exercises[i["exercise"]].patterns) for i in items))
                else {}
            ),
            "stop_rules": ["Stop when an exercise hurts.", "Stop if you feel dizzy or short of breath."],
            "sources": [next(iter(hb.sources))],
            "reviewed": "2026-01-01",
        }
        (dest / "routines" / f"{routine_id}.yaml").write_text(
            yaml.safe_dump(routine, sort_keys=False), encoding="utf-8"
        )


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """The site built in this process from the data plus synthetic routines, served: (address, handbook)."""
    from lumbar.generator import mkdocs_build
    from lumbar.stage import DRAWINGS, options_from_config, stage
    from lumbar.web.postbuild import postbuild

    tmp = tmp_path_factory.mktemp("synthetic")
    synthetic_data(ROOT / "data", tmp / "data")
    stage(tmp / "stage", options_from_config(data=tmp / "data", inline_drawings=False))
    mkdocs_build(tmp / "stage", tmp / "site")
    assert postbuild(tmp / "site", tmp / "stage" / DRAWINGS) == []
    with serve(tmp / "site") as base:
        yield base, load_handbook(tmp / "data")


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("routine_id", sorted(SIZES))
def test_longest_sheets_fit(printed, synthetic, routine_id, paper):
    address, hb = synthetic
    routine = hb.routines[routine_id]
    sheet = printed(f"{address}routines/{routine_id}/")[paper]
    url = Renderer(hb, site_url=site_url()).online_url("routines", routine_id)
    problems = check_sheet(sheet, routine, hb, url)
    assert not problems, f"{routine_id} on {paper}:\n  " + "\n  ".join(problems)


def test_start_and_end_drawings_show_in_print(page, server, handbook):
    """Each row prints its exercise's start and end drawings (no middle one; images of api/thumbs/, loaded), each
    at least 20 mm wide or 9 mm tall; the screen shows none of them."""
    mm = 96 / 25.4
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 733, "height": 1000})
    for routine_id in ROUTINES:
        page.goto(f"{server}routines/{routine_id}/")
        rows = page.evaluate(
            """() => [...document.querySelectorAll('.lh-sheet-table tbody tr')].map(tr =>
                 [...tr.querySelectorAll('td.lh-figs img')].filter(s => s.checkVisibility()).map(s => {
                   const b = s.getBoundingClientRect();
                   return [s.alt, b.width, b.height, s.complete && s.naturalWidth > 0];
                 }))"""
        )
        assert len(rows) == len(handbook.routines[routine_id].items)
        for n, drawn in enumerate(rows, 1):
            phases = drawing_stats(handbook.exercises[handbook.routines[routine_id].items[n - 1].exercise].figures)
            if len(phases["phases"]) == 1:  # a position held still: its one drawing
                assert [t for t, *_ in drawn] == [drawn[0][0]] and ", position:" in drawn[0][0], drawn
            else:
                assert len(drawn) == 2, f"{routine_id} row {n}: {len(drawn)} drawings printed, not start and end"
                (start, *_), (end, *_) = drawn
                assert ", start:" in start and ", end:" in end, f"{routine_id} row {n}: {start} / {end}"
            for title, w, h, loaded in drawn:
                assert loaded, f"{routine_id} row {n}: {title} did not load"
                assert w >= 20 * mm or h >= 9 * mm, f"{routine_id} row {n}: {title} is {w / mm:.0f} x {h / mm:.0f} mm"
    page.emulate_media(media="screen")
    assert not page.locator(".lh-sheet-table td.lh-figs img").first.is_visible()
