"""The base poses file: read with the strict loader, every mistake named with its file and line."""

from __future__ import annotations

import pytest

from lumbar.figures import BASE_POSES
from lumbar.figures.base_poses import PATH, load_base_poses
from lumbar.figures.model import POSE_NAMES
from lumbar.loader import DataError

TEXT = PATH.read_text(encoding="utf-8")


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_the_file_loads_in_the_models_order_and_read_only():
    assert tuple(BASE_POSES) == POSE_NAMES
    side = BASE_POSES["side-lying"]
    assert side.angles["far.shoulder-abduction"] == 180 and side.angles["near.shoulder-rotation"] == 51
    assert side.angles["near.hip"] == side.angles["far.hip"] == 5  # both sides from one value
    assert BASE_POSES["lying-legs-on-chair"].support == {"shins": "chair"}
    assert BASE_POSES["all-fours"].arch is True and BASE_POSES["all-fours"].rest == ("hands", "knees")
    with pytest.raises(TypeError):
        BASE_POSES["new"] = BASE_POSES["standing"]


CASES = [
    # (replace this, with this, the line holding this, message part)
    ("  tilt: 65\n", "  tlt: 65\n", "tlt: 65", "unknown field 'tlt': did you mean 'tilt'?"),
    (
        "{shoulder: 5, elbow: 10}",
        "{shoulder: 5, elbow: 200}",
        "elbow: 200",
        "'elbow': 200 degrees is outside the human range (0 to 150)",
    ),
    ("{shoulder: 5, elbow: 10}", "{shoulder: 5, elbw: 10}", "elbw: 10", "unknown joint 'elbw': did you mean 'elbow'?"),
    ("{shoulder: 5, elbow: 10}", "{shoulder: 5, spine: 10}", "spine: 10", "'spine' is for an exercise's phases"),
    ("far: {shoulder-abduction: 180, elbow: 0}", "far: {neck: 180}", "far: {neck", "unknown arm or leg joint 'neck'"),
    (
        "  rest: [chest, feet]\n",
        "  rest: [chest, fet]\n",
        "rest: [chest, fet]",
        "unknown body part 'fet': did you mean 'feet'?",
    ),
    (
        "  support: {shins: chair}\n",
        "  support: {shins: chiar}\n",
        "support: {shins: chiar}",
        "unknown prop 'chiar' under 'shins'",
    ),
    (
        "  anchor: near.knee\n  arch: true\n",
        "  anchor: near.kne\n  arch: true\n",
        "anchor: near.kne",
        "unknown anchor joint 'near.kne'",
    ),
    ("  arch: true\n", "  arch: yes\n", "arch: yes", "'arch' must be true or false, not 'yes'"),
    ("  roll: -90\n", "  roll: 400\n", "roll: 400", "'roll' must be a number of degrees from -180 to 180"),
    (
        "  twist_fixed: chest\n  settle: false\n",
        "  twist_fixed: neck\n  settle: false\n",
        "twist_fixed: neck",
        "must be pelvis or chest",
    ),
    ("  title: Standing\n", "  title: Standing\n  title: Upright\n", "title: Upright", "duplicate key 'title'"),
]


@pytest.mark.parametrize(("old", "new", "at", "message"), CASES, ids=[c[1].strip()[:24] for c in CASES])
def test_a_mistake_stops_with_file_line_and_what_to_do(tmp_path, old, new, at, message):
    assert old in TEXT
    text = TEXT.replace(old, new, 1)
    path = tmp_path / "base_poses.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_base_poses(path)
    problems = err.value.problems
    assert len(problems) == 1, problems
    assert problems[0].line == line_of(text, at), problems
    assert message in problems[0].message and problems[0].path.endswith("base_poses.yaml")


def test_a_missing_or_reordered_pose_is_named(tmp_path):
    start, end = TEXT.index("\nbridge:\n"), TEXT.index("\nlying-legs-on-chair:\n")
    path = tmp_path / "base_poses.yaml"
    path.write_text(TEXT[:start] + TEXT[end:], encoding="utf-8")
    with pytest.raises(DataError, match="must be the names of POSE_NAMES in lumbar/figures/model.py"):
        load_base_poses(path)
