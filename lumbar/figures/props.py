"""The props drawn around the body: mat, roller, pillow, chair, bench, wall and barbell."""

from __future__ import annotations

import math

import lumbar.figures.furniture as furniture
from lumbar.figures.body import PART_SEGMENTS, Body
from lumbar.figures.contact import lowest, touching
from lumbar.figures.oblique import ABOVE
from lumbar.figures.outline import _F, PAPER
from lumbar.figures.solver import Resolved
from lumbar.figures.strokes import View, mid, num


def props_svg(r: Resolved, view: View, props: list[str], everyone=None) -> str:
    out = []
    body = r.body
    if view.name in ABOVE:
        return ""
    for part, prop in sorted(r.support.items()):
        if prop in ("wall", "chair", "bench"):
            continue  # furniture.py's solid objects (prop_boxes)
        y, x = lowest(body, part)
        spans = touching(body, y, 3.0, PART_SEGMENTS[part])
        x0, x1 = (min(a for a, _ in spans), max(b for _, b in spans)) if spans else (x - 5, x + 5)
        if view.name == "front":
            xs = [view(p)[0] for _, kind, _, p, q, _ in body.segments if kind in PART_SEGMENTS[part]]
            x0, x1 = min(xs) - 8, max(xs) + 8
        y = max(y, 1.0)
        cx = (x0 + x1) / 2
        if prop == "roller":
            out.append(_roller(view, cx, y / 2))
        elif prop == "pillow":
            w = max(36.0, x1 - x0 + 8)
            out.append(
                f'<rect x="{num(cx - w / 2)}" y="{num(-y)}" width="{num(w)}" height="{num(y)}" '
                f'rx="{num(min(y / 2, 8))}" '
                f'fill="currentColor" fill-opacity=".15" stroke="currentColor" stroke-width="2"/>'
            )
    out += [furniture.draw(view, kind, boxes) for kind, boxes in prop_boxes(r, props, everyone)]
    return "".join(out)


def _roller(view: View, x: float, rr: float) -> str:
    """A roller lying across the body, seen a little from its end: its length back to the far end (a hull with
    a round far end), the near end a disc with the core's ring."""
    (fx, fy), (nx, ny) = view((x, rr, -25.0)), view((x, rr, 25.0))
    n = math.hypot(nx - fx, ny - fy) or 1.0
    px, py = -(ny - fy) / n * rr, (nx - fx) / n * rr
    hull = (
        f"M{num(nx + px)} {num(ny + py)}L{num(fx + px)} {num(fy + py)}"
        f"A{num(rr)} {num(rr)} 0 0 1 {num(fx - px)} {num(fy - py)}L{num(nx - px)} {num(ny - py)}Z"
    )
    return (
        f'<g class="lh-prop lh-prop-roller" stroke="currentColor"><path d="{hull}" fill="currentColor" '
        f'fill-opacity=".22" stroke-width="1.5"/><circle cx="{num(nx)}" cy="{num(ny)}" r="{num(rr)}" '
        f'fill="{PAPER}" class="lh-paper" stroke-width="2"/><circle cx="{num(nx)}" cy="{num(ny)}" '
        f'r="{num(rr)}" fill="currentColor" fill-opacity=".3"/><circle cx="{num(nx)}" cy="{num(ny)}" '
        f'r="{num(rr * 0.35)}" stroke-width="1.2"/></g>'
    )


def props_once(r: Resolved, view: View, props: list[str], everyone, ids: dict, pid: str | None) -> str:
    """The props of a position; furniture that stands the same as in a panel before is a <use> of it (a sofa
    or bench drawn once per drawing: the gallery's weight is held). ids: the groups drawn already -> their id."""
    svg = props_svg(r, view, props, everyone)
    if not svg:
        return ""
    if svg in ids:
        return f'<use href="#{ids[svg]}"/>'
    i = next(k for k, q in enumerate(everyone) if q is r)
    later = [props_svg(q, view, props, everyone) for q in everyone[i + 1 :]]
    if pid and svg in later and svg.count("<g ") == 1 and svg.startswith("<g "):
        ids[svg] = pid
        return f'<g id="{pid}"{svg[2:]}'
    return svg


def prop_boxes(r: Resolved, props: list[str], everyone=None) -> list[tuple[str, list[furniture.Box]]]:
    """The furniture of one position, as boxes in the world (cm): what carries a body part (chair, bench, the
    wall at the back), the wall behind a body that does not lean on it, heavy furniture over the feet. everyone:
    every position of the drawing; a chair, bench or sofa stands where it does in all of them (one that moved
    between the panels would read as a movement)."""
    body, out = r.body, []
    everyone = everyone or [r]
    for part, prop in sorted(r.support.items()):
        if prop not in ("chair", "bench"):
            continue
        y, x = lowest(body, part)
        # The highest top among the positions: a body part a little lower sinks into it, behind the body.
        y = max([lowest(q.body, part)[0] for q in everyone if q.support.get(part) == prop] or [y])
        spans = [
            s
            for q in everyone
            if q.support.get(part) == prop
            for s in touching(q.body, lowest(q.body, part)[0], 3.0, PART_SEGMENTS[part])
        ]
        x0, x1 = (min(a for a, _ in spans), max(b for _, b in spans)) if spans else (x - 5, x + 5)
        cx = (x0 + x1) / 2
        if prop == "chair":
            half = max(23.0, (x1 - x0) / 2 + 4)
            # The backrest goes on the side away from the rest of the body.
            first = everyone[0].body
            com = sum((p[0] + q[0]) / 2 for _, _, _, p, q, _ in first.segments) / len(first.segments)
            back = -1.0 if com > cx else 1.0
            # The knees overhang the seat's front edge a little, so the front legs show beside the thighs.
            shift = 10.0 if part == "shins" else 0.0
            out.append(("chair", furniture.chair(cx + back * shift, half, y, back)))
        else:
            half = max(35.0, (x1 - x0) / 2 + 10)
            out.append(("bench", furniture.bench(cx - half, cx + half, y)))
    if "wall" in props or "wall" in r.support.values():
        back = [(p, rad) for _, kind, _, p, q, rad in body.segments if kind in ("chest", "lumbar", "pelvis", "head")]
        gap = 0.0 if "wall" in r.support.values() else 12.0
        if body.face[0] >= 0:
            out.append(("wall", furniture.wall(min(p[0] - rad for p, rad in back) - gap, 1.0)))
        else:
            out.append(("wall", furniture.wall(max(p[0] + rad for p, rad in back) + gap, -1.0)))
    if "furniture" in props:
        out.append(("furniture", furniture.sofa(*furniture.feet_edge(everyone[0].body))))
    return out


def prop_corners(r: Resolved, view: View, props: list[str], everyone=None) -> list[tuple[float, float]]:
    """Where the furniture reaches on the page (for the drawing's box)."""
    if view.name in ABOVE:
        return []
    return [view(c) for _, boxes in prop_boxes(r, props, everyone) for b in boxes for c in furniture.corners(b)]


def barbell_at(r: Resolved, body: Body, view: View) -> tuple:
    """Where the bar's middle is on the page, and which way its near end runs (x, y, dx, dy)."""
    pts = body.points
    if r.barbell == "shoulders":
        back = -1.0 if body.face[0] >= 0 else 1.0
        c = view(pts["spine4"])
        # The near plate up and behind the back, clear of the chest (in front of it, it read as a hoop held).
        return (c[0] + back * 6, c[1] - 8, back * 16, -12)
    c = view(mid(pts["near.wrist"], pts["far.wrist"]))
    return (c[0], c[1], 16.0, 12.0)


SLEEVE = 1.8  # the bar's ends run this far beyond the middle, in plate offsets: a bar, not lone wheels


def barbell_svg(c, part: str = "all") -> str:
    """A barbell seen a little from above and in front, as the body is: the bar through the hands and out beyond
    both plates, the far plate (grey, behind the body: part="back"), the near plate a light disc in front with
    the bar's end through it (part="front"). Issue 26: plates with the bar hidden read as lone wheels."""
    x, y = round(c[0]), round(c[1])  # whole units: the gallery's weight is held
    px, py, ex, ey = round(c[2]), round(c[3]), round(SLEEVE * c[2]), round(SLEEVE * c[3])
    out = []
    if part in ("all", "back"):
        out.append(
            f'<path d="M{x} {y}l{-ex} {-ey}" stroke="currentColor" class="lh-line" stroke-width="3.5"/><ellipse '
            f'cx="{x - px}" cy="{y - py}" rx="7" ry="19" {_F} stroke-width="2.5"/>'
        )
    if part in ("all", "front"):  # the bar from the hands out through the near plate to its end, one stroke
        out.append(
            f'<ellipse cx="{x + px}" cy="{y + py}" rx="7" ry="19" fill="currentColor" fill-opacity=".12" '
            f'stroke="currentColor" class="lh-line" stroke-width="2.5"/><path d="M{x} {y}l{ex} {ey}" '
            'stroke="currentColor" class="lh-line" stroke-width="3.5"/>'
        )
    return f'<g class="lh-prop">{"".join(out)}</g>'
