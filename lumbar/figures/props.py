"""The props drawn around the body: mat, roller, pillow, chair, bench, wall and barbell."""

from __future__ import annotations

from lumbar.figures.body import PART_SEGMENTS, Body
from lumbar.figures.contact import lowest, touching
from lumbar.figures.oblique import ABOVE
from lumbar.figures.outline import _F, _K
from lumbar.figures.solver import Resolved
from lumbar.figures.strokes import View, mid, num


def props_svg(r: Resolved, view: View, props: list[str], floor_span) -> str:
    out = []
    body = r.body
    if view.name in ABOVE:
        return ""
    for part, prop in sorted(r.support.items()):
        if prop == "wall":
            out.append(_wall(body, view))
            continue
        y, x = lowest(body, part)
        spans = touching(body, y, 3.0, PART_SEGMENTS[part])
        x0, x1 = (min(a for a, _ in spans), max(b for _, b in spans)) if spans else (x - 5, x + 5)
        if view.name == "front":
            xs = [view(p)[0] for _, kind, _, p, q, _ in body.segments if kind in PART_SEGMENTS[part]]
            x0, x1 = min(xs) - 8, max(xs) + 8
        y = max(y, 1.0)
        cx = (x0 + x1) / 2
        if prop == "roller":
            rr = y / 2
            out.append(
                f'<circle cx="{num(cx)}" cy="{num(-rr)}" r="{num(rr)}" fill="currentColor" fill-opacity=".15" '
                f'stroke="currentColor" stroke-width="2"/>'
            )
            out.append(
                f'<circle cx="{num(cx)}" cy="{num(-rr)}" r="{num(rr * 0.35)}" fill="none" stroke="currentColor" '
                'stroke-width="1.2"/>'
            )
        elif prop == "pillow":
            w = max(36.0, x1 - x0 + 8)
            out.append(
                f'<rect x="{num(cx - w / 2)}" y="{num(-y)}" width="{num(w)}" height="{num(y)}" '
                f'rx="{num(min(y / 2, 8))}" '
                f'fill="currentColor" fill-opacity=".15" stroke="currentColor" stroke-width="2"/>'
            )
        elif prop in ("chair", "bench"):
            out.append(_seat(prop, cx, x0, x1, y, body, part))
    if "wall" in props and "wall" not in r.support.values() and view.name == "side":
        out.append(_wall(body, view, gap=12))
    return "".join(out)


def _seat(prop, cx, x0, x1, y, body: Body, part) -> str:
    half = 21.0 if prop == "chair" else max(35.0, (x1 - x0) / 2 + 10)
    if prop == "chair" and x1 - x0 > 40:
        half = (x1 - x0) / 2 + 4
    a, b = cx - half, cx + half
    parts = [f'<rect x="{num(a)}" y="{num(-y)}" width="{num(b - a)}" height="3.5" fill="currentColor"/>']
    inset = 3.0 if prop == "chair" else 9.0
    for lx in (a + inset, b - inset):
        parts.append(f'<path d="M{num(lx)} {num(-y + 3)}V0" stroke="currentColor" stroke-width="3"/>')
    if prop == "chair":
        # The backrest goes on the side away from the rest of the body.
        com = sum((p[0] + q[0]) / 2 for _, _, _, p, q, _ in body.segments) / len(body.segments)
        bx = a + 1.5 if com > cx else b - 1.5
        parts.append(
            f'<path d="M{num(bx)} {num(-y)}V{num(-y - 42)}" stroke="currentColor" stroke-width="3.5" '
            'stroke-linecap="round"/>'
        )
    return f'<g class="lh-prop" fill="none">{"".join(parts)}</g>'


def _wall(body: Body, view: View, gap: float = 0.0) -> str:
    back = [(p, r) for _, kind, _, p, q, r in body.segments if kind in ("chest", "lumbar", "pelvis", "head")]
    facing_right = body.face[0] >= 0
    if facing_right:
        x = min(view(p)[0] - r for p, r in back) - gap
        return (
            f'<rect x="{num(x - 5)}" y="-200" width="5" height="200" fill="currentColor" fill-opacity=".18"/>'
            f'<path d="M{num(x)} -200V0" stroke="currentColor" stroke-width="1.5"/>'
        )
    x = max(view(p)[0] + r for p, r in back) + gap
    return (
        f'<rect x="{num(x)}" y="-200" width="5" height="200" fill="currentColor" fill-opacity=".18"/>'
        f'<path d="M{num(x)} -200V0" stroke="currentColor" stroke-width="1.5"/>'
    )


def barbell_at(r: Resolved, body: Body, view: View) -> tuple:
    pts = body.points
    if r.barbell == "shoulders":
        back = -1.0 if body.face[0] >= 0 else 1.0
        c = view(pts["spine4"])
        return (c[0] + back * 6, c[1] - 8)
    return view(mid(pts["near.wrist"], pts["far.wrist"]))


def barbell_svg(c, part: str = "all") -> str:
    """A barbell seen a little from above and in front, as the body is: the bar through the hands, the far plate up
    and back (drawn behind the body: part="back"), the near plate down and forward, an open ring so the body stays
    visible through it (drawn in front: part="front")."""
    fx, fy, nx, ny = c[0] - 12, c[1] - 16, c[0] + 12, c[1] + 16
    out = []
    if part in ("all", "back"):
        out.append(
            f'<ellipse cx="{num(fx)}" cy="{num(fy)}" rx="8" ry="20" {_F} '
            f'stroke-width="2.5"/><path d="M{num(fx)} {num(fy)}L{num(nx)} {num(ny)}" stroke="currentColor" class="lh-line" '
            'stroke-width="3.5"/>'
        )
    if part in ("all", "front"):
        out.append(
            f'<ellipse cx="{num(nx)}" cy="{num(ny)}" rx="8" ry="20" stroke="currentColor" class="lh-line" stroke-width="3"/>'
            f'<circle cx="{num(nx)}" cy="{num(ny)}" r="2.5" {_K}/>'
        )
    return f'<g class="lh-prop">{"".join(out)}</g>'
