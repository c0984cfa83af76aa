"""Offline: the zipped offline copy opens from a folder (file://) with search, one copy per language, and the
service worker shows pages seen before when the phone has no signal.
"""

from __future__ import annotations

import re
import zipfile

import pytest

from lumbar.i18n.ui import load_ui
from lumbar.web.offline_zip import folder, zip_path
from tests.browsing import (  # noqa: F401 (fixtures)
    ZIP_PATH,
    Recorder,
    config,
    offline_copies,
    offline_copy,
    page_kinds,
    search,
    settle,
    settled_results,
    type_query,
)


def test_instant_navigation_stays_off():
    """Material's offline plugin does not work with instant navigation."""
    features = config()["theme"].get("features") or []
    assert not any(f.startswith("navigation.instant") for f in features), features


def test_zip_holds_the_whole_offline_copy(site, offline_copy):  # noqa: F811
    zip_file = site / ZIP_PATH
    assert zip_file.is_file(), f"{ZIP_PATH} is missing from the built site"
    with zipfile.ZipFile(zip_file) as z:
        names = set(z.namelist())
    assert "lumbar-handbook/index.html" in names
    pages = {p.relative_to(offline_copy).as_posix() for p in offline_copy.rglob("*.html")}
    assert {f"lumbar-handbook/{p}" for p in pages} <= names
    assert any(n.startswith("lumbar-handbook/exercises/") and n.endswith(".html") for n in names)
    assert "lumbar-handbook/search/search_index.js" in names


def open_offline(browser, copy, paths, query=None):
    context = browser.new_context()
    rec = Recorder(context)
    page = context.new_page()
    titles = []
    try:
        for path in paths:
            rec.visit(page, (copy / path).as_uri(), idle=False)
            settle(page)  # the page's scripts have run and nothing moves: any refusal is reported by now
            rec.collect(page)
            titles.append(page.title())
        if query:
            titles.append(search(page, query))
            rec.collect(page)
    finally:
        context.close()
    return rec, titles


def test_offline_copy_opens_from_a_folder(browser, site, offline_copy):  # noqa: F811
    kinds = page_kinds(site)
    paths = ["index.html", kinds["exercise"].rstrip("/") + ".html", kinds["routine"].rstrip("/") + ".html"]
    rec, titles = open_offline(browser, offline_copy, paths, query="bridge")
    assert all("Lumbar Handbook" in t for t in titles[:3]), titles
    assert titles[3] > 0, "search found nothing in the offline copy"
    assert not rec.failed, "failed requests:\n" + "\n".join(rec.failed)
    assert not rec.off_host(), "requests that left the folder:\n" + "\n".join(rec.off_host())
    assert not rec.refused(), "refused by the policy:\n" + "\n".join(rec.refused())
    assert not rec.console, "errors:\n" + "\n".join(rec.console)


# A word of the titles in each language; the search answers only once its lunr language has loaded from the folder.
WORDS = {"es": "rodilla", "ru": "колено"}


def html_lang(path) -> str:
    return re.search(r'<html lang="([^"]+)"', path.read_text(encoding="utf-8")).group(1)


@pytest.mark.parametrize("lang", sorted(WORDS))
def test_each_language_has_its_offline_copy_in_its_zip(site, offline_copies, lang):  # noqa: F811
    copy = offline_copies[lang]
    with zipfile.ZipFile(site / zip_path(lang)) as z:
        names = set(z.namelist())
        home = z.read(f"{folder(lang)}/index.html").decode("utf-8")
    pages = {f"{folder(lang)}/{p.relative_to(copy).as_posix()}" for p in copy.rglob("*.html")}
    assert pages <= names and f"{folder(lang)}/search/search_index.js" in names
    assert f'<html lang="{lang}"' in home
    wrong = [p.relative_to(copy).as_posix() for p in copy.rglob("*.html") if html_lang(p) != lang]
    assert not wrong, f"pages of the {lang} copy not in {lang}: {wrong[:5]}"


@pytest.mark.parametrize("lang", ["en", *sorted(WORDS)])
def test_each_offline_page_links_to_its_own_zip(site, offline_copies, lang):  # noqa: F811
    page = site / ("" if lang == "en" else lang) / "offline" / "index.html"
    links = re.findall(r'<a href="([^"]+\.zip)" download>', page.read_text(encoding="utf-8"))
    assert len(links) == 1, links
    target = (page.parent / links[0]).resolve()
    assert target == (site / zip_path(lang)).resolve(), links
    with zipfile.ZipFile(target) as z:
        assert f'<html lang="{lang}"' in z.read(f"{folder(lang)}/index.html").decode("utf-8")


@pytest.mark.parametrize("lang", sorted(WORDS))
def test_each_language_offline_copy_opens_and_searches_from_a_folder(browser, site, offline_copies, lang):  # noqa: F811
    copy = offline_copies[lang]
    kinds = page_kinds(site)
    paths = ["index.html", kinds["exercise"].rstrip("/") + ".html", "offline.html"]
    context = browser.new_context()
    rec = Recorder(context)
    page = context.new_page()
    try:
        titles, langs = [], []
        for path in paths:
            rec.visit(page, (copy / path).as_uri(), idle=False)
            settle(page)
            rec.collect(page)
            titles.append(page.title())
            langs.append(page.evaluate("document.documentElement.lang"))
        page.keyboard.press("/")
        type_query(page, WORDS[lang])
        found = settled_results(page, WORDS[lang], answer=r"\d")  # "3 documentos encontrados"
        first = page.eval_on_selector(".md-search-result__item a", "a => a.href")
        rec.collect(page)
    finally:
        context.close()
    name = load_ui(lang).t("Lumbar Handbook")
    assert all(name in t for t in titles), titles
    assert langs == [lang] * len(paths), langs
    assert found > 0, f"search for {WORDS[lang]!r} found nothing in the {lang} offline copy"
    assert first.startswith(copy.as_uri() + "/"), first
    assert not rec.failed, "failed requests:\n" + "\n".join(rec.failed)
    assert not rec.off_host(), "requests that left the folder:\n" + "\n".join(rec.off_host())
    assert not rec.refused(), "refused by the policy:\n" + "\n".join(rec.refused())
    assert not rec.console, "errors:\n" + "\n".join(rec.console)


def test_offline_test_catches_a_missing_file(browser, site, offline_copy, tmp_path):  # noqa: F811
    """A page whose stylesheet is missing on purpose: the failed request must be seen."""
    page = tmp_path / "page.html"
    page.write_text(
        (offline_copy / "index.html")
        .read_text(encoding="utf-8")
        .replace('href="assets/stylesheets/', f'href="{offline_copy.as_uri()}/assets/no-such-'),
        encoding="utf-8",
    )
    rec, _ = open_offline(browser, tmp_path, ["page.html"])
    assert any("no-such-" in f for f in rec.failed), rec.failed


def seen_offline(browser, server, site, service_workers="allow"):
    """Visit two pages online, go offline, reload one, open the other and one kept at install: what shows."""
    kinds = page_kinds(site)
    context = browser.new_context(service_workers=service_workers)
    page = context.new_page()
    shown, styled = [], []
    try:
        page.goto(server + kinds["exercise"], wait_until="networkidle")
        if service_workers == "allow":
            page.evaluate("navigator.serviceWorker.ready.then(() => true)")  # installed: the first pages kept
        page.goto(server + kinds["routine"], wait_until="networkidle")
        online = page.title()
        context.set_offline(True)
        for path in (None, kinds["exercise"], "safety/red-flags/"):  # None: reload the routine
            try:
                page.reload(wait_until="load") if path is None else page.goto(server + path, wait_until="load")
                shown.append(page.title())
                styled.append(page.evaluate("[...document.styleSheets].filter(s => s.cssRules.length).length"))
            except Exception as err:  # the browser's own offline error
                shown.append(f"error: {str(err).splitlines()[0]}")
    finally:
        context.close()
    return online, shown, styled


def test_service_worker_shows_pages_seen_before_with_no_signal(browser, server, site):
    online, shown, styled = seen_offline(browser, server, site)
    assert shown[0] == online, shown
    assert all("Lumbar Handbook" in t for t in shown), shown
    assert min(styled) >= 3, f"a page showed without its styles: {styled} style sheets"


@pytest.mark.parametrize("service_workers", ["block"])
def test_service_worker_test_fails_without_it(browser, server, site, service_workers):
    """With the service worker blocked on purpose, the same visit must not show the pages."""
    online, shown, _ = seen_offline(browser, server, site, service_workers)
    assert not any(t == online for t in shown), shown


def test_session_and_diary_work_from_the_folder(browser, offline_copy):  # noqa: F811
    """The guided session of a routine runs from the offline copy (file://: the player's modules joined into a
    classic script, its data in the page), and the entry it saves shows in the copy's diary."""
    context = browser.new_context()
    rec = Recorder(context)
    page = context.new_page()
    try:
        rec.visit(page, (offline_copy / "session.html").as_uri() + "#id=back-pain", idle=False)
        page.select_option("#lh-pain-before", "5")
        page.click(".lh-start")
        assert page.locator(".lh-session-view h3").inner_text() == "Cat"
        assert page.locator(".lh-session-figure svg").count() == 1
        page.click(".lh-rep")
        assert page.locator(".lh-counter-words").inner_text() == "1 of 15 repetitions"
        while page.locator(".lh-session-view h3").inner_text() != "Session done":
            page.click(".lh-next")
        page.select_option("#lh-pain-after", "3")
        page.click(".lh-save")
        assert "Saved on this device" in page.locator(".lh-saved").inner_text()
        rec.collect(page)
        with page.expect_navigation():
            page.click(".lh-saved a")
        assert page.url == (offline_copy / "diary.html").as_uri()
        entry = page.locator(".lh-diary-entry").first.inner_text()
        assert "Routine for lower back pain" in entry and "pain 5 before, 3 after" in entry, entry
        rec.collect(page)
    finally:
        context.close()
    assert not rec.failed, "failed requests:\n" + "\n".join(rec.failed)
    assert not rec.off_host(), "requests that left the folder:\n" + "\n".join(rec.off_host())
    assert not rec.refused(), "refused by the policy:\n" + "\n".join(rec.refused())
    assert not rec.console, "errors:\n" + "\n".join(rec.console)


# Resolves once the page's origin has `url` in its caches (the service worker put it there), false after 15 s.
KEPT = """async (url) => {
  const deadline = performance.now() + 15000;
  while (performance.now() < deadline) {
    if (await caches.match(url)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}"""


def test_a_session_opened_once_opens_again_with_no_signal(browser, server):
    """The player fetches its routine's data (api/session/<routine>.json). On a first visit the service worker
    may start only after that fetch: the page then asks it to keep the file, so the same session opens offline.
    Here the page is made one the worker does not control, deterministically: the file is taken out of the
    worker's cache and the page reloaded bypassing the worker (shift-reload). A routine never opened says it
    cannot be loaded instead of failing silently."""
    data = server + "api/session/back-pain.json"
    context = browser.new_context(service_workers="allow")
    page = context.new_page()
    try:
        page.goto(server + "session/#id=back-pain", wait_until="load")
        page.wait_for_selector(".lh-start")
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        page.evaluate(
            "(url) => caches.keys().then((names) => Promise.all(names.map(async (n) => (await caches.open(n)).delete(url))))",
            data,
        )
        with page.expect_navigation(wait_until="load"):
            context.new_cdp_session(page).send("Page.reload", {"ignoreCache": True})
        page.wait_for_selector(".lh-start")
        assert page.evaluate("navigator.serviceWorker.controller") is None  # its data fetched past the worker
        assert page.evaluate(KEPT, data), "the routine's data was not kept"
        context.set_offline(True)
        page.reload(wait_until="load")
        page.wait_for_selector(".lh-start")
        assert page.locator(".lh-session-routine").inner_text() == "Routine for lower back pain"
        page.click(".lh-start")
        assert page.locator(".lh-session-view h3").inner_text() == "Cat"
        assert page.locator(".lh-session-figure svg").count() == 1
        page.goto(server + "session/#id=dikul")  # the hash changes: the player loads again, this routine
        assert "could not be loaded" in page.locator(".lh-session-problem").inner_text()
    finally:
        context.close()
