"""The runnable check accepts exactly the files the stage's own code wrote (its record, .written.json), besides the
scripts the handbook ships as files: no special case by name, and a planted script still fails."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from lumbar.bench import synth
from lumbar.builder import PUBLISHED_IDS_JS
from lumbar.stage import WRITTEN, Options, stage, written
from lumbar.web.runnable import foreign
from tests.conftest import ROOT

PLANTED = "fetch('/diary/');\n"


def staged(tmp_path: Path, plant: str | None = None, data: Path = ROOT / "data") -> Path:
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    if plant:
        (docs / plant).parent.mkdir(parents=True, exist_ok=True)
        (docs / plant).write_text(PLANTED)
    out = tmp_path / "stage"
    stage(out, Options(docs=docs, data=data))
    return out


def test_the_stage_records_what_its_code_wrote_and_nothing_from_docs(tmp_path):
    out = staged(tmp_path, plant=PUBLISHED_IDS_JS)  # a docs/ file at the path the build writes
    record = written(out)
    assert json.loads((out / WRITTEN).read_text()) == record
    ids = (out / PUBLISHED_IDS_JS).read_bytes()
    assert PLANTED.encode() != ids and record[PUBLISHED_IDS_JS] == hashlib.sha256(ids).hexdigest()
    assert "api/handbook.json" in record and "exercises/cat.md" in record and "sw.js" in record
    docs = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*") if p.is_file()}
    assert not docs & set(record), sorted(docs & set(record))[:5]


def site_from(stage_dir: Path, site: Path) -> Path:
    """The stage's runnable files as MkDocs copies them into the site (the check reads only the site)."""
    for path in stage_dir.rglob("*.js"):
        rel = path.relative_to(stage_dir)
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, site / rel)
    return site


@pytest.mark.slow  # a synthetic handbook staged: 10 s of the fast tier's two minutes on a busy machine
def test_the_check_accepts_the_record_and_refuses_a_planted_script(tmp_path):
    # A handbook with other ids than the real one (the bench's synthetic one): its ids script is not the copy
    # lumbar/web/js/ keeps for the real data, so only the stage's record can accept it.
    synth.generate(tmp_path / "data", 120, seed=3)
    out = staged(tmp_path, data=tmp_path / "data")
    site = site_from(out, tmp_path / "site")
    assert foreign(site, written(out)) == []
    # Without the record, the ids script the build writes from the data is foreign: the record is what accepts it.
    assert foreign(site, {}) == [f"{PUBLISHED_IDS_JS}: a script the handbook does not ship (from docs/?): " + WHY]
    # A script planted beside them, or a recorded one changed after the stage, fails.
    (site / "assets" / "steal.js").write_text(PLANTED)
    (site / PUBLISHED_IDS_JS).write_text(PLANTED)
    found = foreign(site, written(out))
    assert [p.split(":")[0] for p in found] == [PUBLISHED_IDS_JS, "assets/steal.js"], found


WHY = "scripts live in lumbar/web/js/, where code review sees them; a content change cannot add one"
