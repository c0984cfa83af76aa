"""Each edition's terminology list (data/i18n/<lang>/terms.yaml): a term it says not to use fails the build with
the file and line, wherever it is written (data translations, interface words, translated pages)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lumbar.i18n.terms import load_terms, term_problems
from lumbar.i18n.ui import FOLDER
from lumbar.loader import DataError

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("es", "ru")
# A word each list forbids, planted where a translator would write it, and the line it lands on.
PLANTED = {
    "es": ("Mientras el nervio esté en crisis, descanse.", "crisis"),
    "ru": ("Спросите своего физиотерапевта.", "физиотерапевта"),
}


@pytest.fixture
def copy(tmp_path) -> Path:
    """The repository's data, pages and catalogues, in a folder a test may break."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs", ignore=shutil.ignore_patterns("assets"))
    shutil.copytree(FOLDER, tmp_path / "lumbar" / "i18n" / "ui")
    return tmp_path


def problems_in(root: Path, lang: str) -> list:
    return term_problems(root / "data", lang, root / "docs", root / "lumbar" / "i18n" / "ui" / f"{lang}.yaml")


@pytest.mark.parametrize("lang", LANGS)
def test_each_edition_keeps_to_its_terms(lang):
    terms = load_terms(ROOT / "data", lang)
    assert len(terms) >= 8
    assert all(t.en and t.use and t.avoid and t.note for t in terms)
    assert problems_in(ROOT, lang) == []


@pytest.mark.parametrize("lang", LANGS)
def test_a_planted_term_fails_with_file_and_line(copy, lang):
    text, word = PLANTED[lang]
    exercise = copy / "data" / "i18n" / lang / "exercises" / "cat.yaml"
    lines = exercise.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    lines[at] += f" {text}"
    exercise.write_text("\n".join(lines) + "\n", encoding="utf-8")
    page = copy / "docs" / f"about.{lang}.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")
    page_line = page.read_text(encoding="utf-8").count("\n")
    ui = copy / "lumbar" / "i18n" / "ui" / f"{lang}.yaml"
    ui.write_text(ui.read_text(encoding="utf-8").replace("  Permanent link: ", f"  Permanent link: {text} ", 1))
    ui_line = next(i for i, line in enumerate(ui.read_text().splitlines(), 1) if "Permanent link:" in line)

    found = {(p.path, p.line) for p in problems_in(copy, lang)}
    assert found == {
        (f"data/i18n/{lang}/exercises/cat.yaml", at + 1),
        (f"docs/about.{lang}.md", page_line),
        (f"lumbar/i18n/ui/{lang}.yaml", ui_line),
    }, found
    message = str(problems_in(copy, lang)[0])
    assert word in message and "terms.yaml" in message


@pytest.mark.parametrize("lang", LANGS)
def test_the_stage_stops_on_a_planted_term(copy, lang):
    text, word = PLANTED[lang]
    routine = copy / "data" / "i18n" / lang / "routines" / "back-pain.yaml"
    body = routine.read_text(encoding="utf-8")
    routine.write_text(body.replace("\ntitle: ", f"\ntitle: {text} ", 1), encoding="utf-8")
    line = body.splitlines().index(next(x for x in body.splitlines() if x.startswith("title: "))) + 1
    out = copy / "stage"
    result = subprocess.run(
        [sys.executable, "-m", "lumbar", "stage", str(out), "--lang", lang, "--data", str(copy / "data")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert f"data/i18n/{lang}/routines/back-pain.yaml:{line}: '{word}'" in result.stderr, result.stderr
    assert "nothing was staged" in result.stderr


def test_search_aids_may_hold_avoided_words(copy):
    """Synonyms and misspellings are what people type: an avoided word there is not a problem."""
    condition = copy / "data" / "i18n" / "es" / "conditions" / "osteochondrosis.yaml"
    assert "- Osteocondrosis\n" in condition.read_text(encoding="utf-8")
    assert problems_in(copy, "es") == []


def test_a_malformed_terms_list_fails_with_its_line(copy):
    terms = copy / "data" / "i18n" / "ru" / "terms.yaml"
    text = terms.read_text(encoding="utf-8")
    line = text.splitlines().index("- en: supine, prone") + 1
    terms.write_text(text.replace("- en: supine, prone\n", "- en: supine, prone\n  avoided: [x]\n", 1))
    with pytest.raises(DataError) as err:
        load_terms(copy / "data", "ru")
    assert [(p.path, p.line) for p in err.value.problems] == [("data/i18n/ru/terms.yaml", line + 1)]
    assert "unknown field 'avoided'" in str(err.value)
    assert [p.line for p in problems_in(copy, "ru")] == [line + 1]


def test_allowed_phrases_and_yo():
    """A quoted article word passes; ё and е are one letter; an ending on a starred word is any ending."""
    from lumbar.i18n.terms import Term, _hits

    term = Term("x", "y", ("тревожн* признак*", "osteocondrosis"), "z", ("«osteocondrosis»",))
    assert [w for _, w in _hits("Тревожных   признаков нет; «osteocondrosis»; osteocondrosis.", [term])] == [
        "Тревожных признаков",
        "osteocondrosis",
    ]
    yo = Term("x", "y", ("лёжа на спине",), "z")
    assert [w for _, w in _hits("Лежа на спине", [yo])] == ["Лежа на спине"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_how_to_page_shows_the_sheet_in_its_language(lang):
    """The how-to page's picture of a printed sheet is that language's sheet (python -m lumbar pictures makes them)."""
    import re

    page = (ROOT / "docs" / f"how-to-use.{lang}.md").read_text(encoding="utf-8")
    pictures = re.findall(r"\]\((assets/images/sheet-[^)]+\.png)\)", page)
    assert pictures == [f"assets/images/sheet-complex-{lang}.png"]
    assert (ROOT / "docs" / pictures[0]).is_file()


@pytest.mark.parametrize("lang", LANGS)
def test_pages_say_what_the_translation_had(site, lang):
    """Every data file of the edition had a language edit and no clinical review yet: its pages say so, and the
    Languages page counts them in the language-edit column."""
    import html
    import re

    from lumbar.i18n.ui import load_ui

    ui = load_ui(lang)
    page = (site / lang / "exercises" / "cat" / "index.html").read_text(encoding="utf-8")
    assert html.escape(ui.site["edited_not_reviewed"], quote=False) in page
    assert html.escape(ui.site["not_reviewed"], quote=False) not in page
    table = (site / lang / "languages" / "index.html").read_text(encoding="utf-8")
    head = re.search(r"<thead>(.*?)</thead>", table, re.S).group(1)
    columns = [html.unescape(c) for c in re.findall(r"<th[^>]*>(.*?)</th>", head)]
    at = columns.index(ui.site["languages_edited"])
    for row in re.findall(r"<tr><th scope=\"row\"[^>]*>.*?</tr>", table, re.S):
        cells = re.findall(r"<td>(.*?)</td>", row)
        assert cells[at - 1] == cells[0].split(" / ")[0], row  # every translated file: language-edited


def test_search_names_name_pages_that_exist(copy):
    """data/i18n/<lang>/search-names.yaml: an id the handbook does not have stops the stage with its line."""
    from lumbar.i18n.search_names import load_search_names
    from lumbar.load import load_handbook

    hb = load_handbook(copy / "data")
    ids = {kind: set(hb.kind(kind)) for kind in ("routines", "conditions", "exercises")}
    assert load_search_names(copy / "data", "ru", ids)["routines"]["dikul"]
    names = copy / "data" / "i18n" / "ru" / "search-names.yaml"
    text = names.read_text(encoding="utf-8")
    names.write_text(text.replace("  dikul:", "  dikull:"), encoding="utf-8")
    line = text.splitlines().index(next(x for x in text.splitlines() if x.startswith("  dikul:"))) + 1
    with pytest.raises(DataError) as err:
        load_search_names(copy / "data", "ru", ids)
    assert [str(p) for p in err.value.problems] == [
        f"data/i18n/ru/search-names.yaml:{line}: no routine 'dikull': did you mean 'dikul'?"
    ]
