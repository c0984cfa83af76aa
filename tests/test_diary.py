"""The diary page in headless Chromium: full storage (filled by script), two tabs of one browser, CSV formulas,
strict reading of old and odd diaries, a long diary paged, the quick entry, the phone layout and the print."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.test_a11y import scan, violations


def session(i: int, **extra) -> dict:
    return {
        "id": f"e{i}",
        "date": f"2026-11-{10 + i % 18:02d}T{10 + i // 18 % 12:02d}:{i % 60:02d}:00Z",
        "routine": "back-pain",
        "title": "Routine for lower back pain",
        "painBefore": 6 - i % 3,
        "painAfter": 3,
        "note": "ok",
        "exercises": [{"title": "Cat", "result": "done", "hurt": False}],
        **extra,
    }


def put(page, entries: list, version: int = 2) -> None:
    doc = {"format": "lumbar-diary", "version": version, "entries": entries}
    page.evaluate("(text) => localStorage.setItem('lumbar-diary', text)", json.dumps(doc))


def stored(page) -> list:
    return json.loads(page.evaluate("localStorage.getItem('lumbar-diary')") or '{"entries": []}')["entries"]


# Fills the origin's storage with filler keys, halving the chunk each time the browser refuses, down to 1 character.
FILL = """() => { let n = 0;
  for (let size = 1 << 20; size >= 1; size = Math.floor(size / 2)) {
    while (true) { try { localStorage.setItem(`fill-${n}`, "x".repeat(size)); n++; } catch (e) { break; } }
  }
  return n; }"""


def open_diary(page, server, lang: str = "") -> None:
    page.goto(f"{server}{lang}diary/", wait_until="load")
    page.wait_for_selector(".lh-diary-quick")


def test_full_storage_and_an_unreadable_entry(page, server):
    """One unreadable entry and no room left: the page shows what it can read and says what it cannot; a quick
    entry that does not fit says why and keeps what was written; an import that does not fit changes nothing."""
    page.goto(f"{server}diary/", wait_until="load")
    put(page, [session(1), {"id": 3, "date": "soon"}])
    assert page.evaluate(FILL) > 0
    page.reload(wait_until="load")
    page.wait_for_selector(".lh-diary-entry")
    assert "needs JavaScript" not in page.locator("#lh-diary").inner_text()
    assert "Some sessions cannot be read" in page.locator("#lh-diary [role=alert]").inner_text()
    assert page.locator(".lh-diary-entry").count() == 1
    before = page.evaluate("localStorage.getItem('lumbar-diary')")
    page.select_option("#lh-quick-pain", "4")
    page.fill("#lh-quick-note", "a long day")
    page.click(".lh-quick-save")
    said = page.locator(".lh-diary-quick-said").inner_text()
    assert said.startswith("Not saved: This browser's storage for the handbook is full."), said
    assert page.locator("#lh-quick-note").input_value() == "a long day"
    page.set_input_files(
        "#lh-diary-import",
        files=[
            {
                "name": "d.json",
                "mimeType": "application/json",
                "buffer": json.dumps(
                    {"format": "lumbar-diary", "version": 2, "entries": [session(i) for i in range(5, 60)]}
                ).encode(),
            }
        ],
    )
    expect(page.locator(".lh-diary-status")).to_contain_text("does not fit")
    assert page.evaluate("localStorage.getItem('lumbar-diary')") == before
    # Room again: the next save keeps the unreadable entry as it was.
    page.evaluate(
        "() => { for (const k of Object.keys(localStorage)) if (k.startsWith('fill-')) localStorage.removeItem(k); }"
    )
    page.select_option("#lh-quick-pain", "4")  # the import redrew the page
    page.click(".lh-quick-save")
    expect(page.locator(".lh-diary-status")).to_contain_text("Added to your diary")
    assert {"id": 3, "date": "soon"} in stored(page) and len(stored(page)) == 3


def test_a_session_saved_when_storage_is_full_is_refused_with_a_reason(page, server):
    page.goto(f"{server}diary/", wait_until="load")
    page.evaluate(FILL)
    got = page.evaluate("""async () => { const S = await import(new URL('../assets/javascripts/lib/diary-store.js', location.href));
      const e = {id: 'z', date: '2026-11-30T10:00:00Z', routine: 'r', title: 'T', painBefore: 1, painAfter: 0, note: 'x'.repeat(500), exercises: []};
      return S.add(localStorage, e); }""")
    assert got == {"ok": False, "reason": "This browser's storage for the handbook is full."}


def test_delete_all_deletes_only_what_was_shown(browser, server):
    context = browser.new_context()
    try:
        a, b = context.new_page(), context.new_page()
        a.goto(f"{server}diary/", wait_until="load")
        put(a, [session(i) for i in range(3)])
        a.reload(wait_until="load")
        a.wait_for_selector(".lh-diary-entry")
        open_diary(b, server)
        b.select_option("#lh-quick-pain", "2")
        b.click(".lh-quick-save")
        expect(b.locator(".lh-diary-status")).to_contain_text("Added to your diary")
        expect(a.locator(".lh-diary-notice")).to_contain_text("1 new entry was saved in another tab")
        a.click(".lh-delete")
        assert a.locator(".lh-delete-yes").inner_text() == "Yes, delete all 3 sessions"
        a.click(".lh-delete-yes")
        expect(a.locator(".lh-diary-status")).to_contain_text("1 session saved since, in another tab, was kept")
        left = stored(a)
        assert [e.get("kind") for e in left] == ["quick"], left
        assert a.locator(".lh-diary-entry").count() == 1
    finally:
        context.close()


# Both pages save at the same moment: a timer set to the same wall-clock millisecond in each page.
AT_ONCE = """async ([id, at]) => {
  const S = await import(new URL('../assets/javascripts/lib/diary-store.js', location.href));
  const e = {kind: 'quick', id, date: '2026-11-30T10:00:00Z', routine: '', title: '', pain: 3, paper: null, note: ''};
  setTimeout(() => { window.__saved = S.add(localStorage, e).ok; }, at - Date.now());
}"""


def test_two_tabs_saving_at_once_both_keep_their_entry(browser, server):
    context = browser.new_context()
    try:
        pages = [context.new_page() for _ in range(2)]
        for pg in pages:
            open_diary(pg, server)
        lost = 0
        for round_ in range(5):
            at = pages[0].evaluate("Date.now()") + 300
            for pg, name in zip(pages, "ab", strict=True):
                pg.evaluate("window.__saved = null")
                pg.evaluate(AT_ONCE, [f"{name}{round_}", at])
            pages[0].wait_for_timeout(800)  # the saves, the storage events and the repair they bring
            assert [pg.evaluate("window.__saved") for pg in pages] == [True, True]
            ids = {e["id"] for e in stored(pages[0])} & {e["id"] for e in stored(pages[1])}
            lost += len({f"a{round_}", f"b{round_}"} - ids)
        assert lost == 0, f"{lost} of 10 entries lost"
    finally:
        context.close()


def test_csv_export_neutralises_formulas(page, server):
    notes = ['=HYPERLINK("http://x.invalid","a")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1,2)", "\t=1+1", "plain"]
    page.goto(f"{server}diary/", wait_until="load")
    put(page, [session(i, note=n, title=n) for i, n in enumerate(notes)])
    page.reload(wait_until="load")
    with page.expect_download() as dl:
        page.click("text=Export CSV")
    rows = list(csv.reader(io.StringIO(Path(dl.value.path()).read_text(encoding="utf-8"))))
    cells = [c for r in rows[1:] for c in r]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")], cells
    assert '\'=HYPERLINK("http://x.invalid","a")' in cells and "plain" in cells


@pytest.mark.parametrize(
    ("doc", "says"),
    [
        ({"format": "lumbar-diary", "version": 1, "entries": {"a": 1}}, "no list of sessions"),
        (
            {"format": "lumbar-diary", "version": 2, "entries": [session(1, date="+275760-09-13T00:00:00.000Z")]},
            "no valid date",
        ),
        ({"format": "lumbar-diary", "version": 2, "entries": [session(1, date="1")]}, "no valid date"),
    ],
)
def test_odd_diaries_are_read_strictly_and_said(page, server, doc, says):
    page.goto(f"{server}diary/", wait_until="load")
    page.evaluate("(text) => localStorage.setItem('lumbar-diary', text)", json.dumps(doc))
    page.reload(wait_until="load")
    alert = page.locator("#lh-diary [role=alert]")
    expect(alert).to_be_visible()
    assert says in alert.inner_text() or says in page.locator("#lh-diary").inner_text()
    assert "Invalid Date" not in page.locator("#lh-diary").inner_text()


def test_duplicate_ids_in_an_import_are_kept_once(page, server):
    open_diary(page, server)
    doc = {"format": "lumbar-diary", "version": 2, "entries": [session(1), session(1), session(2)]}
    page.set_input_files(
        "#lh-diary-import",
        files=[{"name": "d.json", "mimeType": "application/json", "buffer": json.dumps(doc).encode()}],
    )
    expect(page.locator(".lh-diary-status")).to_contain_text("Imported 2 new sessions")
    assert [e["id"] for e in stored(page)] == ["e1", "e2"]


def test_a_long_diary_is_paged(page, server):
    page.goto(f"{server}diary/", wait_until="load")
    put(page, [session(i) for i in range(15_000)])
    page.reload(wait_until="load")
    page.wait_for_selector(".lh-diary-entry")
    assert page.locator(".lh-diary-entry").count() == 30
    assert page.locator(".lh-diary-table").first.locator("tbody tr").count() == 30
    expect(page.locator(".lh-diary-more", has_text="The latest 30 of 15,000.")).to_have_count(2)  # table and list
    page.locator(".lh-diary-show-more").last.click()
    expect(page.locator(".lh-diary-entry")).to_have_count(60)


@pytest.mark.parametrize(
    ("lang", "paper", "added"),
    [("", "Yes", "Added to your diary."), ("es/", "Sí", "Añadido a su diario."), ("ru/", "Да", "Добавлено в дневник.")],
)
def test_quick_entry_on_a_phone(browser, server, lang, paper, added):
    """A day's pain and the routine done on paper go into the diary without a session, show on the chart with
    their date and in the table, which reads on a 390 px phone without scrolling sideways."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.clock.install(time=1_796_032_800)  # 30 November 2026, 10:00 UTC
        open_diary(page, server, lang)
        actions = page.locator(".lh-diary-actions").first.bounding_box()
        assert actions["y"] < 844, actions  # the actions are on the first screen
        page.select_option("#lh-quick-pain", "4")
        page.get_by_label(paper, exact=True).check()
        page.select_option("#lh-quick-routine", "back-pain")
        page.click(".lh-quick-save")
        expect(page.locator(".lh-diary-status")).to_have_text(added)
        [entry] = stored(page)
        assert (entry["kind"], entry["pain"], entry["paper"], entry["routine"]) == ("quick", 4, True, "back-pain")
        assert entry["date"].startswith("2026-11-30T10:00")
        assert page.locator(".lh-diary-chart").first.locator("rect").count() == 1  # the day's pain, a square
        ticks = page.locator(".lh-diary-chart").first.locator(".lh-diary-tick").all_text_contents()
        assert len(ticks) == 1 and "30" in ticks[0], ticks  # the entry's date under the chart
        row = page.locator(".lh-diary-table").first.locator("tbody tr").first.inner_text()
        assert "4" in row and "30" in row, row
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()


def test_stopped_for_pain_shows_in_the_list_and_table(page, server):
    page.goto(f"{server}diary/", wait_until="load")
    put(page, [session(1, stopped="pain")])
    page.reload(wait_until="load")
    page.wait_for_selector(".lh-diary-entry")
    assert "(stopped: it hurt)" in page.locator(".lh-diary-entry").inner_text()
    assert "(stopped: it hurt)" in page.locator(".lh-diary-table").first.inner_text()


@pytest.mark.parametrize("count", [1, 8, 9, 12])
def test_printed_summary_ends_on_a_page_with_content(page, server, tmp_path, count):
    """The last printed page holds part of the diary, not the footer alone (with one session it used to)."""
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{server}diary/", wait_until="load")
    put(page, [session(i) for i in range(count - 1)] + [session(count - 1, stopped="pain")])
    page.reload(wait_until="load")
    page.wait_for_selector(".lh-diary-entry")
    pdf = tmp_path / "diary.pdf"
    page.emulate_media(media="print")
    page.pdf(path=str(pdf), format="A4")
    pages = int(
        next(
            ln.split()[-1]
            for ln in subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout.splitlines()
            if ln.startswith("Pages:")
        )
    )
    last = subprocess.run(
        ["pdftotext", "-f", str(pages), "-l", str(pages), str(pdf), "-"], capture_output=True, text=True
    ).stdout
    text = " ".join(last.split())
    footer = "This handbook is general information"
    body = text.split(footer)[0].strip()
    assert len(body) > 80 and "Routine for lower back pain" in body, f"page {pages} of {pages} holds only: {text!r}"
    assert "Print a summary" not in text and "Today, without a session" not in text


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_on_the_diary_with_every_kind_of_entry(browser, server, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(f"{server}diary/", wait_until="load")
        quick = {
            "kind": "quick",
            "id": "q",
            "date": "2026-11-29T10:00:00Z",
            "routine": "",
            "title": "",
            "pain": 2,
            "paper": True,
            "note": "n",
        }
        put(page, [session(1), session(2, stopped="pain"), quick, {"id": 3}, *[session(i) for i in range(3, 40)]])
        page.reload(wait_until="load")
        page.wait_for_selector(".lh-diary-entry")
        found = violations(scan(page))
        assert not found, "\n".join(found)
    finally:
        context.close()
