"""Building a project, handbook or plain, and timing it: the runs and their ratios."""

from __future__ import annotations

import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from lumbar.bench import ROOT
from lumbar.generator import build_argv

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
    # and its macros plugin: make_baseline renders the few pages that call macros.py into plain Markdown
    config["plugins"] = [p for p in config.get("plugins") or [] if not (isinstance(p, dict) and "macros" in p)]
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
    _render_marked(project, dest / "docs")
    config = plain_config(project)
    custom_dir = (config.get("theme") or {}).get("custom_dir")
    if custom_dir and (project / custom_dir).exists():
        os.symlink((project / custom_dir).resolve(), dest / custom_dir)
    with open(dest / "mkdocs.yml", "w", encoding="utf-8") as out:
        yaml.dump(config, out, Dumper=_ConfigDumper, allow_unicode=True, sort_keys=False)
    return sum(1 for _ in (dest / "docs").rglob("*.md"))


def _render_marked(project: Path, docs: Path) -> None:
    """The staged pages that call macros.py, rendered as the handbook's macros plugin renders them: plain Markdown."""
    from lumbar.content.handwritten import SWITCH, render_page
    from lumbar.stage import options_from_config

    opts = options_from_config(data=project / "data", docs=project / "docs")
    for path in sorted(docs.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if f"\n{SWITCH}\n" in text:
            rel = path.relative_to(docs).as_posix()
            page = render_page(f"docs/{rel}", text.replace(f"{SWITCH}\n", "", 1), opts, rel)
            path.write_text(page, encoding="utf-8")


def make_real(dest: Path) -> Path:
    """A copy of the real handbook project (data included), so the real build runs like the others."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", dest / "docs")
    shutil.copytree(ROOT / "data", dest / "data")
    for name in ("lumbar", "overrides", "macros.py"):
        os.symlink(ROOT / name, dest / name)
    return dest


# --- What the site weighs -------------------------------------------------------------------------


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
