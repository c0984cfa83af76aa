"""The benchmark's own parts, on a tiny size: the synthetic data generator and the bench's output format.

No timing is asserted here: timings are the benchmark's business (`make bench`), and this machine is shared.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from lumbar.bench import cost, runs, synth, weights
from lumbar.load import load_handbook
from lumbar.loader import read

ROOT = Path(__file__).resolve().parent.parent
# The bench's parts by the names the tests use (lumbar/bench/: runs, weights, cost).
bench = SimpleNamespace(
    plain_config=runs.plain_config,
    Result=runs.Result,
    Run=runs.Run,
    paired_ratios=runs.paired_ratios,
    overhead=runs.overhead,
    page_weights=weights.page_weights,
    weights_by_language=weights.weights_by_language,
    language_weights_line=weights.language_weights_line,
    callgrind_total=cost.callgrind_total,
)


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "data"
    synth.generate(out, 120, seed=3)
    return out


def test_synthetic_data_passes_every_check_and_has_the_proportions(small):
    hb = load_handbook(small)  # raises DataError on any problem, as the build would
    n_ex, n_rt, n_cd = synth.sizes(120)
    real = {kind: len(list((ROOT / "data" / kind).glob("*.yaml"))) for kind in ("exercises", "routines", "conditions")}
    assert len(hb.exercises) == max(n_ex, real["exercises"])
    assert len(hb.routines) == max(n_rt, real["routines"])
    assert len(hb.conditions) == max(n_cd, real["conditions"])
    made = [r for rid, r in hb.routines.items() if rid.startswith("routine-")]
    assert made and all(5 <= len(r.items) <= 10 for r in made)
    for name in ("sources.yaml", "positions.yaml", "safety.yaml"):  # shared lists copied as they are
        assert (small / name).read_bytes() == (ROOT / "data" / name).read_bytes()


def test_synthetic_exercises_are_shaped_like_the_real_ones(small):
    hb = load_handbook(small)
    made = {eid: ex for eid, ex in hb.exercises.items() if re.fullmatch(r"v\d{3}-.+", eid)}
    assert made, "no synthetic exercise"
    for eid, ex in made.items():
        template = eid.split("-", 1)[1]
        real = read(ROOT / "data" / "exercises" / f"{template}.yaml", ROOT / "data").value
        assert ex.steps and len(ex.steps) >= len(real["steps"])
        assert ex.position == real["position"]
        answered = {n.pattern for n in ex.notes if n.pattern}
        assert set(ex.patterns) <= answered  # every harmful pattern answered, so any routine may use it


def test_the_generator_is_deterministic(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    synth.generate(a, 80, seed=7)
    synth.generate(b, 80, seed=7)
    files = sorted(p.relative_to(a) for p in a.rglob("*.yaml"))
    assert files == sorted(p.relative_to(b) for p in b.rglob("*.yaml"))
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files)


def test_a_tiny_size_works_without_the_real_items(tmp_path):
    counts = synth.generate(tmp_path / "data", 5, seed=1, include_real=False)
    assert counts["exercises"] == 5
    load_handbook(tmp_path / "data")


def test_the_plain_config_drops_only_what_makes_the_handbook(tmp_path):
    synth.make_project(tmp_path / "hb", 10)
    config = bench.plain_config(tmp_path / "hb")
    names = [p if isinstance(p, str) else next(iter(p)) for p in config["plugins"]]
    assert "macros" not in names and "search" in names
    assert "hooks" not in config and "watch" not in config
    assert config["theme"]["name"] == "material" and config["nav"]


def test_the_bench_prints_its_table_and_last_line(tmp_path):
    """The whole bench on a tiny size, once: the table, the figures and the last line's format."""
    out = tmp_path / "figures.json"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "lumbar",
            "bench",
            "--sizes",
            "10",
            "--repeat",
            "1",
            "--no-real",
            "--no-latency",
            "--workdir",
            str(tmp_path / "work"),
            "--json",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    last = r"scale \S+ = (\d+\.\d\d|-), overhead vs plain = \d+\.\d\d, peak MB = \d+"
    assert re.fullmatch(last, lines[-1]), lines[-1]
    header = next(line for line in lines if line.startswith("build "))
    for column in ("pages", "wall s", "pages/s", "peak MB", "index KB", "index gz KB", "vs plain", "vs 1000"):
        assert column in header
    row = next(line for line in lines if line.startswith("10 exercises"))
    assert len(row.split()) >= 10
    figures = json.loads(out.read_text())
    build = figures["builds"][0]
    assert build["pages"] > 10 and build["index_bytes"] > 0 and build["peak_mb"] > 0
    assert build["plain_walls"] and len(build["walls"]) == 1
    assert len(build["paired_ratios"]) == 1 and build["paired_ratios"][0] > 0
    assert "page weight" in result.stdout
    assert list(figures["weights"]["10"]["by_language"]) == ["en", "es", "ru"]  # the three-language build, weighed


def test_the_overhead_is_the_median_of_ratios_paired_back_to_back():
    """Each handbook build is divided by the plain build made right after it; a slow spell that hits
    one pair moves one ratio, not the median."""
    hb, plain = bench.Result("real", Path("hb"), Path("s")), bench.Result("real", Path("plain-real"), Path("p"))
    for h, p in [(10, 9), (30, 27), (11, 10), (10, 10), (12, 10)]:  # CPU seconds; the second pair under load
        run_h, run_p = bench.Run(h, h, 1), bench.Run(p, p, 1)
        hb.runs.append(run_h)
        plain.runs.append(run_p)
        hb.pairs.append((run_h, run_p))
    assert bench.paired_ratios(hb, "cpu") == pytest.approx([10 / 9, 30 / 27, 1.1, 1.0, 1.2])
    median, low, high, n = bench.overhead(hb, plain, "cpu")
    assert (median, low, high, n) == (pytest.approx(10 / 9), 1.0, 1.2, 5)
    alone = bench.Result("x", Path("hb"), Path("s"), runs=[bench.Run(3, 3, 1)])
    assert bench.overhead(alone, bench.Result("x", Path("p"), Path("q"), runs=[bench.Run(2, 2, 1)]), "cpu")[3] == 0


def test_page_weight_counts_each_language_with_its_own_search(tmp_path):
    """A page under es/ loads es/'s assets and search index, not the English ones, and the pages over
    120 KB are counted per language."""
    import base64
    import os

    def page(path: str, filler: int = 0, css: str = "assets/style.css") -> None:
        body = base64.b64encode(os.urandom(filler)).decode() if filler else ""  # gzip cannot shrink it much
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(f'<link rel="stylesheet" href="{css}"><p>{body}</p>', encoding="utf-8")

    def index(folder: str, size: int) -> None:
        (tmp_path / folder / "search").mkdir(parents=True, exist_ok=True)
        docs = [{"text": base64.b64encode(os.urandom(size)).decode()}]
        (tmp_path / folder / "search" / "search_index.json").write_text(json.dumps({"docs": docs}))

    index(".", 1_000)
    index("es", 50_000)
    index("ru", 2_000)
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "style.css").write_text("p{}")
    page("index.html")
    page("exercises/cat/index.html")  # a folder, not a language: it has no search index of its own
    page("es/index.html", css="../assets/style.css")
    page("es/session/index.html", 150_000, css="../../assets/style.css")
    page("ru/index.html", 100_000, css="../assets/style.css")
    weights = {w.page: w for w in bench.page_weights(tmp_path)}
    assert {p: w.lang for p, w in weights.items()} == {
        "index.html": "en",
        "exercises/cat/index.html": "en",
        "es/index.html": "es",
        "es/session/index.html": "es",
        "ru/index.html": "ru",
    }
    assert weights["es/index.html"].search > weights["index.html"].search + 40_000  # es's own, larger index
    assert weights["es/index.html"].assets == weights["index.html"].assets > 0  # the stylesheet, found from es/
    by = bench.weights_by_language(list(weights.values()))
    assert list(by) == ["en", "es", "ru"]
    assert {code: (v["pages"], v["over_120kb"]) for code, v in by.items()} == {"en": (2, 0), "es": (2, 1), "ru": (1, 0)}
    assert by["es"]["heaviest"][0] == "es/session/index.html"
    line, _ = bench.language_weights_line("real", tmp_path)
    assert "en 0 of 2" in line and "es 1 of 2" in line and "ru 0 of 1" in line, line


def test_the_instruction_count_is_read_from_callgrinds_totals_line():
    """`--instructions` reads the count callgrind writes at the end of its output file (`totals:`, or
    `summary:` in older versions; the first figure is the first event, Ir)."""
    head = "# callgrind format\nversion: 1\ncreator: callgrind-3.19.0\ncmd: python -m lumbar build\nevents: Ir\n"
    body = "fl=(1) main.c\nfn=(1) main\n16 3\ncalls=1 20\n17 9\n"
    assert bench.callgrind_total(head + body + "totals: 12345678901\n") == 12345678901
    assert bench.callgrind_total(head + "summary: 4567 89\n" + body) == 4567
    with pytest.raises(ValueError):
        bench.callgrind_total(head + body)
