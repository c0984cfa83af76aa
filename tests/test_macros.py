"""macros.py is what every build runs for the hand-written pages, and only its macros run in a page.

Each registered macro's example renders; a broken call stops `make build` and `make zensical` with the file
and line; template code that is not a macro call (the hostile line of issue 29) stops both before anything
renders, and the sandbox refuses it even past the check."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from jinja2.exceptions import SecurityError

from lumbar.content import template_check
from lumbar.content.handwritten import environment, render_page
from lumbar.content.page_functions import Site
from lumbar.reference import macros_ref
from lumbar.stage import Options, renderer_for
from tests.conftest import ROOT, lumbar_build

HOSTILE = "{{ cycler.__init__.__globals__.os.popen('touch %s').read() }}"
MACROS = set(macros_ref.registered())
VALUES = {"repository", "config"}


def render(handbook, text: str, name: str = "docs/new.md") -> str:
    renderer = renderer_for(handbook, Options())
    return render_page(
        environment(),
        name,
        text,
        renderer,
        Site("https://x.org/", "https://r", data=ROOT / "data", docs=ROOT / "docs"),
        "new.md",
    )


def test_every_macro_has_an_example_that_renders(handbook):
    assert len(MACROS) >= 19
    for name, fn in macros_ref.registered().items():
        example = macros_ref.example(fn)
        assert example.startswith("{{ " + name + "("), f"{name}: its docstring ends with no 'Example: {{{{ ... }}}}'"
        out = render(handbook, example + "\n")
        assert out.strip() and "{{" not in out, name


def test_the_unused_page_functions_show_the_data(handbook):
    # The three no page calls yet, for a clinician's new page (e.g. "Exercises for desk workers").
    card = render(handbook, '{{ exercise_card("cat") }}\n')
    assert handbook.exercises["cat"].title in card and "../exercises/cat/" in card
    table = render(handbook, '{{ routine_table("back-pain") }}\n')
    first = handbook.routines["back-pain"].items[0].exercise
    assert handbook.exercises[first].title in table
    box = render(handbook, '{{ callout("warning", "Careful", "Go **slowly**.") }}\n')
    assert "admonition warning" in box and "<strong>slowly</strong>" in box


def test_the_pages_only_call_macros():
    for path in sorted((ROOT / "docs").rglob("*.md")):
        assert template_check.check(path.read_text(encoding="utf-8"), path.name, MACROS, VALUES) == [], path


@pytest.mark.parametrize(
    "line",
    [
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
        "{{ range(10) }}",
        "{{ config.__class__ }}",
        "{{ counts()._secret }}",
        "{{ red_flags(config) }}",
        "{{ exercise_card(*x) }}",
        "{{ red_flags() | safe }}",
        "{% for x in counts() %}{{ x }}{% endfor %}",
        "{% set x = 1 %}",
        "{% include 'x.md' %}",
        "{% macro m() %}{% endmacro %}",
        "{{ config.extra.items() }}",
        "{{ lipsum() }}",
    ],
)
def test_the_check_refuses_anything_but_macro_calls(line):
    problems = template_check.check(f"# Title\n\ntext\n{line}\n", "docs/x.md", MACROS, VALUES, offset=2)
    assert problems, line
    assert str(problems[0]).startswith("docs/x.md:6: ") and "only the handbook's macros may run" in str(problems[0])


def test_the_sandbox_refuses_it_even_past_the_check(handbook, tmp_path, monkeypatch):
    monkeypatch.setattr(template_check, "check", lambda *a, **k: [])
    marker = tmp_path / "ran"
    with pytest.raises(SecurityError):
        environment().from_string(HOSTILE % marker).render()
    with pytest.raises(Exception, match=r"docs/new.md:1: .*unsafe"):
        render(handbook, HOSTILE % marker + "\n")
    assert not marker.exists()


@pytest.fixture
def hostile_docs(tmp_path) -> tuple[Path, Path, int]:
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    marker = tmp_path / "ran"
    page = docs / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + HOSTILE % marker + "\n", encoding="utf-8")
    return docs, marker, page.read_text(encoding="utf-8").count("\n")


def test_a_hostile_page_stops_the_build_with_file_and_line(hostile_docs, tmp_path):
    docs, marker, line = hostile_docs
    result = lumbar_build(tmp_path / "site", docs=docs)
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert f"docs/about.md:{line}: a call of something other than a registered macro" in out
    assert not marker.exists() and not (tmp_path / "site").exists()


def zensical(docs: Path) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "lumbar", "zensical", "--docs", str(docs), "--zensical", "/bin/false"]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)


def test_a_hostile_or_broken_page_stops_zensical_with_file_and_line(hostile_docs, tmp_path):
    # The stage renders the pages for Zensical too: it stops before Zensical (here /bin/false) is run.
    docs, marker, line = hostile_docs
    result = zensical(docs)
    assert result.returncode == 1
    assert f"docs/about.md:{line}: a call of something other than a registered macro" in result.stderr
    assert not marker.exists()
    page = docs / "about.md"
    page.write_text(page.read_text().replace(HOSTILE % marker, '{{ exercise_card("no-such-exercise") }}'))
    result = zensical(docs)
    assert result.returncode == 1 and f"docs/about.md:{line}: KeyError: 'no-such-exercise'" in result.stderr


def test_the_page_functions_list_is_current():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert macros_ref.START in text and macros_ref.END in text
    assert macros_ref.embed(text) == text, "run `make schema`: the page functions in CONTRIBUTING.md are stale"
