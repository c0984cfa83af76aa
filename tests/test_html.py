"""Valid, well-escaped HTML.

One run of the W3C Nu Html Checker (one JVM) reads the whole built site and its offline copies, a handbook whose
every text field carries quotes, attribute syntax and template syntax, and two pages broken on purpose: no error
of ours on any page, only the kinds of Material's own errors that html-allowed.yaml lists with a reason. The
hostile handbook's pages are then parsed: each text arrives whole, as text, inside the element or attribute it
was written into.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml
from conftest import ROOT, lumbar_build
from hostile import HOSTILE, Page, strings, write_hostile_data

from tests.browsing import offline_copies, offline_copy  # noqa: F401 (fixtures)

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ALLOWED = yaml.safe_load((Path(__file__).parent / "html-allowed.yaml").read_text(encoding="utf-8"))

# ---- The checker ---------------------------------------------------------------------------------------------


def run_vnu(*folders: Path) -> list[dict]:
    java = shutil.which("java")
    if not java or not VNU.is_file():
        pytest.fail("The Nu Html Checker needs java and node_modules/vnu-jar: run `make test` (npm ci)")
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--skip-non-html", "--errors-only", *map(str, folders)],
        check=False,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    try:
        return json.loads(result.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"The checker gave no report (exit {result.returncode}): {result.stderr[:2000]}")


def allowed_kind(message: dict) -> int | None:
    """The index of the html-allowed.yaml entry that allows this message, if one does."""
    if message.get("type") != "error":
        return None  # a file the checker could not read, or its own failure
    for i, kind in enumerate(ALLOWED):
        if re.fullmatch(kind["message"], message.get("message", ""), re.DOTALL) and re.search(
            kind["extract"], message.get("extract", "")
        ):
            return i
    return None


def describe(message: dict, root: Path) -> str:
    url = message.get("url", "")
    path = url.removeprefix("file:").removeprefix(str(root) + "/")
    return f"{path}:{message.get('lastLine', '?')}: {message.get('message')} [{message.get('extract', '').strip()}]"


@pytest.fixture(scope="module")
def hostile_data(tmp_path_factory) -> Path:
    return write_hostile_data(tmp_path_factory.mktemp("hostile") / "data")


@pytest.fixture(scope="module")
def hostile_site(hostile_data, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("hostile-site") / "site"
    result = lumbar_build(out, data=hostile_data)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


BROKEN = {  # our two kinds of error the checker found before they were fixed
    "quote.html": '<meta name="description" content="the "muscle corset" of the back">',
    "label.html": '<label for="__toc">Table of contents</label>',
}


@pytest.fixture(scope="module")
def broken_pages(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("broken")
    for name, body in BROKEN.items():
        head = body if body.startswith("<meta") else ""
        main = "" if head else body
        page = f'<!doctype html><html lang="en"><head><meta charset="utf-8">{head}<title>Broken</title></head>'
        (folder / name).write_text(f"{page}<body><main>{main}</main></body></html>\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def checked(site, offline_copies, hostile_site, broken_pages) -> dict:  # noqa: F811 (the fixture imported above)
    """The checker's messages for each folder, from one run (the offline copy of each language: offline-es, ...)."""
    offline = {"offline" if code == "en" else f"offline-{code}": copy for code, copy in offline_copies.items()}
    roots = {"site": site, **offline, "hostile": hostile_site, "broken": broken_pages}
    messages = run_vnu(*roots.values())
    by_folder = {name: [] for name in roots}
    for m in messages:
        url = m.get("url", "")
        name = next((name for name, root in roots.items() if url.startswith(f"file:{root}/")), "site")
        by_folder[name].append(m)  # a message for no file (the checker's own failure) counts as the site's
    return {"messages": by_folder, "roots": roots}


def unexpected(checked: dict, folder: str) -> list[str]:
    root = checked["roots"][folder]
    return [describe(m, root) for m in checked["messages"][folder] if allowed_kind(m) is None]


def test_no_html_error_of_ours_on_any_page(checked):
    """Every page of the site, and of the offline copy of each language (downloads/lumbar-handbook-offline*.zip)."""
    folders = ["site", *(name for name in checked["roots"] if name.startswith("offline"))]
    problems = [p for folder in folders for p in unexpected(checked, folder)]
    assert not problems, f"{len(problems)} HTML error(s) not listed in tests/html-allowed.yaml:\n" + "\n".join(problems)


def test_text_with_quotes_and_markup_syntax_gives_valid_html(checked):
    problems = unexpected(checked, "hostile")
    assert not problems, "\n".join(problems)


def test_the_checker_fails_on_our_kinds_of_error(checked):
    found = {
        Path(m["url"].removeprefix("file:")).name for m in checked["messages"]["broken"] if allowed_kind(m) is None
    }
    assert found == set(BROKEN), checked["messages"]["broken"]


def test_every_allowed_kind_is_still_seen(checked):
    seen = {allowed_kind(m) for m in checked["messages"]["site"]}
    stale = [kind["message"] for i, kind in enumerate(ALLOWED) if i not in seen]
    assert not stale, f"no page has these any more: delete them from tests/html-allowed.yaml: {stale}"
    for kind in ALLOWED:
        assert kind.get("reason", "").strip(), kind


# ---- The hostile handbook's pages, parsed ----------------------------------------------------------------------


def json_strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return [s for v in items for s in json_strings(v)]


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_text_leaves_its_attribute(hostile_site):
    ids = {"id", "for", "href", "src", "aria-labelledby", "aria-controls", "aria-describedby", "data-md-toggle"}
    for path in pages(hostile_site):
        page = Page(path.read_text(encoding="utf-8"))
        for tag, attrs in page.elements:
            for name, value in attrs.items():
                where = f"{path.relative_to(hostile_site)}: <{tag} {name}>"
                assert re.fullmatch(r"[a-z][a-z0-9-]*(:[a-z]+)?", name) and not name.startswith("on"), where
                value = value or ""
                if name in ids:
                    assert not re.search(r"[\s\"'<>]", unquote(value) if name == "href" else value) or (
                        name == "href" and unquote(value).startswith("https://github.com/")
                    ), f"{where}={value!r}"
                else:  # a text attribute holds the whole text or none of it
                    assert value.count("onmouseover") == value.count(HOSTILE), f"{where}={value!r}"


def test_each_text_arrives_whole_in_one_element(hostile_site, hostile_data):
    for path in pages(hostile_site):
        page = Page(path.read_text(encoding="utf-8"))
        for tag, text in page.texts:
            if tag == "script" and "onmouseover" in text:
                # Only as JSON data (a type="application/json" block) with no "<" that could end the element,
                # each text whole in its JSON string.
                assert "<" not in text, f"{path}: a '<' in data in a <script>"
                found = json_strings(json.loads(text))
                found = [html.unescape(t) for t in found]  # drawings go in as escaped SVG text
                assert all(t.count("onmouseover") == t.count(HOSTILE) for t in found), f"{path}: data in a <script>"
                continue
            if tag in ("script", "style"):
                assert "onmouseover" not in text, f"{path}: data in a <{tag}>"
                continue
        # the innermost element holding part of a text holds all of it
        for tag, text in page.texts:
            if "onmouseover" in text and tag != "script":  # JSON data blocks: checked above
                assert text.count("onmouseover") == text.count(HOSTILE), (
                    f"{path.relative_to(hostile_site)} <{tag}>: {text!r}"
                )
                assert "49" not in text.replace(HOSTILE, ""), f"{path}: a template ran: {text!r}"
    # every text field of an item is on the item's page, as it was written
    for kind in ("exercises", "routines", "conditions"):
        for src in (hostile_data / kind).glob("*.yaml"):
            doc = yaml.safe_load(src.read_text(encoding="utf-8"))
            page = Page((hostile_site / kind / src.stem / "index.html").read_text(encoding="utf-8"))
            shown = [t for _, t in page.texts] + [v or "" for _, a in page.elements for v in a.values()]
            for text in strings(doc):
                assert any(text in s for s in shown), f"{kind}/{src.stem}: {text!r} is not on its page"


def test_title_description_and_tags_stay_in_their_element(hostile_site, hostile_data):
    condition = yaml.safe_load((hostile_data / "conditions" / "low-back-pain.yaml").read_text(encoding="utf-8"))
    for kind in ("exercises", "routines", "conditions"):
        for src in (hostile_data / kind).glob("*.yaml"):
            doc = yaml.safe_load(src.read_text(encoding="utf-8"))
            page = Page((hostile_site / kind / src.stem / "index.html").read_text(encoding="utf-8"))
            where = f"{kind}/{src.stem}"
            assert [m.get("content") for m in page.find("meta", name="description")] == [doc["summary"]], where
            assert page.text_of("title")[0] == f"{doc['title']} - Lumbar Handbook", where  # then the drawings' titles
            assert [t.replace("¶", "").strip() for t in page.text_of("h1")] == [doc["title"]], where
            topics = [t.strip() for tag, t in page.texts if tag == "span" and t.strip() == doc["title"]]
            assert topics, f"{where}: the header does not name the page"
            tags = [t.strip() for t in page.text_of("a") + page.text_of("span") if condition["title"] == t.strip()]
            if kind != "conditions" or src.stem == "low-back-pain":
                assert tags, f"{where}: no tag {condition['title']!r}"
    tags_page = Page((hostile_site / "tags" / "index.html").read_text(encoding="utf-8"))
    assert condition["title"] in [t.replace("¶", "").strip() for t in tags_page.text_of("h2")]


def test_search_index_holds_text_as_html(hostile_site, hostile_data):
    """Material's search shows titles and tags from its index as HTML: they are escaped there too."""
    index = json.loads((hostile_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    seen = 0
    for doc in index["docs"]:
        for field in [doc.get("title", "")] + list(doc.get("tags", [])):
            if "onmouseover" in field:
                seen += 1
                parsed = Page(f"<div>{field}</div>")
                assert parsed.elements == [("div", {})], field
                assert parsed.text_of("div")[0].count(HOSTILE) == 1, field
    assert seen >= 3
