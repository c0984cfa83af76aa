"""The handbook: everything under data/, validated and cross-checked (lumbar/load.py fills it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from lumbar import model
from lumbar.loader import Document, Problem

# avoided_rows: rows on the article's general harmful list (data/harmful-patterns.yaml) that no condition covers.
HARMFUL = "harmful-patterns"
SCHEMA_NAMES = {"exercises": "exercise", "routines": "routine", "conditions": "condition"}


@dataclass
class Handbook:
    """Everything under data/, validated and cross-checked."""

    root: Path
    exercises: dict[str, model.Exercise] = field(default_factory=dict)
    routines: dict[str, model.Routine] = field(default_factory=dict)
    conditions: dict[str, model.Condition] = field(default_factory=dict)
    shared: dict[str, BaseModel] = field(default_factory=dict)
    docs: dict[tuple[str, str], Document] = field(default_factory=dict)
    files: set[tuple[str, str]] = field(default_factory=set)  # every item file found, valid or not

    def kind(self, name: str) -> dict:
        return getattr(self, name)

    def where(self, kind: str, item_id: str, loc: tuple = ()) -> tuple[str, int]:
        doc = self.docs[(kind, item_id)]
        return doc.path, doc.line(loc)

    def problem(self, kind: str, item_id: str, loc: tuple, message: str) -> Problem:
        return Problem(*self.where(kind, item_id, loc), message)

    def source_path(self, kind: str, item_id: str) -> str:
        """The data file behind an item, relative to the repository."""
        return self.docs[(kind, item_id)].path

    # Shared lists, by id.
    def entries(self, name: str) -> dict[str, model.Entry]:
        shared = self.shared[name + ".yaml"]
        return {e.id: e for e in getattr(shared, model.list_field(name + ".yaml"))}

    @property
    def sources(self) -> dict[str, model.Source]:
        return self.entries("sources")

    @property
    def patterns(self) -> dict[str, model.Pattern]:
        return self.entries("harmful-patterns")

    @property
    def contraindications(self) -> dict[str, model.Contraindication]:
        return self.entries("contraindications")

    @property
    def equipment(self) -> dict[str, model.Entry]:
        return self.entries("equipment")

    @property
    def positions(self) -> dict[str, model.Entry]:
        return self.entries("positions")

    @property
    def safety(self) -> model.Safety:
        return self.shared["safety.yaml"]

    def stop_signs_for(self, routine_id: str = "", condition_id: str = "") -> list[model.Rule]:
        """The stop signs a routine's readers see: the general ones, the routine's own, and those for the conditions
        that recommend it (a sign for those readers drops the general ones it replaces). With condition_id: only the
        signs for that condition's readers. With neither: every sign (the safety page)."""
        signs = self.safety.stop_signs
        if condition_id:
            return [s for s in signs if condition_id in s.conditions]
        if not routine_id:
            return list(signs)
        readers = set(self.conditions_for_routine(routine_id))
        found = [
            s
            for s in signs
            if routine_id in s.routines or readers.intersection(s.conditions) or not (s.routines or s.conditions)
        ]
        replaced = {r for s in found for r in s.replaces}
        return [s for s in found if s.id not in replaced]

    def avoided_rows(self, routine_id: str) -> dict[str, list[int]]:
        """Rows (from 1) of the routine that the handbook warns against, by why: a condition id that recommends the
        routine and avoids a harmful pattern the row's exercise matches, or HARMFUL for a row on the article's
        general harmful list that no such condition covers (a goal routine has no avoid list). The verdict is about
        these. (A condition's own routine may not hold an exercise it avoids by name: checks.py.)"""
        found: dict[str, list[int]] = {}
        items = list(enumerate(self.routines[routine_id].items, 1))
        for cid in self.conditions_for_routine(routine_id):
            c = self.conditions[cid]
            avoid = set(c.avoid_patterns)
            for n, item in items:
                ex = self.exercises.get(item.exercise)
                if ex and avoid.intersection(ex.patterns):
                    found.setdefault(cid, []).append(n)
        covered = {n for rows in found.values() for n in rows}
        harmful = set(self.patterns) if "harmful-patterns.yaml" in self.shared else set()
        for n, item in items:
            ex = self.exercises.get(item.exercise)
            if ex and n not in covered and harmful.intersection(ex.patterns):
                found.setdefault(HARMFUL, []).append(n)
        return found

    def verdict_rows(self, routine_id: str) -> list[int]:
        """Every row the verdict is about, in order."""
        return sorted({n for rows in self.avoided_rows(routine_id).values() for n in rows})

    @property
    def guidelines(self) -> dict[str, model.Guideline]:
        return {g.id: g for g in self.shared["guidelines.yaml"].guidelines}

    @property
    def statements(self) -> dict[str, model.Statement]:
        return {s.id: s for s in self.shared["guidelines.yaml"].statements}

    def statements_for(self, kind: str, item_id: str) -> list[model.Statement]:
        """The guideline statements that apply to a condition or routine, in file order."""
        return [s for s in self.statements.values() if item_id in getattr(s, kind)]

    @property
    def article(self) -> dict:
        return self.shared["sources.yaml"].article

    # Relations the pages show. Every exercise page asks for them, so they are indexed once rather
    # than scanned per call (a scan made a build quadratic in the number of items). The index is made
    # again when the routines or conditions dict is replaced or changes size; after replacing an item
    # in place, call reindex().
    _relations: tuple | None = field(default=None, init=False, repr=False, compare=False)

    def reindex(self) -> None:
        self._relations = None

    def _index(self) -> tuple[dict, dict, dict]:
        key = (id(self.routines), len(self.routines), id(self.conditions), len(self.conditions))
        if self._relations is not None and self._relations[0] == key:
            return self._relations[1]
        using: dict[str, list[str]] = {}  # exercise -> routines using it, in routine order
        for rid, r in self.routines.items():
            for i in r.items:
                rids = using.setdefault(i.exercise, [])
                if not rids or rids[-1] != rid:
                    rids.append(rid)
        for_routine: dict[str, list[str]] = {}  # routine -> conditions listing it, in condition order
        by_exercise: dict[str, dict[str, list[str]]] = {}  # exercise -> group -> conditions
        for cid, c in self.conditions.items():
            for rid in c.routines:
                cids = for_routine.setdefault(rid, [])
                if not cids or cids[-1] != cid:
                    cids.append(cid)
            recommended = {i.exercise for rid in c.routines if rid in self.routines for i in self.routines[rid].items}
            # One word, one meaning (issue 23): an exercise matching a movement the condition avoids is "avoid" for
            # it everywhere (condition page, exercise page, routine verdict), even where its note says how to take care.
            patterns = set(c.avoid_patterns)
            matched = {e for e in recommended | {e.exercise for e in c.caution} if self._matches(e, patterns)}
            avoid = {e.exercise for e in c.avoid} | matched
            caution = {e.exercise for e in c.caution} - avoid
            for group, ids in (("avoid", avoid), ("caution", caution), ("recommended", recommended - avoid - caution)):
                for ex_id in ids:
                    by_exercise.setdefault(ex_id, {}).setdefault(group, []).append(cid)
        index = (using, for_routine, by_exercise)
        self._relations = (key, index)
        return index

    def _matches(self, exercise_id: str, patterns: set) -> bool:
        ex = self.exercises.get(exercise_id)
        return bool(ex and patterns.intersection(ex.patterns))

    def avoided_by_pattern(self, condition_id: str, exercise_id: str) -> list[str]:
        """The movements the condition avoids that the exercise matches (pattern ids, in the condition's order)."""
        ex = self.exercises.get(exercise_id)
        return [p for p in self.conditions[condition_id].avoid_patterns if ex and p in ex.patterns]

    def exercise_ids_avoided(self, condition_id: str) -> list[str]:
        """Exercises the condition avoids, by name or by a movement they match (sorted)."""
        return sorted(e for e, groups in self._index()[2].items() if condition_id in groups.get("avoid", ()))

    def routines_using(self, exercise_id: str) -> list[str]:
        return list(self._index()[0].get(exercise_id, ()))

    def conditions_for_routine(self, routine_id: str) -> list[str]:
        return list(self._index()[1].get(routine_id, ()))

    def exercise_conditions(self, exercise_id: str) -> dict[str, list[str]]:
        """Conditions for which an exercise is recommended, needs care, or is to be avoided."""
        groups = self._index()[2].get(exercise_id, {})
        return {group: list(groups.get(group, ())) for group in ("recommended", "caution", "avoid")}
