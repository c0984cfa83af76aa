"""The routine builder (docs/builder.md, issue 16) in headless Chromium: a routine made with the keyboard
alone prints on one page with a QR code that decodes to its link; the link reopens it in a fresh browser;
"Customise this routine" loads every routine; hostile links give messages and run nothing; it works from
the offline copy, on a phone, and within its weight. And the data checks behind its links.
"""

from __future__ import annotations

import gzip
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Error as PlaywrightError

from tests.browsing import offline_copy, settle  # noqa: F401 (offline_copy: a fixture)
from tests.conftest import ROOT
from tests.test_a11y import scan, violations


def ready(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#lh-builder[data-ready]", timeout=10_000)


def reach(page, selector: str, back: bool = False, limit: int = 400) -> None:
    """Press Tab (or Shift+Tab) until the focused element matches `selector`."""
    key = "Shift+Tab" if back else "Tab"
    for _ in range(limit):
        if page.evaluate("(s) => !!document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press(key)
    raise AssertionError(f"{selector} not reached with {key}")


def guard(page) -> list[str]:
    """Errors, dialogs and script runs the page must never show."""
    seen: list[str] = []
    page.on("pageerror", lambda e: seen.append(f"error: {e}"))
    page.on("console", lambda m: seen.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("dialog", lambda d: (seen.append(f"dialog: {d.message}"), d.dismiss()))
    return seen


def images_loaded(page) -> None:
    """The sheet's start drawings have loaded (polled from here: the page's CSP forbids the eval of wait_for_function)."""
    for _ in range(100):
        if page.evaluate("Array.from(document.querySelectorAll('.lh-b-rows img')).every((i) => i.complete)"):
            return
        page.wait_for_timeout(100)
    raise AssertionError("the sheet's drawings did not load")


def pdf_text(pdf: Path) -> tuple[int, str]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    return pages, subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def qr_links(pdf: Path, tmp: Path) -> list[str]:
    subprocess.run(["pdftoppm", "-r", "300", "-png", str(pdf), str(tmp / "page")], check=True)
    found = []
    for png in sorted(tmp.glob("page*.png")):
        out = subprocess.run(
            ["zbarimg", "--quiet", "--raw", str(png)], check=False, capture_output=True, text=True
        ).stdout
        found += [line for line in out.splitlines() if line]
    return found


def test_keyboard_routine_prints_on_one_page_and_its_qr_reopens_it(browser, server, tmp_path):
    context = browser.new_context()
    page = context.new_page()
    seen = guard(page)
    ready(page, server + "builder/")
    page.focus("body")
    reach(page, "#lh-b-title")
    page.keyboard.type("Week one")
    reach(page, "#lh-b-times")
    page.keyboard.type("2")
    for query, name in (("cat", "Cat"), ("bird dog", "Bird dog"), ("half-bridge", "Half-bridge")):
        reach(page, "#lh-b-q", back=bool(page.evaluate("!!document.activeElement.closest('.lh-b-finder')")))
        page.keyboard.press("Control+A")
        page.keyboard.type(query)
        reach(page, f'button[aria-label="Add {name}"]')
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.getAttribute('aria-label')") == f"Add {name}"

    def titles():
        return [t.strip() for t in page.locator(".lh-b-item h3 a").all_inner_texts()]

    reach(page, 'button[aria-label="Move Cat down"]', back=True)
    page.keyboard.press("Enter")
    assert titles() == ["Bird dog", "Cat", "Half-bridge"]
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Move Cat down"
    reach(page, 'button[aria-label="Move Cat up"]', back=True)
    page.keyboard.press("Enter")
    assert titles() == ["Cat", "Bird dog", "Half-bridge"]
    doses = {0: ("reps", "12"), 1: ("hold", "20"), 2: ("sets", "3")}
    for index, (key, value) in doses.items():
        reach(page, f"#lh-b-{key}-{index}", back=True)
        page.keyboard.type(value)
    assert page.is_checked("#lh-b-side-1"), "the bird dog is done on each side: ticked when added"
    assert page.locator("#lh-b-side-2").count() == 0, "the half-bridge is done with both legs: no 'Each side'"
    assert page.locator("#lh-b-reps-0").evaluate("(e) => e.labels[0].textContent") == "Repetitions (Cat)"
    reach(page, ".lh-b-item:nth-child(3) .lh-b-more summary")
    page.keyboard.press("Enter")
    reach(page, "#lh-b-itemnote-2")
    page.keyboard.type("Small lift <b>only</b>")
    assert [t.strip() for t in page.locator(".lh-b-item h3 a").all_inner_texts()] == ["Cat", "Bird dog", "Half-bridge"]
    assert "Harmful movement" in page.locator(".lh-b-item").nth(2).inner_text(), "the half-bridge's warning is missing"
    link = page.input_value("#lh-b-link")
    assert re.fullmatch(re.escape(server) + r"builder/#r=2\.3\.[0-9A-Z]{4}/F2D\.T[A-Z2-7]+/[0-9A-Z./]+", link), link
    assert [t.strip() for t in page.locator(".lh-b-item h3").all_inner_texts()] == ["Cat", "Bird dog", "Half-bridge"]

    names = ["Cat", "Bird dog", "Half-bridge"]
    lines = ["12 repetitions", "hold 20", "each side", "3 sets", "Small lift <b>only</b>"]
    images_loaded(page)
    for size in ("A4", "Letter"):
        pdf = tmp_path / f"{size}.pdf"
        page.pdf(path=str(pdf), format=size, print_background=True)
        pages, text = pdf_text(pdf)
        assert pages == 1, f"{size}: {pages} pages"
        flat = " ".join(text.split())
        at = [flat.find(n) for n in names]
        assert -1 not in at and at == sorted(at), f"{size}: names missing or out of order: {at}"
        assert all(flat.find(d) > at[0] for d in lines), f"{size}: a dose is missing:\n{flat}"
        assert (
            "call an ambulance" in flat
            and "not medical advice" in flat
            and "Stop:" in flat
            and "Ease off, or stop for a while:" in flat
        )
        (tmp_path / size).mkdir()
        assert qr_links(pdf, tmp_path / size) == [link], f"{size}: the QR code does not give the link"
    context.close()

    fresh = browser.new_context()
    other = fresh.new_page()
    seen += guard(other)
    ready(other, link)
    view = other.locator(".lh-b-view > li")
    assert view.count() == 3
    assert [view.nth(i).locator(".lh-b-dose").inner_text() for i in range(3)] == [
        "12 repetitions",
        "hold 20\u00a0s, each side",
        "3 sets",
    ]
    assert [view.nth(i).locator("h2").inner_text() for i in range(3)] == ["1. Cat", "2. Bird dog", "3. Half-bridge"]
    assert "Small lift <b>only</b>" in view.nth(2).locator(".lh-pv-note").inner_text()
    assert other.locator(".lh-b-view b").count() == 0
    other.get_by_role("button", name="Edit a copy").click()
    assert other.input_value("#lh-b-title") == "Week one"
    fresh.close()
    assert not seen, seen


def handbook_doses(it) -> list[str]:
    """The dose words of a handbook routine item as the sheet must print them (English)."""

    def time(word: str, v) -> str:  # whole minutes as minutes, as the sheet writes them
        return f"{word} {v // 60}\u00a0min" if isinstance(v, int) and v >= 60 and v % 60 == 0 else f"{word} {v}\u00a0s"

    found = []
    if it.reps is not None:
        found.append(f"{it.reps} repetition")
    if it.sets is not None:
        found.append(f"{it.sets} set")
    if it.hold_seconds is not None:
        found.append(time("hold", it.hold_seconds))
    elif it.hold:
        found.append(f"hold {it.hold}")
    if it.rest_seconds is not None:
        found.append(time("rest", it.rest_seconds))
    elif it.rest:
        found.append(f"rest: {it.rest}")
    if it.per_side:
        found.append("each side")
    return found


def printed(dose: str, flat: str) -> bool:
    """The dose's words in the PDF text in their order: a dose that wraps in its narrow column may come out of
    pdftotext with the next column's words between its lines (never more than a row's worth)."""
    words = [re.escape(w) for w in dose.split()]
    return re.search(r"\s(?:.{0,300}?\s)?".join(words), flat) is not None


def qr_150(pdf: Path, tmp: Path) -> list[str]:
    """The QR codes zbar reads from a 150 dpi rendering (about what a phone resolves at arm's length)."""
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(tmp / "p150")], check=True)
    found = []
    for png in sorted(tmp.glob("p150*.png")):
        out = subprocess.run(["zbarimg", "--quiet", "--raw", str(png)], check=False, capture_output=True, text=True)
        found += [line for line in out.stdout.splitlines() if line]
    return found


def test_customise_every_routine_prints_its_doses_and_its_qr_opens_the_patient_view(
    browser, server, handbook, tmp_path
):
    """Every routine, customised: the fields show the handbook's doses as it gives them (ranges, "up to", holds in
    words, each side), no "Handbook:" note, the condition chosen; the printed A4 sheet carries each dose; its QR
    code, read from a 150 dpi rendering, is the link; the link opens the patient's view with each exercise's start
    and end drawings and steps."""
    context = browser.new_context()
    page = context.new_page()
    seen = guard(page)
    conditions = {c_id: c for c_id, c in handbook.conditions.items()}
    for rid, routine in handbook.routines.items():
        page.goto(server + f"routines/{rid}/")
        href = page.get_by_role("link", name="Customise this routine").get_attribute("href")
        ready(page, server + f"routines/{rid}/" + href)
        items = page.locator(".lh-b-item")
        assert items.count() == len(routine.items), rid
        for i, it in enumerate(routine.items):
            box = items.nth(i)
            assert box.locator("h3 a").inner_text() == handbook.exercises[it.exercise].title, (rid, i)
            for key, number, words in (
                ("reps", it.reps, None),
                ("sets", it.sets, None),
                ("hold", it.hold_seconds, it.hold),
                ("rest", it.rest_seconds, it.rest),
            ):
                want = str(number) if number is not None else (words or "")
                assert page.input_value(f"#lh-b-{key}-{i}") == want, (rid, i, key)
            if it.per_side:
                assert page.is_checked(f"#lh-b-side-{i}"), (rid, i)
        assert "Handbook:" not in page.inner_text("#lh-builder")
        for_it = [c_id for c_id, c in conditions.items() if rid in c.routines]
        if for_it:
            assert page.input_value("#lh-b-condition") in for_it, rid
        link = page.input_value("#lh-b-link")
        images_loaded(page)
        pdf = tmp_path / f"{rid}.pdf"
        page.pdf(path=str(pdf), format="A4", print_background=True)
        # pdftotext's reading order (not -layout): a dose that wraps in its column stays in one piece.
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        flat = " ".join(text.replace("\u00a0", " ").split())
        assert "Handbook:" not in flat, rid
        for i, it in enumerate(routine.items):
            for dose in handbook_doses(it):
                assert printed(dose.replace("\u00a0", " "), flat), (rid, i, dose)
        (tmp_path / rid).mkdir()
        assert qr_150(pdf, tmp_path / rid) == [link], (
            f"{rid}: the QR code does not read at 150 dpi ({len(link)} characters)"
        )
        if len(routine.items) <= 8:
            assert len(link) < 200, (rid, len(link), link)
        patient = context.new_page()
        seen += guard(patient)
        ready(patient, link)
        blocks = patient.locator(".lh-b-view > li")
        assert blocks.count() == len(routine.items), rid
        for i, it in enumerate(routine.items):
            block = blocks.nth(i)
            ex = handbook.exercises[it.exercise]
            assert block.locator("h2").inner_text() == f"{i + 1}. {ex.title}"
            assert block.locator(".lh-pv-steps li").count() == len(ex.steps), (rid, i)
            if ex.figures:
                srcs = [img.get_attribute("src") for img in block.locator(".lh-pv-fig img").all()]
                assert [s.rsplit("/", 1)[1] for s in srcs] == [f"{it.exercise}.svg", f"{it.exercise}-end.svg"], srcs
        for img in patient.locator(".lh-pv-fig img").all():
            img.scroll_into_view_if_needed()
        for _ in range(50):
            if patient.evaluate(
                "Array.from(document.querySelectorAll('.lh-pv-fig img')).every((i) => i.complete && i.naturalWidth > 0)"
            ):
                break
            patient.wait_for_timeout(100)
        else:
            raise AssertionError(f"{rid}: a drawing did not load in the patient's view")
        assert patient.locator(".lh-b-problem").count() == 0, rid
        assert "Avoid with" not in patient.inner_text(".lh-b-readonly"), rid
        assert patient.get_by_role("link", name="Start this routine").count() == 1
        patient.close()
    context.close()
    assert not seen, seen


BAD = {
    "wrong version": ("#r=9.1.AAAA//0D.R10", ["format 9, newer"], 0),
    "not a routine address": ("#section-2", ["is not a routine link"], 0),
    "changed": ("#r=2.2.AAAA//0D.R10/0B", ["changed after it was made"], 2),
    "not a routine": ("#r=hello", ["does not start with a format number"], 0),
    "unknown id": ("#r=1~T~~~~no-such-exercise.5~cat.3", ["no longer in the handbook"], 2),
    "huge numbers": ("#r=1~T~~~~cat.99999999999999999999999.3.999999", ["more than 999", "more than 3600"], 1),
    "100 KB": ("#r=1~" + "A" * 100 * 1024, ["far too long"], 0),
    "html in the note": (
        "#r=1~%3Cimg_src%3Dx_onerror%3Dalert(1)%3E~~~%3Cscript%3Ealert(2)%3C%2Fscript%3E~cat.2.....%3Cimg_src=x_onerror=alert(3)%3E~<svg_onload=alert(4)>.1",
        ["not a handbook id"],
        1,
    ),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_links_give_a_message_and_run_nothing(page, server, case):
    hash_, messages, kept = BAD[case]
    seen = guard(page)
    ready(page, server + "builder/" + hash_)
    problem = page.locator(".lh-b-problem")
    assert problem.count() == 1, f"{case}: no message"
    text = problem.inner_text()
    for m in messages:
        assert m in text, f"{case}: '{m}' not in {text}"
    assert page.locator(".lh-b-view li[data-exercise], .lh-b-item").count() == kept
    assert page.locator(".md-content img[src='x'], .md-content script:not([src]), .md-content svg[onload]").count() == 0
    if case == "html in the note":
        assert "<img src=x onerror=alert(1)>" in page.locator(".md-content h1").inner_text()
        assert "<script>alert(2)</script>" in page.locator(".lh-b-view-note").inner_text()
    assert not seen, f"{case}: {seen}"


def test_bad_link_test_would_see_a_script(page, server):
    """The guard itself: a page that does run a script from its address is caught."""
    seen = guard(page)
    page.goto(server + "builder/")
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=alert(1)>')")
    page.wait_for_timeout(300)
    assert any("Content Security Policy" in s for s in seen), seen  # an inline handler tried, and was refused
    page.evaluate("window.alert('ran')")
    assert any(s == "dialog: ran" for s in seen), seen


def test_builder_works_from_the_offline_copy(browser, offline_copy):  # noqa: F811
    context = browser.new_context()
    page = context.new_page()
    seen = guard(page)
    ready(page, (offline_copy / "builder.html").as_uri() + "?routine=back-pain")
    assert page.locator(".lh-b-item").count() == 5
    page.get_by_role("button", name="Add Bird dog").click()
    assert page.locator(".lh-b-item").count() == 6
    link = page.input_value("#lh-b-link")
    assert link.startswith("https://") and "/builder/#r=2." in link
    assert page.locator(".lh-sheet-qr svg").count() == 0, "the QR code is drawn as the page prints, not at load"
    page.pdf()
    assert page.locator(".lh-sheet-qr svg").count() == 1
    context.close()
    assert not seen, seen


def test_builder_on_a_phone_and_in_both_schemes(browser, server):
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
        page = context.new_page()
        ready(page, server + "builder/?routine=back-pain")
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= 390, f"{scheme}: the page is {wide} px wide on a 390 px phone"
        found = violations(scan(page))
        page.goto(server + "builder/#r=1~T~~low-back-pain~n~cat.1~gone.2")
        page.wait_for_selector("#lh-builder[data-ready]")
        found += violations(scan(page))
        context.close()
        assert not found, f"{scheme}:\n" + "\n".join(found)


# Every layout shift of the page from its start (PerformanceObserver, buffered), kept for the test to read.
WATCH_SHIFTS = """
window.__shifts = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shifts.push(e); })
  .observe({ type: "layout-shift", buffered: true });
"""
SHIFTED = """() => window.__shifts.filter((e) => !e.hadRecentInput).map((e) => [e.value,
  e.sources.map((s) => s.node ? s.node.nodeName + "." + s.node.className : "?").join(", ")])"""


@pytest.mark.parametrize("width,height", [(412, 823), (390, 844)])
def test_builder_does_not_shift_as_it_loads(browser, server, width, height):
    """Lighthouse's phone (412 x 823) and a 390 px phone: the layout shift from the start until the builder's
    data has loaded and the page is at rest is at most 0.01 (Lighthouse's CLS limit here), for the empty
    builder, a handbook routine loaded to edit, a read-only link and a link with problems."""
    found = {}
    for start in ("", "?routine=back-pain", "#r=1~T~~~~cat.5~bird-dog.3", "#r=9"):
        context = browser.new_context(viewport={"width": width, "height": height})
        context.add_init_script(WATCH_SHIFTS)
        page = context.new_page()
        ready(page, server + "builder/" + start)
        settle(page)
        shifts = page.evaluate(SHIFTED)
        context.close()
        found[start or "empty"] = (round(sum(v for v, _ in shifts), 4), shifts)
    assert all(total <= 0.01 for total, _ in found.values()), found


def test_builder_without_javascript_shows_its_message_at_its_height(browser, server):
    """Without scripting the no-JS message shows (not the loading line) and no room is kept for an editor."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "builder/")
    nojs, loading = page.is_visible(".lh-b-nojs"), page.is_visible(".lh-b-loading")
    height = page.locator("#lh-builder").bounding_box()["height"]
    context.close()
    assert nojs and not loading and height < 200, (nojs, loading, height)


# Everything the builder writes for the reader: on screen, in its fields (not the link), labels, the printed sheet.
DRAWN = """() => [document.querySelector("#lh-builder").innerText]
  .concat(Array.from(document.querySelectorAll("#lh-builder input:not(#lh-b-link):not([type=checkbox]), #lh-builder textarea"), (i) => i.value))
  .concat(Array.from(document.querySelectorAll("#lh-builder [aria-label], .lh-b-sheet [aria-label]"), (e) => e.getAttribute("aria-label")))
  .concat([document.querySelector(".lh-b-sheet").innerText]).join("\\n")"""


def test_builder_words_are_in_the_page_language(page, server):
    """On /ru/builder/ no Latin word but QR and the publisher's name (iLive), on screen, in the fields and on the
    sheet: handbook routines whose doses the data gives as "up to 20", ranges and words, and a routine with a
    condition chosen (its avoid and take-care lists). The Spanish page writes "up to" as "hasta"."""
    found = {}
    for start in (
        "?routine=bubnovsky",
        "?routine=dikul",
        "#e=1~~2w~disc-hernia~~crunch.10.3.5.60.s~half-bridge",
        "#r=1~~2w~disc-hernia~~crunch.10.3.5.60.s~half-bridge",
    ):
        page.goto(server + "ru/builder/" + start)
        page.wait_for_selector("#lh-builder[data-ready]")
        assert page.is_visible(".lh-b-condition-lists") == ("#r=" not in start), start
        page.emulate_media(media="print")
        text = re.sub(r"https?://\S+", "", page.evaluate(DRAWN))
        page.emulate_media(media="screen")
        found[start] = set(re.findall(r"[A-Za-z]+", text)) - {"QR", "iLive"}
    assert not any(found.values()), found
    page.goto(server + "ru/builder/?routine=bubnovsky")
    page.wait_for_selector("#lh-builder[data-ready]")
    assert page.input_value("#lh-b-reps-1") == "до 20" and page.input_value("#lh-b-itemnote-1") == ""
    assert "до 20 повторений" in page.inner_text(".lh-b-item:nth-child(2) .lh-b-dose")
    page.goto(server + "es/builder/?routine=bubnovsky")
    page.wait_for_selector("#lh-builder[data-ready]")
    assert page.input_value("#lh-b-reps-1") == "hasta 20"


def test_builder_weighs_at_most_140_kb_gzipped(browser, server, site):
    context = browser.new_context()
    page = context.new_page()
    paths: list[str] = []
    page.on("requestfinished", lambda r: paths.append(r.url))
    ready(page, server + "builder/?routine=home")
    page.wait_for_load_state("networkidle")
    context.close()
    total = 0
    for url in set(paths):
        rel = url.removeprefix(server).split("?")[0].split("#")[0]
        path = site / (rel + "index.html" if rel.endswith("/") or not rel else rel)
        total += len(gzip.compress(path.read_bytes(), 9))
    print(f"builder page and what it loads: {total / 1024:.1f} KB gzipped")
    # 135 KB since the patient's view, link format 2 (format 1 still read) and the pictures in the list (issue 25);
    # 138 since the handbook's words by reference, the key step and first caution on the sheet, the pregnancy notes,
    # the folded dose fields and the start-up errors that say what failed (measured 134.8 -> 137.8 KB); 140 since
    # the sheet's "Stop" and "Ease off" lines, the same-day red flags and the pregnancy notes of the audit (138.2 KB).
    assert total <= 140 * 1024, f"{total / 1024:.1f} KB gzipped: {sorted(set(paths))}"


def test_every_routine_page_links_to_the_builder(site, handbook):
    for rid in handbook.routines:
        html = (site / "routines" / rid / "index.html").read_text(encoding="utf-8")
        assert f'href="../../builder/?routine={rid}"' in html, rid


def test_nav_has_make_a_routine(site):
    assert ">Make a routine<" in re.sub(r"\s+", " ", (site / "index.html").read_text(encoding="utf-8")).replace(
        "> ", ">"
    ).replace(" <", "<")


def test_exercise_pages_show_variants_as_editorial(site, handbook):
    covered = {"cat", "half-bridge", "knee-to-chest", "crunch", "prone-leg-raise", "bird-dog", "twisting-shoulder-lift"}
    for ex_id in covered:
        ex = handbook.exercises[ex_id]
        assert ex.easier or ex.harder, ex_id
        html = (site / "exercises" / ex_id / "index.html").read_text(encoding="utf-8")
        assert "not the article" in html and "Easier and harder" in html, ex_id
        for other in ex.easier + ex.harder:
            assert handbook.exercises[other].title in html


# The data checks: each one broken on purpose in a copy of the data.


def data_copy(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    return data


def problems(data: Path) -> str:
    from lumbar.load import load_handbook
    from lumbar.loader import DataError

    try:
        load_handbook(data)
    except DataError as err:
        return "\n".join(str(p) for p in err.problems)
    return ""


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_real_data_passes(tmp_path):
    assert problems(data_copy(tmp_path)) == ""


def test_a_one_sided_variant_stops_the_build(tmp_path):
    data = data_copy(tmp_path)
    edit(data / "exercises" / "cat.yaml", "easier: [all-fours-relax]\n", "")
    found = problems(data)
    assert "all-fours-relax.yaml" in found and "does not name 'all-fours-relax' under 'easier'" in found, found


def test_an_unknown_variant_and_a_cycle_stop_the_build(tmp_path):
    data = data_copy(tmp_path)
    edit(
        data / "exercises" / "downward-upward-dog.yaml",
        "easier: [cat]",
        "easier: [cat]\nharder: [all-fours-relax, no-such]",
    )
    edit(
        data / "exercises" / "all-fours-relax.yaml",
        "harder: [cat, bird-dog]",
        "harder: [cat, bird-dog]\neasier: [downward-upward-dog]",
    )
    found = problems(data)
    assert "unknown exercise 'no-such'" in found and "makes a cycle" in found, found


def test_a_published_id_cannot_disappear_without_an_alias(tmp_path):
    data = data_copy(tmp_path)
    (data / "exercises" / "cat.yaml").rename(data / "exercises" / "cat-cow.yaml")
    edit(data / "published-ids.yaml", "  - cat\n", "  - cat\n  - cat-cow\n")
    found = problems(data)
    assert "published exercise id 'cat' has disappeared" in found and "aliases: [cat]" in found, found
    for path in (data / "exercises").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(
            re.sub(r"\bcat\b(?!-)", "cat-cow", text) if path.name != "cat-cow.yaml" else text, encoding="utf-8"
        )
    for folder in ("routines", "conditions"):
        for path in (data / folder).glob("*.yaml"):
            path.write_text(
                re.sub(r"exercise: cat\b(?!-)", "exercise: cat-cow", path.read_text(encoding="utf-8")), encoding="utf-8"
            )
    edit(data / "exercises" / "cat-cow.yaml", "position:", "aliases: [cat]\nposition:")
    assert "disappeared" not in problems(data)


def test_published_ids_hold_every_id_of_today():
    """A new item's id goes into data/published-ids.yaml when it is published."""
    ids = yaml.safe_load((ROOT / "data" / "published-ids.yaml").read_text(encoding="utf-8"))
    for kind in ("exercises", "routines", "conditions"):
        assert {p.stem for p in (ROOT / "data" / kind).glob("*.yaml")} <= set(ids[kind])
    assert len(ids["exercises"]) >= 64


def test_the_qr_code_of_8_exercises_scans_at_the_printed_size(page, server, tmp_path):
    """Eight exercises, each with every dose and a note, a title and a note for the patient: at most two A4 pages
    (each row prints its key step and first caution, as the handbook's sheets do: up to 12 on two pages), and
    the QR code (34 mm wide) read by zbar from a 300 dpi rendering gives the whole link; without the notes
    (doses, title and who and when only) it reads from a 150 dpi rendering."""
    ids = [
        "cat",
        "crunch",
        "half-bridge",
        "prone-press-up",
        "child-pose",
        "knee-to-chest",
        "bird-dog",
        "supine-hip-turn",
    ]
    items = "~".join(f"{e}.{10 + i}.3.{5 * i}.60.s.Go_slowly_{i}" for i, e in enumerate(ids))
    ready(
        page, server + f"builder/#e=1~Mrs_Jones,_weeks_1-2~2d~low-back-pain~Stop_if_the_pain_spreads_down_a_leg~{items}"
    )
    link = page.input_value("#lh-b-link")
    images_loaded(page)
    pdf = tmp_path / "eight.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    pages, text = pdf_text(pdf)
    assert pages <= 2, pages
    flat = " ".join(text.split())
    assert all(f"Go slowly {i}" in flat for i in range(8)), flat
    assert qr_links(pdf, tmp_path) == [link], len(link)
    items = "~".join(f"{e}.{10 + i}.3.{5 * i}.60.s" for i, e in enumerate(ids))
    ready(page, server + f"builder/#e=1~Mrs_Jones,_weeks_1-2~2d~low-back-pain~~{items}")
    link = page.input_value("#lh-b-link")
    images_loaded(page)
    page.pdf(path=str(pdf), format="A4", print_background=True)
    (tmp_path / "150").mkdir()
    assert qr_150(pdf, tmp_path / "150") == [link], len(link)


@pytest.mark.parametrize("service_workers", ["allow", "block"])
def test_builder_once_visited_works_with_no_signal(browser, server, service_workers):
    """The service worker (lumbar/web/js/sw.js) keeps the builder, its modules, data and drawings once seen; with the
    worker blocked on purpose the same visit must fail offline."""
    context = browser.new_context(service_workers=service_workers)
    page = context.new_page()
    try:
        ready(page, server + "builder/?routine=back-pain")
        if service_workers == "allow":
            page.evaluate("navigator.serviceWorker.ready.then(() => true)")
            ready(page, server + "builder/?routine=back-pain")  # seen again, now through the worker
            page.wait_for_load_state("networkidle")
        context.set_offline(True)
        try:
            ready(page, server + "builder/#r=1~T~~~~cat.5~bird-dog.3")
            works = page.locator(".lh-b-view > li").count() == 2
        except PlaywrightError:  # the browser's own offline page
            works = False
    finally:
        context.close()
    assert works == (service_workers == "allow")


def test_a_link_cut_at_any_item_boundary_says_what_is_missing(page, server):
    """An 8-exercise link cut after each exercise (a message app, a hand-typed link): the patient's view shows the
    exercises that arrived and names the missing ones."""
    ready(page, server + "builder/?routine=hernia")
    code = page.input_value("#lh-b-link").split("#r=", 1)[1]
    parts = code.split("/")
    assert len(parts) == 2 + 8, code
    for kept in range(8):
        ready(page, server + "builder/#r=" + "/".join(parts[: 2 + kept]))
        text = page.locator(".lh-b-problem").inner_text()
        want = "exercise 8 of 8 is missing" if kept == 7 else f"exercises {kept + 1} to 8 of 8 are missing"
        assert want in text, (kept, text)
        assert page.locator(".lh-b-view > li[data-exercise]").count() == kept
        assert "#r=" + "/".join(parts[: 2 + kept]) in page.url, "a damaged link stays in the address as it came"


def test_a_version_1_link_still_opens(page, server):
    seen = guard(page)
    ready(page, server + "builder/#r=1~Week_one~2d~low-back-pain~Slowly~cat.12~bird-dog..3.20..s.Small_lift")
    assert page.locator(".lh-b-problem").count() == 0
    assert page.inner_text(".md-content h1") == "Week one" and page.title() == "Week one"
    blocks = page.locator(".lh-b-view > li")
    assert [blocks.nth(i).locator(".lh-b-dose").inner_text() for i in range(2)] == [
        "12 repetitions",
        "3 sets, hold 20\u00a0s, each side",
    ]
    assert "Small lift" in blocks.nth(1).inner_text()
    assert not seen, seen


def test_a_link_too_long_to_read_back_is_refused_before_it_is_made(page, server):
    """29.1: 30 exercises with a long Russian note each would make a link past LIMITS.code: the editor keeps the
    link under it and says why, and the link it gives opens whole."""
    items = "~".join("cat" for _ in range(30))
    ready(page, server + "builder/#e=1~~~~~" + items)
    note = "Медленно, без боли; " * 10
    refused = 0
    for i in range(30):
        page.locator(".lh-b-edit > summary").nth(i).click()  # the dose line opens the item's fields
        page.locator(".lh-b-more summary").nth(i).click()
        page.fill(f"#lh-b-itemnote-{i}", note)
        if page.input_value(f"#lh-b-itemnote-{i}") == "":
            refused += 1
    link = page.input_value("#lh-b-link")
    code = link.split("#r=", 1)[1]
    assert refused > 0 and len(code) <= 4000, (refused, len(code))
    assert "longer than 4000 characters" in page.inner_text(".lh-b-status")
    ready(page, link)
    assert page.locator(".lh-b-problem").count() == 0
    assert page.locator(".lh-b-view > li[data-exercise]").count() == 30


def test_published_ids_module_is_the_data():
    """lib/published-ids.js (for node --test) is what the build writes from data/published-ids.yaml."""
    from lumbar.builder import published_ids_js
    from lumbar.load import load_handbook

    kept = (ROOT / "lumbar" / "web" / "js" / "lib" / "published-ids.js").read_text(encoding="utf-8")
    assert kept == published_ids_js(load_handbook(ROOT / "data")), (
        "lumbar/web/js/lib/published-ids.js is out of date: write it again with "
        ".venv/bin/python -c 'from lumbar.builder import write_published_ids; write_published_ids()'"
    )


def test_patient_view_and_builder_hold_axe_on_a_phone(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    ready(page, server + "builder/?routine=hernia")
    link = page.input_value("#lh-b-link")
    found = violations(scan(page))
    ready(page, link)
    found += violations(scan(page))
    context.close()
    assert not found, "\n".join(found)


def test_remove_can_be_undone_and_add_goes_where_you_are(page, server):
    """Remove has an undo that puts the exercise back in its place; "Add after this" puts the next exercises
    after that one, not at the end."""
    ready(page, server + "builder/?routine=back-pain")

    def ids():
        return page.evaluate("Array.from(document.querySelectorAll('.lh-b-item h3 a'), (a) => a.textContent)")

    first = ids()
    page.get_by_role("button", name=f"Remove {first[1]}").click()
    assert ids() == first[:1] + first[2:]
    page.get_by_role("button", name=f"Undo: put {first[1]} back").click()
    assert ids() == first
    page.get_by_role("button", name=f"Add exercises after {first[0]}").click()
    assert page.evaluate("document.activeElement.id") == "lh-b-q"
    page.fill("#lh-b-q", "bird dog")
    page.get_by_role("button", name="Add Bird dog").click()
    assert ids() == first[:1] + ["Bird dog"] + first[1:]
