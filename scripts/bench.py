#!/usr/bin/env python3
"""Build-speed, memory, page-weight and search benchmark: the handbook against plain MkDocs + Material.

    make bench                                   # the real handbook, then 100, 1,000 and 5,000 exercises
    python scripts/bench.py --sizes 100,1000 --no-latency --no-serve
    python scripts/bench.py --profile 1000       # where one build's time goes (cProfile, CPU time)
    python scripts/bench.py --quick              # the real handbook only: 3 paired builds, 1 Lighthouse run a page
    python scripts/bench.py --weights site       # only the page weights of a built site, per language
    python scripts/bench.py --instructions       # instructions of the real build and its plain build (callgrind)

For every size, scripts/synth.py writes a synthetic handbook (N exercises, N/5 routines, N/50
conditions) into a temporary project, and the same pages are written a second time as plain Markdown
(the Markdown the project itself produces, after its hooks and macros) into a plain MkDocs + Material
project: same theme, plugins, extensions and navigation; no hooks, no macros. Both are built with
`mkdocs build` in turns, in the same run. For each build: wall seconds (time.perf_counter around the
child), CPU seconds and peak resident memory of the child (os.wait4). The ratios compare CPU seconds
by default, the least of the repeats (--clock wall for wall time): on a shared machine other work
stretches wall time far more.
Also measured: the search index (site/search/search_index.json, gzip -6) and how it grows per
exercise; each page's gzip weight with what it loads (in every language, on the three-language build of
the real handbook and the largest size); a data edit under `mkdocs serve` (real
handbook); search in headless Chromium at the largest size. The plain build of the largest size comes
last and is skipped, with a note, when it would take the run past --budget seconds.

Each handbook build is paired with its plain build made right after it; the overhead is the median of
these paired ratios, printed with their spread. Then Lighthouse (scripts/lighthouse.py) measures the mobile
performance score of one page of every kind of the real handbook, three runs each, and prints the medians.

`--instructions` counts, instead of timing, the instructions one build of the real handbook and one of its
plain build execute, each under valgrind's callgrind (after an uncounted build of each, so that both read
compiled bytecode and templates as a repeated `make build` does), and prints their ratio: a figure that
other work on the machine does not move, where CPU seconds spread by a fifth. Callgrind runs a build about
50 to 150 times slower: the real size took 8 minutes on the shared two-core machine, both builds counted at
once (`--sizes 100` adds that size). It counts user-space instructions only: the kernel's work (reading and
writing files) is not in the figure.

The last line reads `scale 5000/1000 = X.XX, overhead vs plain = Y.YY, peak MB = Z`: the 5,000 build
over the 1,000 build, the real handbook's build over its plain-Markdown build (median of the pairs), and the largest peak
memory of any handbook build.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for p in (ROOT, ROOT / "scripts"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import synth  # noqa: E402
import yaml  # noqa: E402

from lumbar.generator import build_argv  # noqa: E402
from lumbar.localweb import launch, serve  # noqa: E402

PYTHON = sys.executable
GZIP_LEVEL = 6  # what static hosts commonly use
LAST_LINE = "scale {scale}, overhead vs plain = {overhead}, peak MB = {peak}"


def log(*args) -> None:
    print(*args, file=sys.stderr, flush=True)


def gz(data: bytes) -> int:
    return len(gzip.compress(data, GZIP_LEVEL, mtime=0))


# --- Building -------------------------------------------------------------------------------------


@dataclass
class Run:
    wall: float
    cpu: float  # user + system seconds of the child
    peak_mb: float


@dataclass
class Result:
    """Every build of one project."""

    label: str
    project: Path
    site: Path
    runs: list[Run] = field(default_factory=list)
    pairs: list[tuple[Run, Run]] = field(default_factory=list)  # (handbook, plain) built back to back

    @property
    def wall(self) -> float:
        return statistics.median(r.wall for r in self.runs)

    @property
    def best(self) -> float:
        return min(r.wall for r in self.runs)

    @property
    def cpu(self) -> float:
        """The least CPU time of the repeats: what the build costs with the least interference."""
        return min(r.cpu for r in self.runs)

    def time(self, clock: str) -> float:
        return self.cpu if clock == "cpu" else self.best

    @property
    def peak_mb(self) -> float:
        return max(r.peak_mb for r in self.runs)


def project_args(project: Path) -> list[str]:
    """The data and pages of a bench project, for any verb of `python -m lumbar`."""
    return ["--data", str(project / "data"), "--docs", str(project / "docs")]


def build_command(project: Path, site: Path, languages: bool = False) -> list[str]:
    """A handbook project: what `make build` runs (stage, MkDocs, the post-build passes; no offline zip), in
    English only unless `languages` (then every language: English, /es/, /ru/). A plain project: `mkdocs build`."""
    if (project / "data").is_dir():
        return build_argv(site, project / "build-stage", project / "data", project / "docs", languages=languages)
    return [PYTHON, "-m", "mkdocs", "build", "--quiet", "-f", str(project / "mkdocs.yml"), "-d", str(site)]


def build(project: Path, site: Path, languages: bool = False) -> Run:
    """One build in a child process: wall seconds and the child's peak resident memory."""
    if site.exists():
        shutil.rmtree(site)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(
            build_command(project, site, languages),
            cwd=project,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            out.seek(0)
            raise SystemExit(f"bench: the build of {project} failed:\n{out.read().decode(errors='replace')}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)  # ru_maxrss: KiB on Linux


# --- The plain-Markdown baseline ------------------------------------------------------------------


class _Tagged:
    """A YAML value with a tag (!ENV, !!python/name:...), kept as it was written."""

    def __init__(self, tag: str, node: yaml.Node):
        self.tag, self.node = tag, node


class _ConfigLoader(yaml.SafeLoader):
    pass


class _ConfigDumper(yaml.SafeDumper):
    pass


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: _Tagged("!" + suffix, node))
_ConfigLoader.add_multi_constructor(
    "tag:yaml.org,2002:python/", lambda loader, suffix, node: _Tagged("tag:yaml.org,2002:python/" + suffix, node)
)
_ConfigDumper.add_representer(_Tagged, lambda dumper, t: type(t.node)(t.tag, t.node.value))


def plain_config(project: Path) -> dict:
    """The project's mkdocs.yml without what makes it the handbook (its hook), reading docs/."""
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    config.pop("hooks", None)
    config["docs_dir"] = "docs"
    from lumbar.i18n.config import language_changes

    config["extra"] = {**language_changes(config, "en")["extra"], "languages": []}  # the words the theme writes
    return config


def make_baseline(project: Path, dest: Path) -> int:
    """The same pages as plain Markdown files in a plain MkDocs + Material project: the project's staged
    source (`python -m lumbar stage`), which is plain Markdown, drawings inline as a hand-written page would
    have them (the handbook's own build stages placeholders and puts the drawings in after). Returns the
    page count."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    subprocess.run(
        [
            PYTHON,
            "-m",
            "lumbar",
            "stage",
            str(dest / "docs"),
            *project_args(project),
        ],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    config = plain_config(project)
    custom_dir = (config.get("theme") or {}).get("custom_dir")
    if custom_dir and (project / custom_dir).exists():
        os.symlink((project / custom_dir).resolve(), dest / custom_dir)
    with open(dest / "mkdocs.yml", "w", encoding="utf-8") as out:
        yaml.dump(config, out, Dumper=_ConfigDumper, allow_unicode=True, sort_keys=False)
    return sum(1 for _ in (dest / "docs").rglob("*.md"))


def make_real(dest: Path) -> Path:
    """A copy of the real handbook project (data included), so the real build runs like the others."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", dest / "docs")
    shutil.copytree(ROOT / "data", dest / "data")
    for name in ("lumbar", "overrides"):
        os.symlink(ROOT / name, dest / name)
    return dest


# --- What the site weighs -------------------------------------------------------------------------


def page_count(site: Path) -> int:
    sitemap = site / "sitemap.xml"
    if sitemap.exists():
        return sitemap.read_text(encoding="utf-8").count("<loc>")
    return sum(1 for _ in site.rglob("index.html"))


def search_index(site: Path) -> tuple[int, int, int]:
    """Bytes and gzip bytes of the search index, and how many entries (pages and sections) it holds."""
    path = site / "search" / "search_index.json"
    if not path.exists():
        return 0, 0, 0
    data = path.read_bytes()
    return len(data), gz(data), len(json.loads(data).get("docs", []))


_REF = re.compile(r"""<(?:link[^>]*\brel="?stylesheet"?[^>]*\bhref|script[^>]*\bsrc|img[^>]*\bsrc)="([^"]+)\"""")
_WORKER = re.compile(r'"search":\s*"([^"]+)"')
LAZY_MARK = "lazy-search"


@dataclass
class Weight:
    page: str
    html: int
    assets: int  # CSS, JS and images the page loads
    search: int  # the search worker and index
    eager_search: bool  # loaded with the page (else only once the reader uses the search box)
    lang: str = "en"  # the language of the page: "es" under es/ (a site of its own, its own index), else "en"

    @property
    def loaded(self) -> int:
        """What a reader who never searches downloads (gzip bytes)."""
        return self.html + self.assets + (self.search if self.eager_search else 0)

    @property
    def with_index(self) -> int:
        return self.html + self.assets + self.search


LIMIT = 120 * 1024  # every page, gzipped, with what it loads before the reader searches


def page_weights(site: Path) -> list[Weight]:
    """Every page's gzip weight with the CSS, JS and images it loads, and with the search worker and index of
    its language (a page under es/ loads es/search/ and es/assets/: each language is a site of its own)."""
    cache: dict[Path, int] = {}
    others = {d.name for d in site.iterdir() if d.is_dir() and (d / "search" / "search_index.json").is_file()}
    index = {"en": search_index(site)[1], **{code: search_index(site / code)[1] for code in others}}
    out = []

    def weight(target: Path) -> int:
        if target not in cache:
            cache[target] = gz(target.read_bytes()) if target.is_file() else 0
        return cache[target]

    def local(folder: Path, ref: str) -> Path | None:
        if "://" in ref or ref.startswith(("data:", "//")):
            return None
        return (folder / ref.split("#")[0].split("?")[0]).resolve()

    for html_path in sorted(site.rglob("*.html")):
        html = html_path.read_text(encoding="utf-8")
        assets = sum(weight(t) for t in {local(html_path.parent, ref) for ref in _REF.findall(html)} - {None})
        rel = html_path.relative_to(site).as_posix()
        lang = rel.split("/", 1)[0] if rel.split("/", 1)[0] in others else "en"
        # The worker's address in Material's config is relative to the site's base, not to the page.
        workers = (site if lang == "en" else site / lang) / "assets" / "javascripts" / "workers"
        worker = sum(weight(workers / ref.rsplit("/", 1)[-1]) for ref in set(_WORKER.findall(html)))
        out.append(Weight(rel, gz(html.encode("utf-8")), assets, index[lang] + worker, LAZY_MARK not in html, lang))
    return out


def weights_by_language(weights: list[Weight], limit: int = LIMIT) -> dict[str, dict]:
    """Per language (English first): its pages, how many weigh over the limit before a search, the median
    and the heaviest page."""
    out = {}
    for lang in sorted({w.lang for w in weights}, key=lambda code: (code != "en", code)):
        mine = [w for w in weights if w.lang == lang]
        heaviest = max(mine, key=lambda w: w.loaded)
        out[lang] = {
            "pages": len(mine),
            "over_120kb": sum(w.loaded > limit for w in mine),
            "median": statistics.median(w.loaded for w in mine),
            "heaviest": [heaviest.page, heaviest.loaded],
        }
    return out


def language_weights_line(label: str, site: Path) -> tuple[str, dict]:
    """The weight table's line for a three-language site: pages over the limit in each language."""
    by = weights_by_language(page_weights(site))
    parts = [
        f"{code} {v['over_120kb']} of {v['pages']} (median {v['median'] / 1024:.0f} KB, heaviest "
        f"{v['heaviest'][0]} {v['heaviest'][1] / 1024:.0f} KB)"
        for code, v in by.items()
    ]
    return f"  {label:>5}, every language: over 120 KB: " + "; ".join(parts), by


# --- Search latency in headless Chromium ----------------------------------------------------------


_OBSERVE = """() => {
  const input = document.querySelector("[data-md-component=search-query]");
  const result = document.querySelector("[data-md-component=search-result]");
  const lh = window.__lh = {t0: 0, pending: false, times: []};
  input.addEventListener("keydown", () => { lh.t0 = performance.now(); lh.pending = true; }, true);
  new MutationObserver(() => {
    if (!lh.pending) return;
    const items = result.querySelectorAll(".md-search-result__item").length;
    const meta = result.querySelector(".md-search-result__meta");
    if (items > 0 || (meta && /no matching/i.test(meta.textContent))) {
      lh.times.push(performance.now() - lh.t0);
      lh.pending = false;
    }
  }).observe(result, {childList: true, subtree: true, characterData: true});
}"""
_READY = """() => {
  const meta = document.querySelector(".md-search-result__meta");
  return meta && !/initializ/i.test(meta.textContent);
}"""


def search_latency(site: Path, queries: list[str]) -> dict:
    """Open a page, note whether it fetched the search index, focus the search box and time until search
    is ready, then time each keystroke of each query until its results are in the DOM (performance.now()
    in the page, from keydown to the MutationObserver seeing results or "no matching documents")."""
    from playwright.sync_api import sync_playwright

    out: dict = {}
    with serve(site) as base, sync_playwright() as p:
        browser = launch(p)
        try:
            context = browser.new_context(service_workers="block")  # what the page itself fetches
            page = context.new_page()
            loaded: list[str] = []
            page.on("request", lambda r: loaded.append(r.url))
            page.goto(base + "exercises/", wait_until="load")
            page.wait_for_timeout(1500)
            out["index_at_load"] = any("search_index.json" in u for u in loaded)
            start = time.perf_counter()
            page.focus("[data-md-component=search-query]")
            while not page.evaluate(_READY):  # evaluate, not wait_for_function: the page's CSP forbids eval
                if time.perf_counter() - start > 180:
                    raise TimeoutError("search never became ready")
                page.wait_for_timeout(20)
            out["ready_s"] = time.perf_counter() - start
            page.evaluate(_OBSERVE)
            keys, words = [], []
            for query in queries:
                page.fill("[data-md-component=search-query]", "")
                page.wait_for_timeout(300)
                for ch in query:
                    page.evaluate("() => { window.__lh.times = []; }")
                    page.keyboard.press(ch)
                    waited = time.perf_counter()
                    while not page.evaluate("() => window.__lh.times.length") and time.perf_counter() - waited < 5:
                        page.wait_for_timeout(10)
                    got = page.evaluate("() => window.__lh.times")
                    keys.append(got[0] if got else None)
                words.append(keys[-1])
            out["keystroke_ms"] = keys
            out["word_ms"] = words
            out["results"] = page.evaluate("() => document.querySelectorAll('.md-search-result__item').length")
            context.close()
        finally:
            browser.close()
    return out


# --- Lighthouse's performance score ---------------------------------------------------------------


def lighthouse_scores(site: Path, runs: int) -> dict[str, list[int]]:
    """Lighthouse's mobile performance score of one page of every kind, `runs` times each (the runs of
    one page in a row; one Chromium per run), the site served as GitHub Pages serves it."""
    import lighthouse

    out: dict[str, list[int]] = {}
    with lighthouse.serve(site) as base:
        for kind, path in lighthouse.PAGES.items():
            if not (site / path / "index.html").is_file():
                continue
            for _ in range(runs):
                lhr = lighthouse.run(base + path)
                out.setdefault(kind, []).append(lighthouse.scores(lhr)["performance"])
                tbt = lhr["audits"]["total-blocking-time"]["numericValue"]
                cls = lhr["audits"]["cumulative-layout-shift"]["numericValue"]
                log(f"bench: lighthouse {kind}: performance {out[kind][-1]}, TBT {tbt:.0f} ms, CLS {cls:.3f}")
    return out


# --- A data edit under `mkdocs serve` -------------------------------------------------------------


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _edit_title(text: str, marker: str) -> str:
    return re.sub(r"^title: .+$", f"title: {marker}", text, count=1, flags=re.MULTILINE)


def _edit_step(text: str, marker: str) -> str:
    return re.sub(r"^(steps:\n  - ).+$", rf"\g<1>{marker}.", text, count=1, flags=re.MULTILINE)


SERVE_EDITS = {"a step's text": _edit_step, "the title": _edit_title}


def serve_latency(project: Path, repeat: int = 3, timeout: float = 120) -> dict[str, list[float]]:
    """Start `python -m lumbar serve` on a copy of the real handbook, edit an exercise's data file (a step's text,
    then its title, `repeat` times each) and time from the write until the served page shows the change
    (polled every 20 ms)."""
    import urllib.parse
    import urllib.request

    exercise = next(
        p
        for p in sorted((project / "data" / "exercises").glob("*.yaml"))
        if re.search(r"^steps:\n  - ", p.read_text(encoding="utf-8"), re.MULTILINE)
    )
    original = exercise.read_text(encoding="utf-8")
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    mount = "/" + urllib.parse.urlsplit(config.get("site_url") or "").path.strip("/")  # serve mounts it there
    port = _free_port()
    url = f"http://127.0.0.1:{port}{mount.rstrip('/')}/exercises/{exercise.stem}/"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    log_file = tempfile.TemporaryFile()  # noqa: SIM115 (closed in the finally below, after the server)
    proc = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "lumbar",
            "serve",
            "--dev-addr",
            f"127.0.0.1:{port}",
            *project_args(project),
            "--stage-dir",
            str(project / "build-stage"),
        ],
        cwd=ROOT,
        env=env,
        stdout=log_file,
        stderr=subprocess.STDOUT,
    )

    def page() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8", errors="replace")
        except OSError:
            return ""

    times: dict[str, list[float]] = {label: [] for label in SERVE_EDITS}
    try:
        deadline = time.monotonic() + timeout
        while "</html>" not in page():
            if proc.poll() is not None or time.monotonic() > deadline:
                log_file.seek(0)
                raise RuntimeError("mkdocs serve did not start: " + log_file.read().decode(errors="replace")[-2000:])
            time.sleep(0.2)
        for i in range(repeat):
            for label, edit in SERVE_EDITS.items():
                time.sleep(1.5)  # let the watcher and the last rebuild settle
                marker = f"Bench edit {label.split()[-1]} {i + 1} {os.getpid()}"
                start = time.perf_counter()
                exercise.write_text(edit(original, marker), encoding="utf-8")
                while marker not in page():
                    if time.perf_counter() - start > timeout:
                        raise RuntimeError(f"the edit of {label} never showed")
                    time.sleep(0.02)
                times[label].append(time.perf_counter() - start)
    finally:
        exercise.write_text(original, encoding="utf-8")
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log_file.close()
    return times


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


def fmt_row(cols: list[str], widths: list[int]) -> str:
    return "  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(cols, widths, strict=False)))


def _repeat(args, n: int | None) -> int:
    if n is not None and n >= args.large:
        return args.repeat_large
    if n is not None and n >= 1000:
        return args.repeat_mid
    return args.repeat


def _build_turns(label: str, results: list[Result], repeat: int) -> None:
    for _i in range(repeat):  # in turns, so load from other work falls on both alike
        turn = []
        for result in results:
            run = build(result.project, result.site)
            result.runs.append(run)
            turn.append(run)
            kind = "plain" if result.project.name.startswith("plain-") else "handbook"
            log(
                f"bench: {label} {kind} build {len(result.runs)}: {run.wall:.2f} s wall, {run.cpu:.2f} s CPU, "
                f"{run.peak_mb:.0f} MB"
            )
        if len(turn) == 2:  # a handbook build and its plain build, back to back: one paired ratio
            results[0].pairs.append((turn[0], turn[1]))


def paired_ratios(hb: Result, clock: str) -> list[float]:
    """Each handbook build over the plain build made right after it: load from other work that lasts a
    few seconds falls on both builds of a pair, so these ratios spread far less than ratios of separate
    bests or medians."""
    key = (lambda r: r.cpu) if clock == "cpu" else (lambda r: r.wall)
    return [key(h) / key(p) for h, p in hb.pairs]


def overhead(hb: Result, plain: Result | None, clock: str) -> tuple[float, float, float, int] | None:
    """The handbook's build over its plain build: the median of the paired ratios, their least and
    greatest, and how many pairs; without pairs, the ratio of the least times (one pair of one)."""
    if plain is None:
        return None
    ratios = paired_ratios(hb, clock)
    if not ratios:
        r = hb.time(clock) / plain.time(clock)
        return r, r, r, 0
    return statistics.median(ratios), min(ratios), max(ratios), len(ratios)


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
        # 1. One build of each, handbook and plain in turns (the plain copy of the large sizes waits for step 4).
        large = []
        for label, n, project in targets:
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
        def left() -> float:
            return args.budget - (time.perf_counter() - started)

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
        for label, n, hb, _ in rows:
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


def report(rows: list, figures: dict, args) -> None:
    """Print the table and the other figures; put them in `figures` too."""
    clock = args.clock
    by_label = {label: (hb, plain) for label, _, hb, plain in rows}
    ref = by_label.get("1000")
    head = [
        "build",
        "pages",
        "wall s",
        "min wall s",
        "cpu s",
        "pages/s",
        "peak MB",
        "index KB",
        "index gz KB",
        "plain wall s",
        "plain cpu s",
        "plain MB",
        f"vs plain ({clock})",
        f"vs 1000 ({clock})",
        f"plain vs 1000 ({clock})",
    ]
    table = []
    for label, n, hb, plain in rows:
        pages = page_count(hb.site)
        raw, zipped, entries = search_index(hb.site)
        over = overhead(hb, plain, clock)
        vs_plain = over[0] if over else None
        vs_ref = hb.time(clock) / ref[0].time(clock) if ref else None
        plain_vs_ref = plain.time(clock) / ref[1].time(clock) if plain and ref and ref[1] else None
        table.append(
            [
                label if n is None else f"{n} exercises",
                str(pages),
                f"{hb.wall:.2f}",
                f"{hb.best:.2f}",
                f"{hb.cpu:.2f}",
                f"{pages / hb.wall:.0f}",
                f"{hb.peak_mb:.0f}",
                f"{raw / 1024:.0f}",
                f"{zipped / 1024:.0f}",
                f"{plain.wall:.2f}" if plain else "skipped",
                f"{plain.cpu:.2f}" if plain else "-",
                f"{plain.peak_mb:.0f}" if plain else "-",
                f"{vs_plain:.2f}" if vs_plain else "-",
                f"{vs_ref:.2f}" if vs_ref else "-",
                f"{plain_vs_ref:.2f}" if plain_vs_ref else "-",
            ]
        )
        figures["builds"].append(
            {
                "label": label,
                "exercises": n,
                "pages": pages,
                "walls": [r.wall for r in hb.runs],
                "cpus": [r.cpu for r in hb.runs],
                "peak_mb": hb.peak_mb,
                "index_bytes": raw,
                "index_gzip": zipped,
                "index_entries": entries,
                "plain_walls": [r.wall for r in plain.runs] if plain else None,
                "plain_cpus": [r.cpu for r in plain.runs] if plain else None,
                "plain_peak_mb": plain.peak_mb if plain else None,
                "paired_ratios": paired_ratios(hb, clock),
            }
        )
    widths = [max(len(r[i]) for r in table + [head]) for i in range(len(head))]
    print()
    print(fmt_row(head, widths))
    for row in table:
        print(fmt_row(row, widths))
    print(
        f"(builds: {', '.join(str(len(hb.runs)) for _, _, hb, _ in rows)}; wall s: the median; cpu s: the least "
        "CPU seconds (user + system); pages/s: pages over the median wall time; ratios from "
        + (
            "the least CPU seconds, which other work on a shared machine disturbs far less than wall time)"
            if clock == "cpu"
            else "the least wall seconds)"
        )
    )
    for note in figures["notes"]:
        print(f"note: {note}")
    for label, _n, hb, plain in rows:
        over = overhead(hb, plain, clock)
        if over and over[3]:
            print(
                f"{label}: handbook over plain ({clock}), {over[3]} pairs built back to back: median {over[0]:.3f}, "
                f"spread {over[1]:.3f}-{over[2]:.3f} ({', '.join(f'{r:.3f}' for r in paired_ratios(hb, clock))})"
            )

    # The search index's growth per exercise: a least-squares line through the synthetic sizes.
    synth_builds = [b for b in figures["builds"] if b["exercises"]]
    if len(synth_builds) >= 2:
        xs = [b["exercises"] for b in synth_builds]
        mx = statistics.fmean(xs)

        def slope(key: str) -> float:
            ys = [b[key] for b in synth_builds]
            my = statistics.fmean(ys)
            return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=False)) / sum((x - mx) ** 2 for x in xs)

        per, per_gz = slope("index_bytes"), slope("index_gzip")
        figures["index_per_exercise"] = {"bytes": per, "gzip": per_gz}
        last = synth_builds[-1]
        print(
            f"\nsearch index: grows by {per / 1024:.2f} KB ({per_gz / 1024:.2f} KB gzip) per exercise, "
            f"with its share of routines and conditions (least squares over {', '.join(map(str, xs))}); "
            f"{last['index_entries'] / last['pages']:.1f} entries (page sections) per page"
        )

    # Page weight.
    print(
        "\npage weight, gzip -6 KB: HTML + the CSS, JS and images it loads; the search worker and index "
        "counted only where the page loads them before the reader searches:"
    )
    for label, _n, hb, _ in rows:
        weights = page_weights(hb.site)
        if not weights:
            continue
        typical = statistics.median(w.loaded for w in weights)
        worst = max(weights, key=lambda w: w.loaded)
        biggest_html = max(weights, key=lambda w: w.html)
        eager = sum(w.eager_search for w in weights)
        over = sum(w.loaded > LIMIT for w in weights)
        over_with = sum(w.with_index > LIMIT for w in weights)
        where = (
            "at page load on every page"
            if eager == len(weights)
            else ("only once the reader uses search" if not eager else f"at page load on {eager} pages")
        )
        after = statistics.median(w.with_index for w in weights)
        print(
            f"  {label:>5}: median page {typical / 1024:.0f} KB ({after / 1024:.0f} KB after a search); "
            f"heaviest {worst.page} {worst.loaded / 1024:.0f} KB; largest HTML {biggest_html.page} "
            f"{biggest_html.html / 1024:.0f} KB; search worker and index {weights[0].search / 1024:.0f} KB, loaded {where}; "
            f"over 120 KB: {over} of {len(weights)} pages ({over_with} after a search)"
        )
        figures.setdefault("weights", {})[label] = {
            "median": typical,
            "median_after_search": after,
            "heaviest": [worst.page, worst.loaded],
            "largest_html": [biggest_html.page, biggest_html.html],
            "search_gzip": weights[0].search,
            "eager_pages": eager,
            "over_120kb": over,
            "over_120kb_after_search": over_with,
        }
        if label in figures.get("language_sites", {}):  # the three-language build of step 5
            line, by = language_weights_line(label, Path(figures["language_sites"][label]))
            print(line)
            figures["weights"][label]["by_language"] = by

    if "serve" in figures:
        parts = [f"{label}: {', '.join(f'{t:.2f}' for t in ts)} s" for label, ts in figures["serve"].items()]
        print(
            "\nmake serve, real handbook: an edit to an exercise's data file showed on its page after "
            + "; ".join(parts)
        )

    if "languages" in figures:
        parts = [
            f"{label}: median {statistics.median(r):.2f} ({', '.join(f'{x:.2f}' for x in r)})"
            for label, r in figures["languages"].items()
        ]
        print(
            "\nthree languages (en, es, ru) over English alone, CPU seconds, paired: "
            + "; ".join(parts)
            + " (at most 3.3)"
        )

    if "search" in figures:
        lat = figures["search"]
        times = sorted(t for t in lat["keystroke_ms"] if t is not None)
        lost = sum(t is None for t in lat["keystroke_ms"])
        queries = [q.strip() for q in args.queries.split(",") if q.strip()]
        if times:
            p90 = times[min(len(times) - 1, int(len(times) * 0.9))]
            words = ", ".join(
                f"{q!r} {t:.0f} ms" if t is not None else f"{q!r} -"
                for q, t in zip(queries, lat["word_ms"], strict=False)
            )
            print(
                f"\nsearch at {lat['exercises']} exercises, headless Chromium: the index is "
                f"{'fetched at page load' if lat['index_at_load'] else 'not fetched until the search box is used'}; "
                f"search ready {lat['ready_s']:.1f} s after focusing the box (download and index build); "
                f"keystroke to results: median {statistics.median(times):.0f} ms, p90 {p90:.0f} ms, "
                f"max {times[-1]:.0f} ms over {len(times)} keystrokes"
                f"{f' ({lost} got no answer in 5 s)' if lost else ''}; "
                f"after the last key of each query: {words}"
            )

    if figures.get("lighthouse"):
        lh = figures["lighthouse"]
        runs = max(len(v) for v in lh.values())
        print(
            f"\nLighthouse performance (mobile, real handbook, median of {runs} run(s), "
            f"{figures.get('lighthouse_seconds', 0):.0f} s): "
            + ", ".join(f"{kind} {statistics.median(v):.0f} ({'/'.join(map(str, v))})" for kind, v in lh.items())
        )

    # The last line.
    largest = max((r for r in rows if r[1]), key=lambda r: r[1], default=None)
    scale = "-/1000 = -"
    if largest:
        ratio = f"{largest[2].time(clock) / ref[0].time(clock):.2f}" if ref else "-"
        scale = f"{largest[1]}/1000 = {ratio}"
    with_plain = [r for r in rows if r[3]]
    overhead_row = by_label.get("real") or ref or (with_plain[-1][2:] if with_plain else None)
    over = overhead(overhead_row[0], overhead_row[1], clock) if overhead_row else None
    overhead_text = f"{over[0]:.2f}" if over else "-"
    peak = max(hb.peak_mb for _, _, hb, _ in rows)
    figures["last_line"] = LAST_LINE.format(scale=scale, overhead=overhead_text, peak=f"{peak:.0f}")


if __name__ == "__main__":
    sys.exit(main())
