"""Both legs moving together carry the motion cue (issue 26: scissors, the lying leg shift and the prone leg opening
showed one arrow, on the dark leg, and readers saw one leg move)."""

from __future__ import annotations

import math
import re

import pytest
import yaml

from lumbar.figures import Figures
from lumbar.figures.drawing import Drawing
from lumbar.figures.svg import render_figures
from tests.conftest import ROOT

BOTH = ("scissors", "supine-leg-side-shift", "prone-double-leg-open-close")


def _figs(ex: str) -> Figures:
    return Figures.model_validate(
        yaml.safe_load((ROOT / f"data/exercises/{ex}.yaml").read_text(encoding="utf-8"))["figures"]
    )


@pytest.mark.parametrize("ex", BOTH)
def test_both_legs_moving_each_have_an_arrow_and_no_side_letter(ex):
    figs = _figs(ex)
    assert figs.arrow == "legs"
    svg = render_figures(figs, "x", animate=False)
    for panel in svg.split("<svg")[2:]:
        assert panel.count('class="lh-arrow"') == 2, f"{ex}: one arrow for two legs"
    assert 'class="lh-side"' not in svg and 'class="lh-other-side"' not in svg, f"{ex}: an R or L reads as one leg"


@pytest.mark.parametrize("ex", BOTH)
def test_the_two_arrows_lie_apart(ex):
    """Each leg's arrow clear of the other's (legs crossing move along one line: the far one's lies outside)."""
    d = Drawing(_figs(ex), animate=False)
    for svgs in d.arrows:
        tracks = [
            [tuple(map(float, xy.split())) for xy in re.findall(r"[-\d.]+ [-\d.]+", s.split('d="')[1].split('"')[0])]
            for s in svgs[:2]
        ]
        assert min(math.dist(p, q) for p in tracks[0] for q in tracks[1]) >= 8, ex
