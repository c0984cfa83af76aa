"""Safety rules about what a reader is told: pregnancy stop signs, a verdict where a routine uses what its own
condition says to avoid, a back-position cue first on every loaded lift, and stop signs scoped to known ids.
Each failure names the file and line and says what would answer it."""

from __future__ import annotations

import re

from lumbar.handbook import HARMFUL, Handbook
from lumbar.loader import Problem

PREGNANCY = "pregnancy"
LOADED = {"barbell", "dumbbells"}  # equipment that makes an exercise a loaded lift
BACK_CUE = re.compile(r"\b(back|spine)\b[^.;]*\b(straight|flat|neutral|level)\b|\bstraight back\b", re.IGNORECASE)
NUMBER = re.compile(r"\b(\d+)\b")


def readers(hb: Handbook) -> list[Problem]:
    return pregnancy_signs(hb) + verdicts(hb) + loaded_lifts(hb) + sign_scopes(hb) + flag_urgency(hb)


def _at(hb: Handbook, where: tuple, message: str) -> Problem:
    doc = hb.docs[("shared", "safety.yaml")]
    return Problem(doc.path, doc.line(where), message)


def pregnancy_signs(hb: Handbook) -> list[Problem]:
    """The pregnancy condition, and each routine it recommends, shows obstetric stop signs: at least one stop sign
    in data/safety.yaml with 'conditions: [pregnancy]' and an urgency."""
    if PREGNANCY not in hb.conditions or "safety.yaml" not in hb.shared:
        return []
    if any(PREGNANCY in s.conditions and s.urgency for s in hb.safety.stop_signs):
        return []
    return [
        hb.problem(
            "conditions",
            PREGNANCY,
            ("title",),
            "the pregnancy condition (and its routines) shows no pregnancy warning signs: add stop signs to "
            "data/safety.yaml with 'conditions: [pregnancy]', 'urgency: now' or 'same-day', and a text that says "
            "whom to call (midwife, maternity unit or doctor), citing a source you read",
        )
    ]


def verdicts(hb: Handbook) -> list[Problem]:
    """A routine that prescribes what the handbook warns against (what a condition recommending it says to avoid,
    or, for any routine, a movement on the article's general harmful list) opens with a verdict that gives their
    number."""
    problems = []
    for rid, r in sorted(hb.routines.items()):
        rows = hb.verdict_rows(rid)
        # What to do comes after the count (the first sentence): it may not send the reader to a row it warns about.
        advice = r.verdict.split(". ", 1)[1] if r.verdict and ". " in r.verdict else ""
        sent = sorted({int(n) for n in NUMBER.findall(advice)} & set(rows))
        if sent:
            problems.append(
                hb.problem(
                    "routines",
                    rid,
                    ("verdict",),
                    f"'{rid}': its verdict's advice names row {', '.join(map(str, sent))}, which is among the rows it "
                    "warns about: say what to do while your back hurts (leave them out, keep active, ask a "
                    "physiotherapist) without pointing at a row the handbook warns against",
                )
            )
        if not rows or (r.verdict and str(len(rows)) in NUMBER.findall(r.verdict)):
            continue
        why = " and ".join(
            "the article's list of harmful movements (data/harmful-patterns.yaml)"
            if cid == HARMFUL
            else f"what condition '{cid}' says to avoid"
            for cid in hb.avoided_rows(rid)
        )
        what = f"its verdict does not give their number ({len(rows)})" if r.verdict else "it has no verdict"
        problems.append(
            hb.problem(
                "routines",
                rid,
                ("verdict",) if r.verdict else ("title",),
                f"'{rid}': {len(rows)} of its {len(r.items)} rows ({', '.join(map(str, rows))}) "
                f"{'matches' if len(rows) == 1 else 'match'} {why}, and "
                f"{what}: add 'verdict:' with a short text that says how many rows match, what to do while your "
                "back hurts (leave them out and keep active), and to ask a physiotherapist before doing them; "
                "name no row to do that is among them",
            )
        )
    return problems


def loaded_lifts(hb: Handbook) -> list[Problem]:
    """Every loaded lift (barbell or dumbbells) has a back-position cue as its first caution: the sheet prints it."""
    problems = []
    for eid, ex in sorted(hb.exercises.items()):
        if not LOADED & set(ex.equipment):
            continue
        if ex.cautions and BACK_CUE.search(ex.cautions[0]):
            continue
        problems.append(
            hb.problem(
                "exercises",
                eid,
                ("cautions", 0) if ex.cautions else ("equipment",),
                f"'{eid}' is a loaded lift ({', '.join(sorted(LOADED & set(ex.equipment)))}) whose first caution "
                "is not a back-position cue: put first under cautions a line such as 'Keep your back straight the "
                "whole time.' (the printed sheet carries the first caution)",
            )
        )
    return problems


def sign_scopes(hb: Handbook) -> list[Problem]:
    """Stop signs name known conditions and replace known general signs."""
    if "safety.yaml" not in hb.shared:
        return []
    problems = []
    ids = {s.id for s in hb.safety.stop_signs}
    for i, s in enumerate(hb.safety.stop_signs):
        for j, cid in enumerate(s.conditions):
            if cid not in hb.conditions:
                where = ("stop_signs", i, "conditions", j)
                problems.append(_at(hb, where, f"unknown condition '{cid}' in stop sign '{s.id}'"))
        for j, rid in enumerate(s.replaces):
            if rid not in ids:
                where = ("stop_signs", i, "replaces", j)
                problems.append(_at(hb, where, f"unknown stop sign '{rid}' in '{s.id}' replaces"))
    return problems


def flag_urgency(hb: Handbook) -> list[Problem]:
    """Every red flag says how soon: the sheets print the emergency ones and the same-day ones in their own lines."""
    if "safety.yaml" not in hb.shared:
        return []
    return [
        _at(
            hb,
            ("red_flags", i, "id"),
            f"red flag '{f.id}' has no 'urgency:': add 'urgency: emergency' (the emergency number or A&E now) or "
            "'urgency: same-day' (an urgent GP appointment or 111 the same day), as its text and source say",
        )
        for i, f in enumerate(hb.safety.red_flags)
        if f.urgency not in ("emergency", "same-day")
    ]
