"""Settling: hands and feet laid on the floor, and a lying body rolled until it rests steadily."""

from __future__ import annotations

import math

from lumbar.figures.base_poses import Base
from lumbar.figures.body import HAND, RADIUS, SIDES, TOE, TOLERANCE, Body
from lumbar.figures.contact import capsule_ends, centre_of_mass
from lumbar.figures.kinematics import forward, mv, shift
from lumbar.figures.model import JOINTS


def solve_leaf(body: Body, side: str, leaf: str, base_value: float, flat: bool = False):
    """Angle of the wrist or ankle that lays the hand or foot on the floor.

    flat: lay it level (the hand or foot carries weight); otherwise only when the joint is near
    the floor, tilted just enough for its end to touch. None when out of reach or range.
    """
    if leaf == "ankle":
        joint, frame, reach, r = body.points[f"{side}.footbase"], body.frames[f"{side}.shin"], TOE, RADIUS["foot"]
        ax, bx = (1.0, 0.0, 0.0), (0.0, 1.0, 0.0)  # foot direction at 0 is the shin frame's X; + turns to Y
    else:
        joint, frame, reach, r = body.points[f"{side}.wrist"], body.frames[f"{side}.forearm"], HAND, RADIUS["hand"]
        ax, bx = (0.0, -1.0, 0.0), (1.0, 0.0, 0.0)  # hand at 0 continues the forearm; + turns to X
    low, high = JOINTS[leaf][:2]
    if flat:
        k = 0.0
    else:
        height = joint[1] - r
        if height > reach * 0.8 or height < -TOLERANCE:
            return None
        k = max(-1.0, min(0.0, -height / reach))  # wanted vertical share of the hand or foot direction
    A = mv(frame, *ax)[1]
    B = mv(frame, *bx)[1]
    amp = math.hypot(A, B)
    if amp < 1e-6 or abs(k) > amp:
        return None
    phi = math.degrees(math.atan2(B, A))
    c = math.degrees(math.acos(k / amp))
    candidates = ((phi + c + 180.0) % 360.0 - 180.0, (phi - c + 180.0) % 360.0 - 180.0)
    inside = [t for t in candidates if low <= t <= high]
    if inside:
        return min(inside, key=lambda t: abs(t - base_value))

    # Out of reach: as close as the joint allows.
    def miss(t):
        return abs(A * math.cos(math.radians(t)) + B * math.sin(math.radians(t)) - k)

    return min((max(low, min(high, t)) for t in candidates), key=miss)


def on_heel(body: Body, side: str) -> bool:
    """A leg lying along the floor (or just off it) with the toes up, as when lying on the back: the foot stays so,
    as a relaxed foot does, instead of tipping over until its toes touch (issue 26: face up read as face down)."""
    pts = body.points
    knee, ankle, heel, toe = (pts[f"{side}.{k}"] for k in ("knee", "ankle", "heel", "toe"))
    return (
        abs(knee[1] - ankle[1]) < 0.35 * math.dist(knee, ankle)
        and ankle[1] < 3 * RADIUS["shin"]
        and toe[1] - heel[1] > 0.5 * math.dist(heel, toe)
    )


def settle_leaves(body, angles, locked, base, rest_parts, flat_only: bool) -> bool:
    """Lay the free hands and feet on the floor (flat_only: only those that carry weight); True if any moved."""
    changed = False
    for side in SIDES:
        for leaf, part in (("ankle", "feet"), ("wrist", "hands")):
            key = f"{side}.{leaf}"
            if key in locked:
                continue
            flat = part in rest_parts
            if flat_only != flat or (leaf == "ankle" and on_heel(body, side)):
                continue
            value = solve_leaf(body, side, leaf, base.angles.get(key, 0.0), flat=flat)
            if value is not None and abs(value - angles[key]) > 0.05:
                angles[key] = value
                changed = True
    return changed


def roll_to_rest(angles, rot, root, base: Base, support: dict, free: tuple = ()):
    """Let a lying body settle like a rigid object: drop it, then tip it over its edge of
    support towards its centre of weight until the weight is above what touches.

    free: kinds of capsule left out (arms that reach_floor then puts down); the body is only dropped, as
    the arms carry what leans out past the hips (a press-up keeps its hips on the floor, issue 26)."""
    body = forward(angles, rot, base.roll, root, base.twist_fixed, base.arch)
    for _ in range(8):
        circles = capsule_ends(body, support, free)
        low = min(y - h for _, y, h in circles)
        root = (root[0], root[1] - low, root[2])
        body = shift(body, 0.0, -low)
        circles = [(x, y - low, h) for x, y, h in circles]
        touch = [(x, y, h) for x, y, h in circles if y - h < 0.3]
        com = centre_of_mass(body)
        xs = [x for x, _, _ in touch]
        if free or min(xs) - 0.5 <= com <= max(xs) + 0.5:
            break
        # Tip over the touching point nearest the weight: clockwise when the weight is to its right.
        if com > max(xs):
            pivot = max(touch, key=lambda c: c[0])
            sign = -1.0
        else:
            pivot = min(touch, key=lambda c: c[0])
            sign = 1.0
        cx, cy, ch = pivot
        best = None
        for x, y, h in circles:
            dx, dy = x - cx, y - cy
            if abs(dx) < 1e-6 and abs(dy) < 1e-6:
                continue
            # y after turning by sign*phi about the pivot: cy + sign*dx*sin(phi) + dy*cos(phi); touch when = cy - ch + h
            a, b, k = dy, sign * dx, h - ch
            amp = math.hypot(a, b)
            if amp < 1e-9 or abs(k) > amp:
                continue
            beta = math.atan2(b, a)
            gamma = math.acos(k / amp)
            for phi in (beta - gamma, beta + gamma):
                phi %= 2 * math.pi
                if 1e-4 < phi < math.radians(120) and (best is None or phi < best):
                    best = phi
        if best is None:
            break
        turn = math.degrees(sign * best)
        c, s_ = math.cos(math.radians(turn)), math.sin(math.radians(turn))
        rx, ry = root[0] - cx, root[1] - cy
        root = (cx + c * rx - s_ * ry, cy + s_ * rx + c * ry, root[2])
        rot += turn
        body = forward(angles, rot, base.roll, root, base.twist_fixed, base.arch)
    return rot, root, body


ARMS = ("upper-arm", "forearm", "hand")


def reach_floor(angles, rot, root, base: Base) -> None:
    """Swing each arm at the shoulder (straightening the elbow if it is too short) until the hand rests on the
    floor, the trunk staying where it lies: the arms prop up the chest instead of lifting the hips."""

    def gap(side, key, value):
        trial = dict(angles, **{key: value})
        return (
            forward(trial, rot, base.roll, root, base.twist_fixed, base.arch).points[f"{side}.wrist"][1]
            - RADIUS["hand"]
        )

    for side in SIDES:
        key, elbow = f"{side}.shoulder", f"{side}.elbow"
        low, high = JOINTS["shoulder"][:2]
        given = angles[key]
        for _ in range(8):
            steps = sorted({min(high, max(low, given + d)) for d in range(-90, 91, 3)})
            found = _root([(t, gap(side, key, t)) for t in steps], given, side, key, gap)
            if found is not None:
                angles[key] = found
                break
            if angles[elbow] <= 1:
                break
            angles[elbow] = max(0.0, angles[elbow] - 15)  # too short: straighten the elbow and try again


def _root(by_angle, start, side, key, gap):
    """The angle nearest start where the gap changes sign, found by halving."""
    best = None
    for (a, ga), (b, gb) in zip(by_angle, by_angle[1:], strict=False):
        if (ga > 0) == (gb > 0):
            continue
        for _ in range(12):
            m = (a + b) / 2
            gm = gap(side, key, m)
            if (gm > 0) == (ga > 0):
                a, ga = m, gm
            else:
                b, gb = m, gm
        t = (a + b) / 2
        if best is None or abs(t - start) < abs(best - start):
            best = t
    return best
