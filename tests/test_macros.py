"""macros.py is what every build runs for the hand-written pages, and only its macros run in a page.

mkdocs.yml declares it as the macros plugin, which MkDocs (mkdocs-macros) and Zensical both run. Each registered
macro's example renders; a broken call stops `make build` and `make zensical`; template code that is not a macro
call (the hostile line of issue 29) stops both at the stage, before anything renders, and each generator's own
plugin refuses it even past that check (the sandbox its environment is turned into)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest
from jinja2.exceptions import SecurityError

import macros
from lumbar.config import site_config
from lumbar.content import template_check
from lumbar.content.handwritten import PageEnv, environment, render_page
from lumbar.content.sandbox import NAME
from lumbar.reference import macros_ref
from lumbar.stage import Options
from tests.conftest import ROOT, lumbar_build

ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"
HOSTILE = "{{ cycler.__init__.__globals__.os.popen('touch %s').read() }}"
MACROS = set(macros_ref.registered())
VALUES = {"repository", "config"}


def render(handbook, text: str, name: str = "docs/new.md") -> str:
    opts = Options(site_url="https://x.org/", repository="https://r")
    return render_page(name, text, opts, "new.md")


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


def zensical(docs: Path, command: Path | str = "/bin/false") -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "lumbar", "zensical", "--docs", str(docs), "--zensical", str(command)]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)


def test_a_hostile_page_stops_zensical_with_file_and_line(hostile_docs, tmp_path):
    # The stage checks the pages for Zensical too: it stops before Zensical (here /bin/false) is run.
    docs, marker, line = hostile_docs
    result = zensical(docs)
    assert result.returncode == 1
    assert f"docs/about.md:{line}: a call of something other than a registered macro" in result.stderr
    assert not marker.exists()


def test_the_page_functions_list_is_current():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert macros_ref.START in text and macros_ref.END in text
    assert macros_ref.embed(text) == text, "run `make schema`: the page functions in CONTRIBUTING.md are stale"


def test_mkdocs_yml_declares_the_plugin_pinned_and_strict():
    plugins = [p for p in site_config()["plugins"] if isinstance(p, dict) and "macros" in p]
    assert len(plugins) == 1
    conf = plugins[0]["macros"]
    assert conf["module_name"] == "macros" and conf["render_by_default"] is False
    assert conf["on_error_fail"] is True and conf["on_undefined"] == "strict" and NAME in conf["j2_extensions"]
    pins = (ROOT / "requirements" / "docs.txt").read_text(encoding="utf-8")
    assert re.search(r"^mkdocs-macros-plugin==1\.5\.0 \\\n    --hash=sha256:[0-9a-f]{64}", pins, re.M)


def test_the_declared_extension_makes_any_environment_the_sandbox(tmp_path):
    # What both plugins do with j2_extensions: pass them to the plain Environment they build.
    marker = tmp_path / "ran"
    env = jinja2.Environment(extensions=[NAME], undefined=jinja2.StrictUndefined)
    with pytest.raises(SecurityError):
        env.from_string(HOSTILE % marker).render()
    assert not marker.exists()


def test_macros_py_will_not_run_without_the_sandbox():
    class Unsandboxed(PageEnv):
        def __init__(self):
            self.config = {"j2_extensions": []}
            self.conf, self.macros, self.variables = None, {}, {}
            macros.define_env(self)

    with pytest.raises(RuntimeError, match="sandbox"):
        Unsandboxed()


def test_the_stage_marks_only_pages_that_call_macros(tmp_path):
    from lumbar.stage import stage

    out = tmp_path / "stage"
    stage(out, Options())
    marked = {
        p.relative_to(out).as_posix() for p in out.rglob("*.md") if "\nrender_macros: true\n" in p.read_text("utf-8")
    }
    calling = {
        p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md") if "{{" in p.read_text("utf-8")
    }
    calling = {p for p in calling if not re.search(r"\.[a-z]{2}\.md$", p)}
    assert calling and calling <= marked
    # The generated pages (data, never template code) are left to the plugin's render_by_default: false.
    written = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    assert marked <= written and len(list(out.rglob("*.md"))) > len(written)


@pytest.mark.parametrize(
    "call, why",
    [
        (
            '{{ exercise_card("kat") }}',
            "exercise_card(): no exercise with the id 'kat' in the data: did you mean 'cat'?",
        ),
        (
            '{{ routine_table("nope-nothing") }}',
            "routine_table(): no routine with the id 'nope-nothing' in the data (the",
        ),
        ('{{ contraindications("cat") }}', "contraindications(): no contraindication with the id 'cat'"),
        ("{{ exercise_card() }}", "exercise_card(): missing a required argument: 'exercise_id'"),
        ('{{ red_flags("x") }}', "red_flags(): too many positional arguments"),
    ],
)
def test_the_stage_checks_each_calls_arguments_with_file_and_line(call, why):
    from lumbar.content.handwritten import staged_page
    from lumbar.loader import DataError
    from lumbar.stage import make_build

    opts = Options()
    with pytest.raises(DataError) as err:
        staged_page("docs/new.md", f"---\ntitle: New\n---\n# New\n\n{call}\n", PageEnv(opts), [], make_build(opts))
    assert str(err.value.problems[0]).startswith(f"docs/new.md:6: {why}"), err.value.problems


@pytest.fixture
def broken_docs(tmp_path) -> Path:
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    page = docs / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n{{ counts().no_such_count }}\n", encoding="utf-8")
    return docs


def test_a_broken_macro_call_stops_both_builds(broken_docs, tmp_path):
    # The stage's checks let it through (a macro's result read by name): each generator's plugin stops on it.
    result = lumbar_build(tmp_path / "site", docs=broken_docs)
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert "no_such_count" in out and "about.md" in out and "macro call failed" in out
    assert not (tmp_path / "site").exists()
    result = zensical(broken_docs, ZENSICAL)
    assert result.returncode != 0 and "no_such_count" in result.stdout + result.stderr


def test_each_generators_plugin_refuses_a_hostile_page_past_the_check(tmp_path):
    """A hostile line put into a staged page after the stage's check: MkDocs' and Zensical's own macros plugins
    stop the build on it, and the command never runs."""
    from lumbar.generator import mkdocs_build
    from lumbar.stage import stage

    marker = tmp_path / "ran"
    opts = Options()
    stage(tmp_path / "stage", opts)
    page = tmp_path / "stage" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + HOSTILE % marker + "\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        mkdocs_build(tmp_path / "stage", tmp_path / "site", opts)
    assert not marker.exists()
    # Zensical: a stand-in command plants the line in the staged page, then runs Zensical itself.
    plant = tmp_path / "plant.py"
    planted = "\n" + HOSTILE % marker + "\n"
    plant.write_text(
        f"#!{sys.executable}\nimport os, sys\n"
        f"with open('build/stage/about.md', 'a') as f: f.write({planted!r})\n"
        f"os.execv({str(ZENSICAL)!r}, [{str(ZENSICAL)!r}, *sys.argv[1:]])\n"
    )
    plant.chmod(0o755)
    result = zensical(ROOT / "docs", plant)
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "SecurityError" in out, out[-2000:]
    assert not marker.exists()


@pytest.mark.slow  # a MkDocs build
def test_the_data_pages_are_never_rendered_as_templates(tmp_path):
    """Text in the data that looks like template code is shown as written: the plugin renders only the pages
    the stage marks (render_by_default: false), never an exercise page."""
    from lumbar.generator import mkdocs_build
    from lumbar.stage import stage

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "exercises" / "cat.yaml"
    text = path.read_text(encoding="utf-8")
    summary = re.search(r"^summary: (.*)$", text, re.M).group(1)
    path.write_text(text.replace(summary, summary + " {{ 6 * 7 }} {{ lipsum() }}"), encoding="utf-8")
    opts = Options(data=data)
    stage(tmp_path / "stage", opts)
    mkdocs_build(tmp_path / "stage", tmp_path / "site", opts)
    page = (tmp_path / "site" / "exercises" / "cat" / "index.html").read_text(encoding="utf-8")
    shown = re.search(r'class="lh-summary">([^<]*)', page).group(1)  # the text on the page, not its meta tags
    assert shown.endswith("{{ 6 * 7 }} {{ lipsum() }}"), shown
