"""The build under hostile or broken input (issue 29): the real line of a bad byte, one cause per broken file,
capped text, script links hidden by a tab, and a tree without .git (GitHub's "Download ZIP")."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, lumbar_build

from tests.test_loader import data, problems  # noqa: F401 (data: the small data folder to break, a fixture)

CAT = "data/exercises/cat.yaml"


def test_bad_byte_is_reported_at_its_own_line(data):  # noqa: F811
    cat = data / "exercises" / "cat.yaml"
    lines = cat.read_bytes().split(b"\n")
    lines[10] += b" caf\xe9"  # Latin-1, as an old editor saves it
    cat.write_bytes(b"\n".join(lines))
    assert problems(data) == [f"{CAT}:11: is not UTF-8 text (invalid continuation byte): save it as UTF-8"]


def test_a_broken_file_is_reported_once_not_by_every_file_that_names_it(data):  # noqa: F811
    bridge = data / "exercises" / "half-bridge.yaml"
    bridge.write_text(bridge.read_text().replace("patterns: [bridge]", "patterns: [bridge]\neasier: [cat]"))
    cat = data / "exercises" / "cat.yaml"
    cat.write_text(cat.read_text().replace("title: Cat", "title: [Cat", 1))
    found = problems(data)
    assert len(found) == 1 and found[0].startswith(f"{CAT}:3: YAML syntax error"), found


def test_a_huge_text_field_is_refused_with_its_size(data):  # noqa: F811
    cat = data / "exercises" / "cat.yaml"
    text = cat.read_text()
    summary = re.search(r"^summary: .*$", text, re.M)
    cat.write_text(text.replace(summary.group(0), "summary: " + "Round the back. " * 200))
    (found,) = problems(data)
    assert found.startswith(f"{CAT}:4: 'summary' is 3,199 characters long; a text field holds at most 2,000"), found


def test_a_huge_data_file_is_refused_before_it_is_parsed(data):  # noqa: F811
    cat = data / "exercises" / "cat.yaml"
    cat.write_text(cat.read_text() + "# padding\n" * 30_000)
    (found,) = problems(data)
    assert re.fullmatch(rf"{CAT}:1: the file is 29\d KB; a data file holds at most 256 KB", found), found


@pytest.mark.parametrize("hidden", ["java\tscript", "java\nscript", "javascript\r"])
def test_a_script_link_hidden_by_a_tab_or_line_break_is_refused(data, hidden):  # noqa: F811
    cat = data / "exercises" / "cat.yaml"
    text = cat.read_text()
    step = re.search(r"^  - (.*)$", text, re.M)
    quoted = '"Return to [a flat back](' + hidden.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    cat.write_text(text.replace(step.group(0), "  - " + quoted + ':alert(1))."', 1))
    (found,) = problems(data)
    assert "contains a script or data link" in found, found


def _tree_without_git(dest: Path) -> Path:
    """The files git tracks, as GitHub's "Download ZIP" gives them: no .git folder."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=False).stdout
    if not files:  # CI may run from a tree without .git itself: then every file but the builds
        shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(".venv*", "node_modules", "site*", "build"))
        return dest
    for name in files.decode().split("\0"):
        if name and (ROOT / name).is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, dest / name)
    return dest


def test_make_without_git_passes_an_empty_date_and_the_build_still_works(tmp_path):
    tree = _tree_without_git(tmp_path / "handbook")
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env["GIT_CEILING_DIRECTORIES"] = str(tmp_path)  # git must not find this repository above the copy
    shown = subprocess.run(
        ["make", "-s", "--eval", 'show-date: ; @echo "[$$SOURCE_DATE_EPOCH]"', "show-date"],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert shown.stdout.strip() == "[]", shown.stdout + shown.stderr
    result = lumbar_build(tmp_path / "site", env={"SOURCE_DATE_EPOCH": ""})
    assert result.returncode == 0, result.stderr[-2000:]
    sitemap = (tmp_path / "site" / "sitemap.xml").read_text()
    assert re.search(r"<lastmod>\d{4}-\d\d-\d\d</lastmod>", sitemap), sitemap[:500]


# What a content pull request could add under docs/ to run code on every reader's page (29.4).
PLANTED = {
    "a script named in a page's front matter": (
        "assets/steal.js",
        "fetch('/diary/');\n",
        "assets/steal.js: a script the handbook does not ship",
    ),
    "an HTML file copied as it is": (
        "help.html",
        "<!doctype html><script>alert(localStorage.length)</script>\n",
        "help.html: an HTML file that is not one of the handbook's pages",
    ),
    "an SVG with an event handler": (
        "assets/images/logo.svg",
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>\n',
        "assets/images/logo.svg: an SVG picture with a script",
    ),
}


@pytest.mark.parametrize("case", list(PLANTED))
def test_the_build_refuses_a_file_that_could_run_code_from_docs(tmp_path, case):
    rel, content, expected = PLANTED[case]
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    (docs / rel).parent.mkdir(parents=True, exist_ok=True)
    (docs / rel).write_text(content)
    if rel.endswith(".js"):
        about = docs / "about.md"
        about.write_text(about.read_text().replace("---\n", f"---\nscripts: [{rel}]\n", 1))
    result = lumbar_build(tmp_path / "site", docs=docs)
    assert result.returncode == 1, result.stdout[-1000:]
    assert expected in result.stderr, result.stderr[-2000:]
    assert not (tmp_path / "site").exists()  # nothing was published
