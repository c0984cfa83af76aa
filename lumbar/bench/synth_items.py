"""One synthetic exercise, routine or condition, a variant of a real one."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from lumbar import model
from lumbar.bench.synth_words import (
    _ADVICE,
    _CONDITIONS,
    _FOCUS,
    _GOALS,
    _SYNONYMS,
    _VARIANTS,
    _WHO,
    _WHY,
    DOCTOR_FIRST,
    ITEMS_PER_ROUTINE,
)
from lumbar.loader import DataError, Problem, read
from lumbar.problems import validate

try:
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as _Dumper


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
    for file_name in (
        "positions.yaml",
        "equipment.yaml",
        "harmful-patterns.yaml",
        "sources.yaml",
        "contraindications.yaml",
    ):
        attr = key = model.list_field(file_name)
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
    patterns_of=lambda ex_id: set(),
) -> dict:
    """A condition; the patterns it avoids are none its own routines' exercises have (a routine whose items match
    what its condition avoids needs a verdict: reader_checks.verdicts)."""
    goal = rng.random() < 0.2
    base = rng.choice(_GOALS if goal else _CONDITIONS)
    routines = rng.sample(routine_ids, min(len(routine_ids), rng.randint(1, 4)))
    used = set().union(*(routine_exercises[r] for r in routines)) if routines else set()
    free = [e for e in exercise_ids if e not in used]
    avoid = rng.sample(free, min(len(free), rng.randint(0, 3)))
    others = [e for e in exercise_ids if e not in avoid]
    caution = rng.sample(others, min(len(others), rng.randint(0, 3)))
    allowed = [p for p in lists.patterns if not any(p in patterns_of(e) for e in used)]
    cond = {
        "title": f"{base} {number}",
        "kind": "goal" if goal else "condition",
        "summary": f"{base}: what it is, the routines that suit it and the exercises to avoid.",
        "synonyms": rng.sample(_SYNONYMS, rng.randint(2, 6)),
        "misspellings": [f"{base.lower()[:-1]} {number}"] if rng.random() < 0.5 else [],
        "routines": routines,
        "avoid": [{"exercise": e, "why": rng.choice(_WHY)} for e in avoid],
        "caution": [{"exercise": e, "why": rng.choice(_WHY)} for e in caution],
        "avoid_patterns": rng.sample(allowed, min(len(allowed), rng.randint(0, 2))),
        "warnings": [rng.choice(_ADVICE)] if rng.random() < 0.7 else [],
        "see_a_doctor": ["The pain spreads into a leg, or comes with numbness."] if rng.random() < 0.5 else [],
        "sources": rng.sample(lists.sources, min(len(lists.sources), rng.randint(1, 2))),
        "reviewed": reviewed,
    }
    return {k: v for k, v in cond.items() if v != []}
