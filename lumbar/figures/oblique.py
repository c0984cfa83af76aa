"""The three-quarter view of a lying body: from beyond its feet and to the near side, from above, the mat in
perspective. Bent knees stand up as peaks, knees rolling or opening move across the page, a lifted hip rises:
the end view (straight along the body) foreshortened bent knees into straight lines and the top view flattened
them (issue 26, the fourth panel: knee rolls, the lying hip turn and the butterflies rated 2)."""

from __future__ import annotations

import math

from lumbar.figures.body import Body
from lumbar.figures.strokes import View

ABOVE = ("top", "end", "oblique")  # views from above: the mat in perspective, shadows of what is lifted


class Oblique(View):
    # From the side (0) towards the feet (90): more from the feet than the first 40, so knees opening, rolling or
    # crossing move across the page (issue 26, baseline panel); not so high that bent knees stop standing up.
    AZIMUTH = math.radians(50)
    UP = math.radians(40)  # above the floor

    def __init__(self):
        super().__init__("oblique")

    def aim(self, body: Body) -> None:
        """Stand beyond the feet, wherever the head lies."""
        xs = [q[0] for q in body.points.values()]
        self.cx = (min(xs) + max(xs)) / 2
        self.s = 1.0 if body.points["head"][0] < body.points["hip"][0] else -1.0

    def _toward(self, x: float, z: float) -> float:
        """How far towards the viewer, along the floor."""
        return self.s * (x - self.cx) * math.sin(self.AZIMUTH) + z * math.cos(self.AZIMUTH)

    def __call__(self, p):
        x, y, z = p
        a = self._toward(x, z)
        k = 1.0 + a / 500.0  # perspective: the near end a little larger
        across = (x - self.cx) * math.cos(self.AZIMUTH) - self.s * z * math.sin(self.AZIMUTH)
        return (across * k, (math.sin(self.UP) * a - math.cos(self.UP) * y) * k)

    def depth(self, p):
        x, y, z = p
        return math.cos(self.UP) * self._toward(x, z) + math.sin(self.UP) * y


def make_view(name: str) -> View:
    return Oblique() if name == "oblique" else View(name)
