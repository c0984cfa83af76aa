"""Kinematics: joint angles to a posed body in world coordinates (see body.py for the axes).

Small 3D maths on tuples: fast enough, and exact to reproduce. A rotation is a 3x3 matrix as a
flat 9-tuple.
"""

from __future__ import annotations

import math
from functools import lru_cache

from lumbar.figures.body import (
    FOOT_DROP,
    FOREARM,
    HAND,
    HEAD_R,
    HEEL,
    HIP_HALF,
    LUMBAR_LEN,
    NECK_LEN,
    RADIUS,
    SHIN,
    SHOULDER_DROP,
    SHOULDER_HALF,
    SIDES,
    THIGH,
    THORACIC_LEN,
    TOE,
    UPPER_ARM,
    Body,
)


@lru_cache(maxsize=4096)
def _rx(deg):
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return (1.0, 0.0, 0.0, 0.0, c, -s, 0.0, s, c)


@lru_cache(maxsize=4096)
def _ry(deg):
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return (c, 0.0, s, 0.0, 1.0, 0.0, -s, 0.0, c)


@lru_cache(maxsize=4096)
def _rz(deg):
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return (c, -s, 0.0, s, c, 0.0, 0.0, 0.0, 1.0)


def mm(a, b):
    return (
        a[0] * b[0] + a[1] * b[3] + a[2] * b[6],
        a[0] * b[1] + a[1] * b[4] + a[2] * b[7],
        a[0] * b[2] + a[1] * b[5] + a[2] * b[8],
        a[3] * b[0] + a[4] * b[3] + a[5] * b[6],
        a[3] * b[1] + a[4] * b[4] + a[5] * b[7],
        a[3] * b[2] + a[4] * b[5] + a[5] * b[8],
        a[6] * b[0] + a[7] * b[3] + a[8] * b[6],
        a[6] * b[1] + a[7] * b[4] + a[8] * b[7],
        a[6] * b[2] + a[7] * b[5] + a[8] * b[8],
    )


def mv(m, x, y, z):
    return (m[0] * x + m[1] * y + m[2] * z, m[3] * x + m[4] * y + m[5] * z, m[6] * x + m[7] * y + m[8] * z)


def add(p, v, k=1.0):
    return (p[0] + v[0] * k, p[1] + v[1] * k, p[2] + v[2] * k)


def _turn(z, x=0.0, y=0.0):
    """Rz(z) Rx(x) Ry(y), skipping the turns that are nothing (None when all are)."""
    m = None
    for angle, rot in ((z, _rz), (x, _rx), (y, _ry)):
        if angle:
            m = rot(angle) if m is None else mm(m, rot(angle))
    return m


def _then(frame, turn):
    return frame if turn is None else mm(frame, turn)


def arm(sh, base, sign: float, g):
    """Elbow, wrist, hand tip and forearm frame of one arm from its shoulder joint; g(joint) gives its angles."""
    A = _then(base, _turn(g("shoulder"), -sign * g("shoulder-abduction"), sign * g("shoulder-rotation")))
    el = add(sh, mv(A, 0.0, -UPPER_ARM, 0.0))
    Fa = _then(A, _turn(g("elbow")))
    wr = add(el, mv(Fa, 0.0, -FOREARM, 0.0))
    hand = add(wr, mv(_then(Fa, _turn(g("wrist"))), 0.0, -HAND, 0.0))
    return el, wr, hand, Fa


def forward(
    angles: dict, rot: float, roll: float, root: tuple, twist_fixed: str = "pelvis", arch: bool = False
) -> Body:
    """Joint angles -> world positions. rot: turn of the whole body in the picture plane (deg).

    arch: the back bends about its middle (as on all fours) and the arms and legs keep their
    direction, instead of the chest bending on a still pelvis.
    """
    a = angles.get
    P = mm(_rz(rot), _ry(roll))
    limb_frame = P
    twist = a("twist", 0.0)
    if (
        twist and twist_fixed == "chest" and abs(a("thoracic", 0.0)) + abs(a("lumbar", 0.0)) < 20
    ):  # a lifted chest turns itself
        P = mm(P, _ry(twist))  # the pelvis turns instead of the chest
    pts = {"hip": root}
    for side, sign in (("near", 1.0), ("far", -1.0)):
        pts[f"{side}.hip"] = add(root, mv(P, 0.0, 0.0, sign * HIP_HALF))
    # Spine: two lumbar and three thoracic pieces, each bent a share of its joint's angle.
    lumbar, thoracic, side_bend = a("lumbar", 0.0), a("thoracic", 0.0), a("side-bend", 0.0)

    low_turn = _turn(-lumbar / 4, side_bend / 8, -twist / 12)
    high_turn = _turn(-thoracic / 6, side_bend / 12, -twist / 9)

    def bend(F):
        points = [root]
        for i in range(5):
            turn, step = (low_turn, LUMBAR_LEN / 2) if i < 2 else (high_turn, THORACIC_LEN / 3)
            if turn is not None:
                F = mm(F, turn)  # half the turn before the piece, half after: an even curve
            points.append(add(points[-1], mv(F, 0.0, step, 0.0)))
            if turn is not None:
                F = mm(F, turn)
        return points, F

    spine, F = bend(P)
    if arch and (lumbar or thoracic):
        # Turn the curve so the line from hip to shoulders keeps its direction.
        d = (spine[-1][0] - root[0], spine[-1][1] - root[1], spine[-1][2] - root[2])
        lx = P[0] * d[0] + P[3] * d[1] + P[6] * d[2]
        ly = P[1] * d[0] + P[4] * d[1] + P[7] * d[2]
        spine, F = bend(mm(P, _rz(math.degrees(math.atan2(lx, ly)))))
    for i, p in enumerate(spine):
        pts[f"spine{i}"] = p
    C = F
    top = spine[-1]
    pts["waist"] = spine[2]
    pts["neck"] = top
    pts["chest"] = spine[4]  # the shoulder blades' level: where an arrow shows the upper back lifting
    N = _then(mm(C, _rz(-a("neck", 0.0))), _turn(0.0, a("neck-side", 0.0)))
    pts["head"] = add(top, mv(N, 0.0, NECK_LEN + HEAD_R, 0.0))
    face = mv(N, 1.0, 0.0, 0.0)
    head_up = mv(N, 0.0, 1.0, 0.0)
    pts["nose0"] = add(add(pts["head"], face, HEAD_R - 3.0), head_up, -2.0)
    pts["nose1"] = add(add(pts["head"], face, HEAD_R + 2.0), head_up, -4.0)
    frames = {}
    for side, sign in (("near", 1.0), ("far", -1.0)):
        g = lambda j, side=side: a(f"{side}.{j}", 0.0)  # noqa: E731
        sh = add(top, mv(C, 0.0, -SHOULDER_DROP, sign * SHOULDER_HALF))
        el, wr, hand, Fa = arm(sh, limb_frame if arch else C, sign, g)
        hp = pts[f"{side}.hip"]
        L = _then(P, _turn(g("hip"), -sign * g("hip-abduction"), -sign * g("hip-rotation")))
        kn = add(hp, mv(L, 0.0, -THIGH, 0.0))
        S = _then(L, _turn(-g("knee")))
        an = add(kn, mv(S, 0.0, -SHIN, 0.0))
        Ft = _then(S, _turn(g("ankle")))
        d = mv(Ft, 1.0, 0.0, 0.0)
        base_pt = add(an, mv(S, 0.0, -FOOT_DROP, 0.0))
        pts.update(
            {
                f"{side}.shoulder": sh,
                f"{side}.elbow": el,
                f"{side}.wrist": wr,
                f"{side}.hand": hand,
                f"{side}.knee": kn,
                f"{side}.ankle": an,
                f"{side}.heel": add(base_pt, d, -HEEL),
                f"{side}.toe": add(base_pt, d, TOE),
                f"{side}.footbase": base_pt,
            }
        )
        frames[f"{side}.forearm"] = Fa
        frames[f"{side}.arm-base"] = limb_frame if arch else C
        frames[f"{side}.shin"] = S
        frames[f"{side}.thigh"] = L
    R = RADIUS
    segs = [("pelvis", "pelvis", None, pts["near.hip"], pts["far.hip"], R["pelvis"])]
    for i in range(5):
        kind = "lumbar" if i < 2 else "chest"
        segs.append((f"spine{i}", kind, None, spine[i], spine[i + 1], R[kind]))
    segs.append(("girdle", "girdle", None, pts["near.shoulder"], pts["far.shoulder"], R["girdle"]))
    segs.append(("neck", "neck", None, top, add(top, mv(N, 0.0, NECK_LEN + 2, 0.0)), R["neck"]))
    segs.append(("head", "head", None, pts["head"], pts["head"], R["head"]))
    for side in SIDES:
        p = lambda j, side=side: pts[f"{side}.{j}"]  # noqa: E731
        segs += [
            (f"{side}.upper-arm", "upper-arm", side, p("shoulder"), p("elbow"), R["upper-arm"]),
            (f"{side}.forearm", "forearm", side, p("elbow"), p("wrist"), R["forearm"]),
            (f"{side}.hand", "hand", side, p("wrist"), p("hand"), R["hand"]),
            (f"{side}.thigh", "thigh", side, p("hip"), p("knee"), R["thigh"]),
            (f"{side}.shin", "shin", side, p("knee"), p("ankle"), R["shin"]),
            (f"{side}.knee", "knee", side, p("knee"), p("knee"), R["shin"]),
            (f"{side}.foot", "foot", side, p("heel"), p("toe"), R["foot"]),
        ]
    frames.update(chest=C, pelvis=P, head=N)
    return Body(pts, segs, face, frames)


def shift(body: Body, dx: float, dy: float) -> Body:
    """The same body moved by (dx, dy)."""

    def move(p):
        return (p[0] + dx, p[1] + dy, p[2])

    moved = {k: move(v) for k, v in body.points.items()}
    segs = [(n, k, s, move(p), (move(q) if q is not p else None), r) for n, k, s, p, q, r in body.segments]
    segs = [(n, k, s, p, p if q is None else q, r) for n, k, s, p, q, r in segs]
    return Body(moved, segs, body.face, body.frames)
