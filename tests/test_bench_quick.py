"""`make bench` (the quick bench, --ratios): its one table, on a tiny handbook. Nothing is timed here: the shape
of what it prints, so a change to the bench cannot drop a ratio the table promises."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from tests.conftest import ROOT

COLUMNS = ("pages", "cpu s", "peak MB", "index KB", "index gz KB", "plain cpu s", "vs plain (cpu)", "vs 1000 (cpu)")


def test_the_quick_bench_prints_one_table_of_the_ratios(tmp_path):
    out = tmp_path / "figures.json"
    cmd = [sys.executable, "-m", "lumbar", "bench", "--ratios", "--sizes", "10", "--no-real"]
    cmd += ["--workdir", str(tmp_path / "work"), "--json", str(out)]
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    lines = result.stdout.strip().splitlines()
    headers = [i for i, line in enumerate(lines) if line.startswith("build ")]
    assert len(headers) == 1, lines  # one table
    header = lines[headers[0]]
    assert all(c in header for c in COLUMNS), header
    rows = [line for line in lines[headers[0] + 1 :] if re.match(r"^\d+ exercises ", line)]
    assert len(rows) == 1 and len(rows[0].split()) == len(re.split(r"\s{2,}", header.strip())) + 1, rows
    assert "page weight" in result.stdout and "Lighthouse" not in result.stdout
    assert re.fullmatch(r"scale \S+ = (\d+\.\d\d|-), overhead vs plain = \d+\.\d\d, peak MB = \d+", lines[-1])
    builds = json.loads(out.read_text())["builds"]
    assert [b["exercises"] for b in builds] == [10] and len(builds[0]["paired_ratios"]) == 3
