"""The real site, built by MkDocs: generated pages, edit links, open data, safety call-outs, escaping."""

from __future__ import annotations

import html as htmllib
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, lumbar_build

FIXTURE = ROOT / "tests" / "fixtures" / "data"
REPO = "https://github.com/lumbar-handbook/handbook"


def html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def article(page: str) -> str:
    return page[page.index("<article") : page.index("</article>")]


def heading(page: str) -> str:
    """The text of the article's one <h1>, without its permalink."""
    found = re.findall(r"<h1[^>]*>(.*?)</h1>", article(page), re.DOTALL)
    assert len(found) == 1, found
    return htmllib.unescape(re.sub(r"<[^>]+>", "", re.sub(r'<a class="headerlink".*?</a>', "", found[0]))).strip()


def test_a_page_for_every_item_and_kind(site, handbook):
    for kind in ("exercises", "routines", "conditions"):
        index = html(site, kind)
        for item_id, item in handbook.kind(kind).items():
            page = html(site, f"{kind}/{item_id}")
            assert heading(page) == item.title, (kind, item_id)
            assert f'href="../{kind}/{item_id}/"' in index, (kind, item_id)


def test_edit_links_open_the_yaml_file(site, handbook):
    for kind in ("exercises", "routines", "conditions"):
        for item_id in handbook.kind(kind):
            page = html(site, f"{kind}/{item_id}")
            links = re.findall(r'<a href="([^"]+)" title="Edit this page"', page)
            assert links == [f"{REPO}/edit/main/data/{kind}/{item_id}.yaml"], (kind, item_id, links)
    hand = html(site, "safety/red-flags")
    assert f'href="{REPO}/edit/main/docs/safety/red-flags.md"' in hand


def test_open_data(site, handbook):
    data = json.loads((site / "api" / "handbook.json").read_text(encoding="utf-8"))
    for kind in ("exercises", "routines", "conditions"):
        ids = [obj["id"] for obj in data[kind]]
        assert ids == sorted(handbook.kind(kind)), kind
        for obj in data[kind]:
            assert obj["title"] and obj["sources"] and re.fullmatch(r"\d{4}-\d\d-\d\d", obj["reviewed"])
    for routine in data["routines"]:
        for item in routine["items"]:
            assert item["exercise"] in handbook.exercises
            assert {"reps", "sets", "hold_seconds", "rest_seconds", "per_side"} <= set(item)
    for condition in data["conditions"]:
        assert condition["synonyms"]


def test_every_page_says_not_medical_advice(site):
    """In its own language: the English, /es/ and /ru/ handbooks."""
    from lumbar.i18n.ui import codes, load_ui

    pages = list(site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        if path.name == "404.html" or "downloads" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in text:
            continue
        lang = next((c for c in codes() if c != "en" and path.relative_to(site).parts[0] == c), "en")
        assert htmllib.escape(load_ui(lang).site["disclaimer"], quote=False) in text, path


def test_safety_callouts_come_from_data(site, handbook):
    for r_id, routine in handbook.routines.items():
        page = article(html(site, f"routines/{r_id}"))
        for c in routine.contraindications:
            assert handbook.contraindications[c].title in page, (r_id, c)
        if routine.contraindications:
            assert "admonition danger lh-contraindications" in page
        assert "lh-stop" in page and "red-flags/" in page
        # General signs everywhere, a routine's own on it, a condition's readers' (pregnancy) on the routines that
        # condition recommends, less the general ones theirs replace.
        readers = set(handbook.conditions_for_routine(r_id))
        replaced = {r for rule in handbook.safety.stop_signs if readers & set(rule.conditions) for r in rule.replaces}
        for rule in handbook.safety.stop_signs:
            # A reader group's sign by its own text or anchor ("Chest pain" is a red flag's words too).
            shown = (
                (not rule.conditions and rule.title in page) or (rule.text or "@") in page or f'id="{rule.id}"' in page
            )
            general = not rule.routines and not rule.conditions and rule.id not in replaced
            meant = general or r_id in rule.routines or bool(readers & set(rule.conditions))
            assert shown == meant, (r_id, rule.id)
    for ex_id, ex in handbook.exercises.items():
        page = article(html(site, f"exercises/{ex_id}"))
        for p in ex.patterns:
            assert f'harmful-movements/#{p}"' in page, (ex_id, p)
        for _note in ex.notes:
            assert "lh-editorial" in page


def test_review_dates_on_item_pages(site, handbook):
    for ex_id, ex in handbook.exercises.items():
        page = html(site, f"exercises/{ex_id}")
        due = ex.reviewed.replace(year=ex.reviewed.year + 1)
        assert f'datetime="{ex.reviewed}"' in page and f'datetime="{due}"' in page
        assert "Last reviewed" in page and "Next review due" in page


# Builds of a small project with data we break on purpose.


@pytest.fixture
def data(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(FIXTURE, target)
    return target


def build(data: Path, out: Path) -> subprocess.CompletedProcess:
    return lumbar_build(out, data=data)


def test_data_is_never_a_template_and_is_escaped(data, tmp_path):
    cat = data / "exercises" / "cat.yaml"
    text = cat.read_text()
    text = text.replace("title: Cat", "title: 'Cat {{ 7*7 }} {% if 1 %}x{% endif %}'")
    text = text.replace(
        "  - Return to a flat back.",
        "  - 'Return to a flat back & <3 [see](https://example.org) **now** | # not a heading'",
    )
    cat.write_text(text)
    result = build(data, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "exercises" / "cat" / "index.html").read_text()
    body = article(page)
    assert "Cat {{ 7*7 }} {% if 1 %}x{% endif %}" in body
    assert "49" not in body
    assert "flat back &amp; &lt;3" in body
    assert '<a href="https://example.org">see</a> <strong>now</strong> | # not a heading' in body


def test_failed_build_leaves_the_last_good_site(data, tmp_path):
    out = tmp_path / "site"
    assert build(data, out).returncode == 0
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*")}
    routine = data / "routines" / "back-pain.yaml"
    routine.write_text(routine.read_text().replace("exercise: cat", "exercise: kat"))
    result = build(data, out)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "data/routines/back-pain.yaml:8: unknown exercise 'kat': did you mean 'cat'?" in output
    assert "Traceback" not in output
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*")} == before


def test_macro_errors_fail_the_build(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    page = docs / "about.md"
    page.write_text(page.read_text() + "\n{{ no_such_name }}\n")
    lines = page.read_text().count("\n")
    result = lumbar_build(tmp_path / "site", docs=docs)
    assert result.returncode != 0
    assert (
        f"docs/about.md:{lines}: the name 'no_such_name', which is not one of the handbook's macros"
        in result.stdout + result.stderr
    )
    page.write_text(page.read_text().replace("{{ no_such_name }}", '{{ exercise_card("no-such-exercise") }}'))
    result = lumbar_build(tmp_path / "site2", docs=docs)
    assert result.returncode != 0
    assert f"docs/about.md:{lines}:" in result.stdout + result.stderr
