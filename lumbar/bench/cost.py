"""Other costs: every language against English, a profile of one build, instructions under callgrind."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from lumbar.bench import ROOT, synth
from lumbar.bench.runs import PYTHON, build, build_command, log, make_baseline, make_real


def language_cost(project: Path, site: Path, repeat: int = 3) -> list[float]:
    """Every language's build over the English build, paired back to back, `repeat` times (CPU seconds)."""
    ratios = []
    for _ in range(repeat):
        english = build(project, site)
        every = build(project, site, languages=True)
        ratios.append(every.cpu / english.cpu)
    return ratios


# --- Where a build's time goes --------------------------------------------------------------------


def profile(project: Path, top: int = 15, out: Path | None = None) -> str:
    """cProfile of one build of `project`, on CPU time (steady on a shared machine), in a child process:
    the top functions by cumulative and by own time."""
    code = f"""
import cProfile, os, pstats, sys, time, io
os.environ["NO_MKDOCS_2_WARNING"] = "1"
from lumbar.__main__ import main
argv = {build_command(project, project / "_profile_site")[3:]!r}
prof = cProfile.Profile(time.process_time)
try:
    prof.runcall(main, argv)
finally:
    prof.dump_stats({str(out or project / "profile.out")!r})
"""
    subprocess.run([PYTHON, "-c", code], cwd=ROOT, check=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    import io
    import pstats

    text = io.StringIO()
    stats = pstats.Stats(str(out or project / "profile.out"), stream=text)
    stats.strip_dirs()
    for key in ("cumulative", "tottime"):
        stats.sort_stats(key).print_stats(top)
    return text.getvalue()


# --- Instructions (valgrind's callgrind) ----------------------------------------------------------


def callgrind_total(text: str) -> int:
    """The instructions counted in a callgrind output file: its `totals:` line (`summary:` in older ones), the
    first figure being the first event, Ir."""
    for line in text.splitlines():
        if line.startswith(("totals:", "summary:")):
            return int(line.split()[1])
    raise ValueError("not a callgrind output file: no totals: or summary: line")


def count_instructions(builds: list[tuple[Path, Path]], out_dir: Path) -> list[int]:
    """The instructions each (project, site) build executes, every build under callgrind at once (the
    counts do not depend on the load), each after one uncounted build that leaves the caches warm."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0")  # the same dict order on every run
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # the warm-up writes the .pyc files the counted build reads
    for project, site in builds:
        shutil.rmtree(site, ignore_errors=True)
        subprocess.run(build_command(project, site), cwd=project, env=env, check=True, capture_output=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    procs = []
    for i, (project, site) in enumerate(builds):
        shutil.rmtree(site, ignore_errors=True)
        out = out_dir / f"callgrind-{i}-{project.name}.out"
        cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *build_command(project, site)]
        log_file = open(out.with_suffix(".log"), "wb")  # noqa: SIM115 (closed below, once the build ends)
        procs.append((subprocess.Popen(cmd, cwd=project, env=env, stdout=log_file, stderr=subprocess.STDOUT), out))
        log_file.close()
    counts = []
    for proc, out in procs:
        if proc.wait() != 0:
            raise SystemExit(f"bench: the build under callgrind failed, see {out.with_suffix('.log')}")
        counts.append(callgrind_total(out.read_text(encoding="utf-8", errors="replace")))
    return counts


def instructions(args) -> int:
    """`--instructions`: the handbook's build over its plain build, in instructions executed."""
    if not shutil.which("valgrind"):
        raise SystemExit("bench: --instructions needs valgrind (apt-get install valgrind)")
    work = args.workdir or Path(tempfile.mkdtemp(prefix="lumbar-instructions-"))
    work.mkdir(parents=True, exist_ok=True)
    targets = [] if args.no_real else [("real", make_real(work / "real"))]
    for n in sorted(int(s) for s in args.sizes.split(",") if s.strip()):
        synth.make_project(work / f"hb{n}", n)
        targets.append((str(n), work / f"hb{n}"))
    figures = {}
    try:
        for label, project in targets:
            make_baseline(project, work / f"plain-{label}")
            log(f"bench: counting the instructions of {label} and its plain build (callgrind, several minutes)")
            hb, plain = count_instructions(
                [(project, work / f"site-{label}"), (work / f"plain-{label}", work / f"plainsite-{label}")],
                work / "callgrind",
            )
            figures[label] = {"handbook": hb, "plain": plain, "ratio": hb / plain}
            print(
                f"{label}: handbook {hb / 1e9:.3f} G instructions, plain {plain / 1e9:.3f} G, "
                f"handbook / plain = {hb / plain:.3f}"
            )
        if args.json:
            args.json.write_text(json.dumps({"instructions": figures}, indent=2), encoding="utf-8")
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    return 0


# --- The run --------------------------------------------------------------------------------------
