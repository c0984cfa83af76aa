"""Checks for data/guidelines.yaml: every statement names a known guideline and items, every page gets
two to four statements, and every departure from a guideline is told to the reader in an editorial note."""

from __future__ import annotations

from lumbar.handbook import Handbook
from lumbar.loader import Problem
from lumbar.problems import did_you_mean

FILE = "guidelines.yaml"
PER_PAGE = (2, 4)


def _notes(hb: Handbook):
    """Every editorial note with where it sits: (kind, item id, loc, note)."""
    for kind in ("exercises", "routines", "conditions"):
        for item_id, item in hb.kind(kind).items():
            for i, note in enumerate(item.notes):
                yield kind, item_id, ("notes", i), note
    for r_id, r in hb.routines.items():
        for i, it in enumerate(r.items):
            for j, note in enumerate(it.editorial):
                yield "routines", r_id, ("items", i, "editorial", j), note


def check_guidelines(hb: Handbook) -> list[Problem]:
    if FILE not in hb.shared:
        return []
    doc = hb.docs[("shared", FILE)]
    problems: list[Problem] = []
    guidelines, statements = hb.guidelines, hb.statements
    known_conditions = {item_id for (k, item_id) in hb.files if k == "conditions"}

    for i, s in enumerate(hb.shared[FILE].statements):
        if s.guideline not in guidelines:
            problems.append(
                Problem(
                    doc.path,
                    doc.line(("statements", i, "guideline")),
                    f"statement '{s.id}' cites an unknown guideline '{s.guideline}'{did_you_mean(s.guideline, guidelines)} "
                    f"(guideline ids come from guidelines: in data/{FILE})",
                )
            )
        for j, c in enumerate(s.conditions):
            if c not in known_conditions:
                problems.append(
                    Problem(
                        doc.path,
                        doc.line(("statements", i, "conditions", j)),
                        f"unknown condition '{c}'{did_you_mean(c, known_conditions)} (ids come from data/conditions/)",
                    )
                )
        for j, pos in enumerate(s.pregnancy_positions):
            if pos not in hb.positions:
                problems.append(
                    Problem(
                        doc.path,
                        doc.line(("statements", i, "pregnancy_positions", j)),
                        f"unknown position '{pos}'{did_you_mean(pos, hb.positions)} (ids come from data/positions.yaml)",
                    )
                )

    cited: set[str] = set()
    for kind, item_id, loc, note in _notes(hb):
        if note.guideline is None:
            if note.kind == "guideline":
                problems.append(
                    hb.problem(
                        kind,
                        item_id,
                        (*loc, "kind"),
                        f"a note of kind guideline must say which statement it cites: add 'guideline:' "
                        f"with a statement id from data/{FILE}",
                    )
                )
            continue
        cited.add(note.guideline)
        if note.guideline not in statements:
            problems.append(
                hb.problem(
                    kind,
                    item_id,
                    (*loc, "guideline"),
                    f"unknown guideline statement '{note.guideline}'{did_you_mean(note.guideline, statements)} "
                    f"(statement ids come from statements: in data/{FILE})",
                )
            )

    for i, s in enumerate(hb.shared[FILE].statements):
        if s.departure and s.id not in cited:
            problems.append(
                Problem(
                    doc.path,
                    doc.line(("statements", i, "departure")),
                    f"statement '{s.id}' says the article departs from it, but no editorial note cites it: add a note "
                    f"'- kind: guideline', 'guideline: {s.id}' where the article departs",
                )
            )

    low, high = PER_PAGE
    linked = {rid for c in hb.conditions.values() for rid in c.routines}
    pages = [("conditions", cid) for cid in hb.conditions] + [("routines", rid) for rid in hb.routines if rid in linked]
    for kind, item_id in pages:
        n = len(hb.statements_for(kind, item_id))
        if not low <= n <= high:
            problems.append(
                hb.problem(
                    kind,
                    item_id,
                    ("title",),
                    f"'{item_id}' has {n} guideline statement(s); its page shows {low} to {high}: "
                    f"list it under '{kind}:' of the statements that apply in data/{FILE}",
                )
            )
    return problems
