"""Held efforts (press, pull) and the stretch-up-tall arrow: block arrows onto the body where it works (issue 26: a
held press read as lying still)."""

from __future__ import annotations

import math

from lumbar.figures.body import Body
from lumbar.figures.strokes import View

PRESS = 26.0  # units: the press arrow's length
TALL = (
    40.0  # the stretch-up-tall arrow: longer, the exercise's point (issue 26: it read as a side note to the arm lift)
)


def press_top(body: Body, part: str) -> tuple[float, float, float]:
    """Where a static press pushes: on the top of the body straight above the part (the limb lying over it)."""
    x, _, z = body.points[part]
    top = body.points[part][1]
    for _, _, _, p, q, r in body.segments:
        lo, hi = sorted((p[0], q[0]))
        if lo - r <= x <= hi + r:
            t = 0.0 if hi == lo else min(1.0, max(0.0, (x - p[0]) / (q[0] - p[0]) if q[0] != p[0] else 0.0))
            top = max(top, p[1] + (q[1] - p[1]) * t + r)
    return (x, top + 1.5, z)


def force(figs) -> tuple[str, bool] | None:
    """A held effort the drawing shows: (the part, whether it is a pull towards the head), or None."""
    return (figs.press, False) if figs.press else (figs.pull, True) if figs.pull else None


def press_ends(view: View, body: Body, part: str, pull: bool | str = False) -> list[tuple[float, float]]:
    """The force arrow's tip and tail on the page: a press straight down onto the top of the body over the part;
    a pull above the part, along the thigh towards the hip (the head's way), its tip over the part; "up": stretching
    up tall, over the head."""
    if pull == "up":  # stretching up tall: over the head, above the highest point (arms overhead), upwards
        x, _, z = body.points[part]
        tx, ty = view((x, max(p[1] for p in body.points.values()) + 8.0, z))
        return [(tx, ty - TALL), (tx, ty)]
    tx, ty = view(press_top(body, part))
    if not pull:
        return [(tx, ty), (tx, ty - PRESS)]
    (kx, ky), (hx, hy) = view(body.points[part]), view(body.points[part.split(".")[0] + ".hip"])
    n = math.hypot(hx - kx, hy - ky) or 1.0
    ux, uy = (hx - kx) / n, (hy - ky) / n
    if view.name == "side":  # side on: level, towards the head (the press beside it is upright: told apart at once)
        ux, uy = (1.0 if view(body.points["head"])[0] > kx else -1.0), 0.0
    ty -= 14
    return [(tx, ty), (tx - ux * PRESS, ty - uy * PRESS)]


def resist_ends(view: View, body: Body, part: str, pull: bool = False) -> list[tuple[float, float]]:
    """The other leg's answer, tip to tip with the force arrow and shorter (issue 26: a held press read as one
    leg pushed): up from under the pressed part, or from the hip's side back towards the feet."""
    (tx, ty), (ax, ay) = press_ends(view, body, part, pull)
    if pull:
        return [(tx, ty), (tx + 0.7 * (tx - ax), ty + 0.7 * (ty - ay))]
    x, y, z = body.points[part]
    bx, by = view((x, max(0.0, y - 7.0), z))
    return [(bx, by), (bx, by + 0.7 * PRESS)]


def _block(tip, tail) -> str:
    """A block arrow from tail to tip, two short strokes beside its tip for the effort."""
    (tx, ty), (ax, ay) = tip, tail
    n = math.hypot(tx - ax, ty - ay) or 1.0
    ux, uy = (tx - ax) / n, (ty - ay) / n
    vx, vy = -uy, ux
    bx, by = tx - ux * 9, ty - uy * 9
    pts = [(ax + vx * 2, ay + vy * 2), (bx + vx * 2, by + vy * 2), (bx + vx * 6, by + vy * 6), (tx, ty)]
    pts += [(bx - vx * 6, by - vy * 6), (bx - vx * 2, by - vy * 2), (ax - vx * 2, ay - vy * 2)]
    d = "M" + "L".join(f"{round(x)} {round(y)}" for x, y in pts) + "Z"
    for side in (1, -1):
        sx, sy = tx - ux * 2 + vx * 12 * side, ty - uy * 2 + vy * 12 * side
        d += f"M{round(sx)} {round(sy)}l{round(-ux * 4 + vx * 4 * side)} {round(-uy * 4 + vy * 4 * side)}"
    return d


def press_mark(view: View, body: Body, part: str, pull: bool | str = False) -> str:
    """A held effort (issue 26: a held press read as lying still): a block arrow down onto the body where it
    presses, or above the part towards the head where it pulls, and the other leg's block arrow against it, tip
    to tip; one path (the gallery's weight is held)."""
    tip, tail = press_ends(view, body, part, pull)
    d = _block(tip, tail) + ("" if pull == "up" else _block(*resist_ends(view, body, part, pull)))
    return f'<path d="{d}" class="lh-press" fill="currentColor" stroke="currentColor" stroke-width="2"/>'


def effort_points(view: View, bodies: list[Body], figs) -> list[tuple[float, float]]:
    """Where the press or pull arrows (and the other leg's answer) and the stretch-up-tall arrow reach on the page."""
    f = force(figs)
    out = [p for b in bodies for p in press_ends(view, b, *f) + resist_ends(view, b, *f)] if f else []
    return out + (press_ends(view, bodies[-1], "head", "up") if figs.tall else [])
