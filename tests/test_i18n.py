"""The handbook in Spanish and Russian: whole handbooks under /es/ and /ru/, linked to each other, searched in
their own language, printed in their own language; translations checked as data, with their status shown."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from lumbar.i18n.load import load_language, translated
from lumbar.i18n.ui import load_ui
from lumbar.load import load_handbook
from lumbar.loader import DataError
from lumbar.render import dosage
from lumbar.stage import options_from_config
from tests.browsing import settled_results, type_query
from tests.conftest import ROOT, lumbar_build
from tests.test_print import PAPERS, Sheet, pages_allowed, print_pdfs, squash

# The site's address as mkdocs.yml gives it (a fork sets its own): "https://lumbar-handbook.github.io/handbook/".
SITE_URL = options_from_config().site_url.rstrip("/") + "/"

LANGS = ("es", "ru")
SKIP = ("assets", "api", "search", "downloads", "es", "ru")


def english_pages(site: Path) -> list[str]:
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if p.relative_to(site).parts[0] not in SKIP and p.name != "404.html"
    )


def visible(page: str) -> str:
    page = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


@pytest.fixture(scope="module")
def translations():
    hb = load_handbook(ROOT / "data")
    return {code: translated(hb, load_language(ROOT / "data", code)) for code in LANGS}


# Every page, in every language, linked.


@pytest.mark.parametrize("lang", LANGS)
def test_every_english_page_has_its_counterpart(site, lang):
    pages = english_pages(site)
    assert len(pages) > 100
    missing = [p for p in pages if not (site / lang / p).is_file()]
    assert missing == []


@pytest.mark.parametrize("lang", LANGS)
def test_pages_say_their_language_and_switch_to_the_same_page(site, lang):
    for rel in ("index.html", "exercises/cat/index.html", "routines/hernia/index.html", "safety/red-flags/index.html"):
        page = (site / lang / rel).read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in page
        nav = re.search(r'<nav class="lh-languages".*?</nav>', page, re.S).group(0)
        links = dict(re.findall(r'<a class="lh-language" href="([^"]+)" hreflang="([a-z]+)"', nav))
        targets = {code: href for href, code in links.items()}
        assert set(targets) == {"en", *LANGS} - {lang}
        for code, href in targets.items():
            target = urlsplit(urljoin(f"http://x/{lang}/{rel}", href)).path.lstrip("/")
            expected = rel if code == "en" else f"{code}/{rel}"
            assert target.removesuffix("index.html") == expected.removesuffix("index.html"), (rel, code, href)
    english = (site / "exercises" / "cat" / "index.html").read_text(encoding="utf-8")
    assert f'hreflang="{lang}" lang="{lang}"' in english


def test_sitemaps_carry_the_alternates(site):
    for sitemap in (site / "sitemap.xml", site / "es" / "sitemap.xml", site / "ru" / "sitemap.xml"):
        text = sitemap.read_text(encoding="utf-8")
        urls = re.findall(r"<url>.*?</url>", text, re.S)
        assert len(urls) > 100
        for url in urls:
            assert {"en", "es", "ru", "x-default"} <= set(re.findall(r'hreflang="([a-z-]+)"', url)), url[:200]
    cat = re.search(
        r"<url>\s*<loc>[^<]*/es/exercises/cat/</loc>.*?</url>", (site / "es" / "sitemap.xml").read_text(), re.S
    )
    assert cat and f'hreflang="ru" href="{SITE_URL}ru/exercises/cat/"' in cat.group(0)


CODE_READS = ("id", "position", "equipment", "patterns", "sides", "easier", "harder", "routines", "avoid_patterns")


def neutral(items: list[dict]) -> list[dict]:
    return sorted(({k: v for k, v in i.items() if k in CODE_READS} for i in items), key=lambda i: i["id"])


@pytest.mark.parametrize("lang", LANGS)
def test_values_code_reads_are_never_translated(site, lang):
    """Ids, positions, equipment and patterns are the same in every language; only text is translated."""
    en = json.loads((site / "api" / "builder.json").read_text())
    other = json.loads((site / lang / "api" / "builder.json").read_text())
    for key in ("exercises", "routines", "conditions"):
        assert neutral(other[key]) == neutral(en[key])
    assert [e["id"] for e in other["equipment"]] == [e["id"] for e in en["equipment"]]
    assert other["exercises"][0]["title"] != en["exercises"][0]["title"]


# Search in each language.


@pytest.mark.parametrize("lang, stemmer", [("es", "es"), ("ru", "ru")])
def test_each_language_has_its_own_index(site, lang, stemmer, translations):
    index = json.loads((site / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [stemmer]
    titles = {d["title"] for d in index["docs"]}
    hb = translations[lang]
    assert hb.exercises["cat"].title in titles and "Cat" not in titles
    names = {d["location"]: d.get("names") for d in index["docs"]}
    assert names["conditions/disc-hernia/"][:3] == hb.conditions["disc-hernia"].synonyms[:3]


NAMES = {  # what people type, lay and clinical, misspelled: the condition it must find first
    "es": [
        ("hernia discal", "disc-hernia"),
        ("ernia de disco", "disc-hernia"),
        ("lumbago", "low-back-pain"),
        ("dolor de espalda baja", "low-back-pain"),
        ("lumbalgia", "low-back-pain"),
        ("ciatica", "pinched-nerve"),
        ("nervio pinzado", "pinched-nerve"),
        ("osteocondrosis", "osteochondrosis"),
        ("embarazo", "pregnancy"),
        ("embarazada", "pregnancy"),
        ("flexibilidad", "flexibility"),
        ("cintura", "slimming-waist"),
        ("sedentarismo", "sitting-stiffness"),
    ],
    "ru": [
        ("грыжа позвоночника", "disc-hernia"),
        ("межпозвонковая грыжа", "disc-hernia"),
        ("грыжа пазвоночника", "disc-hernia"),
        ("остеохондроз", "osteochondrosis"),
        ("астеохондроз", "osteochondrosis"),
        ("ишиас", "pinched-nerve"),
        ("защемление нерва", "pinched-nerve"),
        ("радикулит", "pinched-nerve"),
        ("боль в пояснице", "low-back-pain"),
        ("люмбаго", "low-back-pain"),
        ("беременность", "pregnancy"),
        ("гибкость", "flexibility"),
        ("талия", "slimming-waist"),
    ],
}


@pytest.fixture(scope="module")
def search_in(browser, server):
    contexts = []

    def open_search(lang: str):
        context = browser.new_context()
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{server}{lang}/")
        page.keyboard.press("/")
        page.locator("input.md-search__input").wait_for(state="visible")
        return page

    opened: dict[str, object] = {}
    yield lambda lang: opened.setdefault(lang, open_search(lang))
    for context in contexts:
        context.close()


def first_result(page, server: str, lang: str, query: str) -> str:
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press("End")
    page.wait_for_selector(".md-search-result__item", state="detached")
    type_query(page, query)
    assert settled_results(page, query, answer=r"\d") > 0, query  # "24 documentos encontrados"
    href = page.eval_on_selector(".md-search-result__list > .md-search-result__item a", "a => a.href")
    return urlsplit(href).path.removeprefix(urlsplit(server).path)


@pytest.mark.parametrize("lang", LANGS)
def test_names_people_type_find_their_condition_first(search_in, server, translations, lang):
    page = search_in(lang)
    hb = translations[lang]
    wrong = {}
    for query, condition in NAMES[lang]:
        names = [
            *hb.conditions[condition].synonyms,
            *hb.conditions[condition].misspellings,
            hb.conditions[condition].title,
        ]
        assert any(query.lower() in n.lower() for n in names) or query in (
            "embarazada",
            "cintura",
            "sedentarismo",
            "талия",
        ), query
        got = first_result(page, server, lang, query)
        if got != f"{lang}/conditions/{condition}/":
            wrong[query] = got
    assert len(NAMES[lang]) >= 12
    assert wrong == {}


# Safety and sheets in each language.


@pytest.mark.parametrize("lang", LANGS)
def test_red_flags_name_the_emergency_numbers_of_anywhere(site, lang):
    text = visible((site / lang / "safety" / "red-flags" / "index.html").read_text(encoding="utf-8"))
    assert "112" in text and "911" in text
    assert text.count("999") <= text.count("112"), "the UK's 999 alone"


@pytest.fixture(scope="module")
def printed_once(browser):
    cache: dict[str, dict] = {}

    def get(url: str) -> dict:
        if url not in cache:
            cache[url] = print_pdfs(browser, url)
        return cache[url]

    return get


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("routine_id", sorted(load_handbook(ROOT / "data").routines))
def test_sheets_print_in_the_language(printed_once, server, translations, lang, routine_id, paper):
    hb = translations[lang]
    routine = hb.routines[routine_id]
    done = printed_once(f"{server}{lang}/routines/{routine_id}/")
    sheet = Sheet(done[paper], done["row_ends"])
    ui = load_ui(lang)
    assert len(sheet.pages) in pages_allowed(len(routine.items)), f"{len(sheet.pages)} pages"
    at = 0
    for item in routine.items:
        title = hb.exercises[item.exercise].title
        _, at = sheet.page_of(title, at)
        assert at >= 0, f"{title} not on the sheet, or not in order"
        assert squash(dosage(item, ui)) in sheet.flat, dosage(item, ui)
    assert squash(f"{SITE_URL.split('://', 1)[-1]}{lang}/routines/{routine_id}/") in sheet.flat
    assert squash(routine.title) in sheet.flat
    assert squash(ui.long_date(routine.reviewed)) in sheet.flat


# Translations as data: checked, and their status on the page.


@pytest.fixture(scope="module")
def partly_translated(tmp_path_factory) -> tuple[Path, Path]:
    """The test handbook with a Spanish folder: one file missing, one made from older English, one reviewed."""
    data = tmp_path_factory.mktemp("i18n") / "data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "data", data)
    subprocess.run([sys.executable, "-m", "lumbar", "i18n-new", "es", "--data", str(data)], check=True, cwd=ROOT)
    es = data / "i18n" / "es"
    (es / "exercises" / "cat.yaml").unlink()
    stale = sorted((es / "exercises").glob("*.yaml"))[0]
    stale.write_text(re.sub(r'from: "[0-9a-f]+"', 'from: "000000000000"', stale.read_text()), encoding="utf-8")
    site = data.parent / "site"
    result = lumbar_build(site, data=data, languages=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return data, site


def test_missing_stale_and_unreviewed_translations_say_so(partly_translated):
    data, site = partly_translated
    ui = load_ui("es")
    stale = sorted((data / "i18n" / "es" / "exercises").glob("*.yaml"))[0].stem
    cat = (site / "es" / "exercises" / "cat" / "index.html").read_text(encoding="utf-8")
    assert html.escape(ui.site["not_translated"], quote=False) in cat
    old = (site / "es" / "exercises" / stale / "index.html").read_text(encoding="utf-8")
    assert html.escape(ui.site["out_of_date"], quote=False) in old
    assert html.escape(ui.site["not_reviewed"], quote=False) in old
    english = (site / "exercises" / stale / "index.html").read_text(encoding="utf-8")
    assert "lh-i18n" not in english
    check = subprocess.run(
        [sys.executable, "-m", "lumbar", "check", "--data", str(data)], cwd=ROOT, capture_output=True, text=True
    )
    assert check.returncode == 0
    assert f"data/i18n/es/exercises/{stale}.yaml: may be out of date" in check.stdout


BROKEN = {
    "unknown field": ("title: ", "titel: ", "unknown field 'titel': did you mean 'title'?"),
    "a step dropped": ("steps:\n- ", "steps: []\nold_steps:\n- ", "'steps' has 0 entries; the English has"),
    "raw HTML": ("title: ", "title: <b>x</b> ", "contains raw HTML"),
    "no status": ("  status: machine\n", "  status: done\n", "'translation.status' must be one of"),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_translation_names_file_line_and_fix(tmp_path, case):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "data", data)
    subprocess.run([sys.executable, "-m", "lumbar", "i18n-new", "es", "--data", str(data)], check=True, cwd=ROOT)
    path = data / "i18n" / "es" / "exercises" / "cat.yaml"
    old, new, message = BROKEN[case]
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = next(i for i, row in enumerate(path.read_text().splitlines(), 1) if new.splitlines()[0].strip() in row)
    with pytest.raises(DataError) as err:
        load_language(data, "es")
    found = [str(p) for p in err.value.problems]
    assert any(p.startswith("data/i18n/es/exercises/cat.yaml:") and message in p for p in found), found
    assert any(f"cat.yaml:{line}:" in p for p in found), (line, found)


def test_no_interface_word_is_left_in_english(tmp_path):
    """Every `_("...")` of the templates and `t("...")` of the scripts has its translation in es and ru."""
    from lumbar.i18n import catalogue

    assert {"hold", "each side"} <= catalogue.template_keys() and catalogue.script_keys()
    assert catalogue.problems() == []
    folder = tmp_path / "ui"
    shutil.copytree(catalogue.FOLDER, folder)
    ru = folder / "ru.yaml"
    ru.write_text(
        ru.read_text(encoding="utf-8").replace("  each side: на каждую сторону\n", "  each side: each side\n")
    )
    assert catalogue.problems(folder=folder) == ["lumbar/i18n/ui/ru.yaml: strings: 'each side' is left in English"]


def test_a_translated_page_made_from_older_english_says_so(tmp_path):
    """docs/<page>.<lang>.md records the fingerprint of the English page it was made from (`translated_from:`)."""
    from lumbar.i18n.pages import page_fingerprint, pick_pages, stale_pages

    english = b"---\ntitle: About\n---\n\n# About\n\nThe handbook.\n"
    made = f'---\ntranslated_from: "{page_fingerprint(english)}"\ntitle: "Acerca de"\n---\n\n# Acerca de\n'.encode()
    docs = {"about.md": english, "about.es.md": made, "glossary.md": b"# Glossary\n"}
    picked = pick_pages(docs, "es")
    assert picked["about.md"] == (made, True, False)
    assert picked["glossary.md"] == (b"# Glossary\n", False, False)  # not translated: English, with its line
    changed = english.replace(b"The handbook.", b"The handbook, in three languages.")
    assert pick_pages({**docs, "about.md": changed}, "es")["about.md"][2] is True
    front_only = english.replace(b"title: About", b"title: About us")
    assert pick_pages({**docs, "about.md": front_only}, "es")["about.md"][2] is False
    for rel, data in {**docs, "about.md": changed}.items():
        (tmp_path / rel).write_bytes(data)
    assert stale_pages(tmp_path, "es") == ["docs/about.es.md"]


@pytest.mark.parametrize("lang", LANGS)
def test_sheet_box_keeps_a_space_between_its_warnings(site, lang):
    # The printed box once read "...нерва.Сначала обратитесь к врачу": a block tag ate the space between two lists.
    page = (site / ("" if lang == "en" else lang) / "routines" / "pregnancy" / "index.html").read_text(encoding="utf-8")
    label = html.escape(load_ui(lang).t("See a doctor first if:"), quote=False)
    assert f"<strong>{label}</strong>" in page
    assert not re.search(r"[.;]<strong>" + re.escape(label), page)
