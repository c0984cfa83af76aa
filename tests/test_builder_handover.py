"""The hand-over of a customised routine (issue 25, left-overs): the link carries the handbook's holds and rests in
words and the routine's title by reference, not as text, and each reader says them in its own language (the
builder's patient view, its sheet, the guided session)."""

from __future__ import annotations

import base64
import subprocess

import pytest
import yaml

from tests.conftest import ROOT
from tests.test_builder import guard, ready


def b32(text: str) -> str:
    return base64.b32encode(text.encode("utf-8")).decode("ascii").rstrip("=")


def lang_data(lang: str, kind: str, item: str) -> dict:
    base = ROOT / "data" if lang == "en" else ROOT / "data" / "i18n" / lang
    return yaml.safe_load((base / kind / f"{item}.yaml").read_text(encoding="utf-8"))


def customise(page, server: str, lang: str, rid: str) -> str:
    prefix = "" if lang == "en" else f"{lang}/"
    ready(page, f"{server}{prefix}builder/?routine={rid}")
    return page.input_value("#lh-b-link")


@pytest.mark.parametrize("lang", ["en", "es", "ru"])
def test_handbook_words_and_title_travel_by_reference(browser, server, lang):
    """Dikul (holds "a couple of minutes") and back pain ("a few seconds") customised: the link holds none of the
    words nor the title; the patient's view, its sheet and the session show them in the reader's language."""
    context = browser.new_context()
    page = context.new_page()
    seen = guard(page)
    prefix = "" if lang == "en" else f"{lang}/"
    for rid in ("dikul", "back-pain", "flexibility"):
        routine = lang_data(lang, "routines", rid)
        english = lang_data("en", "routines", rid)
        link = customise(page, server, lang, rid)
        code = link.split("#r=", 1)[1]
        words = {it[k] for it in routine["items"] for k in ("hold", "rest") if it.get(k)}
        words |= {it[k] for it in english["items"] for k in ("hold", "rest") if it.get(k)}
        assert words, rid
        for text in words | {routine["title"], english["title"]}:
            assert b32(text) not in code, (rid, text, code)
        # No text at all: only the format's letters for counts, flags and references.
        assert not any(len(field) > 8 for part in code.split("/") for field in part.split(".")), code
        patient = context.new_page()
        seen += guard(patient)
        ready(patient, link)
        assert patient.locator("h1").inner_text() == routine["title"]
        assert patient.locator(".lh-b-sheet-title").inner_text() == routine["title"]
        doses = patient.locator(".lh-b-view > li .lh-b-dose").all_inner_texts()
        for i, it in enumerate(routine["items"]):
            for key in ("hold", "rest"):
                if it.get(key) and key + "_seconds" not in it:
                    assert it[key] in doses[i], (rid, i, key, doses[i])
        assert patient.locator(".lh-b-problem").count() == 0
        patient.goto(f"{server}{prefix}session/#r={code}", wait_until="load")
        patient.wait_for_selector(".lh-start")
        assert patient.locator(".lh-session-routine").inner_text() == routine["title"]
        assert (
            patient.locator(".lh-session-changes").count() == 0
            or not patient.locator(".lh-session-changes").is_visible()
        )
        plan = " ".join(patient.locator(".lh-session-plan li").all_inner_texts())
        for it in routine["items"]:
            if it.get("hold") and "hold_seconds" not in it:
                assert it["hold"] in plan, (rid, it["hold"], plan)
        patient.close()
    context.close()
    assert not seen, seen


def test_a_renamed_routine_and_typed_words_travel_as_text(page, server):
    """What the physiotherapist writes is the only text in the link: a new title, a hold in their own words."""
    customise(page, server, "en", "back-pain")
    page.fill("#lh-b-title", "Mrs Smith, week 1")
    for summary in page.locator(".lh-b-edit > summary").all():
        summary.click()
    holds = page.locator("input[data-key=hold]")
    for i in range(holds.count()):
        if not holds.nth(i).input_value().strip().isdigit() and holds.nth(i).input_value():
            holds.nth(i).fill("as long as is comfortable")
            holds.nth(i).press("Tab")
            break
    else:
        raise AssertionError("no hold in words in the back pain routine")
    code = page.input_value("#lh-b-link").split("#r=", 1)[1]
    assert b32("Mrs Smith, week 1") in code and b32("as long as is comfortable") in code, code
    page.goto(server + "es/session/#r=" + code, wait_until="load")
    page.wait_for_selector(".lh-start")
    assert page.locator(".lh-session-routine").inner_text() == "Mrs Smith, week 1"


def test_the_builder_sheet_prints_each_key_step_and_first_caution(page, server, handbook, tmp_path):
    """The safety facts the handbook's own sheets always print (routine-items.html): each exercise's key step and
    first caution, on the builder's printed sheet of every routine customised (read from the PDF's text)."""
    from lumbar.builder import plain
    from tests.test_builder import images_loaded, printed

    for rid, routine in handbook.routines.items():
        ready(page, f"{server}builder/?routine={rid}")
        images_loaded(page)
        pdf = tmp_path / f"{rid}.pdf"
        page.pdf(path=str(pdf), format="A4", print_background=True)
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        flat = " " + " ".join(text.replace("\u00a0", " ").split()) + " "
        for i, it in enumerate(routine.items):
            ex = handbook.exercises[it.exercise]
            key = plain(ex.steps[ex.key_step - 1])
            assert printed(f"{ex.key_step}. {key}", flat), (rid, i, key)
            if ex.cautions:
                assert printed("Take care: " + plain(ex.cautions[0]), flat), (rid, i, ex.cautions[0])


@pytest.mark.parametrize("lang", ["en", "es", "ru"])
def test_pregnancy_notes_for_lying_face_down_or_on_the_back(browser, server, handbook, lang, tmp_path):
    """The pregnancy routine customised, with an exercise lying on the back and one face down added: each shows the
    note its own exercise page gives for pregnancy (from the page's data) in the editor, on the sheet and in the
    patient's view; in a routine for another condition, none."""
    from tests.test_builder import images_loaded

    prefix = "" if lang == "en" else f"{lang}/"
    context = browser.new_context()
    page = context.new_page()
    seen = guard(page)
    notes = {}
    for eid in ("bench-knee-hug", "back-extension"):
        page.goto(f"{server}{prefix}exercises/{eid}/")
        note = " ".join(page.locator(".lh-cautions .lh-pregnancy").inner_text().split())
        # Its link to the guideline's statement stays on the exercise's page: the note up to it.
        link = page.locator(".lh-cautions .lh-pregnancy a[href*=statement]")
        notes[eid] = note.rsplit(". ", 1)[0] + "." if link.count() else note
        assert len(notes[eid]) > 100, (eid, note)
    ready(page, f"{server}{prefix}builder/?routine=pregnancy")
    assert page.locator(".lh-b-pregnancy").count() == 0
    for eid in notes:
        page.fill("#lh-b-q", eid)
        page.locator(f'[data-focus="add-{eid}"]').click()
    editor = [" ".join(t.split()) for t in page.locator(".lh-b-item .lh-b-pregnancy").all_inner_texts()]
    assert editor == list(notes.values()), editor
    images_loaded(page)
    pdf = tmp_path / f"{lang}.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    text = " ".join(
        subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split()
    )
    for note in notes.values():
        assert note in text, (note, text)
    link = page.input_value("#lh-b-link")
    patient = context.new_page()
    seen += guard(patient)
    ready(patient, link)
    shown = " ".join(patient.locator(".lh-b-view .lh-pv-safety").all_inner_texts())
    for note in notes.values():
        assert note in " ".join(shown.split()), (note, shown)
    # Another condition: no pregnancy note.
    patient.goto(link.replace("builder/#r=", "builder/#e="))
    patient.wait_for_selector("#lh-builder[data-ready]")
    patient.select_option("#lh-b-condition", "low-back-pain")
    assert patient.locator(".lh-b-pregnancy").count() == 2, "the source routine is still the pregnancy routine"
    context.close()
    assert not seen, seen


def test_the_hernia_routine_builder_is_short_on_a_phone(browser, server):
    """390x844: the hernia routine customised was 7,760 px tall (December 2026); each exercise's dose fields now
    fold behind a line naming the exercise and its dose, the warnings and the handbook's notes stay in view, an
    exercise's note shows in its line, and one just added opens its fields."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    ready(page, server + "builder/?routine=hernia")
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= 6000, height
    items = page.locator(".lh-b-item")
    for i in range(items.count()):
        item = items.nth(i)
        line = " ".join(item.locator(".lh-b-edit > summary").inner_text().split())
        title = item.locator("h3").inner_text().strip()
        assert line.startswith("Dose: ") and title in item.locator(".lh-b-edit > summary").text_content(), line
        assert not item.locator("input[data-key=reps]").is_visible()
        for warning in item.locator(".lh-b-warnings li, .lh-b-caveat").all():
            assert warning.is_visible()
    items.nth(0).locator(".lh-b-edit > summary").click()
    items.nth(0).locator(".lh-b-more summary").click()
    page.fill("#lh-b-itemnote-0", "Only a little way up")
    assert "Note: Only a little way up" in items.nth(0).locator(".lh-b-edit > summary").inner_text()
    page.fill("#lh-b-q", "cat")
    page.locator('[data-focus="add-cat"]').click()
    assert page.locator("input[data-key=reps]").last.is_visible(), "an exercise just added opens its fields"
    page.locator('[data-focus="up-1"]').click()
    assert page.locator("#lh-b-reps-1").is_visible(), "the first exercise's fields, opened, stay open as it moves"
    assert not page.locator("#lh-b-reps-0").is_visible()
    context.close()


def test_a_published_id_listed_twice_stops_the_build(tmp_path):
    from tests.test_builder import data_copy, edit, problems

    data = data_copy(tmp_path)
    assert "listed twice" not in problems(data)
    edit(data / "published-ids.yaml", "  - cat\n", "  - cat\n  - cat\n")
    found = problems(data)
    assert "published-ids.yaml" in found and "exercise id 'cat' is listed twice" in found, found


def test_published_ids_only_ever_grew_at_the_end():
    """Against every committed version of data/published-ids.yaml since links name ids by position (format 2, the
    commit that added lib/published-ids.js): each list then is the start of the list now (nothing removed, moved
    or inserted). Before that, links named ids as text (format 1), and one id was put in alphabetical order."""

    def git(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)

    added = git("log", "--diff-filter=A", "--format=%H", "--", "lumbar/web/js/lib/published-ids.js")
    if added.returncode != 0 or not added.stdout.split():
        pytest.skip("not a git checkout with the history of lib/published-ids.js")
    since = added.stdout.split()[-1]
    commits = [since] + git("log", "--format=%H", f"{since}..", "--", "data/published-ids.yaml").stdout.split()
    now = yaml.safe_load((ROOT / "data" / "published-ids.yaml").read_text(encoding="utf-8"))
    for commit in commits:
        then = yaml.safe_load(git("show", f"{commit}:data/published-ids.yaml").stdout)
        for kind in ("exercises", "routines", "conditions"):
            assert now[kind][: len(then[kind])] == then[kind], f"{kind} changed before its end since {commit[:10]}"


@pytest.mark.parametrize(
    "how,said",
    [
        ("404", "the server answered 404 for api/builder.json"),
        ("damaged", "api/builder.json is damaged"),
        ("offline", "no connection"),
        ("broken", "could not start:"),
    ],
)
def test_a_builder_that_cannot_start_says_what_failed(page, server, how, said):
    def answer(route):
        if how == "404":
            route.fulfill(status=404, body="not here")
        elif how == "damaged":
            route.fulfill(status=200, body="{ not json", content_type="application/json")
        elif how == "offline":
            route.abort("internetdisconnected")
        else:
            route.fulfill(status=200, body='{"exercises": 5}', content_type="application/json")

    page.route("**/api/builder.json", answer)
    page.goto(server + "builder/")
    error = page.locator(".lh-b-error")
    error.wait_for(timeout=10_000)
    assert said in error.inner_text(), error.inner_text()


def test_the_session_asks_for_no_routine_the_handbook_never_published(page, server):
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url))
    page.goto(server + "session/#id=constructor", wait_until="load")
    page.wait_for_selector(".lh-session-changes, .lh-session-error, [role=alert]", state="attached")
    assert not [u for u in asked if "/api/session/" in u], asked


def test_the_patient_view_says_the_pregnancy_stop_signs_only_for_pregnancy(page, server):
    """The view's safety box takes the sheet's lines: the obstetric signs for a routine for pregnancy, else the
    general stop line (the two were both shown, seen on a desktop walk)."""
    for rid, pregnant in (("hernia", False), ("pregnancy", True)):
        ready(page, f"{server}builder/?routine={rid}")
        code = page.input_value("#lh-b-link").split("#r=", 1)[1]
        page.goto("about:blank")
        ready(page, f"{server}builder/#r={code}")
        box = page.locator(".lh-pv-general").inner_text()
        assert ("midwife" in box) == pregnant, (rid, box)
        # One "Stop:" line; "Ease off" (cramping) only where no pregnancy sign replaces it.
        assert box.count("Stop:") == 1 and box.count("Ease off, or stop for a while:") == (not pregnant), (rid, box)
