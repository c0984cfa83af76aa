"""Synthetic handbooks of any size, the same shape as the real data, for the benchmark.

    python -m lumbar synth 1000 /tmp/hb1000          # a whole project: mkdocs.yml, docs/, data/
    python -m lumbar synth 1000 /tmp/data --data-only

N exercises, N/5 routines of 5-10 items each, N/50 conditions (never fewer routines or conditions
than the real data has). The shared lists (sources, positions, ...) are copied from the real data/.
Every synthetic exercise is a variant of a real one (its text, position, equipment, sources and
harmful patterns, each pattern answered by an editorial note, as the checks require), so pages and
the search index have the real pages' size. When the whole real data loads cleanly and fits, the
real items are included as they are (hand pages and shared lists may name them); otherwise the
synthetic items take the real ids. The output is deterministic for a given seed and data.
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import re
import shutil
from pathlib import Path

import yaml

from lumbar import model
from lumbar.bench import ROOT
from lumbar.bench.synth_items import (
    _condition,
    _dump,
    _exercise,
    _guidelines,
    _real_loads,
    _routine,
    _shared_ids,
    _supine_guidance,
    _templates,
)
from lumbar.bench.synth_words import CONDITIONS_PER_EXERCISE, LYING, ROUTINES_PER_EXERCISE


def sizes(n: int) -> tuple[int, int, int]:
    """Exercises, routines and conditions for a handbook of n exercises."""
    return n, max(1, round(n * ROUTINES_PER_EXERCISE)), max(1, round(n * CONDITIONS_PER_EXERCISE))


def _ids(real_ids: list[str], taken: set[str], count: int, make) -> list[str]:
    """`count` new ids: the real ids not taken yet first (the shared lists may name them), then made ones."""
    out = [i for i in real_ids if i not in taken][:count]
    k = 0
    while len(out) < count:
        k += 1
        candidate = make(k)
        if candidate not in taken and candidate not in out and candidate not in real_ids:
            out.append(candidate)
    return out


def generate(out: Path, n: int, real: Path = ROOT / "data", seed: int = 0, include_real: bool | None = None) -> dict:
    """Write a data folder of about n exercises to `out`. Returns the counts written.

    Routines and conditions come in proportion (N/5, N/50), and never fewer than the real data has,
    since the shared lists may name real items by id. With include_real (the default when the real data
    loads cleanly), the real items are copied as they are and the synthetic ones fill up to the counts;
    otherwise the synthetic items take the real ids first."""
    rng = random.Random(seed)
    real, out = Path(real), Path(out)
    if out.exists():
        shutil.rmtree(out)
    for kind in model.KINDS:
        (out / kind).mkdir(parents=True)
    for path in sorted(real.iterdir()):  # the shared lists and any README, as they are
        if path.is_file() and path.name != "published-ids.yaml":  # synthetic ids are not published
            shutil.copy2(path, out / path.name)
    lists = _shared_ids(real)
    if not lists.sources or not lists.positions:
        raise SystemExit(f"synth: the shared lists in {real} do not load: run `python -m lumbar check`")
    templates = _templates(real, "exercises")
    if not templates:
        raise SystemExit(f"synth: no exercise in {real}/exercises loads: run `python -m lumbar check`")
    real_ids = {kind: sorted(p.stem for p in (real / kind).glob("*.yaml")) for kind in model.KINDS}
    n_ex, n_rt, n_cd = sizes(n)
    n_rt, n_cd = max(n_rt, len(real_ids["routines"])), max(n_cd, len(real_ids["conditions"]))
    if include_real is None:
        include_real = len(real_ids["exercises"]) <= n_ex and _real_loads(real)
    taken: dict[str, set[str]] = {kind: set() for kind in model.KINDS}
    if include_real:
        for kind in model.KINDS:
            for item_id in real_ids[kind]:
                shutil.copy2(real / kind / f"{item_id}.yaml", out / kind / f"{item_id}.yaml")
                taken[kind].add(item_id)
    reviewed = "2026-11-25"

    names = sorted(templates)
    # Made ids put variants of different exercises next to each other ("v001-bird-dog", "v001-cat"),
    # as real pages in id order are: gzip then finds no more repetition in the index than it would.
    exercise_ids = _ids(
        real_ids["exercises"],
        taken["exercises"],
        n_ex - len(taken["exercises"]),
        lambda k: f"v{(k - 1) // len(names) + 1:03d}-{names[(k - 1) % len(names)]}",
    )
    one_sided = {e for e in taken["exercises"] if templates.get(e, {}).get("sides")}
    lying = {e for e in taken["exercises"] if templates.get(e, {}).get("position") in LYING}
    for i, ex_id in enumerate(exercise_ids):
        made = re.fullmatch(r"v(\d+)-(.+)", ex_id)
        base = made.group(2) if made and made.group(2) in templates else ex_id if ex_id in templates else names[0]
        if templates[base].get("sides"):
            one_sided.add(ex_id)
        if templates[base].get("position") in LYING:
            lying.add(ex_id)
        number = int(made.group(1)) if made else i // len(names) + 1
        _dump(_exercise(rng, templates[base], number, lists), out / "exercises" / f"{ex_id}.yaml")
    if not exercise_ids:  # only real exercises: routines use them
        exercise_ids = sorted(taken["exercises"])

    routine_ids = _ids(real_ids["routines"], taken["routines"], n_rt - len(taken["routines"]), lambda k: f"routine-{k}")
    patterns_of = functools.cache(
        lambda ex_id: set(
            yaml.safe_load((out / "exercises" / f"{ex_id}.yaml").read_text("utf-8")).get("patterns") or []
        )
    )
    routine_exercises = {}
    supine = _supine_guidance(real)
    for i, rt_id in enumerate(routine_ids):
        routine = _routine(rng, i + 1, exercise_ids, lists, reviewed, one_sided, lying, supine)
        harmful = [it for it in routine["items"] if patterns_of(it["exercise"])]
        if harmful:  # a routine that prescribes a harmful movement opens with a verdict (reader_checks.verdicts)
            routine["verdict"] = (
                f"{len(harmful)} of its {len(routine['items'])} rows match movements the article calls harmful: while "
                "your back hurts, leave them out, keep active, and ask a physiotherapist first."
            )
        _dump(routine, out / "routines" / f"{rt_id}.yaml")
        routine_exercises[rt_id] = {it["exercise"] for it in routine["items"]}
    condition_ids = _ids(
        real_ids["conditions"], taken["conditions"], n_cd - len(taken["conditions"]), lambda k: f"condition-{k}"
    )
    made_conditions: list[str] = []
    linked: set[str] = set()
    for i, cd_id in enumerate(condition_ids):
        cond = _condition(rng, i + 1, routine_ids, routine_exercises, exercise_ids, lists, reviewed, patterns_of)
        _dump(cond, out / "conditions" / f"{cd_id}.yaml")
        made_conditions.append(cd_id)
        linked.update(r for r in cond.get("routines", []) if r not in linked)
    _guidelines(real, out, made_conditions, sorted(linked), include_real)
    return {kind: len(list((out / kind).glob("*.yaml"))) for kind in model.KINDS}


def _link_or_copy(src: Path, dest: Path) -> None:
    try:
        os.symlink(src, dest, target_is_directory=src.is_dir())
    except OSError:  # pragma: no cover - no symlinks on this file system
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest)


def make_project(dest: Path, n: int, seed: int = 0, real_root: Path = ROOT) -> dict:
    """A whole synthetic handbook project at `dest`: mkdocs.yml and docs/ copied, lumbar/ and
    overrides/ linked to the real ones, data/ generated. Returns the counts written."""
    dest = Path(dest)
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shutil.copy2(real_root / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(real_root / "docs", dest / "docs")
    for name in ("lumbar", "overrides", "macros.py"):  # macros.py: the page functions mkdocs.yml's plugin runs
        _link_or_copy(real_root / name, dest / name)
    return generate(dest / "data", n, real_root / "data", seed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("exercises", type=int, help="how many exercises")
    parser.add_argument("dest", type=Path, help="where to write the project (or the data folder, with --data-only)")
    parser.add_argument("--data-only", action="store_true", help="write only a data folder")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if args.data_only:
        counts = generate(args.dest, args.exercises, seed=args.seed)
    else:
        counts = make_project(args.dest, args.exercises, seed=args.seed)
    print(", ".join(f"{v} {k}" for k, v in counts.items()), "in", args.dest)
    return 0
