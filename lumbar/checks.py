"""Checks across files: every id resolves, and the data never recommends what it warns against unseen."""

from __future__ import annotations

from lumbar.handbook import Handbook
from lumbar.loader import Problem
from lumbar.model import list_field
from lumbar.problems import did_you_mean


def check(hb: Handbook) -> list[Problem]:
    from lumbar.guidelines import check_guidelines
    from lumbar.links_check import published, variants
    from lumbar.reader_checks import readers
    from lumbar.safety_checks import safety

    return (
        references(hb)
        + medical(hb)
        + poses(hb)
        + key_steps(hb)
        + safety(hb)
        + readers(hb)
        + check_guidelines(hb)
        + variants(hb)
        + published(hb)
    )


def poses(hb: Handbook) -> list[Problem]:
    """Every drawing is a pose a body can take: joints in range, nothing through the floor, supported."""
    from lumbar.figures import validate_figures

    return [
        hb.problem("exercises", ex_id, ("figures", *loc), f"'figures.{'.'.join(map(str, loc))}': {message}")
        for ex_id, ex in hb.exercises.items()
        if ex.figures is not None
        for loc, message in validate_figures(ex.figures)
    ]


def key_steps(hb: Handbook) -> list[Problem]:
    """Each exercise names the step that is its movement: the printed sheet always prints that one."""
    return [
        hb.problem(
            "exercises",
            ex_id,
            ("key_step",),
            f"'key_step' is {ex.key_step}, but '{ex_id}' has {len(ex.steps)} steps: write the number (1 to "
            f"{len(ex.steps)}) of the step that says what moves; the printed sheet always prints that step",
        )
        for ex_id, ex in hb.exercises.items()
        if ex.key_step > len(ex.steps)
    ]


def _known(hb: Handbook, kind: str) -> set[str]:
    """Ids of a kind whose file exists, valid or not (a broken file is reported once, by itself)."""
    return {item_id for (k, item_id) in hb.files if k == kind}


def references(hb: Handbook) -> list[Problem]:
    problems: list[Problem] = []
    files = ("sources.yaml", "harmful-patterns.yaml", "contraindications.yaml", "equipment.yaml", "positions.yaml")
    shared = {list_field(f): f for f in files}
    lists = {name: set(hb.entries(f.removesuffix(".yaml"))) if f in hb.shared else None for name, f in shared.items()}
    known = {kind: _known(hb, kind) for kind in ("exercises", "routines", "conditions")}

    def ref(kind: str, item_id: str, loc: tuple, value: str, target: str, label: str):
        ids = known[target] if target in known else lists[target]
        if ids is None or value in ids:
            return
        where = f"data/{target}/" if target in known else f"data/{shared[target]}"
        problems.append(
            hb.problem(
                kind, item_id, loc, f"unknown {label} '{value}'{did_you_mean(value, ids)} (ids come from {where})"
            )
        )

    for kind in ("exercises", "routines", "conditions"):
        for item_id, item in hb.kind(kind).items():
            for i, s in enumerate(item.sources):
                ref(kind, item_id, ("sources", i), s, "sources", "source")
            for i, note in enumerate(item.notes):
                if note.pattern:
                    ref(kind, item_id, ("notes", i, "pattern"), note.pattern, "patterns", "harmful pattern")
    for ex_id, ex in hb.exercises.items():
        ref("exercises", ex_id, ("position",), ex.position, "positions", "position")
        for i, e in enumerate(ex.equipment):
            ref("exercises", ex_id, ("equipment", i), e, "equipment", "equipment")
        for i, e in enumerate(ex.optional_equipment):
            ref("exercises", ex_id, ("optional_equipment", i), e, "equipment", "equipment")
        for i, p in enumerate(ex.patterns):
            ref("exercises", ex_id, ("patterns", i), p, "patterns", "harmful pattern")
    for r_id, r in hb.routines.items():
        for i, item in enumerate(r.items):
            ref("routines", r_id, ("items", i, "exercise"), item.exercise, "exercises", "exercise")
            for j, note in enumerate(item.editorial):
                if note.pattern:
                    ref(
                        "routines",
                        r_id,
                        ("items", i, "editorial", j, "pattern"),
                        note.pattern,
                        "patterns",
                        "harmful pattern",
                    )
        for i, c in enumerate(r.contraindications):
            ref("routines", r_id, ("contraindications", i), c, "contraindications", "contraindication")
    for c_id, c in hb.conditions.items():
        for i, r in enumerate(c.routines):
            ref("conditions", c_id, ("routines", i), r, "routines", "routine")
        for group in ("avoid", "caution"):
            for i, e in enumerate(getattr(c, group)):
                ref("conditions", c_id, (group, i, "exercise"), e.exercise, "exercises", "exercise")
        for i, p in enumerate(c.avoid_patterns):
            ref("conditions", c_id, ("avoid_patterns", i), p, "patterns", "harmful pattern")
    # Shared lists: unique ids, and the sources and routines their entries name.
    for name in sorted(hb.shared):
        doc = hb.docs[("shared", name)]
        for field_name, entries in doc.value.items():
            seen: dict[str, int] = {}
            for i, entry in enumerate(entries if isinstance(entries, list) else []):
                if not isinstance(entry, dict):
                    continue
                if "id" in entry:
                    line = doc.line((field_name, i, "id"))
                    if entry["id"] in seen:
                        problems.append(
                            Problem(
                                doc.path,
                                line,
                                f"duplicate id '{entry['id']}' (first at line {seen[entry['id']]}): ids must be unique",
                            )
                        )
                    seen.setdefault(entry["id"], line)
                for key, ids, label in (
                    ("sources", lists["sources"], "source"),
                    ("routines", known["routines"], "routine"),
                ):
                    for j, value in enumerate(entry.get(key) or [] if name != "sources.yaml" else []):
                        if ids is not None and value not in ids:
                            problems.append(
                                Problem(
                                    doc.path,
                                    doc.line((field_name, i, key, j)),
                                    f"unknown {label} '{value}'{did_you_mean(value, ids)}",
                                )
                            )
    return problems


def medical(hb: Handbook) -> list[Problem]:
    """Recommend nothing the data also warns against without a visible editorial note."""
    problems: list[Problem] = []
    patterns = hb.patterns if "harmful-patterns.yaml" in hb.shared else {}
    for ex_id, ex in hb.exercises.items():
        using = hb.routines_using(ex_id)
        if not using:
            continue
        answered = {n.pattern for n in ex.notes if n.pattern}
        for i, p in enumerate(ex.patterns):
            unanswered = [
                r
                for r in using
                if p not in answered
                and not any(
                    n.pattern == p for item in hb.routines[r].items if item.exercise == ex_id for n in item.editorial
                )
            ]
            if unanswered:
                title = patterns[p].title if p in patterns else p
                problems.append(
                    hb.problem(
                        "exercises",
                        ex_id,
                        ("patterns", i),
                        f"'{ex_id}' matches the harmful pattern '{p}' ({title}) but is recommended in "
                        f"{', '.join(unanswered)} with no editorial note about it: add under notes: "
                        f"'- kind: conflict', 'pattern: {p}', and a text that tells the reader what to do",
                    )
                )
    for c_id, c in hb.conditions.items():
        avoided = {e.exercise: i for i, e in enumerate(c.avoid)}
        for r_id in c.routines:
            routine = hb.routines.get(r_id)
            if routine is None:
                continue
            for item in routine.items:
                if item.exercise in avoided:
                    problems.append(
                        hb.problem(
                            "conditions",
                            c_id,
                            ("avoid", avoided[item.exercise], "exercise"),
                            f"'{c_id}' says to avoid '{item.exercise}', yet its routine '{r_id}' contains it: "
                            f"move it to 'caution' with a reason, or remove '{r_id}' from its routines",
                        )
                    )
            for item in routine.items:
                ex = hb.exercises.get(item.exercise)
                if ex is None:
                    continue
                for p in set(ex.patterns) & set(c.avoid_patterns):
                    if not any(n.pattern == p for n in ex.notes + list(item.editorial)):
                        problems.append(
                            hb.problem(
                                "conditions",
                                c_id,
                                ("avoid_patterns", c.avoid_patterns.index(p)),
                                f"'{c_id}' avoids the pattern '{p}', yet '{item.exercise}' in its routine '{r_id}' "
                                f"matches it with no editorial note",
                            )
                        )
    return problems
