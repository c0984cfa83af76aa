"""Search in Spanish and Russian as people type: plurals, case endings, ё/е, no accents, the usual
transliterations of Bubnovsky and Dikul, misspellings. Each finds the right page in the top three on the site
and from the offline copy (file://), in headless Chromium; text put into the box without a key press searches too.

The tables are written here, not read from the data: a lost synonym or a stemmer left out fails a test.
"""

from __future__ import annotations

import gzip
import json
from urllib.parse import unquote, urlsplit

import pytest

from tests.browsing import offline_copies, offline_copy, settled_results, type_query  # noqa: F401

# (what people type, the page: a condition, a routine or an exercise, by kind/id)
QUERIES = {
    "es": [
        ("hernias", "conditions/disc-hernia"),  # plural
        ("hernias discales", "conditions/disc-hernia"),
        ("ernia de disco", "conditions/disc-hernia"),  # misspelled
        ("ciatica", "conditions/pinched-nerve"),  # no accent
        ("ciáticas", "conditions/pinched-nerve"),
        ("nervios pinzados", "conditions/pinched-nerve"),
        ("lumbalgias", "conditions/low-back-pain"),
        ("dolores de espalda", "conditions/low-back-pain"),
        ("embarazadas", "conditions/pregnancy"),
        ("EMBARAZO", "conditions/pregnancy"),
        ("discopatias", "conditions/osteochondrosis"),  # no accent, plural
        ("osteocondrosis", "conditions/osteochondrosis"),  # the article's word still finds it
        ("espondilosis", "conditions/osteochondrosis"),
        ("flexibilidad", "conditions/flexibility"),
        ("relajacion", "conditions/relaxation"),
        ("cinturas", "conditions/slimming-waist"),
        ("músculos débiles", "conditions/weak-back-muscles"),
        ("Bubnovsky", "routines/bubnovsky"),
        ("bubnovski", "routines/bubnovsky"),  # transliterations
        ("bubnovskiy", "routines/bubnovsky"),
        ("Бубновский", "routines/bubnovsky"),
        ("dikul", "routines/dikul"),
        ("dikoul", "routines/dikul"),
        ("gatos", "exercises/cat"),
        ("puentes", "exercises/half-bridge"),
    ],
    "ru": [
        ("грыжи", "conditions/disc-hernia"),  # case endings
        ("грыжей диска", "conditions/disc-hernia"),
        ("межпозвоночной грыжи", "conditions/disc-hernia"),
        ("грыжа пазвоночника", "conditions/disc-hernia"),  # misspelled
        ("ишиаса", "conditions/pinched-nerve"),
        ("защемлении нерва", "conditions/pinched-nerve"),
        ("радикулитом", "conditions/pinched-nerve"),
        ("боли в пояснице", "conditions/low-back-pain"),
        ("остеохондрозом", "conditions/osteochondrosis"),
        ("астеохондроз", "conditions/osteochondrosis"),
        ("беременных", "conditions/pregnancy"),
        ("беременности", "conditions/pregnancy"),
        ("гибкости", "conditions/flexibility"),
        ("талии", "conditions/slimming-waist"),
        ("бубновского", "routines/bubnovsky"),
        ("Бубновский", "routines/bubnovsky"),
        ("бубновски", "routines/bubnovsky"),
        ("bubnovsky", "routines/bubnovsky"),  # Latin letters
        ("bubnovski", "routines/bubnovsky"),
        ("дикуля", "routines/dikul"),
        ("Дикуль", "routines/dikul"),
        ("dikul", "routines/dikul"),
        ("кошки", "exercises/cat"),
        ("ребенка", "exercises/child-pose"),  # ё as е: "Поза ребёнка"
        ("разноименных", "exercises/prone-opposite-arm-leg-raise"),  # ё as е: "разноимённых"
    ],
}
# The meta line once search has answered ("25 documentos encontrados", "Совпадений не найдено").
ANSWERED = r"\d|No se|Совпад|Нет"


def _open(browser, url: str):
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.keyboard.press("/")  # Material's shortcut: open the search and focus the box
    page.locator("input.md-search__input").wait_for(state="visible")
    return context, page


def _top3(page, query: str) -> list[str]:
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press("End")
    page.wait_for_selector(".md-search-result__item", state="detached")
    type_query(page, query)
    assert settled_results(page, query, timeout_ms=20_000, answer=ANSWERED) > 0, query
    hrefs = page.eval_on_selector_all(
        ".md-search-result__list > .md-search-result__item",
        "items => items.map(li => li.querySelector('a.md-search-result__link').href)",
    )
    return [unquote(urlsplit(h).path) for h in hrefs[:3]]


def _misses(page, lang: str, tail: str) -> dict:
    wrong = {}
    for query, target in QUERIES[lang]:
        top = _top3(page, query)
        if not any(p.endswith(target + tail) for p in top):
            wrong[query] = top
    return wrong


@pytest.mark.parametrize("lang", ["es", "ru"])
def test_word_forms_find_the_page_on_the_site(browser, server, lang):
    assert len(QUERIES[lang]) >= 20
    context, page = _open(browser, f"{server}{lang}/")
    try:
        assert _misses(page, lang, "/") == {}
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["es", "ru"])
def test_word_forms_find_the_page_in_the_offline_copy(browser, offline_copies, lang):  # noqa: F811
    copy = offline_copies[lang]
    context, page = _open(browser, (copy / "index.html").as_uri())
    try:
        assert _misses(page, lang, ".html") == {}
    finally:
        context.close()


@pytest.mark.parametrize(
    "lang, query, target",
    [("en", "sciatica", "pinched-nerve"), ("es", "ciática", "pinched-nerve"), ("ru", "грыжи", "disc-hernia")],
)
def test_text_put_in_without_a_key_searches(browser, server, lang, query, target):
    """Pasted with the mouse, dictated or filled in by the browser: an input event, no key at all."""
    context, page = _open(browser, f"{server}{'' if lang == 'en' else lang + '/'}")
    try:
        # Search is ready (Material reads the box once when its worker is): a first search, typed, then cleared.
        _top3(page, query)
        box = page.locator("input.md-search__input")
        box.fill("")
        box.press("End")
        page.wait_for_selector(".md-search-result__item", state="detached")
        box.fill(query)  # sets the value and sends `input`, no key events
        assert settled_results(page, query, timeout_ms=20_000, answer=ANSWERED + "|matching") > 0
        first = page.eval_on_selector(".md-search-result__item a", "a => a.href")
        assert urlsplit(first).path.endswith(f"conditions/{target}/"), first
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["es", "ru"])
def test_the_index_is_stemmed_and_stays_light(site, lang):
    """The index holds whole words (the query is stemmed, lumbar/web/js/workers/search-worker.js), trimmed by the
    language's rules, and the names added for search cost little: the gzipped index stays under 120 KB."""
    path = site / lang / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [lang]
    assert index["config"]["pipeline"] == ["stopWordFilter", "trimmer"]
    names = {d["location"]: d.get("names", []) for d in index["docs"]}
    assert "bubnovski" in [n.lower() for n in names["routines/bubnovsky/"]]
    assert "dikul" in [n.lower() for n in names["routines/dikul/"]]
    assert len(gzip.compress(path.read_bytes(), 6)) < 120_000
