"""Checks that keep links working: easier/harder variants form a clean graph, published ids never vanish."""

from __future__ import annotations

from lumbar.handbook import Handbook
from lumbar.loader import Problem
from lumbar.problems import did_you_mean

BACK = {"easier": "harder", "harder": "easier"}


def variants(hb: Handbook) -> list[Problem]:
    """easier/harder name exercises that exist, not the exercise itself, stated from both ends, with no cycle."""
    problems: list[Problem] = []
    broken = {item_id for (kind, item_id) in hb.files if kind == "exercises"} - set(hb.exercises)
    for ex_id, ex in hb.exercises.items():
        for field, back in BACK.items():
            for i, other in enumerate(getattr(ex, field)):
                where = (field, i)
                if other in broken:
                    continue  # a file that failed to load is reported once, by itself
                if other == ex_id:
                    problems.append(
                        hb.problem("exercises", ex_id, where, f"'{field}' names the exercise itself: remove it")
                    )
                elif other not in hb.exercises:
                    problems.append(
                        hb.problem(
                            "exercises",
                            ex_id,
                            where,
                            f"'{field}': unknown exercise '{other}'{did_you_mean(other, hb.exercises)}",
                        )
                    )
                elif ex_id not in getattr(hb.exercises[other], back):
                    problems.append(
                        hb.problem(
                            "exercises",
                            ex_id,
                            where,
                            f"'{field}' names '{other}', but data/exercises/{other}.yaml does not name '{ex_id}' under "
                            f"'{back}': add '{ex_id}' there (each pair is stated from both ends)",
                        )
                    )
    # A cycle in "harder" (a harder than b harder than a) makes no sense: depth-first search.
    state: dict[str, str] = {}

    def visit(ex_id: str, path: list[str]) -> None:
        state[ex_id] = "open"
        for i, nxt in enumerate(hb.exercises[ex_id].harder):
            if nxt not in hb.exercises or nxt == ex_id:
                continue
            if state.get(nxt) == "open":
                loop = path[path.index(nxt) :] + [ex_id, nxt] if nxt in path else [ex_id, nxt]
                problems.append(
                    hb.problem(
                        "exercises",
                        ex_id,
                        ("harder", i),
                        f"'harder' makes a cycle: {' < '.join(loop)}: remove one of them",
                    )
                )
            elif nxt not in state:
                visit(nxt, path + [ex_id])
        state[ex_id] = "done"

    for ex_id in hb.exercises:
        if ex_id not in state:
            visit(ex_id, [])
    return problems


def published(hb: Handbook) -> list[Problem]:
    """Every published id is still here (an exercise's may live on as an alias). That every id of the real data
    is published is a test (tests/test_builder.py): test data sets add items of their own."""
    problems: list[Problem] = []
    owner: dict[str, str] = {}
    for ex_id, ex in hb.exercises.items():
        for i, alias in enumerate(ex.aliases):
            if alias in hb.exercises or ("exercises", alias) in hb.files:
                problems.append(
                    hb.problem(
                        "exercises", ex_id, ("aliases", i), f"alias '{alias}' is the id of an exercise: remove it"
                    )
                )
            elif alias in owner:
                problems.append(
                    hb.problem(
                        "exercises",
                        ex_id,
                        ("aliases", i),
                        f"alias '{alias}' is already an alias of '{owner[alias]}': keep one",
                    )
                )
            owner.setdefault(alias, ex_id)
    ids = hb.shared.get("published-ids.yaml")
    if ids is None:
        return problems
    doc = hb.docs[("shared", "published-ids.yaml")]
    for kind in ("exercises", "routines", "conditions"):
        listed = getattr(ids, kind)
        current = {item_id for (k, item_id) in hb.files if k == kind}
        # Links name an id by its position: a second copy makes a position ambiguous (the list is append-only).
        first: dict[str, int] = {}
        for i, item_id in enumerate(listed):
            if item_id in first:
                problems.append(
                    Problem(
                        doc.path,
                        doc.line((kind, i)),
                        f"{kind[:-1]} id '{item_id}' is listed twice (positions {first[item_id] + 1} and {i + 1}): "
                        "if you just added this line at the end, remove it; never remove or move an earlier line "
                        "(links name ids by their position)",
                    )
                )
            first.setdefault(item_id, i)
        for i, item_id in enumerate(listed):
            if item_id in current or (kind == "exercises" and item_id in owner):
                continue
            hint = (
                f"add 'aliases: [{item_id}]' to the exercise that replaces it, so old links and printed QR codes still open"
                if kind == "exercises"
                else "restore it: a published id is never removed"
            )
            problems.append(
                Problem(doc.path, doc.line((kind, i)), f"published {kind[:-1]} id '{item_id}' has disappeared: {hint}")
            )
    return problems
