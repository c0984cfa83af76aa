"""The body drawn as a health leaflet draws a person: outlined shapes, not thick lines.

Each group of the body (far limbs, trunk and head, near leg, near arm) is one <path> made of
capsules (a limb piece with round ends) and the shapes of person.py (the trunk's contour, the face,
hands and feet) drawn with paint-order="stroke": the strokes of every piece first, then the fill
of their union, so the group shows one outline around its silhouette. Near limbs are solid, with a
gap in the paper's colour; far limbs are mid-grey inside a full outline (the ghost of the position
before is a faint dashed copy); the trunk and head are paper with an outline; the hair over the
back of the head and the eye are ink, so the way the face points shows.
Colours are attributes for a standalone file; figures.css maps them to the page's scheme.
"""

from __future__ import annotations

import math

from lumbar.figures import person
from lumbar.figures.body import HEAD_R, Body
from lumbar.figures.strokes import View, mid, num

LINE = 3.0  # outline stroke width (half of it shows outside the fill)
GAP = 5.0  # the paper-coloured stroke around near limbs
PAPER, FAR_TONE = "#fff", "#9a9a9a"
LEG = ("thigh", "knee", "shin", "foot")
ARM = ("upper-arm", "forearm", "hand")
# Limbs narrow towards the hand and foot, as a person's do (the knee's round was the shin's width: 6 still covers it).
TAPER = {"thigh": 0.8, "shin": 0.78, "upper-arm": 0.87, "forearm": 0.8}
PELVIS_SIDE = 6.5  # the pelvis's round seen side on, inside the trunk's contour
TRUNK = ("pelvis", "spine0", "spine1", "spine2", "spine3", "spine4", "girdle", "neck")


def _unit(dx, dy):
    n = math.hypot(dx, dy)
    return (dx / n, dy / n) if n > 1e-6 else (1.0, 0.0)


def _pt(p) -> tuple[int, int]:
    # Whole units (about 1 cm; under a pixel at the sizes drawn): the paths are most of the drawings' weight.
    return round(p[0]), round(p[1])


def capsule(p, q, r0: float, r1: float) -> str:
    """A piece with round ends, always wound the same way so that pieces of one path fill as a union; relative
    commands between whole-unit points (short, and exact: no drift)."""
    if math.dist(p, q) < 0.3:
        return circle(mid(p, q), max(r0, r1))
    dx, dy = _unit(q[0] - p[0], q[1] - p[1])
    nx, ny = -dy, dx
    a = _pt((p[0] + nx * r0, p[1] + ny * r0))
    b = _pt((q[0] + nx * r1, q[1] + ny * r1))
    c = _pt((q[0] - nx * r1, q[1] - ny * r1))
    e = _pt((p[0] - nx * r0, p[1] - ny * r0))
    return (
        f"M{a[0]} {a[1]}l{b[0] - a[0]} {b[1] - a[1]}a{num(r1)} {num(r1)} 0 0 0 {c[0] - b[0]} {c[1] - b[1]}"
        f"l{e[0] - c[0]} {e[1] - c[1]}a{num(r0)} {num(r0)} 0 0 0 {a[0] - e[0]} {a[1] - e[1]}z"
    )


def circle(c, r: float) -> str:
    x, y = c
    return f"M{num(x)} {num(y + r)}a{num(r)} {num(r)} 0 0 0 0 {num(-2 * r)}a{num(r)} {num(r)} 0 0 0 0 {num(2 * r)}z"


def _face(body: Body, view: View):
    """The head's centre, the face direction and the head's up direction, on the page."""
    pts = body.points
    c = view(pts["head"])
    fx, fy = view(tuple(pts["head"][i] + body.face[i] for i in range(3)))
    face = (fx - c[0], fy - c[1])
    # nose0 sits HEAD_R - 3 along the face and 2 below the head's centre: its up direction follows.
    up3 = tuple((pts["head"][i] + body.face[i] * (HEAD_R - 3.0) - pts["nose0"][i]) / 2.0 for i in range(3))
    ux, uy = view(tuple(pts["head"][i] + up3[i] for i in range(3)))
    return (
        c,
        face,
        (ux - c[0], uy - c[1]),
        view.depth(tuple(pts["head"][i] + body.face[i] for i in range(3))) - view.depth(pts["head"]),
    )


def profile(body: Body, view: View) -> bool:
    """Whether the face is seen from the side (a nose), rather than from the front or the back."""
    _, face, _, _ = _face(body, view)
    return math.hypot(*face) > 0.55


def shapes(
    body: Body, view: View, props: list[str], side_face: bool | None = None, tuck: bool = False
) -> list[tuple[str, str]]:
    """(kind, d) of each element of the body, back to front; the same kinds in the same order for every pose of
    one drawing when side_face is given, so a motion can move between them. tuck (hands behind the head): the
    near forearm and hand go under the head's outline, so they are seen to be behind the head and the face shows;
    the upper arm stays on top, its end the elbow (the forearm over the head hid the face, issue 26)."""
    seg = {name: (p, q, r) for name, _, _, p, q, r in body.segments}

    def piece(name):
        p, q, r = seg[name]
        k = TAPER.get(name.split(".")[-1], 1.0)
        return capsule(view(p), view(q), r, r * k)

    def limb(side, parts):
        # The knee's round is inside the thigh's end: not drawn. Hands and feet are shapes of their own.
        out = {"foot": person.foot, "hand": person.hand}
        return "".join(out[k](body, view, side) if k in out else piece(f"{side}.{k}") for k in parts if k != "knee")

    out = [("far", limb("far", (*LEG, *ARM)))]
    if tuck:
        out.append(("near-arm", limb("near", ARM[1:])))
    c, face, up, toward = _face(body, view)
    # Seen side on, the pelvis is a smaller round inside the trunk's contour (its full width would stand out on the
    # belly as a bump); from above or an end, it gives the hips their width.
    p, q, r = seg["pelvis"]
    pelvis = capsule(view(p), view(q), *((PELVIS_SIDE,) * 2 if person.side_on(body, view) else (r, r)))
    trunk = [pelvis, person.trunk(body, view)] + [piece(k) for k in TRUNK[-2:]] + [circle(c, HEAD_R)]
    side_face = profile(body, view) if side_face is None else side_face
    fl = math.hypot(*face) or 1.0
    u = (face[0] / fl, face[1] / fl)
    ul = math.hypot(*up) or 1.0
    v = (up[0] / ul, up[1] / ul)
    if side_face:
        trunk.append(person.face(c, u, v))  # brow, nose, lips and chin: part of the head's outline
    out.append(("trunk", "".join(trunk)))
    # Hair and eyes: one ink path (one element fewer per body, so the gallery page stays light).
    out.append(("hair", _hair(c, u, v, side_face, toward) + _eyes(c, u, v, side_face, toward)))
    out.append(("near-leg", limb("near", LEG)))
    out.append(("near-arm", limb("near", ARM[: 1 if tuck else 3])))
    if "dumbbells" in props:
        for s in ("far", "near"):
            out.append((f"{s}-dumbbell", _dumbbell(view(mid(body.points[f"{s}.wrist"], body.points[f"{s}.hand"])))))
    return out


def _poly(points) -> str:
    # Wound like the capsules (counter-clockwise on the page) so it joins the union.
    area = sum(points[i][0] * points[i - 1][1] - points[i - 1][0] * points[i][1] for i in range(len(points)))
    if area < 0:
        points = points[::-1]
    return "M" + "L".join(f"{num(x)} {num(y)}" for x, y in points) + "Z"


def _arc_point(c, r, ang):
    return (c[0] + r * math.cos(ang), c[1] + r * math.sin(ang))


def _hair(c, u, v, side_face: bool, toward: float) -> str:
    r = HEAD_R - 0.6
    if not side_face:
        if toward > 0:  # the face towards us: a fringe only
            a0 = math.atan2(v[1], v[0])
            p, q = _arc_point(c, r, a0 - 1.1), _arc_point(c, r, a0 + 1.1)
            return f"M{num(p[0])} {num(p[1])}A{num(r)} {num(r)} 0 0 1 {num(q[0])} {num(q[1])}Z"
        # The back of the head: hair over all but the nape, whose paper hairline reads as a head seen from behind
        # (a dark round read as a faceless head, not face down, issue 26).
        a0 = math.atan2(v[1], v[0])
        p, q = _arc_point(c, r, a0 - 2.4), _arc_point(c, r, a0 + 2.4)
        return f"M{num(p[0])} {num(p[1])}A{num(r)} {num(r)} 0 1 1 {num(q[0])} {num(q[1])}Z"
    # Hair over the back half of the skull, from above the forehead over the crown to the nape, its front edge
    # bowed a little towards the face. Dark behind, paper in front
    # with the nose: the way the face points reads even where the head is 2 mm wide.
    au = math.atan2(u[1], u[0])
    cross = u[0] * v[1] - u[1] * v[0]  # which way round from the face to the top of the head
    s = 1.0 if cross > 0 else -1.0
    p = _arc_point(c, r, au + s * math.radians(70))
    q = _arc_point(c, r, au + s * math.radians(248))
    k = (p[0] / 2 + q[0] / 2 + u[0] * 0.4 * HEAD_R, p[1] / 2 + q[1] / 2 + u[1] * 0.4 * HEAD_R)
    sweep = 1 if s > 0 else 0
    # No ear: a light hole in the dark hair read as a second eye, the face looking up when it looked down (issue 26).
    return (
        f"M{num(p[0])} {num(p[1])}A{num(r)} {num(r)} 0 0 {sweep} {num(q[0])} {num(q[1])}"
        f"Q{num(k[0])} {num(k[1])} {num(p[0])} {num(p[1])}Z"
    )


def _eyes(c, u, v, side_face: bool, toward: float) -> str:
    if side_face:
        e = (c[0] + u[0] * HEAD_R * 0.62 + v[0] * 1.5, c[1] + u[1] * HEAD_R * 0.62 + v[1] * 1.5)
        return circle(e, 1.5)
    if toward <= 0:
        return circle(c, 0.1)  # nothing to see: kept so a motion's paths line up
    w = (v[1], -v[0])
    eyes = "".join(circle((c[0] + w[0] * k * 4 + v[0] * 1.5, c[1] + w[1] * k * 4 + v[1] * 1.5), 1.5) for k in (-1, 1))
    # A mouth under the eyes: which way up the face is shows (a head on its side read as a face up, issue 26).
    m = [(c[0] + w[0] * a - v[0] * b, c[1] + w[1] * a - v[1] * b) for a, b in ((-4, 4), (0, 7.2), (4, 4), (0, 4.6))]
    m = [(round(x * 2) / 2, round(y * 2) / 2) for x, y in m]
    if sum(m[k][0] * m[k - 1][1] - m[k - 1][0] * m[k][1] for k in range(4)) >= 0:
        m = m[::-1]  # wound as the eyes' circles, against the capsules: it is ink, not a hole
    d = [m[k + 1][n] - m[k][n] for k in range(3) for n in (0, 1)]
    return eyes + f"M{num(m[0][0])} {num(m[0][1])}l" + " ".join(num(x) for x in d) + "z"


def _dumbbell(c) -> str:
    return circle(c, 6.5) + circle(c, 2.5)


# Colours as attributes for a standalone file; figures.css recolours the classes through custom properties, so the
# page's scheme applies and the ghost (a <use> of the body that sets them all pale, GHOST in drawing.py) is pale.
_F = f'fill="{FAR_TONE}" stroke="currentColor" class="lh-far"'
_P = f'fill="{PAPER}" stroke="currentColor" class="lh-paper"'
_K = 'fill="currentColor" class="lh-ink"'
_N = f'fill="currentColor" stroke="{PAPER}" class="lh-gap"'
STYLE = {
    "far": f'{_F} stroke-width="{LINE}" paint-order="stroke"',
    "trunk": f'{_P} stroke-width="{LINE}" paint-order="stroke"',
    "hair": _K,
    "near-leg": f'{_N} stroke-width="{GAP}" paint-order="stroke"',
    "near-arm": f'{_N} stroke-width="{GAP}" paint-order="stroke"',
    "far-dumbbell": f'{_F} stroke-width="2" fill-rule="evenodd"',
    "near-dumbbell": f'{_P} stroke-width="2.5" fill-rule="evenodd"',
}


def draw(shapes_list, frames=None, timing=None) -> str:
    """The SVG of one body; frames (a list of shapes lists of the same kinds) moves every path."""
    out = []
    for i, (kind, d) in enumerate(shapes_list):
        anim = ""
        if frames:
            anim = (
                f'<animate attributeName="d" dur="{timing[0]}" repeatCount="indefinite" keyTimes="{timing[1]}" '
                f'values="{";".join(f[i][1] for f in frames)}"/>'
            )
        out.append(f'<path d="{d}" {STYLE[kind]}>{anim}</path>')
    return "".join(out)
