"""The body as strokes: the projection of each view, one stroke per capsule (for a drawing's bounds, its arrows and
marks; outline.py and person.py draw the body), and paths through points.

A stroke is (key, layer, width, points); keys stay the same between phases.
"""

from __future__ import annotations

import math

from lumbar.figures.body import HEAD_R, Body

GAP = 3.0  # the gap round the near limbs, cm: the strokes' bounds take it in
OBL_X, OBL_Y = 0.22, 0.32  # side view: screen shift per cm towards the viewer


def num(v: float) -> str:
    s = f"{v:.1f}"
    if s[-1] == "0":
        s = s[:-2]
        if s == "-0":
            return "0"
    return s


class View:
    """Projection from world (cm) to SVG user units: x right, y down."""

    TOP_UP = math.radians(58)  # top view: this far above the floor (70 hid a side-lying body's stacked hips)
    END_UP = math.radians(55)  # end view: looks down the body's length from this far above the floor

    def __init__(self, name: str, cx: float = 0.0, s: float = 1.0):
        self.name = name
        self.cx, self.s = cx, s  # end view: the body's middle along its length, and which end the viewer stands at

    def aim(self, body: Body) -> None:
        """End view: stand at the feet, looking towards the head (the face, nearer, would hide the body)."""
        xs = [q[0] for q in body.points.values()]
        self.cx = (min(xs) + max(xs)) / 2
        self.s = 1.0 if body.points["head"][0] < body.points["hip"][0] else -1.0

    def __call__(self, p):
        x, y, z = p
        if self.name == "end":
            # Along the body from its feet, a little from above, in perspective: twists, a knee rolling, legs
            # opening and a side-lying figure's stacked hips show; the mat recedes towards the head.
            a = self.s * (x - self.cx)
            k = 1.0 + a / 450.0
            return (-self.s * z * k, (math.sin(self.END_UP) * a - math.cos(self.END_UP) * y) * k)
        if self.name == "front":
            return (-z, -y)
        if self.name == "top":
            # From high above and in front, in perspective: the floor recedes a little, and what is lifted off it
            # (a leg, the top side of a side-lying body) stands clear of what lies on it.
            k = 1.0 + z / 400.0
            return (x * k, (math.sin(self.TOP_UP) * z - math.cos(self.TOP_UP) * y) * k)
        # A slight three-quarter view from above and in front: the far side lies a little up and back, so
        # two arms or two legs read as two, and the floor shows as a plane.
        return (x + OBL_X * z, -y + OBL_Y * z)

    def depth(self, p):
        x, y, z = p
        if self.name == "end":
            return math.cos(self.END_UP) * self.s * (x - self.cx) + math.sin(self.END_UP) * y
        if self.name == "top":
            return math.sin(self.TOP_UP) * y + math.cos(self.TOP_UP) * z
        return {"front": x}.get(self.name, z)


LEG = ("thigh", "shin", "foot")
ARM = ("upper-arm", "forearm", "hand")


def body_strokes(body: Body, view: View, props: list[str]):
    """The drawing of one body, back to front: far limbs, trunk, head, near leg, near arm."""
    seg = {name: (p, q, r) for name, _, _, p, q, r in body.segments}
    pts = body.points
    out = []  # (key, layer, width, [points]) ; layer: far | trunk | gap | near | head | prop
    for side in ("far",):
        for chain in (LEG, ARM):
            for kind in chain:
                p, q, r = seg[f"{side}.{kind}"]
                out.append((f"{side}.{kind}", "far", 2 * r, [view(p), view(q)]))
    p, q, r = seg["pelvis"]
    out.append(("pelvis", "trunk", 2 * r, [view(p), view(q)]))
    spine = [view(pts[f"spine{i}"]) for i in range(6)]
    out.append(("spine", "trunk", 2 * seg["spine0"][2], spine))
    out.append(("chest", "trunk", 2 * seg["spine3"][2], spine[2:]))
    p, q, r = seg["girdle"]
    out.append(("girdle", "trunk", 2 * r, [view(p), view(q)]))
    p, q, r = seg["neck"]
    out.append(("neck", "trunk", 2 * r, [view(p), view(q)]))
    head = view(pts["head"])
    out.append(("head-gap", "gap", 2 * HEAD_R + 2 * GAP, [head, head]))
    out.append(("head", "head", 2 * HEAD_R, [head, head]))
    out.append(("nose", "trunk", 3.5, [view(pts["nose0"]), view(pts["nose1"])]))
    for chain in (LEG, ARM):
        for kind in chain:
            p, q, r = seg[f"near.{kind}"]
            out.append((f"near.{kind}-gap", "gap", 2 * r + 2 * GAP, [view(p), view(q)]))
        for kind in chain:
            p, q, r = seg[f"near.{kind}"]
            out.append((f"near.{kind}", "near", 2 * r, [view(p), view(q)]))
    if "dumbbells" in props:
        for side in ("far", "near"):
            c = view(mid(pts[f"{side}.wrist"], pts[f"{side}.hand"]))
            out.append((f"{side}.dumbbell", "far" if side == "far" else "near", 0, [c]))
    return out


def mid(a, b):
    return tuple((a[i] + b[i]) / 2 for i in range(len(a)))


def path_d(points, whole: bool = False) -> str:
    """Straight for two points; a smooth curve through the midpoints for more; whole: in whole units."""
    if whole:
        points = [(round(x), round(y)) for x, y in points]
    if len(points) == 2:
        (x0, y0), (x1, y1) = points
        return f"M{num(x0)} {num(y0)}L{num(x1)} {num(y1)}"
    out = [f"M{num(points[0][0])} {num(points[0][1])}"]
    for i in range(1, len(points) - 1):
        mx, my = (points[i][0] + points[i + 1][0]) / 2, (points[i][1] + points[i + 1][1]) / 2
        if i == len(points) - 2:
            mx, my = points[-1]
        out.append(f"Q{num(points[i][0])} {num(points[i][1])} {num(mx)} {num(my)}")
    return "".join(out)
