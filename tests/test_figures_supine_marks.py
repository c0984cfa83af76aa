"""Lying on the back (issue 26): the side letter of a foot's arrow sits clear of the foot it names."""

from __future__ import annotations

import re

import yaml

from lumbar.figures import Figures
from lumbar.figures.marks import side_marks
from tests.conftest import ROOT


def _block(ex_id):
    raw = yaml.safe_load((ROOT / f"data/exercises/{ex_id}.yaml").read_text(encoding="utf-8"))["figures"]
    return Figures.model_validate(raw)


def test_a_foots_letter_sits_above_its_arc_not_on_the_foot():
    """Foot to the other leg: past the arrow's head the R covered the foot where it rests (readers: the foot
    on the other shin is small and easy to miss); it goes above the arc's top."""
    block = _block("supine-foot-to-knee")
    assert block.arrow == "near.toe"
    track = [(60.0, -20.0), (40.0, -32.0), (20.0, -28.0), (10.0, -18.0)]  # ends going down onto the foot
    svg = side_marks(block, ["near.toe"], [track], lambda w: w)
    cx, cy = (float(v) for v in re.search(r'cx="([-\d.]+)" cy="([-\d.]+)"', svg).groups())
    assert cy < min(y for _, y in track) - 6, (cx, cy)
    assert 10.0 < cx < 60.0
