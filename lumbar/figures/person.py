"""The parts of the person that tell which way the body lies: a head in profile, the trunk's front and back,
hands with a thumb and feet with a heel and toes (issue 26, fourth round: a face-down body read as face up).

Each part is a closed polygon in whole units with relative commands (light, exact), wound as the capsules of
outline.py are so that it joins their union. A part keeps its number of points in every pose, so a motion can
move between poses. The trunk's contour and the feet and hands are built in the body's own 3D frames and then
projected, so they turn with the body in every view; the head is built on the page from the face's direction.
"""

from __future__ import annotations

import math

from lumbar.figures.body import HEAD_R, Body
from lumbar.figures.strokes import View

# The trunk's half-thickness in front (chest, belly) and behind (back, buttocks) at each of the six spine
# points, hip to the base of the neck (cm): the chest stands out in front, the low back curves in, the
# buttocks stand out behind and below the hips, so a body lying face down does not look like one face up.
FRONT = (9.5, 9.5, 9.5, 11.5, 12.0, 9.0)
BACK = (10.5, 7.5, 8.5, 10.0, 10.5, 9.5)
# The trunk's half-width, side to side, at the same six points (cm): seen from the front (a body on its side, a
# handout's view) or from above it is as wide as the hips and the shoulders, not a strip between them.
WIDE = (16.0, 14.5, 14.0, 15.5, 17.0, 15.0)
BUTTOCK = ((1.5, 11.8), (5.5, 12.5), (9.5, 10.5), (12.0, 7.0))  # (towards the feet, behind): their round, the crease
# The head in profile, (along the face, up the head) as shares of its radius: brow, its ridge over the eye, a nose
# that stands well out of the skull (the way the face points, even lying face down at sheet size), lips, chin, jaw.
FACE = (
    (0.62, 0.8),
    (0.99, 0.4),
    (0.94, 0.14),
    (1.45, -0.3),
    (0.98, -0.45),
    (0.88, -0.74),
    (0.58, -0.96),
    (0.22, -0.9),
    (0.0, 0.0),
)
TRUNK_KINDS = ("pelvis", "lumbar", "chest")
# A foot seen from its side, (along the sole from under the ankle, up from the sole's line) in cm: the heel
# stands out behind the ankle, the sole is flat, the toes thin towards their tips; the sole is 3.5 under the line,
# as the foot's capsule, so it rests where the geometry says.
FOOT = ((-5.5, -3.5), (16.0, -3.5), (20.5, -2.0), (20.0, 0.5), (4.0, 5.0), (-3.0, 6.5), (-7.5, 2.5), (-8.5, -1.0))
# A hand as a mitten and a thumb, (along the hand from the wrist, towards the thumb) in cm; both convex.
HAND = ((0.0, -3.0), (5.5, -4.2), (9.5, -3.4), (11.0, -0.5), (10.0, 2.5), (5.0, 3.6), (0.0, 3.0))
THUMB = ((1.5, 2.2), (4.5, 3.0), (7.2, 5.0), (6.0, 6.6), (3.0, 5.2))
FOOT_HALF, HAND_HALF = 4.0, 1.6  # half the foot's width and the hand's thickness


def _v(a, b, k=1.0):
    return (a[0] + b[0] * k, a[1] + b[1] * k, a[2] + b[2] * k)


def _unit(v):
    n = math.sqrt(sum(c * c for c in v))
    return tuple(c / n for c in v) if n > 1e-9 else (1.0, 0.0, 0.0)


def _dot(a, b):
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def _cross(a, b):
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def _col(m, i):
    return (m[i], m[3 + i], m[6 + i])


def _perp(v, t):
    """v without its share along t, as a unit vector."""
    return _unit(_v(v, t, -_dot(v, t)))


def _nums(vals) -> str:
    out = ""
    for v in vals:
        s = str(int(v)) if float(v).is_integer() else str(v)
        s = "." + s[2:] if s.startswith("0.") else "-." + s[3:] if s.startswith("-0.") else s
        out += s if not out or s.startswith("-") else " " + s
    return out


def polygon(points, k: int = 1) -> str:
    """A closed polygon in whole units (1/k of one: the face, small, in halves), relative commands, wound as the
    capsules (counter-clockwise on the page)."""
    pts = [(round(x * k) / k, round(y * k) / k) for x, y in points]
    if k == 1:
        pts = [(int(x), int(y)) for x, y in pts]
    area = sum(pts[i][0] * pts[i - 1][1] - pts[i - 1][0] * pts[i][1] for i in range(len(pts)))
    if area < 0:
        pts = pts[::-1]
    deltas = []
    for i in range(1, len(pts)):
        deltas += [pts[i][0] - pts[i - 1][0], pts[i][1] - pts[i - 1][1]]
    return f"M{_nums(pts[0])}l{_nums(deltas)}z"


def _front(body: Body, spine, tang):
    px, cx = _col(body.frames["pelvis"], 0), _col(body.frames["chest"], 0)
    return [_perp(_v(_v((0, 0, 0), px, 1 - i / 5), cx, i / 5), tang[i]) for i in range(6)]


def side_on(body: Body, view: View) -> bool:
    """Whether the view sees the trunk from its side (the chest's front across the page, not towards us)."""
    c = body.points["spine3"]
    f = _col(body.frames["chest"], 0)
    a, b = view(c), view(_v(c, f))
    return math.hypot(b[0] - a[0], b[1] - a[1]) > 0.6


def trunk(body: Body, view: View) -> str:
    """The trunk from the hips to the base of the neck, with its front and back contour where the view sees the
    body from its side; seen from above or from an end, an even outline (the pelvis and the shoulders' capsules
    give the width). Nothing goes lower than the trunk's capsules already do: on the floor, the chest or the
    buttocks flatten against it."""
    pts = body.points
    spine = [pts[f"spine{i}"] for i in range(6)]
    tang = [_unit(_v(spine[min(i + 1, 5)], spine[max(i - 1, 0)], -1.0)) for i in range(6)]
    front = _front(body, spine, tang)
    if side_on(body, view):
        low = min(0.0, *(min(p[1], q[1]) - r for _, kind, _, p, q, r in body.segments if kind in TRUNK_KINDS))
        ring = [_v(spine[i], front[i], FRONT[i]) for i in range(6)]
        ring += [_v(spine[i], front[i], -BACK[i]) for i in range(5, -1, -1)]
        ring += [_v(_v(spine[0], tang[0], -down), front[0], -back) for down, back in BUTTOCK]
        return polygon([view((x, max(y, low), z)) for x, y, z in ring])
    flat = [view(p) for p in spine]
    pz, cz = _col(body.frames["pelvis"], 2), _col(body.frames["chest"], 2)
    out, back = [], []
    for i, p in enumerate(flat):
        a, b = flat[max(i - 1, 0)], flat[min(i + 1, 5)]
        dx, dy = b[0] - a[0], b[1] - a[1]
        n = math.hypot(dx, dy) or 1.0
        # As wide as the body's side-to-side width shows across the spine on the page (none seen end on).
        side = view(_v(spine[i], _perp(_v(_v((0, 0, 0), pz, 1 - i / 5), cz, i / 5), tang[i]), WIDE[i]))
        r = max((FRONT[i] + BACK[i]) / 2, abs((side[0] - p[0]) * -dy + (side[1] - p[1]) * dx) / n)
        out.append((p[0] - dy / n * r, p[1] + dx / n * r))
        back.append((p[0] + dy / n * r, p[1] - dx / n * r))
    # The buttocks' points fall inside the pelvis here: the polygon keeps its number of points.
    return polygon(out + back[::-1] + [flat[0]] * len(BUTTOCK))


def thick(points, w) -> list:
    """A convex outline swept across its thickness (w: half of it, on the page): the outline with two more points,
    so a hand or foot seen edge on (from the front, from above) keeps its width and never vanishes."""
    n = len(points)
    area = sum(points[i - 1][0] * points[i][1] - points[i][0] * points[i - 1][1] for i in range(n))
    o = 1.0 if area >= 0 else -1.0
    side = []
    for i in range(n):
        (x0, y0), (x1, y1) = points[i], points[(i + 1) % n]
        side.append(1.0 if o * ((y1 - y0) * w[0] - (x1 - x0) * w[1]) >= 0 else -1.0)
    out = []
    for i, p in enumerate(points):
        for s in {side[i - 1]: None, side[i]: None}:  # the edge before's side, then this edge's if it differs
            out.append((p[0] + s * w[0], p[1] + s * w[1]))
    if len(out) != n + 2:  # no thickness seen: the same number of points, so a motion still moves between them
        out = [points[0], *points[: n // 2], *points[n // 2 :], points[-1]]
    return out


def _part(view: View, origin, a_dir, b_dir, across, half: float, shape) -> list:
    o = view(origin)
    e = view(_v(origin, across, half))
    w = (e[0] - o[0], e[1] - o[1])
    return thick([view(_v(_v(origin, a_dir, a), b_dir, b)) for a, b in shape], w)


def foot(body: Body, view: View, side: str) -> str:
    """The foot from the side of its sole: heel behind, toes ahead, in the plane the ankle bends in."""
    pts = body.points
    d = _unit(_v(pts[f"{side}.toe"], pts[f"{side}.heel"], -1.0))
    across = _col(body.frames[f"{side}.shin"], 2)
    up = _unit(_cross(across, d))
    return polygon(_part(view, pts[f"{side}.footbase"], d, up, across, FOOT_HALF, FOOT))


def hand(body: Body, view: View, side: str) -> str:
    """A mitten from the wrist, with the thumb on the side the palm turns to (forward when the arm hangs)."""
    pts = body.points
    wrist = pts[f"{side}.wrist"]
    h = _unit(_v(pts[f"{side}.hand"], wrist, -1.0))
    thumb = _unit(_cross(_col(body.frames[f"{side}.forearm"], 2), h))
    across = _cross(h, thumb)
    return polygon(_part(view, wrist, h, thumb, across, HAND_HALF, HAND)) + polygon(
        [view(_v(_v(wrist, h, a), thumb, b)) for a, b in THUMB]
    )


def face(c, u, v) -> str:
    """The face's profile on the page: c the head's centre, u the way the face points, v the top of the head."""
    return polygon([(c[0] + (u[0] * a + v[0] * b) * HEAD_R, c[1] + (u[1] * a + v[1] * b) * HEAD_R) for a, b in FACE], 2)
