"""Furniture that holds the body, drawn as solid objects in the drawing's own projection: a chair (seat, four
legs, backrest), a bench (a padded top on four legs), heavy furniture over the feet (a sofa on short legs), a
wall (a slab with a skirting board). Issue 26, fourth panel: props drawn as thin lines were not recognised, and
the anchored back extension had no furniture at all. Greyscale: faces a light currentColor fill with outlines,
so the light and dark schemes and print all shade them."""

from __future__ import annotations

from lumbar.figures.body import Body
from lumbar.figures.strokes import View

MAT_TONE = "#d6d6d6"  # the mat and the furniture (marks.py draws the mat): opaque; figures.css turns it with the scheme

Box = tuple[float, float, float, float, float, float]  # x0, x1, y0, y1, z0, z1 (cm, world)

# Each face's corners (x, y, z indexes into the box: 0 low, 1 high), counter-clockwise seen from outside.
_FACES = (
    ((0, 1, 0), (0, 1, 1), (1, 1, 1), (1, 1, 0)),  # top
    ((0, 0, 0), (1, 0, 0), (1, 0, 1), (0, 0, 1)),  # bottom
    ((0, 0, 1), (1, 0, 1), (1, 1, 1), (0, 1, 1)),  # near (z high)
    ((0, 0, 0), (0, 1, 0), (1, 1, 0), (1, 0, 0)),  # far
    ((0, 0, 0), (0, 0, 1), (0, 1, 1), (0, 1, 0)),  # x low
    ((1, 0, 0), (1, 1, 0), (1, 1, 1), (1, 0, 1)),  # x high
)


def corners(box: Box) -> list[tuple[float, float, float]]:
    x0, x1, y0, y1, z0, z1 = box
    return [(x, y, z) for x in (x0, x1) for y in (y0, y1) for z in (z0, z1)]


def _faces(view: View, box: Box) -> str:
    """The faces of a box the viewer sees (those whose corners turn the same way on the page as seen from
    outside), as subpaths in whole units."""
    out = []
    for idx in _FACES:
        pts = [view(tuple(box[2 * axis + i] for axis, i in enumerate(c))) for c in idx]
        area = sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(pts, pts[1:] + pts[:1], strict=True))
        if area < -1e-6:  # SVG's y runs down: a face turned towards the viewer winds clockwise on the page
            out.append(short([(round(x), round(y)) for x, y in pts]) + "Z")
    return "".join(out)


def short(pts) -> str:
    """A polyline in few bytes: the first point, then relative steps (h or v where one coordinate stays)."""
    out = f"M{pts[0][0]} {pts[0][1]}"
    for (ax, ay), (bx, by) in zip(pts, pts[1:], strict=False):
        dx, dy = bx - ax, by - ay
        out += f"h{dx}" if not dy else f"v{dy}" if not dx else f"l{dx} {dy}"
    return out


def _is_leg(box: Box) -> bool:
    return box[1] - box[0] <= 5 and box[5] - box[4] <= 5 and box[2] == 0


def chair(cx: float, half: float, top: float, back_at: float) -> list[Box]:
    """A chair whose seat's top is at top: seat, four legs, and the backrest on the back_at side (-1 or 1)."""
    x0, x1, z0, z1 = cx - half, cx + half, -22.0, 22.0
    out = [(x, x + 4, 0.0, top - 5, z, z + 4) for x in (x0 + 1, x1 - 5) for z in (z0 + 1, z1 - 5)]
    out.append((x0, x1, top - 5, top, z0, z1))
    bx = x1 - 4 if back_at > 0 else x0
    out.append((bx, bx + 4, top, top + 45, z1 - 5, z1 - 1))  # the near post (the far one hides behind the panel)
    out.append((bx, bx + 4, top + 24, top + 45, z0 + 1, z1 - 1))
    return out


def bench(x0: float, x1: float, top: float) -> list[Box]:
    """A low padded bench: a thick top on four square legs."""
    z0, z1 = -18.0, 18.0
    legs = [(x, x + 4, 0.0, top - 7, z, z + 4) for x in (x0 + 4, x1 - 8) for z in (z0 + 2, z1 - 6)]
    return [*legs, (x0, x1, top - 7, top, z0, z1)]


def sofa(edge: float, away: float) -> list[Box]:
    """Heavy furniture (a sofa) whose front edge is at x = edge, standing on short legs, its bulk away (-1 or 1)
    from the body: the feet hook under its front edge."""

    def span(a: float, b: float) -> tuple[float, float]:
        lo, hi = edge + away * a, edge + away * b
        return min(lo, hi), max(lo, hi)

    z0, z1 = -42.0, 42.0
    legs = [(*span(a, a + 5), 0.0, 24.0, z, z + 5) for a in (3.0, 50.0) for z in (z0 + 3, z1 - 8)]
    return [
        *legs,
        (*span(0.0, 60.0), 24.0, 38.0, z0, z1),  # the base: the heels press up under its front edge
        (*span(0.0, 46.0), 38.0, 48.0, z0 + 2, z1 - 2),  # the seat cushion (a sofa, not a box)
        (*span(45.0, 62.0), 38.0, 85.0, z0, z1),  # the backrest
    ]


def wall(x: float, toward: float) -> list[Box]:
    """A wall whose face is at x, the room on the toward side (-1 or 1): a slab and a skirting board."""
    slab = (x - 10, x) if toward > 0 else (x, x + 10)
    board = (x, x + 1.5) if toward > 0 else (x - 1.5, x)
    return [(*slab, 0.0, 225.0, -45.0, 45.0), (*board, 0.0, 8.0, -45.0, 45.0)]


def feet_edge(body: Body) -> tuple[float, float]:
    """Where heavy furniture's front edge goes for feet hooked under it (over the ankles), and which way the
    feet point from the body (the furniture stands that way)."""
    pts = body.points
    away = 1.0 if pts["near.toe"][0] > pts["hip"][0] else -1.0
    ankles = max(pts["near.ankle"][0] * away, pts["far.ankle"][0] * away) * away
    return ankles, away


def draw(view: View, kind: str, boxes: list[Box]) -> str:
    """One prop group of two paths: the legs as dark strokes, and every other box's visible faces in one light
    grey path with outlines (their edges behind another box fall on its outline). Few elements and bytes: the
    gallery's weight is held."""
    legs = [b for b in boxes if _is_leg(b)]
    ends = [tuple(view(((b[0] + b[1]) / 2, y, (b[4] + b[5]) / 2)) for y in (b[2], b[3])) for b in legs]
    out = []
    if legs:
        d = "".join(short([(round(a[0]), round(a[1])), (round(b[0]), round(b[1]))]) for a, b in ends)
        out.append(f'<path d="{d}" stroke-width="4"/>')
    # Each box opaque and drawn far to near (lower first, seen from above), so a box hides the edges of those
    # behind it: one translucent path showed the chair's and the sofa's hidden edges through their faces.
    solid = sorted((b for b in boxes if not _is_leg(b)), key=lambda b: _depth(view, b))
    out += [f'<path d="{_faces(view, b)}" fill="{MAT_TONE}" class="lh-solid"/>' for b in solid]
    return f'<g class="lh-prop lh-prop-{kind}" stroke="currentColor">{"".join(out)}</g>'


def _depth(view: View, b: Box) -> float:
    c = _middle(b)
    return view.depth(c) + (c[1] if view.name == "side" else 0.0)


def _middle(b: Box) -> tuple[float, float, float]:
    return ((b[0] + b[1]) / 2, (b[2] + b[3]) / 2, (b[4] + b[5]) / 2)
