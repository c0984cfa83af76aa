"""Lying on the back, seen from the side (issue 26): hands behind the head read as hands behind the head, the
face left clear, not as a bar across the face and neck."""

from __future__ import annotations

import pytest
import yaml

from lumbar.figures import Figures
from lumbar.figures.body import HEAD_R
from lumbar.figures.drawing import Drawing
from tests.conftest import ROOT


def _phases(ex_id):
    raw = yaml.safe_load((ROOT / f"data/exercises/{ex_id}.yaml").read_text(encoding="utf-8"))["figures"]
    d = Drawing(Figures.model_validate(raw), animate=False)
    return d, d.resolved


@pytest.mark.parametrize("ex_id", ["crunch", "double-knee-bend-straighten", "oblique-crunch", "sit-up-to-knees"])
def test_hands_behind_the_head_leave_the_face_clear_when_lying_flat(ex_id):
    """The near elbow lies out on the floor: on the page it is below the head's middle and beside it, not on the
    face (the upper arm from the shoulder would cross the face)."""
    d, phases = _phases(ex_id)
    flat = [r for r in phases if r.hands == "behind-head" and r.body.frames["chest"][3] > 0.9]
    assert flat, "no phase lying flat with hands behind the head"
    for r in flat:
        head, elbow = d.view(r.body.points["head"]), d.view(r.body.points["near.elbow"])
        assert elbow[1] > head[1] + HEAD_R * 0.6, (r.name, head, elbow)  # page y runs down: below the face
