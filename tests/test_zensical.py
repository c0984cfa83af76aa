"""The staged source builds with Zensical too (`make zensical`): the core does not depend on MkDocs.

Every exercise, routine and condition page is there with its title, its steps and as many call-outs as the
MkDocs build gives it. What differs between the two builds is listed on docs/performance.md."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"
CALLOUT = re.compile(r'class="admonition\b')


@pytest.fixture(scope="module")
def zensical_site() -> Path:
    if not ZENSICAL.is_file():
        pytest.fail("Zensical is not installed: make test installs it (.venv-zensical, requirements/zensical.txt)")
    result = subprocess.run(
        [sys.executable, "-m", "lumbar", "zensical", "--zensical", str(ZENSICAL)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return ROOT / "site-zensical"


def text(page: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


def plain(markdown: str) -> str:
    return re.sub(r"[*_`]", "", re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown))


def test_every_item_page_with_title_steps_and_callouts(zensical_site, site, handbook):
    missing, callouts = [], 0
    for kind in ("exercises", "routines", "conditions"):
        for item_id, item in handbook.kind(kind).items():
            path = zensical_site / kind / item_id / "index.html"
            if not path.is_file():
                missing.append(f"{kind}/{item_id}: no page")
                continue
            page = path.read_text(encoding="utf-8")
            h1 = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
            if not h1 or text(re.sub(r'<a class="headerlink".*?</a>', "", h1.group(1))).strip() != item.title:
                missing.append(f"{kind}/{item_id}: title")
            words = text(page)
            for step in getattr(item, "steps", []):
                if plain(step) not in words:
                    missing.append(f"{kind}/{item_id}: step {plain(step)[:40]!r}")
            ours = (site / kind / item_id / "index.html").read_text(encoding="utf-8")
            callouts += len(CALLOUT.findall(page))
            if len(CALLOUT.findall(page)) != len(CALLOUT.findall(ours)):
                missing.append(
                    f"{kind}/{item_id}: call-outs {len(CALLOUT.findall(page))} != {len(CALLOUT.findall(ours))}"
                )
    assert missing == []
    assert callouts > 0


def test_the_check_sees_a_missing_step(zensical_site, handbook, tmp_path):
    """The comparison above fails when a step is not on the page."""
    ex_id, ex = next(iter(handbook.exercises.items()))
    page = (zensical_site / "exercises" / ex_id / "index.html").read_text(encoding="utf-8")
    broken = page.replace(html.escape(ex.steps[0], quote=False), "")
    assert plain(ex.steps[0]) in text(page) and plain(ex.steps[0]) not in text(broken)


def test_every_page_that_calls_a_macro_is_rendered(zensical_site):
    """The hand-written pages that call macros.py come out of Zensical with the calls filled in."""
    from lumbar.content.handwritten import page_url

    calling = [p for p in sorted((ROOT / "docs").rglob("*.md")) if re.search(r"\{\{\s*\w+\(", p.read_text("utf-8"))]
    calling = [p for p in calling if not re.search(r"\.[a-z]{2}\.md$", p.name)]  # English; the others build apart
    calling = [p for p in calling if "render_macros: false" not in p.read_text("utf-8")]
    assert len(calling) >= 10
    for path in calling:
        rel = path.relative_to(ROOT / "docs").as_posix()
        page = (zensical_site / page_url(rel, True) / "index.html").read_text(encoding="utf-8")
        left = re.findall(r"\{\{\s*\w+\(", text(page))
        assert not left, f"{rel}: {left}"
