"""The printed routine sheet's choices (lumbar/templates/sheet.html, routine-items.html): which steps of a row
print, and which red flags the one-line emergency line names."""

from __future__ import annotations

from dataclasses import dataclass

# A sheet is one page up to ONE_PAGE exercises, two pages up to TWO_PAGES, then three: each row has its start and end drawings,
# start position, key step, first caution and its notes; the other steps, cautions and the breathing print where
# there is room. Characters of prose a row may print, by the routine's length:
ONE_PAGE, TWO_PAGES = 4, 12  # more than TWO_PAGES: three pages
SHORT = 10_000


def sheet_pages(count: int) -> int:
    """The pages a routine's sheet takes at most (the print button says so)."""
    return 1 if count <= ONE_PAGE else 2 if count <= TWO_PAGES else 3


def row_room(count: int) -> int:
    """Characters of prose one row of a routine of `count` exercises may print."""
    if count <= ONE_PAGE:
        return 220  # 300 let a Russian one-page sheet spill its tracking grid onto a second Letter page
    if count <= 8:
        return 700 if count <= 6 else 450
    return 300 if count <= 11 else 150


@dataclass(frozen=True)
class Step:
    number: int  # 1-based, as on the exercise's page
    text: str
    prints: bool
    gap_after: bool  # a printed step followed by one that does not print ("…")


@dataclass(frozen=True)
class Row:
    steps: list[Step]
    cautions: int  # how many of the exercise's cautions print: the first always
    breathing: bool


def sheet_row(exercise, room: int, used: int = 0) -> Row:
    """What one row prints of `exercise`, in `room` characters with the `used` ones (its title, start position, first
    caution and notes, which always print): the key step always; then the steps in order from the first, as long
    as they fit; then the other cautions; then the breathing."""
    steps = exercise.steps
    key = exercise.key_step - 1
    shown, total = {key}, used + len(steps[key])
    for i, step in enumerate(steps):
        if i == key:
            continue
        if total + len(step) > room:
            break
        shown.add(i)
        total += len(step)
    cautions = min(1, len(exercise.cautions))
    if len(shown) == len(steps):
        for text in exercise.cautions[1:]:
            if total + len(text) > room:
                break
            cautions += 1
            total += len(text)
    breathing = (
        bool(exercise.breathing) and cautions == len(exercise.cautions) and total + len(exercise.breathing) <= room
    )
    return Row(
        [
            Step(i + 1, step, i in shown, i in shown and i + 1 < len(steps) and i + 1 not in shown)
            for i, step in enumerate(steps)
        ],
        cautions,
        breathing,
    )


def emergency_signs(hb) -> list:
    """The red flags that need an ambulance now (their titles print in one line on every sheet)."""
    return [f for f in hb.safety.red_flags if f.urgency == "emergency"]


# The red flags the sheet's same-day line names in a few words (lumbar/templates/sheet.html: same_day_care), in its
# order: a new same-day red flag fails tests/test_print_rows.py until the line names it.
SAME_DAY_LINE = (
    "high-temperature",
    "weight-loss",
    "lump-or-shape-change",
    "worse-at-night",
    "sneeze-cough",
    "upper-back",
    "cancer-history",
    "new-pain-over-50-or-under-20",
    "infection-risk",
    "fracture-risk",
    "leg-weakness-worsening",
    "sexual-problems",
)


def same_day_signs(hb) -> list:
    """The red flags that need a doctor the same day (one line on every sheet, after the emergency one)."""
    return [f for f in hb.safety.red_flags if f.urgency in ("now", "same-day")]
