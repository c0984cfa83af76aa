"""`python -m lumbar bench`: the options, and the benchmark step by step."""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

from lumbar.bench import synth
from lumbar.bench.browser import lighthouse_scores, search_latency, serve_latency
from lumbar.bench.cost import instructions, language_cost, profile
from lumbar.bench.report import report
from lumbar.bench.runs import Result, _build_turns, _repeat, log, make_baseline, make_real
from lumbar.bench.weights import language_weights_line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,5000", help="exercise counts, comma-separated")
    parser.add_argument("--repeat", type=int, default=5, help="builds of the real handbook and sizes under 1,000")
    parser.add_argument("--repeat-mid", type=int, default=2, help="builds of sizes from 1,000 to under --large")
    parser.add_argument("--large", type=int, default=5000, help="sizes from here on are built --repeat-large times")
    parser.add_argument(
        "--repeat-large", type=int, default=2, help="builds of sizes from --large on, as the budget allows"
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=540,
        help="seconds: repeats, then the plain build of the largest size, are left out when they "
        "would not fit (default 540, so that `make bench` ends within ten minutes)",
    )
    parser.add_argument("--no-real", action="store_true", help="skip the real handbook")
    parser.add_argument("--no-baseline-at", type=int, default=0, help="skip the plain build from this size on")
    parser.add_argument(
        "--latency",
        dest="latency",
        action="store_true",
        default=True,
        help="time search in headless Chromium on the largest size (default)",
    )
    parser.add_argument("--no-latency", dest="latency", action="store_false")
    parser.add_argument("--queries", default="bridge,knee hug,sciatica", help="search queries, comma-separated")
    parser.add_argument(
        "--serve",
        dest="serve",
        action="store_true",
        default=True,
        help="time a data edit under `mkdocs serve` on the real handbook (default)",
    )
    parser.add_argument("--no-serve", dest="serve", action="store_false")
    parser.add_argument(
        "--clock",
        choices=["cpu", "wall"],
        default="cpu",
        help="what the ratios compare: the builds' CPU seconds (default; steadier on a shared machine) "
        "or their median wall seconds",
    )
    parser.add_argument(
        "--lighthouse-runs",
        type=int,
        help="Lighthouse runs of each kind of page of the real handbook, after the builds and outside "
        "--budget (15-30 s each; default 3, 1 with --quick; 0: none)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="the real handbook only: 3 pairs of builds, one Lighthouse run per kind of page, no "
        "synthetic sizes, no search or serve timing (a few minutes)",
    )
    parser.add_argument(
        "--ratios",
        action="store_true",
        help="`make bench`: the ratios a change can break, within --budget: the real handbook against its plain "
        "build, 1,000 against 5,000 exercises, peak memory, page weights; no Lighthouse, search, serve or "
        "per-language builds (`make bench-full` runs them all)",
    )
    parser.add_argument("--no-languages", action="store_true", help="skip the three-language builds")
    parser.add_argument("--workdir", type=Path, help="keep the projects and sites here (default: a temp dir)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    parser.add_argument(
        "--profile",
        type=int,
        metavar="N",
        help="instead of the benchmark: profile one build of N synthetic exercises (CPU time)",
    )
    parser.add_argument("--top", type=int, default=15, help="functions shown by --profile")
    parser.add_argument(
        "--weights", type=Path, metavar="SITE", help="instead of the benchmark: the page weights of a built site"
    )
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="instead of the benchmark: the instructions one build of the real handbook and one of its plain "
        "build execute, under valgrind's callgrind, and their ratio (--sizes: also these sizes; default none)",
    )
    args = parser.parse_args(argv)
    if args.weights:
        print(language_weights_line("site", args.weights)[0])
        return 0
    if args.instructions:
        if args.sizes == parser.get_default("sizes"):
            args.sizes = ""
        return instructions(args)
    if args.ratios:
        if args.sizes == parser.get_default("sizes"):  # other sizes: the same table on a tiny handbook (tests)
            args.sizes = "1000,5000"
        args.repeat, args.repeat_mid, args.repeat_large = 3, 2, 1
        args.latency, args.serve, args.lighthouse_runs, args.no_languages = False, False, 0, True
    if args.quick:
        args.sizes, args.repeat, args.latency, args.serve, args.no_real = "", 3, False, False, False
    if args.lighthouse_runs is None:
        args.lighthouse_runs = 1 if args.quick else 3
    if args.profile:
        work = args.workdir or Path(tempfile.mkdtemp(prefix="lumbar-profile-"))
        synth.make_project(work / f"hb{args.profile}", args.profile)
        print(profile(work / f"hb{args.profile}", args.top, work / f"profile-{args.profile}.out"))
        print(f"profile data: {work / f'profile-{args.profile}.out'} (python -m pstats)")
        return 0
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    started = time.perf_counter()
    notes: list[str] = []

    work = args.workdir or Path(tempfile.mkdtemp(prefix="lumbar-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = []  # (label, exercises, handbook Result, plain Result or None)
    try:
        targets = []
        if not args.no_real:
            targets.append(("real", None, make_real(work / "real")))
        for n in sizes:
            log(f"bench: generating {n} exercises")
            synth.make_project(work / f"hb{n}", n)
            targets.append((str(n), n, work / f"hb{n}"))

        def left() -> float:
            return args.budget - (time.perf_counter() - started)

        # 1. One build of each, handbook and plain in turns (the plain copy of the large sizes waits for step 4);
        # a size whose build would not fit the budget, judged from the size below it, is left out with a note.
        large = []
        for label, n, project in targets:
            below = [r for r in rows if r[1]]
            estimate = below[-1][2].wall * n / below[-1][1] if n and below else 0.0
            if estimate > left():
                notes.append(
                    f"{n} exercises not built: about {estimate:.0f} s would pass the {args.budget:.0f} s budget"
                )
                continue
            hb = Result(label, project, work / f"site-{label}")
            plain = None
            if n and args.no_baseline_at and n >= args.no_baseline_at:
                notes.append(f"plain build of {n} skipped (--no-baseline-at)")
            elif n and n >= args.large:
                large.append(label)
            else:
                log(f"bench: writing the plain-Markdown copy of {label}")
                make_baseline(project, work / f"plain-{label}")
                plain = Result(label, work / f"plain-{label}", work / f"plainsite-{label}")
            _build_turns(label, [hb] + ([plain] if plain else []), 1)
            rows.append([label, n, hb, plain])

        # 2. A data edit under mkdocs serve, and search in Chromium.
        figures: dict = {"clock": args.clock, "builds": [], "notes": notes}
        if args.serve and not args.no_real:
            log("bench: timing a data edit under mkdocs serve (real handbook)")
            try:
                figures["serve"] = serve_latency(make_real(work / "serve-real"))
            except Exception as err:
                notes.append(f"serve latency not measured ({type(err).__name__}: {err})")
        synth_rows = [r for r in rows if r[1]]
        if args.latency and synth_rows:
            label, n, hb, _ = max(synth_rows, key=lambda r: r[1])
            log(f"bench: timing search in Chromium on {label} exercises")
            try:
                figures["search"] = search_latency(hb.site, [q.strip() for q in args.queries.split(",") if q.strip()])
                figures["search"]["exercises"] = n
            except Exception as err:
                notes.append(f"search latency not measured ({type(err).__name__}: {err})")

        # 3. The other repeats, while they fit the budget.
        short = []
        by_size = sorted(rows, key=lambda r: -(r[1] or 0))  # the 1,000 build's repeat first: the scale ratio uses it
        for turn in range(2, max(args.repeat, args.repeat_mid, args.repeat_large) + 1):
            for label, n, hb, plain in by_size:
                if _repeat(args, n) < turn or label in short:
                    continue
                if hb.runs[-1].wall + (plain.runs[-1].wall if plain else 0) > left():
                    short.append(label)
                    continue
                _build_turns(label, [hb] + ([plain] if plain else []), 1)
        for label, n, hb, _ in rows:
            if label in short:
                notes.append(
                    f"{label}: {len(hb.runs)} build(s) instead of {_repeat(args, n)}, to stay within the "
                    f"{args.budget:.0f} s budget"
                )

        # 4. The plain copy of the large sizes, last, and only if it fits.
        for label in large:
            row = next(r for r in rows if r[0] == label)
            n = row[1]
            below = [r for r in rows if r[3] is not None and r[1] and r[1] < n]
            estimate = below[-1][3].wall * n / below[-1][1] * 1.5 if below else float("inf")  # writing + build
            if estimate > left():
                notes.append(
                    f"plain build of {n} skipped: about {estimate:.0f} s more would pass the "
                    f"{args.budget:.0f} s budget (--budget 1200 includes it)"
                )
                continue
            log(f"bench: writing the plain-Markdown copy of {label}")
            make_baseline(row[2].project, work / f"plain-{label}")
            plain = Result(label, work / f"plain-{label}", work / f"plainsite-{label}")
            _build_turns(label, [plain], 1)
            row[3] = plain

        # 5. Three languages against English: the real handbook (translated) and the largest synthetic size.
        for label, n, hb, _ in [] if args.no_languages else rows:
            if label == "real" or n == max((r[1] or 0 for r in rows), default=0):
                log(f"bench: every language against English, {label}")
                figures.setdefault("languages", {})[label] = language_cost(
                    hb.project, work / f"lang-{label}", 1 if n and n >= 5000 else 3
                )
                figures.setdefault("language_sites", {})[label] = work / f"lang-{label}"  # weighed in the report

        real = next((r for r in rows if r[0] == "real"), None)
        if args.lighthouse_runs and real:
            log(f"bench: Lighthouse, {args.lighthouse_runs} run(s) of each kind of page")
            lh_start = time.perf_counter()
            try:
                figures["lighthouse"] = lighthouse_scores(real[2].site, args.lighthouse_runs)
            except Exception as err:
                notes.append(f"Lighthouse not run ({type(err).__name__}: {str(err)[:300]})")
            figures["lighthouse_seconds"] = time.perf_counter() - lh_start

        report(rows, figures, args)
        figures["seconds"] = time.perf_counter() - started
        if args.json:
            args.json.write_text(json.dumps(figures, indent=2, default=str), encoding="utf-8")
        print(f"\nbench took {figures['seconds']:.0f} s in all")
        print(figures["last_line"])
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    return 0
