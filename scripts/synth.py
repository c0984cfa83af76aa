#!/usr/bin/env python3
"""Synthetic handbooks of any size, the same shape as the real data, for the benchmark.

    python scripts/synth.py 1000 /tmp/hb1000          # a whole project: mkdocs.yml, docs/, data/
    python scripts/synth.py 1000 /tmp/data --data-only

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
import os
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from lumbar import model  # noqa: E402
from lumbar.loader import DataError, Problem, read  # noqa: E402
from lumbar.problems import validate  # noqa: E402

try:
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as _Dumper

ROUTINES_PER_EXERCISE = 1 / 5
CONDITIONS_PER_EXERCISE = 1 / 50
ITEMS_PER_ROUTINE = (5, 10)
DOCTOR_FIRST = "back-pain-without-doctor"  # the article's rule every routine for a condition carries
LYING = ("prone", "supine")  # positions the pregnancy check asks a note for

_VARIANTS = [
    "slow tempo",
    "with a pause",
    "short range",
    "on a soft mat",
    "gentle",
    "morning",
    "evening",
    "with a towel",
    "assisted",
    "wide stance",
    "narrow stance",
    "small steps",
    "long hold",
    "beginner",
    "step two",
    "step three",
    "at the wall",
    "with support",
    "half range",
    "easy",
]
_FOCUS = [
    "the lower back",
    "the deep belly muscles",
    "the buttocks",
    "the hips",
    "posture",
    "flexibility",
    "a stiff back",
    "the morning",
    "desk workers",
    "after walking",
    "before sleep",
    "gentle strength",
]
_WHO = [
    "Beginners with a stiff lower back.",
    "People who sit most of the day.",
    "Anyone whose doctor has cleared them for gentle exercise.",
    "People recovering from a flare-up.",
    "Older adults who want to keep moving.",
    "People with mild, recurring lower back pain.",
]
_ADVICE = [
    "Do not push through pain.",
    "Warm up for a few minutes first.",
    "Move slowly and breathe evenly.",
    "Rest for a minute between exercises.",
    "Stop and rest if anything hurts.",
    "Do the routine on a firm, even surface.",
]
_CONDITIONS = [
    "Low back pain",
    "Sciatica",
    "Herniated disc",
    "Disc bulge",
    "Osteochondrosis",
    "Lumbar stenosis",
    "Spondylolisthesis",
    "Pregnancy back pain",
    "Stiff back",
    "Muscle spasm",
    "Pinched nerve",
    "Sacroiliac pain",
    "Facet joint pain",
    "Scoliosis",
    "Flat back",
]
_GOALS = ["Flexibility", "Posture", "Core strength", "Mobility", "Balance", "Endurance"]
_SYNONYMS = [
    "Lumbago",
    "Backache",
    "Sore back",
    "Lumbar pain",
    "LBP",
    "Bad back",
    "Back strain",
    "Slipped disc",
    "Nerve pain",
    "Tight back",
    "Lumbar syndrome",
    "Back trouble",
]
_WHY = [
    "It loads the lower back when it is already sore.",
    "It may press on the irritated nerve.",
    "It bends the spine further than is comfortable for many people with it.",
    "Do it only a little way, and stop if it hurts.",
    "Keep the range small at first.",
]


@dataclass
class Lists:
    """The ids of the shared lists, read from the real data."""

    positions: list[str] = field(default_factory=list)
    equipment: list[str] = field(default_factory=list)
    patterns: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    contraindications: list[str] = field(default_factory=list)


def _dump(value: dict, path: Path) -> None:
    text = yaml.dump(value, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=False)
    path.write_text(text, encoding="utf-8")


def _shared_ids(real: Path) -> Lists:
    lists = Lists()
    for file_name, attr, key in (
        ("positions.yaml", "positions", "positions"),
        ("equipment.yaml", "equipment", "equipment"),
        ("harmful-patterns.yaml", "patterns", "patterns"),
        ("sources.yaml", "sources", "sources"),
        ("contraindications.yaml", "contraindications", "contraindications"),
    ):
        path = real / file_name
        if not path.exists():
            continue
        try:
            doc = read(path, real)
        except DataError:
            continue
        item = validate(doc, model.SHARED[file_name], [])
        if item is not None:
            setattr(lists, attr, [e.id for e in getattr(item, key)])
    return lists


def _templates(real: Path, kind: str) -> dict[str, dict]:
    """The real items of a kind that load and validate on their own, as plain values."""
    out = {}
    for path in sorted((real / kind).glob("*.yaml")):
        try:
            doc = read(path, real)
        except DataError:
            continue
        problems: list[Problem] = []
        if validate(doc, model.KINDS[kind], problems) is not None:
            out[path.stem] = doc.value
    return out


def _real_loads(real: Path) -> bool:
    from lumbar.load import load_handbook

    try:
        load_handbook(real)
    except DataError:
        return False
    return True


def _count(rng: random.Random):
    roll = rng.random()
    if roll < 0.5:
        return rng.randint(5, 30)
    if roll < 0.8:
        low = rng.randint(5, 15)
        return f"{low}-{low + rng.choice((5, 10, 15))}"
    return f"up to {rng.randint(10, 30)}"


def _exercise(rng: random.Random, template: dict, number: int, lists: Lists) -> dict:
    """A variant of a real exercise: its text, references checked against the shared lists."""
    ex = dict(template)  # figures (pose data for the drawings) included, as the real ones have them
    for key in ("easier", "harder", "aliases"):  # they name real ids, each pair from both ends
        ex.pop(key, None)
    ex["title"] = f"{template['title']}, {rng.choice(_VARIANTS)} {number}"
    if ex.get("other_names"):
        ex["other_names"] = [f"{n} {number}" for n in ex["other_names"]]
    if ex.get("position") not in lists.positions and lists.positions:
        ex["position"] = rng.choice(lists.positions)
    ex["equipment"] = [e for e in ex.get("equipment", []) if e in lists.equipment]
    ex["sources"] = [s for s in ex.get("sources", []) if s in lists.sources] or lists.sources[:1]
    patterns = [p for p in ex.get("patterns", []) if p in lists.patterns]
    notes = [n for n in ex.get("notes", []) if not n.get("pattern") or n["pattern"] in patterns]
    answered = {n.get("pattern") for n in notes}
    for p in patterns:  # every pattern answered, so any routine may use it
        if p not in answered:
            notes.append(
                {
                    "kind": "conflict",
                    "pattern": p,
                    "text": "The source recommends this exercise, yet also "
                    "names the movement as harmful. Ask a physiotherapist whether it suits you.",
                }
            )
    ex["patterns"], ex["notes"] = patterns, notes
    if rng.random() < 0.3 and len(ex.get("steps", [])) > 1:  # vary the text a little
        steps = list(ex["steps"])
        steps.insert(rng.randrange(len(steps)), "Pause for a breath before you go on.")
        ex["steps"] = steps
    for empty in [k for k, v in ex.items() if v in ([], None)]:
        del ex[empty]
    return ex


def _routine(
    rng: random.Random,
    number: int,
    exercise_ids: list[str],
    lists: Lists,
    reviewed: str,
    one_sided: set[str],
    lying: set[str],
    supine_guidance: str | None = None,
) -> dict:
    count = min(rng.randint(*ITEMS_PER_ROUTINE), len(exercise_ids))
    items = []
    for n, ex_id in enumerate(rng.sample(exercise_ids, count), 1):
        item: dict = {"exercise": ex_id, "source_item": n, "reps": _count(rng)}
        if rng.random() < 0.4:
            item["sets"] = rng.randint(2, 4)
        if rng.random() < 0.3:
            item["hold_seconds"] = rng.choice((5, 10, 15, 30, 60))
        if rng.random() < 0.2:
            item["rest_seconds"] = rng.choice((30, 60, 120, 180))
        if rng.random() < 0.3 or ex_id in one_sided:  # steps that say "the other side" need it (checks.safety)
            item["per_side"] = True
        if rng.random() < 0.15:
            item["source_wording"] = f"Do {item['reps']} approaches."
        if rng.random() < 0.1:
            item["notes"] = [rng.choice(_ADVICE)]
        if ex_id in lying:  # any routine may be a synthetic pregnancy condition's (checks.safety)
            note = {"kind": "clarification", "text": "In pregnancy, ask your midwife or doctor first."}
            if supine_guidance:  # lying on the back: a printed note citing the guidance on it
                note.update(guideline=supine_guidance, sheet="In pregnancy, ask your midwife first.")
            item["editorial"] = [note]
        items.append(item)
    focus = rng.choice(_FOCUS)
    routine = {
        "title": f"Routine {number} for {focus}",
        "summary": f"{len(items)} exercises for {focus}, done slowly and without pain.",
        "for_whom": rng.choice(_WHO),
        "advice": rng.sample(_ADVICE, rng.randint(1, 3)),
        "items": items,
        "contraindications": _contraindications(rng, lists),
        "sources": rng.sample(lists.sources, min(len(lists.sources), rng.randint(1, 2))),
        "reviewed": reviewed,
    }
    if rng.random() < 0.3:
        routine["repeat"] = "Up to twice in a row."
    if rng.random() < 0.3:
        routine["cautions"] = [rng.choice(_ADVICE)]
    if rng.random() < 0.2:
        routine["stop_rules"] = ["Stop if the pain spreads into the leg."]
    return {k: v for k, v in routine.items() if v != []}


def _contraindications(rng: random.Random, lists: Lists) -> list[str]:
    """A few, always with the article's see-a-doctor-first rule where the lists have it (checks.safety)."""
    chosen = rng.sample(lists.contraindications, min(len(lists.contraindications), rng.randint(1, 3)))
    if DOCTOR_FIRST in lists.contraindications and DOCTOR_FIRST not in chosen:
        chosen.append(DOCTOR_FIRST)
    return chosen


def _supine_guidance(real: Path) -> str | None:
    """The statement of data/guidelines.yaml that gives pregnancy guidance on lying on the back, if any."""
    path = real / "guidelines.yaml"
    statements = (yaml.safe_load(path.read_text()) or {}).get("statements") or [] if path.exists() else []
    return next((s["id"] for s in statements if "supine" in (s.get("pregnancy_positions") or [])), None)


def _guidelines(real: Path, out: Path, conditions: list[str], routines: list[str], keep_real: bool) -> None:
    """The real guidelines, their first two statements also for every synthetic condition and linked routine.

    Without the real items, the statements' own lists and departures (told by real notes) are left out."""
    path = real / "guidelines.yaml"
    if not path.exists():
        return
    doc = yaml.safe_load(path.read_text()) or {}
    statements = doc.get("statements") or []
    for statement in statements:
        if not keep_real:
            statement.pop("departure", None)
            statement["conditions"], statement["routines"] = [], []
    for statement in statements[:2]:
        statement["conditions"] = [*statement.get("conditions", []), *conditions]
        statement["routines"] = [*statement.get("routines", []), *routines]
    _dump(doc, out / "guidelines.yaml")


def _condition(
    rng: random.Random,
    number: int,
    routine_ids: list[str],
    routine_exercises: dict[str, set[str]],
    exercise_ids: list[str],
    lists: Lists,
    reviewed: str,
) -> dict:
    goal = rng.random() < 0.2
    base = rng.choice(_GOALS if goal else _CONDITIONS)
    routines = rng.sample(routine_ids, min(len(routine_ids), rng.randint(1, 4)))
    used = set().union(*(routine_exercises[r] for r in routines)) if routines else set()
    free = [e for e in exercise_ids if e not in used]
    avoid = rng.sample(free, min(len(free), rng.randint(0, 3)))
    others = [e for e in exercise_ids if e not in avoid]
    caution = rng.sample(others, min(len(others), rng.randint(0, 3)))
    cond = {
        "title": f"{base} {number}",
        "kind": "goal" if goal else "condition",
        "summary": f"{base}: what it is, the routines that suit it and the exercises to avoid.",
        "synonyms": rng.sample(_SYNONYMS, rng.randint(2, 6)),
        "misspellings": [f"{base.lower()[:-1]} {number}"] if rng.random() < 0.5 else [],
        "routines": routines,
        "avoid": [{"exercise": e, "why": rng.choice(_WHY)} for e in avoid],
        "caution": [{"exercise": e, "why": rng.choice(_WHY)} for e in caution],
        "avoid_patterns": rng.sample(lists.patterns, min(len(lists.patterns), rng.randint(0, 2))),
        "warnings": [rng.choice(_ADVICE)] if rng.random() < 0.7 else [],
        "see_a_doctor": ["The pain spreads into a leg, or comes with numbness."] if rng.random() < 0.5 else [],
        "sources": rng.sample(lists.sources, min(len(lists.sources), rng.randint(1, 2))),
        "reviewed": reviewed,
    }
    return {k: v for k, v in cond.items() if v != []}


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
    routine_exercises = {}
    supine = _supine_guidance(real)
    for i, rt_id in enumerate(routine_ids):
        routine = _routine(rng, i + 1, exercise_ids, lists, reviewed, one_sided, lying, supine)
        _dump(routine, out / "routines" / f"{rt_id}.yaml")
        routine_exercises[rt_id] = {it["exercise"] for it in routine["items"]}
    condition_ids = _ids(
        real_ids["conditions"], taken["conditions"], n_cd - len(taken["conditions"]), lambda k: f"condition-{k}"
    )
    made_conditions: list[str] = []
    linked: set[str] = set()
    for i, cd_id in enumerate(condition_ids):
        cond = _condition(rng, i + 1, routine_ids, routine_exercises, exercise_ids, lists, reviewed)
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
    """A whole synthetic handbook project at `dest`: mkdocs.yml and docs/ copied, lumbar/, macros.py and
    overrides/ linked to the real ones, data/ generated. Returns the counts written."""
    dest = Path(dest)
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shutil.copy2(real_root / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(real_root / "docs", dest / "docs")
    for name in ("lumbar", "overrides"):
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


if __name__ == "__main__":
    sys.exit(main())
