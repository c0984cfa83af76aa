"""The pull-request preview (.github/workflows/preview.yml): its build and summary steps run here as the job runs
them, on a "main" whose routine back-pain has one exercise fewer than the change. The job summary names the pages
whose text changed and the sheets whose rows changed; the sheets are printed to PDF and PNG for the artifact."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

pytestmark = pytest.mark.slow
WORKFLOW = ROOT / ".github" / "workflows" / "preview.yml"
RUN = ("Build main", "Build the change", "Summary and sheets")
SOURCE = ("lumbar", "docs", "data", "overrides", "mkdocs.yml", "macros.py", "pyproject.toml")


def drop_last_item(data: Path, routine: str) -> None:
    """main before the change: the routine without its last exercise (English and its translations)."""
    path = data / "routines" / f"{routine}.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    last = max(i for i, line in enumerate(lines) if line.startswith("  - exercise:"))
    end = next(i for i in range(last + 1, len(lines)) if not lines[i].startswith((" ", "\n")))
    path.write_text("".join(lines[:last] + lines[end:]), encoding="utf-8")
    for translated in data.glob(f"i18n/*/routines/{routine}.yaml"):
        text = translated.read_text(encoding="utf-8")
        doc = yaml.safe_load(text)
        doc["items"] = doc["items"][:-1]
        head = text.splitlines(keepends=True)[0] if text.startswith("#") else ""
        translated.write_text(head + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def job_run(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("preview")
    work, runner = tmp / "work", tmp / "runner"
    (work / "base").mkdir(parents=True)
    runner.mkdir()
    for name in SOURCE:
        src = ROOT / name
        copy = shutil.copytree if src.is_dir() else shutil.copy2
        copy(src, work / "base" / name, **({"ignore": shutil.ignore_patterns("__pycache__")} if src.is_dir() else {}))
    drop_last_item(work / "base" / "data", "back-pain")
    (work / "change").symlink_to(ROOT)
    steps = {s.get("name"): s for s in yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["preview"]["steps"]}
    env = dict(
        os.environ,
        RUNNER_TEMP=str(runner),
        GITHUB_STEP_SUMMARY=str(runner / "summary.md"),
        NO_MKDOCS_2_WARNING="1",
        PATH=f"{Path(os.sys.executable).parent}:{os.environ['PATH']}",
    )
    for name in RUN:
        step = steps[name]
        cwd = work / step["working-directory"]
        result = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=cwd, env=env, capture_output=True, text=True)
        assert result.returncode == 0, f"{name}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return runner


def test_the_summary_names_the_changed_pages_and_sheets(job_run, handbook):
    summary = (job_run / "summary.md").read_text(encoding="utf-8")
    last = handbook.exercises[handbook.routines["back-pain"].items[-1].exercise].title
    assert summary.startswith("## What this pull request does to the handbook")
    assert "<code>routines/back-pain/index.html</code>" in summary
    assert f"+{last}" in summary or any(line.startswith("+") and last in line for line in summary.splitlines())
    sheet_rows = [line for line in summary.splitlines() if line.startswith("| `routines/back-pain/` |")]
    assert len(sheet_rows) == 1
    _, _, pages, rows, _ = sheet_rows[0].split("|")
    before, after = (int(n) for n in rows.split("→"))
    assert after > before
    assert "| `es/routines/back-pain/` |" in summary and "| `ru/routines/back-pain/` |" in summary
    assert "routines/cat-camel" not in summary  # an unchanged routine is not listed


def test_the_artifact_has_the_site_and_each_changed_sheet(job_run):
    assert (job_run / "after" / "routines" / "back-pain" / "index.html").is_file()
    for name in ("routines-back-pain", "es-routines-back-pain", "ru-routines-back-pain"):
        pdf, png = job_run / "sheets" / f"{name}.pdf", job_run / "sheets" / f"{name}.png"
        assert pdf.read_bytes().startswith(b"%PDF") and png.read_bytes().startswith(b"\x89PNG"), name
    assert not list((job_run / "sheets").glob("routines-sitting-*.pdf"))  # only the changed routines
