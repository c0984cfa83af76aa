"""Grips: where `hands:` puts the hands, and the arm angles that reach it.

Each grip gives, per side, targets for the wrist and the hand's tip (and where the elbow should
point) in the body's own frames, so they follow the trunk, head or knees however the body lies.
A small search over the arm's joints, inside their ranges, finds the angles that reach them.
"""

from __future__ import annotations

from lumbar.figures.body import HEAD_R, SIDES, Body
from lumbar.figures.kinematics import add, arm, mv
from lumbar.figures.model import JOINTS

ARM_JOINTS = ("shoulder", "shoulder-abduction", "shoulder-rotation", "elbow", "wrist")
# Face up, hands behind the head, the elbows lie out on the floor: seen from the side the near arm then passes
# below the head instead of across the face (issue 26). cm from the neck in the chest's frame: forward, up, out.
ELBOW_UP = (-8.0, 28.0, 30.0)
REACH = 6.0  # cm: a solved hand further than this from its grip has not reached it (validate.py says so)


def _at(body: Body, origin: str, frame: str, x: float, y: float, z: float):
    return add(body.points[origin], mv(body.frames[frame], x, y, z))


def targets(body: Body, grip: str, side: str) -> dict:
    """{'wrist': point, 'hand': point, 'elbow': point} for one side's hand in a grip."""
    s = 1.0 if side == "near" else -1.0
    if grip == "behind-head":  # fingers laced at the back of the head, elbows wide
        up = body.frames["chest"][3]
        return {
            "wrist": _at(body, "head", "head", -HEAD_R + 1, -2, s * 12),
            "hand": _at(body, "head", "head", -HEAD_R - 3, 1, s * 2),
            # elbows wide and a little off the floor (up whichever way the body lies), so they show beside the head;
            # face up, out on the floor (ELBOW_UP); face down with the chest lifted, up beside the head: ahead of the
            # face (on the floor when lying flat) they read as a forearm held out in front of it (issue 26)
            "elbow": _at(body, "neck", "chest", ELBOW_UP[0], ELBOW_UP[1], s * ELBOW_UP[2])
            if up > 0.5
            else _at(body, "neck", "chest", -18, 8, s * 22)
            if up < -0.5  # lying flat too: forward on the floor one forearm read as a reach past the head
            else _at(body, "neck", "chest", 8 * up, 28, s * 22),
        }
    if grip == "beside-head":  # fingertips at the temples
        return {
            "wrist": _at(body, "head", "head", -1, -5, s * 15),
            "hand": _at(body, "head", "head", 2, 4, s * 14),
            "elbow": _at(body, "neck", "chest", 2, 14, s * 36),
        }
    if grip == "crossed-on-chest":  # each hand on the other shoulder, forearms across the chest
        return {
            "wrist": _at(body, "neck", "chest", 15, -13 + 3 * s, -2 * s),
            "hand": _at(body, "neck", "chest", 13, -5 + 2 * s, -13 * s),
            "elbow": _at(body, "neck", "chest", 12, -26, s * 16),
        }
    if grip == "on-hips":  # hands on the top of the pelvis, fingers forward, elbows out
        return {
            "wrist": _at(body, "hip", "pelvis", -3, 14, s * 17),
            "hand": _at(body, "hip", "pelvis", 6, 11, s * 16),
            "elbow": _at(body, "hip", "pelvis", -8, 26, s * 32),
        }
    if grip == "on-near-ankle":  # both hands round the near ankle, side by side
        a, shin, dz = body.points["near.ankle"], body.frames["near.shin"], 3.0 if side == "near" else -4.0
        off = mv(body.frames["pelvis"], 0, 0, dz)
        return {"wrist": add(add(a, mv(shin, 0, 6, 0)), off), "hand": add(add(a, mv(shin, 0, -3, 0)), off)}
    knee = side if grip == "on-knees" else "near"
    k = body.points[f"{knee}.knee"]
    thigh, shin = body.frames[f"{knee}.thigh"], body.frames[f"{knee}.shin"]
    cap = _unit(add(mv(thigh, 1, 0, 0), mv(shin, 1, 0, 0)))  # the front of the knee, whatever its bend
    out = {  # the palm over the knee cap, the wrist up the thigh
        "wrist": add(add(k, cap, 10), mv(thigh, 0, 1, 0), 6),
        "hand": add(add(k, cap, 9), mv(shin, 0, -1, 0), 3),
    }
    if grip == "on-near-knee":  # both hands on the one knee, side by side
        dz = mv(body.frames["pelvis"], 0, 0, 3.0 if side == "near" else -4.0)
        out = {name: add(p, dz) for name, p in out.items()}
    return out


def _unit(v):
    n = (v[0] ** 2 + v[1] ** 2 + v[2] ** 2) ** 0.5 or 1.0
    return (v[0] / n, v[1] / n, v[2] / n)


def _cost(body: Body, side: str, angles: dict, want: dict) -> float:
    s = 1.0 if side == "near" else -1.0
    el, wr, hand, _ = arm(body.points[f"{side}.shoulder"], body.frames[f"{side}.arm-base"], s, angles.get)
    cost = _d2(wr, want["wrist"]) + _d2(hand, want["hand"])
    if "elbow" in want:
        cost += 0.15 * _d2(el, want["elbow"])
    return cost


def _d2(a, b) -> float:
    return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2 + (a[2] - b[2]) ** 2


def solve_grip(body: Body, angles: dict, grip: str) -> dict:
    """'near.shoulder', ... -> degrees for both arms reaching the grip (a coordinate search from the current angles)."""
    out = {}
    for side in SIDES:
        want = targets(body, grip, side)
        cur = {j: angles.get(f"{side}.{j}", 0.0) for j in ARM_JOINTS}
        best = min(
            (_search(body, side, dict(cur, **start), want) for start in _STARTS[grip]),
            key=lambda a: _cost(body, side, a, want),
        )
        out.update({f"{side}.{j}": round(v, 1) for j, v in best.items()})
    return out


# Starting points for the search, so it finds the elbows-out solution rather than another.
_STARTS = {
    "behind-head": (
        {"shoulder": 90, "shoulder-abduction": 110, "shoulder-rotation": -60, "elbow": 130},
        {"shoulder": 150, "shoulder-abduction": 40, "shoulder-rotation": 0, "elbow": 130},
        {"shoulder": 120, "shoulder-abduction": 80, "shoulder-rotation": -30, "elbow": 140},
    ),
    "beside-head": ({"shoulder": 60, "shoulder-abduction": 100, "shoulder-rotation": -50, "elbow": 130},),
    "crossed-on-chest": ({"shoulder": 30, "shoulder-abduction": 0, "shoulder-rotation": 70, "elbow": 120},),
    "on-hips": ({"shoulder": -20, "shoulder-abduction": 40, "shoulder-rotation": 40, "elbow": 100},),
    "on-knees": ({"shoulder": 60, "shoulder-abduction": 0, "shoulder-rotation": 0, "elbow": 20},),
    "on-near-knee": ({"shoulder": 60, "shoulder-abduction": 0, "shoulder-rotation": 20, "elbow": 40},),
    "on-near-ankle": (  # straight back along the body; bent up to an ankle held high over the buttock
        {"shoulder": -50, "shoulder-abduction": 0, "shoulder-rotation": 0, "elbow": 0},
        {"shoulder": -80, "shoulder-abduction": 10, "shoulder-rotation": 0, "elbow": 60},
        {"shoulder": -110, "shoulder-abduction": 10, "shoulder-rotation": 0, "elbow": 90},
    ),
}


def _search(body: Body, side: str, a: dict, want: dict) -> dict:
    best = _cost(body, side, a, want)
    step = 16.0
    while step > 0.2:
        moved = False
        for j in ARM_JOINTS:
            low, high = JOINTS[j][:2]
            for d in (step, -step):
                v = max(low, min(high, a[j] + d))
                trial = dict(a, **{j: v})
                c = _cost(body, side, trial, want)
                if c < best - 1e-9:
                    a, best, moved = trial, c, True
        if not moved:
            step /= 2
    return a


def miss(body: Body, grip: str) -> float:
    """How far (cm) the solved hands are from their grip: the larger of the two sides' wrist and hand misses."""
    worst = 0.0
    for side in SIDES:
        want = targets(body, grip, side)
        for part in ("wrist", "hand"):
            worst = max(worst, _d2(body.points[f"{side}.{part}"], want[part]) ** 0.5)
    return worst


def grip_problems(r) -> list:
    """A resolved phase whose hands do not reach its grip: the arms cannot get there from this pose."""
    if not r.hands:
        return []
    gap = miss(r.body, r.hands)
    if gap <= REACH:
        return []
    return [
        (
            (r.name, "hands"),
            f"the hands cannot reach '{r.hands}' in this position (they stop {gap:.0f} cm short): "
            "remove shoulder, elbow or shoulder-rotation from this phase, or choose another grip",
        )
    ]
