"""The loader and the checks: every mistake a contributor can make gives path:line and what to do."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lumbar.load import load_handbook
from lumbar.loader import DataError, parse

FIXTURE = Path(__file__).parent / "fixtures" / "data"


@pytest.fixture
def data(tmp_path) -> Path:
    """A small valid data folder to break."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE, target)
    return target


def problems(data: Path) -> list[str]:
    with pytest.raises(DataError) as err:
        load_handbook(data)
    return [str(p) for p in err.value.problems]


def test_fixture_is_valid():
    hb = load_handbook(FIXTURE)
    assert set(hb.exercises) == {"cat", "half-bridge"}
    assert hb.routines["back-pain"].items[1].reps == "10-30"


CAT = "data/exercises/cat.yaml"

ROUTINE = "data/routines/back-pain.yaml"
FOR_WHOM = "for_whom: Beginners with lower back pain."
EXPLAIN = (
    "keep the source's figure and add under editorial: '- kind: oddity' with a text (and a short 'sheet:' "
    "line) that tells the reader what to do"
)

# (what to write, where, the exact messages)
BROKEN = {
    "syntax error": (
        "exercises/cat.yaml",
        "title: Cat\nsteps: [one, two\nsummary: x\n",
        [f"{CAT}:3: YAML syntax error: did not find expected ',' or ']'; check indentation, colons and quotes"],
    ),
    "duplicate key": (
        "exercises/cat.yaml",
        None,  # the fixture with a second title appended
        [f"{CAT}:19: duplicate key 'title' (first at line 2): keep one and delete the other"],
    ),
    "missing field": (
        "exercises/cat.yaml",
        "drop:steps",
        [f"{CAT}:2: missing field 'steps': add it (see the field reference in CONTRIBUTING.md)"],
    ),
    "unknown field": (
        "exercises/cat.yaml",
        "rename:breathing:breathng",
        [f"{CAT}:12: unknown field 'breathng': did you mean 'breathing'? (remove it or fix its name)"],
    ),
    "wrong type": (
        "routines/back-pain.yaml",
        "replace:reps: 15=>reps: 1:30",
        [
            "data/routines/back-pain.yaml:9: 'items.0.reps' is '1:30', not a count: write a whole number, "
            "a range like 10-30, or 'up to 20'"
        ],
    ),
    "yes is not a boolean": (
        "exercises/cat.yaml",
        "append:sides: yes",
        [f"{CAT}:19: 'sides' must be true or false, not 'yes'"],
    ),
    "bad date": (
        "exercises/cat.yaml",
        "replace:reviewed: 2026-11-25=>reviewed: 2026-02-30",
        [f"{CAT}:17: 'reviewed' must be a date written YYYY-MM-DD, not '2026-02-30'"],
    ),
    "key step past the last step": (
        "exercises/cat.yaml",
        "replace:key_step: 1=>key_step: 4",
        [
            f"{CAT}:18: 'key_step' is 4, but 'cat' has 3 steps: write the number (1 to 3) of the step that says "
            "what moves; the printed sheet always prints that step"
        ],
    ),
    "key step zero": (
        "exercises/cat.yaml",
        "replace:key_step: 1=>key_step: 0",
        [f"{CAT}:18: 'key_step': input should be greater than or equal to 1 (got '0')"],
    ),
    "key step missing": (
        "exercises/cat.yaml",
        "drop:key_step",
        [f"{CAT}:2: missing field 'key_step': add it (see the field reference in CONTRIBUTING.md)"],
    ),
    "two key steps": (
        "exercises/cat.yaml",
        "replace:key_step: 1=>key_step: [1, 3]",
        [f"{CAT}:18: 'key_step': input should be a valid integer"],
    ),
    "unknown id": (
        "routines/back-pain.yaml",
        "replace:exercise: cat=>exercise: kat",
        ["data/routines/back-pain.yaml:8: unknown exercise 'kat': did you mean 'cat'? (ids come from data/exercises/)"],
    ),
    "missing source_item": (
        "routines/back-pain.yaml",
        "replace:    source_item: 2\n=>",
        [
            "data/routines/back-pain.yaml:12: missing field 'items.1.source_item': add it "
            "(see the field reference in CONTRIBUTING.md)"
        ],
    ),
    "source_item not a number": (
        "routines/back-pain.yaml",
        "replace:source_item: 1=>source_item: first",
        ["data/routines/back-pain.yaml:11: 'items.0.source_item': input should be a valid integer (got 'first')"],
    ),
    "source_item zero": (
        "routines/back-pain.yaml",
        "replace:source_item: 1=>source_item: 0",
        [
            "data/routines/back-pain.yaml:11: 'items.0.source_item': input should be greater than or equal to 1 "
            "(got '0')"
        ],
    ),
    "unknown source": (
        "exercises/cat.yaml",
        "replace:sources: [back-pain]=>sources: [back-pian]",
        [f"{CAT}:16: unknown source 'back-pian': did you mean 'back-pain'? (ids come from data/sources.yaml)"],
    ),
    "raw HTML": (
        "exercises/cat.yaml",
        "replace:title: Cat=>title: Cat <img src=x onerror=alert(1)>",
        [
            f"{CAT}:2: 'title' contains raw HTML, which is not allowed in data: write plain text, "
            "and use Markdown (**bold**, [a link](https://...)) for emphasis and links"
        ],
    ),
    "script element": (
        "exercises/cat.yaml",
        "replace:summary: Round=>summary: <script>alert(1)</script> Round",
        [
            f"{CAT}:4: 'summary' contains raw HTML, which is not allowed in data: write plain text, "
            "and use Markdown (**bold**, [a link](https://...)) for emphasis and links"
        ],
    ),
    "script link": (
        "exercises/cat.yaml",
        "replace:  - Return to a flat back.=>  - Return to [a flat back](javascript:alert(1)).",
        [f"{CAT}:10: 'steps.1' contains a script or data link: only http(s) and site links are allowed"],
    ),
    "attribute list": (
        "exercises/cat.yaml",
        'replace:  - Return to a flat back.=>  - "Return to a flat back.{: onclick=alert(1) }"',
        [f"{CAT}:10: 'steps.1' contains a '{{...}}' attribute list: remove the curly braces"],
    ),
    "empty file": ("exercises/cat.yaml", "", [f"{CAT}:1: the file is empty: fill it in or delete it"]),
    "alias": (
        "exercises/cat.yaml",
        "append:extra: &a [1]\nmore: *a",
        [f"{CAT}:19: anchors ('&a') are not allowed: write each value out in full"],
    ),
    "tag": (
        "exercises/cat.yaml",
        "replace:title: Cat=>title: !!python/object:os.system Cat",
        [f"{CAT}:2: tags such as 'tag:yaml.org,2002:python/object:os.system' are not allowed: remove it"],
    ),
    "file of no kind": (
        "exercise/cat.yaml",
        "title: Cat\n",
        [
            "data/exercise/cat.yaml:1: this file belongs to no kind of data: an item file must be "
            "data/<kind>/<id>.yaml with kind one of exercises, routines, conditions"
        ],
    ),
    "bad file name": (
        "exercises/Cat_Pose.yaml",
        "title: Cat\n",
        [
            "data/exercises/Cat_Pose.yaml:1: file name 'Cat_Pose.yaml' is not an id: use lowercase words joined by hyphens"
        ],
    ),
    "unknown source in a shared list": (
        "contraindications.yaml",
        "replace:sources: [back-muscles]=>sources: [back-muscle]",
        ["data/contraindications.yaml:7: unknown source 'back-muscle': did you mean 'back-muscles'?"],
    ),
    "duplicate id in a shared list": (
        "positions.yaml",
        "append:  - id: prone\n    title: Face down",
        ["data/positions.yaml:22: duplicate id 'prone' (first at line 7): ids must be unique"],
    ),
    "joint out of range": (
        "exercises/cat.yaml",
        "append:figures:\n  alt: On all fours.\n  start: {pose: all-fours}\n  end: {pose: all-fours, knee: 200}",
        [f"{CAT}:22: 'figures.end.knee': 200 degrees is outside the human range (0 to 160)"],
    ),
    "unknown pose": (
        "exercises/cat.yaml",
        "append:figures:\n  alt: On all fours.\n  start: {pose: all-four}",
        [f"{CAT}:21: 'figures.start.pose': unknown pose 'all-four': did you mean 'all-fours'?"],
    ),
    "limb through the floor": (
        "exercises/cat.yaml",
        "append:figures:\n  alt: Standing.\n  start: {pose: standing}\n  end: {pose: standing, hip: 120}",
        [f"{CAT}:22: 'figures.end': the near hand goes 59 cm through the floor: change shoulder, elbow or wrist"],
    ),
    "harmful without note": (
        "exercises/half-bridge.yaml",
        "cut:notes:",
        [
            "data/exercises/half-bridge.yaml:15: 'half-bridge' matches the harmful pattern 'bridge' (Bridge or half-bridge) "
            "but is recommended in back-pain with no editorial note about it: add under notes: '- kind: conflict', "
            "'pattern: bridge', and a text that tells the reader what to do"
        ],
    ),
    "condition routine has an avoided exercise": (
        "conditions/low-back-pain.yaml",
        "append:avoid:\n  - exercise: cat\n    why: Too much flexion.",
        [
            "data/conditions/low-back-pain.yaml:12: 'low-back-pain' says to avoid 'cat', yet its routine 'back-pain' "
            "contains it: move it to 'caution' with a reason, or remove 'back-pain' from its routines"
        ],
    ),
    # The safety rules (lumbar/checks.py safety()).
    "pregnancy: lying on the back without the guidance's note": (
        "routines/back-pain.yaml",
        f"replace:{FOR_WHOM}=>for_whom: Pregnant women with lower back pain.",
        [
            f"{ROUTINE}:12: 'half-bridge' in 'back-pain' (it is for pregnant women) lies on the back (position 'supine'), "
            "with no printed note that cites the pregnancy guidance: add under editorial: '- kind: clarification', "
            "'guideline: <statement id>', a text that tells a pregnant reader what that guidance says about lying on "
            "the back, and a short 'sheet:' line so that it prints (data/guidelines.yaml has no statement with "
            "'pregnancy_positions: [supine]': add one)"
        ],
    ),
    "reps above 30": (
        "routines/back-pain.yaml",
        "replace:reps: 15=>reps: 40",
        [
            f"{ROUTINE}:9: 'cat' in 'back-pain': reps '40' is outside 1-30 repetitions, with no editorial note that "
            f"explains it: {EXPLAIN}"
        ],
    ),
    "sets, hold and rest above their ranges": (
        "routines/back-pain.yaml",
        "replace:reps: 10-30=>reps: 10-30\n    sets: up to 6\n    hold_seconds: 61\n    rest_seconds: 1-301",
        [
            f"{ROUTINE}:14: 'half-bridge' in 'back-pain': sets 'up to 6' is outside 1-5 sets, with no editorial note "
            f"that explains it: {EXPLAIN}",
            f"{ROUTINE}:15: 'half-bridge' in 'back-pain': a hold of 61 s is longer than 60 s, with no editorial note "
            f"that explains it: {EXPLAIN}; or, if it is a rest or relaxation position, set 'relaxation: true' on the exercise",
            f"{ROUTINE}:16: 'half-bridge' in 'back-pain': a rest of 1-301 s is longer than 5 min, with no editorial note "
            f"that explains it: {EXPLAIN}",
        ],
    ),
    "a hold of minutes in words": (
        "routines/back-pain.yaml",
        "replace:reps: 15=>reps: 15\n    hold: a couple of minutes",
        [
            f"{ROUTINE}:10: 'cat' in 'back-pain': a hold of 'a couple of minutes' is longer than 60 s, with no editorial "
            f"note that explains it: {EXPLAIN}; or, if it is a rest or relaxation position, set 'relaxation: true' on the "
            "exercise"
        ],
    ),
    "the other leg without per_side": (
        "routines/back-pain.yaml",
        "replace:Do 15 approaches.=>Do 15 approaches, then the same with the other leg.",
        [
            f"{ROUTINE}:8: 'cat' in 'back-pain': its source_wording says 'other leg', but the item does not say how the "
            "figures count: add 'per_side: true' when they are for each side, or an editorial note that says what the "
            "source leaves open"
        ],
    ),
    "no see-a-doctor rule": (
        "routines/back-pain.yaml",
        "replace:, back-pain-without-doctor]=>]",
        [
            f"{ROUTINE}:15: 'back-pain' is recommended for low-back-pain, but does not carry the article's rule 'Back "
            "pain not yet seen by a doctor': add 'back-pain-without-doctor' to its contraindications"
        ],
    ),
}


def apply(data: Path, rel: str, change: str | None) -> None:
    path = data / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    text = path.read_text() if path.exists() else ""
    if change is None:
        text += "title: Dog\n"
    elif change.startswith("drop:"):
        key = change[5:]
        lines = text.splitlines(keepends=True)
        start = next(i for i, line in enumerate(lines) if line.startswith(key + ":"))
        end = next((i for i in range(start + 1, len(lines)) if not lines[i].startswith((" ", "-"))), len(lines))
        text = "".join(lines[:start] + lines[end:])
    elif change.startswith("cut:"):
        text = text[: text.index(change[4:])]
    elif change.startswith("rename:"):
        _, old, new = change.split(":")
        text = text.replace(f"\n{old}:", f"\n{new}:")
    elif change.startswith("replace:"):
        old, new = change[8:].split("=>")
        assert old in text, old
        text = text.replace(old, new, 1)
    elif change.startswith("append:"):
        text += change[7:] + "\n"
    else:
        text = change
    path.write_text(text)


@pytest.mark.parametrize("case", list(BROKEN))
def test_broken_file_gives_exact_message(data, case):
    rel, change, expected = BROKEN[case]
    apply(data, rel, change)
    assert problems(data) == expected


def test_every_problem_in_one_run(data):
    for case in ("unknown field", "raw HTML", "empty file"):
        rel, change, _ = BROKEN[case]
        apply(data, "conditions/empty.yaml" if case == "empty file" else rel, change)
    found = problems(data)
    assert len(found) == 3, found
    keys = [(p.split(":")[0], int(p.split(":")[1])) for p in found]
    assert keys == sorted(keys)


def test_command_line_reports_without_traceback(data):
    apply(data, *BROKEN["unknown id"][:2])
    result = subprocess.run(
        [sys.executable, "-m", "lumbar", "check", "--data", str(data)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "data/routines/back-pain.yaml:8: unknown exercise 'kat'" in result.stderr
    assert result.stderr.strip().endswith("1 problem(s) in the data.")


def test_text_with_quotes_and_attribute_syntax_loads_as_written(tmp_path):
    """Quotes, '" onmouseover="', '&', '{{ }}' are text a reader may need: the loader keeps them as written
    (tests/test_html.py builds this handbook and checks that each arrives as text in its element)."""
    from hostile import HOSTILE, LT, write_hostile_data

    hb = load_handbook(write_hostile_data(tmp_path / "data"))
    cat, routine = hb.exercises["cat"], hb.routines["back-pain"]
    condition = hb.conditions["low-back-pain"]
    assert cat.title == f"Cat {HOSTILE}{LT}"
    assert cat.steps[1] == f"Return to a flat back. {HOSTILE}{LT}"
    assert cat.figures.alt == f"On all fours, the back rounds up. {HOSTILE}"
    assert routine.items[1].rest == f"a short rest {HOSTILE}{LT}"
    assert condition.caution[0].why == f"It loads the back. {HOSTILE}{LT}"
    assert hb.article.title == f"Lumbar exercises {HOSTILE}{LT}"


def test_yaml_1_1_surprises_stay_strings():
    doc = parse("a: no\nb: 1:30\nc: on\nd: 0x1F\ne: 2025-07-03\nf: true\ng: 12\nh: '12'\ni: ~\n")
    assert doc.value == {
        "a": "no",
        "b": "1:30",
        "c": "on",
        "d": "0x1F",
        "e": "2025-07-03",
        "f": True,
        "g": 12,
        "h": "12",
        "i": None,
    }
    assert doc.lines[("b",)] == 2


def test_alias_bomb_is_refused_fast():
    bomb = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n"
        for i in range(8)
    )
    with pytest.raises(DataError) as err:
        parse(bomb)
    assert "anchors ('&a') are not allowed" in str(err.value)


def test_too_many_values_is_refused():
    with pytest.raises(DataError, match="too large"):
        parse("[" + ",".join("1" for _ in range(100_001)) + "]")


def test_c_parser_is_used_when_present():
    import yaml

    from lumbar import loader

    if hasattr(yaml, "CSafeLoader"):
        assert loader._Loader is yaml.CSafeLoader


yaml_text = st.one_of(
    st.text(max_size=300),
    st.lists(
        st.sampled_from(
            [
                "a: 1\n",
                "a: 2\n",
                "- x\n",
                "  - y\n",
                "b: [1, 2\n",
                "c: {d: e}\n",
                "&x a\n",
                "*x\n",
                "!!str z\n",
                "? k\n",
                ": v\n",
                "---\n",
                "...\n",
                "'q\n",
                '"\\x"\n',
                "\t\n",
                "title: <b>\n",
                "%YAML 1.1\n",
                "x: |\n  t\n",
            ]
        ),
        max_size=12,
    ).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(yaml_text)
def test_arbitrary_yaml_never_escapes_as_another_error(text):
    try:
        parse(text, "x.yaml")
    except DataError as err:
        assert err.problems and all(p.path == "x.yaml" and p.line >= 1 for p in err.problems)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(yaml_text)
def test_arbitrary_yaml_in_a_data_file_gives_a_data_error(tmp_path_factory, text):
    data = tmp_path_factory.mktemp("d") / "data"
    shutil.copytree(FIXTURE, data)
    (data / "exercises" / "cat.yaml").write_text(text)
    try:
        load_handbook(data)
    except DataError as err:
        assert all(":" in str(p) for p in err.problems)


def test_pregnancy_face_down_needs_a_note(data):
    apply(data, "routines/back-pain.yaml", f"replace:{FOR_WHOM}=>for_whom: Pregnant women with lower back pain.")
    apply(data, "exercises/cat.yaml", "replace:position: all-fours=>position: prone")
    found = problems(data)
    assert found[0] == (
        f"{ROUTINE}:8: 'cat' in 'back-pain' (it is for pregnant women) lies face down (position 'prone'), with no note "
        "that mentions pregnancy: remove it, or add an editorial note on this item that tells a pregnant reader what to do"
    )
    # A note that speaks to pregnancy answers it (the supine half-bridge needs its own, citing the guidance).
    note = "\n    editorial:\n      - kind: clarification\n        text: In pregnancy, ask your midwife first."
    apply(data, "routines/back-pain.yaml", f"replace:Do 15 approaches.=>Do 15 approaches.{note}")
    supine = "\n        guideline: pregnancy-supine\n        sheet: In pregnancy, change position if unwell."
    apply(data, "routines/back-pain.yaml", f"replace:reps: 10-30=>reps: 10-30{note}{supine}")
    apply(data, "guidelines.yaml", "append:" + SUPINE_STATEMENT)
    load_handbook(data)


SUPINE_STATEMENT = """
  - id: pregnancy-supine
    guideline: nice-ng59
    where: Recommendation 6
    text: If lying on your back makes you feel unwell while pregnant, change position.
    read_at: https://www.nice.org.uk/guidance/ng59
    pregnancy_positions: [supine]"""


def test_pregnancy_on_the_back_needs_the_guidance_note(data):
    """A supine item in a routine for pregnancy passes only with a printed note that cites the pregnancy guidance on
    lying on the back: a note that only mentions pregnancy, or cites another statement, or does not print, fails."""
    apply(data, "routines/back-pain.yaml", f"replace:{FOR_WHOM}=>for_whom: Pregnant women with lower back pain.")
    apply(data, "guidelines.yaml", "append:" + SUPINE_STATEMENT)
    message = (
        f"{ROUTINE}:12: 'half-bridge' in 'back-pain' (it is for pregnant women) lies on the back (position 'supine'), "
        "with no printed note that cites the pregnancy guidance: add under editorial: '- kind: clarification', "
        "'guideline: pregnancy-supine', a text that tells a pregnant reader what that guidance says about lying on "
        "the back, and a short 'sheet:' line so that it prints"
    )
    assert problems(data) == [message]
    fixture = (data / ROUTINE.removeprefix("data/")).read_text()
    note = "\n    editorial:\n      - kind: clarification\n        text: In pregnancy, ask your midwife first."
    for extra, passes in (
        ("", False),  # mentions pregnancy, cites nothing
        ("\n        guideline: nice-exercise\n        sheet: In pregnancy, see the note.", False),  # another statement
        ("\n        guideline: pregnancy-supine", False),  # does not print on the sheet
        ("\n        guideline: pregnancy-supine\n        sheet: In pregnancy, change position if unwell.", True),
    ):
        apply(data, "routines/back-pain.yaml", fixture.replace("reps: 10-30", "reps: 10-30" + note + extra, 1))
        if passes:
            load_handbook(data)
        else:
            assert problems(data) == [message], extra


def test_pregnancy_guidance_names_a_known_position(data):
    apply(data, "guidelines.yaml", "append:" + SUPINE_STATEMENT.replace("[supine]", "[supin]"))
    assert problems(data) == [
        "data/guidelines.yaml:30: unknown position 'supin': did you mean 'supine'? (ids come from data/positions.yaml)"
    ]


def test_safety_rules_accept_what_answers_them(data):
    """Each rule's way out works: an oddity note keeps the source's figure, a rest position may be held long,
    per_side answers the other side (two rows of it in a row do too: the real hernia data), and a routine only of
    rest positions needs no doctor rule."""
    oddity = (
        "\n    editorial:\n      - kind: oddity\n        text: A figure that looks wrong; do only what is comfortable."
    )
    apply(data, "routines/back-pain.yaml", f"replace:reps: 15=>reps: 40\n    hold: two minutes{oddity}")
    apply(data, "routines/back-pain.yaml", "replace:reps: 10-30=>reps: 10-30\n    hold_seconds: 120")
    apply(data, "exercises/half-bridge.yaml", "replace:position: supine=>position: supine\nrelaxation: true")
    load_handbook(data)
    apply(data, "routines/back-pain.yaml", "replace:Do 15 approaches.=>Do 15 approaches, then the other side.")
    assert [p.split(": ", 1)[0] for p in problems(data)] == [f"{ROUTINE}:8"]
    apply(data, "routines/back-pain.yaml", "replace:    reps: 40=>    reps: 40\n    per_side: true")
    load_handbook(data)
    apply(data, "routines/back-pain.yaml", "replace:, back-pain-without-doctor]=>]")
    assert any("back-pain-without-doctor" in p for p in problems(data))
    apply(data, "exercises/cat.yaml", "replace:position: all-fours=>position: all-fours\nrelaxation: true")
    load_handbook(data)  # only rest positions: the rule does not apply
