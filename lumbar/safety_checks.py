"""The safety rules the build enforces on routines: positions in pregnancy, dosage ranges, both sides, and the
article's "see a doctor first". Each failure names the file and line and says what note would answer it."""

from __future__ import annotations

import re

from lumbar.handbook import Handbook
from lumbar.loader import Problem

# The article's rule "if you have back pain, see a doctor before a therapeutic routine" (data/contraindications.yaml).
DOCTOR_FIRST = "back-pain-without-doctor"
# Sane dosage: (field, lowest, highest, what it is); above the highest, an editorial caveat must explain the figure.
RANGES = (("reps", 1, 30, "repetitions"), ("sets", 1, 5, "sets"))
MAX_REST = 300  # seconds
MAX_HOLD = 60  # seconds: longer only for a rest or relaxation position (exercise field relaxation: true)
OTHER_SIDE = re.compile(
    r"\b(other|opposite) (leg|arm|side|knee|foot|shoulder)s?\b|\beach side\b|\bchange (legs|sides|arms)\b"
    r"|\bthen the (right|left)\b|\bswitch (legs|sides)\b",
    re.IGNORECASE,
)


def _upper(count) -> int:
    """The upper bound of a count: 12, "10-30" (30), "up to 20" (20)."""
    return count if isinstance(count, int) else int(re.findall(r"\d+", count)[-1])


def _lower(count) -> int:
    return count if isinstance(count, int) else int(re.findall(r"\d+", count)[0]) if "up to" not in count else 1


def safety(hb: Handbook) -> list[Problem]:
    """The safety rules the build enforces on routines: pregnancy positions, dosage ranges, sides, doctor first."""
    return pregnancy_positions(hb) + dosage_ranges(hb) + each_side(hb) + doctor_first(hb)


def _for_pregnancy(hb: Handbook) -> dict[str, str]:
    """Routines recommended for pregnancy: by the condition of that id, or saying so in 'for_whom'."""
    found = {r: "condition 'pregnancy' recommends it" for r in getattr(hb.conditions.get("pregnancy"), "routines", [])}
    for r_id, r in hb.routines.items():
        if re.search(r"\bpregnan", r.for_whom, re.IGNORECASE):
            found.setdefault(r_id, "it is for pregnant women")
    return {r: why for r, why in found.items() if r in hb.routines}


def _pregnancy_guidance(hb: Handbook) -> dict[str, list[str]]:
    """Statement ids of data/guidelines.yaml by the start position they give pregnancy guidance on."""
    found: dict[str, list[str]] = {}
    for s in hb.statements.values() if "guidelines.yaml" in hb.shared else []:
        for position in s.pregnancy_positions:
            found.setdefault(position, []).append(s.id)
    return found


def pregnancy_positions(hb: Handbook) -> list[Problem]:
    """For pregnancy: nothing face down without a note about it; lying on the back carries a printed editorial note
    that cites the pregnancy guidance on lying on the back (a statement with pregnancy_positions: [supine])."""
    problems = []
    guidance = _pregnancy_guidance(hb)
    for r_id, why in sorted(_for_pregnancy(hb).items()):
        for i, item in enumerate(hb.routines[r_id].items):
            ex = hb.exercises.get(item.exercise)
            if ex is None or ex.position not in ("prone", "supine"):
                continue
            if ex.position == "supine":
                cited = guidance.get("supine", [])
                if any(n.guideline in cited and n.caveat for n in item.editorial):
                    continue
                what = "lies on the back (position 'supine'), with no printed note that cites the pregnancy guidance"
                todo = (
                    "add under editorial: '- kind: clarification', 'guideline: "
                    + (cited[0] if cited else "<statement id>")
                    + "', a text that tells a pregnant reader what that guidance says about lying on the back, "
                    "and a short 'sheet:' line so that it prints"
                    + (
                        ""
                        if cited
                        else " (data/guidelines.yaml has no statement with 'pregnancy_positions: [supine]': add one)"
                    )
                )
            else:
                notes = [n.text for n in item.editorial] + [n.text for n in ex.notes]
                if any(re.search(r"\bpregnan", t, re.IGNORECASE) for t in notes):
                    continue
                what = "lies face down (position 'prone'), with no note that mentions pregnancy"
                todo = "remove it, or add an editorial note on this item that tells a pregnant reader what to do"
            problems.append(
                hb.problem(
                    "routines",
                    r_id,
                    ("items", i, "exercise"),
                    f"'{item.exercise}' in '{r_id}' ({why}) {what}: {todo}",
                )
            )
    return problems


def dosage_ranges(hb: Handbook) -> list[Problem]:
    """Reps 1-30, sets 1-5, holds of an effort up to 60 s, rests up to 5 min; beyond them, an editorial caveat
    on the item (kind oddity or conflict, or one with a sheet line: it prints on the sheet) keeps the figure."""
    problems = []
    for r_id, r in hb.routines.items():
        for i, item in enumerate(r.items):
            ex = hb.exercises.get(item.exercise)
            explained = any(n.caveat for n in item.editorial)
            out = []
            for field, low, high, what in RANGES:
                value = getattr(item, field)
                if value is not None and (_upper(value) > high or _lower(value) < low):
                    out.append((field, f"{field} '{value}' is outside {low}-{high} {what}"))
            if item.rest_seconds is not None and _upper(item.rest_seconds) > MAX_REST:
                out.append(("rest_seconds", f"a rest of {item.rest_seconds} s is longer than {MAX_REST // 60} min"))
            relaxation = ex is not None and ex.relaxation
            if item.hold_seconds is not None and _upper(item.hold_seconds) > MAX_HOLD and not relaxation:
                out.append(("hold_seconds", f"a hold of {item.hold_seconds} s is longer than {MAX_HOLD} s"))
            if item.hold and re.search(r"\b(minute|hour)", item.hold, re.IGNORECASE) and not relaxation:
                out.append(("hold", f"a hold of '{item.hold}' is longer than {MAX_HOLD} s"))
            if item.rest and re.search(r"\bhour", item.rest, re.IGNORECASE):
                out.append(("rest", f"a rest of '{item.rest}' is longer than 5 minutes"))
            for field, message in out if not explained else []:
                rest = (
                    field.startswith("hold")
                    and "; or, if it is a rest or relaxation position, set 'relaxation: true' on the exercise"
                )
                problems.append(
                    hb.problem(
                        "routines",
                        r_id,
                        ("items", i, field),
                        f"'{item.exercise}' in '{r_id}': {message}, with no editorial note that explains it: "
                        "keep the source's figure and add under editorial: '- kind: oddity' with a text "
                        f"(and a short 'sheet:' line) that tells the reader what to do{rest or ''}",
                    )
                )
    return problems


def each_side(hb: Handbook) -> list[Problem]:
    """An item with figures whose wording names the other leg, arm or side says how the figures count: per_side: true,
    two rows of the exercise in a row (one per side), or an editorial note on the item about the sides."""
    problems = []
    for r_id, r in hb.routines.items():
        for i, item in enumerate(r.items):
            ex = hb.exercises.get(item.exercise)
            counted = any(getattr(item, f) is not None for f in ("reps", "sets", "hold_seconds", "hold"))
            if ex is None or item.per_side or not counted:
                continue
            pair = any(0 <= j < len(r.items) and r.items[j].exercise == item.exercise for j in (i - 1, i + 1))
            noted = any(OTHER_SIDE.search(n.text) or re.search(r"\b(side|leg|arm)s?\b", n.text) for n in item.editorial)
            if pair or noted:
                continue
            wording = (
                [("source_wording", item.source_wording or "")]
                + [(f"notes.{k}", t) for k, t in enumerate(item.notes)]
                + [(f"steps.{k} of '{item.exercise}'", t) for k, t in enumerate(ex.steps) if ex.sides]
            )
            said = next(((where, m.group(0)) for where, t in wording if (m := OTHER_SIDE.search(t))), None)
            if said:
                problems.append(
                    hb.problem(
                        "routines",
                        r_id,
                        ("items", i, "exercise"),
                        f"'{item.exercise}' in '{r_id}': its {said[0]} says '{said[1]}', but the item does not "
                        "say how the figures count: add 'per_side: true' when they are for each side, or an "
                        "editorial note that says what the source leaves open",
                    )
                )
    return problems


def doctor_first(hb: Handbook) -> list[Problem]:
    """The article's "see a doctor first if you have back pain" on every routine recommended for a back problem
    (a condition, not a goal), unless it is only rest or relaxation positions."""
    if "contraindications.yaml" not in hb.shared or DOCTOR_FIRST not in hb.contraindications:
        return []
    problems = []
    for r_id, r in sorted(hb.routines.items()):
        conds = [c_id for c_id, c in sorted(hb.conditions.items()) if c.kind == "condition" and r_id in c.routines]
        resting = all(getattr(hb.exercises.get(it.exercise), "relaxation", False) for it in r.items)
        if conds and not resting and DOCTOR_FIRST not in r.contraindications:
            problems.append(
                hb.problem(
                    "routines",
                    r_id,
                    ("contraindications",) if r.contraindications else ("title",),
                    f"'{r_id}' is recommended for {', '.join(conds)}, but does not carry the article's rule "
                    f"'{hb.contraindications[DOCTOR_FIRST].title}': add '{DOCTOR_FIRST}' to its contraindications",
                )
            )
    return problems
