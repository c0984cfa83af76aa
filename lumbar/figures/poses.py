"""A small 3D skeleton, its named base poses, and how a pose comes to rest on the floor.

Units are centimetres and degrees. The world: x to the right, y up, z towards the viewer of the
side view; the floor is y = 0. The body's own axes at the pelvis: X forward (the way the face
looks), Y up the spine, Z towards the near side. A standing figure faces right, near side to us.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

from lumbar.figures.model import JOINTS, LIMB_JOINTS, SUPPORT_PROPS

# --- Proportions of a 170 cm adult (segment lengths and half-thicknesses, cm) ---------------
LUMBAR_LEN = 22.0
THORACIC_LEN = 27.0
NECK_LEN = 9.0
HEAD_R = 11.5
UPPER_ARM = 30.0
FOREARM = 26.0
HAND = 9.0
THIGH = 43.0
SHIN = 42.0
HEEL = 5.0
TOE = 19.0
FOOT_DROP = 2.5  # the foot's line runs a little below the ankle joint
HIP_HALF = 9.0  # half the distance between the hip joints
SHOULDER_HALF = 17.0
SHOULDER_DROP = 3.0  # shoulder joints sit a little below the base of the neck

RADIUS = {
    "pelvis": 10.5,
    "lumbar": 9.0,
    "chest": 10.5,
    "girdle": 6.0,
    "neck": 4.5,
    "head": HEAD_R,
    "upper-arm": 4.5,
    "forearm": 3.8,
    "hand": 3.0,
    "thigh": 7.5,
    "shin": 5.5,
    "foot": 3.5,
}
# Share of body mass (after Dempster/Winter), for balance.
MASS = {
    "head": 0.081, "chest": 0.216, "lumbar": 0.139, "pelvis": 0.142,
    "upper-arm": 0.028, "forearm": 0.016, "hand": 0.006,
    "thigh": 0.100, "shin": 0.0465, "foot": 0.0145,
}
# Which capsules make up each body part named in data (support:) and in base-pose contacts.
PART_SEGMENTS = {
    "head": ("head",),
    "chest": ("chest", "girdle"),
    "lumbar": ("lumbar",),
    "pelvis": ("pelvis",),
    "back": ("chest", "lumbar", "pelvis"),
    "thighs": ("thigh",),
    "knees": ("knee",),
    "shins": ("shin",),
    "feet": ("foot",),
    "hands": ("hand",),
    "forearms": ("forearm",),
    "arms": ("upper-arm",),
}
# Nominal height of a prop's top when a base pose rests its weight on it.
NOMINAL = {"roller": 15.0, "pillow": 8.0, "bench": 40.0, "chair": 45.0, "wall": 0.0}
TOLERANCE = 2.5  # cm: how far a part may sink into the floor or hover and still count as touching
SIDES = ("near", "far")
LIMBS = tuple(LIMB_JOINTS)


@dataclass(frozen=True)
class Base:
    """A named starting position: joint angles, how it lies, what carries it."""

    title: str
    angles: dict
    tilt: float = 0.0  # trunk tilt from upright, + forward
    roll: float = 0.0  # turn about the body's long axis (side-lying)
    rest: tuple = ("feet",)  # one or two parts (or (part, prop)) that carry the weight
    anchor: str = "near.ankle"  # the joint that stays put between phases
    support: dict = field(default_factory=dict)  # part -> prop, drawn and checked
    twist_fixed: str = "pelvis"  # which end stays put when the spine twists
    arch: bool = False  # the back bends about its middle; arms and legs keep their direction
    settle: bool = False  # lying: the body rolls until it rests steadily, whatever touches the floor
    touch: tuple = ()  # parts that must also touch the floor (checked, not forced)


def _both(**kw):
    """Expand hip=90 into near.hip and far.hip; keep spine names."""
    out = {}
    for key, value in kw.items():
        name = key.replace("_", "-")
        if name in LIMB_JOINTS:
            out[f"near.{name}"] = value
            out[f"far.{name}"] = value
        elif name.startswith(("near-", "far-")):
            side, joint = name.split("-", 1)
            out[f"{side}.{joint}"] = value
        else:
            out[name] = value
    return out


BASE_POSES: dict[str, Base] = {
    "standing": Base("Standing", _both(shoulder=5, elbow=10), tilt=0, rest=("feet",), anchor="near.ankle"),
    "standing-bent-forward": Base(
        "Standing, bent forward at the hips (hinge)",
        _both(hip=85, knee=25, shoulder=70, elbow=5, lumbar=5, thoracic=5, neck=-25),
        tilt=65, rest=("feet",), anchor="near.ankle",
    ),
    "supine": Base("Lying on the back", _both(neck=8, shoulder=-8, elbow=0, hip=-3), tilt=-90, rest=("chest", "pelvis"), anchor="hip", twist_fixed="chest", settle=True),
    "supine-knees-bent": Base(
        "Lying on the back, knees bent, feet flat",
        _both(neck=8, shoulder=-8, elbow=0, hip=45, knee=105),
        tilt=-90, rest=("chest", "pelvis"), anchor="hip", twist_fixed="chest", settle=True,
    ),
    "bridge": Base(
        "Lying on the back, hips lifted (bridge)",
        _both(neck=35, shoulder=10, elbow=5, hip=5, knee=100),
        tilt=-90, rest=("chest", "feet"), anchor="hip", twist_fixed="chest", settle=True,
    ),
    "lying-legs-on-chair": Base(
        "Lying on the back, calves on a chair",
        _both(neck=8, shoulder=-8, elbow=0, hip=88, knee=88),
        tilt=-90, rest=("chest", "pelvis"), anchor="hip", support={"shins": "chair"}, twist_fixed="chest", settle=True,
    ),
    "supine-on-elbows": Base(
        "Lying on the back, chest propped up on the forearms",
        _both(neck=15, shoulder=-40, elbow=80, hip=30, knee=0, lumbar=-15, thoracic=-5),
        tilt=-90, rest=("pelvis", "feet"), touch=("forearms",), anchor="hip", twist_fixed="chest", settle=True,
    ),
    "prone": Base("Lying face down", _both(neck=0, shoulder=0, elbow=5, hip=4, ankle=-80), tilt=90, rest=("chest", "pelvis"), anchor="hip", twist_fixed="chest", settle=True),
    "prone-on-roller": Base(
        "Lying face down over a roller under the belly",
        _both(neck=-20, shoulder=180, elbow=0, hip=10, lumbar=25, thoracic=-25, ankle=-80),
        tilt=90, rest=("chest", "feet"), anchor="hip", support={"lumbar": "roller"}, twist_fixed="chest", settle=False,
    ),
    "prone-on-elbows": Base(
        "Lying face down, propped on the forearms (sphinx)",
        _both(neck=-15, shoulder=70, elbow=90, lumbar=-20, thoracic=-20, knee=7, ankle=-80),
        tilt=90, rest=("pelvis", "knees"), touch=("forearms",), anchor="hip", twist_fixed="chest", settle=True,
    ),
    "prone-press-up": Base(
        "Lying face down, pressed up on the hands (cobra)",
        _both(neck=-15, shoulder=65, elbow=40, lumbar=-32, thoracic=-22, knee=7, ankle=-80),
        tilt=90, rest=("pelvis", "knees"), touch=("hands",), anchor="hip", twist_fixed="chest", settle=True,
    ),
    "side-lying": Base(
        "Lying on the side, head on the lower arm",
        {**_both(neck=0, hip=5, knee=5, elbow=0), "far.shoulder-abduction": 180, "near.shoulder-abduction": -8},
        tilt=-90, roll=90, rest=("chest", "pelvis"), anchor="hip", twist_fixed="chest", settle=True,
    ),
    "all-fours": Base(
        "On hands and knees",
        _both(neck=-5, shoulder=88, elbow=0, hip=77, knee=90),
        tilt=90, rest=("hands", "knees"), anchor="near.knee", arch=True,
    ),
    "downward-dog": Base(
        "On hands and feet, hips high (inverted V)",
        _both(neck=15, shoulder=170, elbow=0, hip=95, knee=5),
        tilt=130, rest=("hands", "feet"), anchor="near.ankle",
    ),
    "kneeling": Base("Kneeling upright", _both(shoulder=5, elbow=10, hip=0, knee=90), tilt=0, rest=("shins",), anchor="near.knee"),
    "heel-sitting": Base(
        "Kneeling, sitting back on the heels",
        _both(shoulder=5, elbow=20, hip=60, knee=155),
        tilt=-5, rest=("shins",), anchor="near.knee",
    ),
    "childs-pose": Base(
        "Sitting on the heels, folded forward, arms stretched ahead (child's pose)",
        _both(neck=5, shoulder=165, elbow=0, hip=128, knee=155, lumbar=20, thoracic=12),
        tilt=70, rest=("shins", "hands"), anchor="near.knee",
    ),
    "sitting-legs-out": Base(
        "Sitting on the floor, legs straight, hands behind",
        _both(shoulder=-35, elbow=0, hip=80, knee=0),
        tilt=-10, rest=("pelvis", "feet"), anchor="hip",
    ),
    "reverse-plank": Base(
        "Hips lifted off the floor, body propped on the hands behind and the heels",
        _both(neck=-25, shoulder=-55, elbow=0, hip=10, knee=0, lumbar=-10, thoracic=-10),
        tilt=-70, rest=("hands", "feet"), anchor="hip",
    ),
    "sitting-on-chair": Base(
        "Sitting on a chair, feet flat",
        _both(shoulder=10, elbow=60, hip=90, knee=90),
        tilt=0, rest=("feet",), anchor="near.ankle", support={"pelvis": "chair"},
    ),
}


# --- Small 3D maths on tuples (fast enough, and exact to reproduce) -------------------------
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


def _mm(a, b):
    return (
        a[0] * b[0] + a[1] * b[3] + a[2] * b[6], a[0] * b[1] + a[1] * b[4] + a[2] * b[7], a[0] * b[2] + a[1] * b[5] + a[2] * b[8],
        a[3] * b[0] + a[4] * b[3] + a[5] * b[6], a[3] * b[1] + a[4] * b[4] + a[5] * b[7], a[3] * b[2] + a[4] * b[5] + a[5] * b[8],
        a[6] * b[0] + a[7] * b[3] + a[8] * b[6], a[6] * b[1] + a[7] * b[4] + a[8] * b[7], a[6] * b[2] + a[7] * b[5] + a[8] * b[8],
    )


def _mv(m, x, y, z):
    return (m[0] * x + m[1] * y + m[2] * z, m[3] * x + m[4] * y + m[5] * z, m[6] * x + m[7] * y + m[8] * z)


def _add(p, v, k=1.0):
    return (p[0] + v[0] * k, p[1] + v[1] * k, p[2] + v[2] * k)


IDENTITY = (1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0)


def _turn(z, x=0.0, y=0.0):
    """Rz(z) Rx(x) Ry(y), skipping the turns that are nothing (None when all are)."""
    m = None
    for angle, rot in ((z, _rz), (x, _rx), (y, _ry)):
        if angle:
            m = rot(angle) if m is None else _mm(m, rot(angle))
    return m


def _then(frame, turn):
    return frame if turn is None else _mm(frame, turn)


@dataclass
class Body:
    """A posed skeleton in world coordinates."""

    points: dict  # name -> (x, y, z)
    segments: list  # (name, kind, side, p, q, radius)
    face: tuple  # unit vector the face looks along
    frames: dict  # a few joint frames, for solving hands and feet


def forward(angles: dict, rot: float, roll: float, root: tuple, twist_fixed: str = "pelvis", arch: bool = False) -> Body:
    """Joint angles -> world positions. rot: turn of the whole body in the picture plane (deg).

    arch: the back bends about its middle (as on all fours) and the arms and legs keep their
    direction, instead of the chest bending on a still pelvis.
    """
    a = angles.get
    P = _mm(_rz(rot), _ry(roll))
    limb_frame = P
    twist = a("twist", 0.0)
    if twist and twist_fixed == "chest" and abs(a("thoracic", 0.0)) + abs(a("lumbar", 0.0)) < 20:  # a lifted chest turns itself
        P = _mm(P, _ry(twist))  # the pelvis turns instead of the chest
    pts = {"hip": root}
    for side, sign in (("near", 1.0), ("far", -1.0)):
        pts[f"{side}.hip"] = _add(root, _mv(P, 0.0, 0.0, sign * HIP_HALF))
    # Spine: two lumbar and three thoracic pieces, each bent a share of its joint's angle.
    lumbar, thoracic, side_bend = a("lumbar", 0.0), a("thoracic", 0.0), a("side-bend", 0.0)

    low_turn = _turn(-lumbar / 4, side_bend / 8, -twist / 12)
    high_turn = _turn(-thoracic / 6, side_bend / 12, -twist / 9)

    def bend(F):
        points = [root]
        for i in range(5):
            turn, step = (low_turn, LUMBAR_LEN / 2) if i < 2 else (high_turn, THORACIC_LEN / 3)
            if turn is not None:
                F = _mm(F, turn)  # half the turn before the piece, half after: an even curve
            points.append(_add(points[-1], _mv(F, 0.0, step, 0.0)))
            if turn is not None:
                F = _mm(F, turn)
        return points, F

    spine, F = bend(P)
    if arch and (lumbar or thoracic):
        # Turn the curve so the line from hip to shoulders keeps its direction.
        d = (spine[-1][0] - root[0], spine[-1][1] - root[1], spine[-1][2] - root[2])
        lx = P[0] * d[0] + P[3] * d[1] + P[6] * d[2]
        ly = P[1] * d[0] + P[4] * d[1] + P[7] * d[2]
        spine, F = bend(_mm(P, _rz(math.degrees(math.atan2(lx, ly)))))
    for i, p in enumerate(spine):
        pts[f"spine{i}"] = p
    C = F
    top = spine[-1]
    pts["waist"] = spine[2]
    pts["neck"] = top
    N = _mm(C, _rz(-a("neck", 0.0)))
    pts["head"] = _add(top, _mv(N, 0.0, NECK_LEN + HEAD_R, 0.0))
    face = _mv(N, 1.0, 0.0, 0.0)
    head_up = _mv(N, 0.0, 1.0, 0.0)
    pts["nose0"] = _add(_add(pts["head"], face, HEAD_R - 3.0), head_up, -2.0)
    pts["nose1"] = _add(_add(pts["head"], face, HEAD_R + 2.0), head_up, -4.0)
    frames = {}
    for side, sign in (("near", 1.0), ("far", -1.0)):
        g = lambda j: a(f"{side}.{j}", 0.0)  # noqa: E731
        sh = _add(top, _mv(C, 0.0, -SHOULDER_DROP, sign * SHOULDER_HALF))
        A = _then(limb_frame if arch else C, _turn(g("shoulder"), -sign * g("shoulder-abduction")))
        el = _add(sh, _mv(A, 0.0, -UPPER_ARM, 0.0))
        Fa = _then(A, _turn(g("elbow")))
        wr = _add(el, _mv(Fa, 0.0, -FOREARM, 0.0))
        Hd = _then(Fa, _turn(g("wrist")))
        hand = _add(wr, _mv(Hd, 0.0, -HAND, 0.0))
        hp = pts[f"{side}.hip"]
        L = _then(P, _turn(g("hip"), -sign * g("hip-abduction"), -sign * g("hip-rotation")))
        kn = _add(hp, _mv(L, 0.0, -THIGH, 0.0))
        S = _then(L, _turn(-g("knee")))
        an = _add(kn, _mv(S, 0.0, -SHIN, 0.0))
        Ft = _then(S, _turn(g("ankle")))
        d = _mv(Ft, 1.0, 0.0, 0.0)
        base_pt = _add(an, _mv(S, 0.0, -FOOT_DROP, 0.0))
        pts.update({
            f"{side}.shoulder": sh, f"{side}.elbow": el, f"{side}.wrist": wr, f"{side}.hand": hand,
            f"{side}.knee": kn, f"{side}.ankle": an, f"{side}.heel": _add(base_pt, d, -HEEL), f"{side}.toe": _add(base_pt, d, TOE), f"{side}.footbase": base_pt,
        })
        frames[f"{side}.forearm"] = Fa
        frames[f"{side}.shin"] = S
    R = RADIUS
    segs = [("pelvis", "pelvis", None, pts["near.hip"], pts["far.hip"], R["pelvis"])]
    for i in range(5):
        kind = "lumbar" if i < 2 else "chest"
        segs.append((f"spine{i}", kind, None, spine[i], spine[i + 1], R[kind]))
    segs.append(("girdle", "girdle", None, pts["near.shoulder"], pts["far.shoulder"], R["girdle"]))
    segs.append(("neck", "neck", None, top, _add(top, _mv(N, 0.0, NECK_LEN + 2, 0.0)), R["neck"]))
    segs.append(("head", "head", None, pts["head"], pts["head"], R["head"]))
    for side in SIDES:
        p = lambda j: pts[f"{side}.{j}"]  # noqa: E731
        segs += [
            (f"{side}.upper-arm", "upper-arm", side, p("shoulder"), p("elbow"), R["upper-arm"]),
            (f"{side}.forearm", "forearm", side, p("elbow"), p("wrist"), R["forearm"]),
            (f"{side}.hand", "hand", side, p("wrist"), p("hand"), R["hand"]),
            (f"{side}.thigh", "thigh", side, p("hip"), p("knee"), R["thigh"]),
            (f"{side}.shin", "shin", side, p("knee"), p("ankle"), R["shin"]),
            (f"{side}.knee", "knee", side, p("knee"), p("knee"), R["shin"]),
            (f"{side}.foot", "foot", side, p("heel"), p("toe"), R["foot"]),
        ]
    return Body(pts, segs, face, frames)


def shift(body: Body, dx: float, dy: float) -> Body:
    """The same body moved by (dx, dy)."""
    def mv(p):
        return (p[0] + dx, p[1] + dy, p[2])
    moved = {k: mv(v) for k, v in body.points.items()}
    segs = [(n, k, s, mv(p), (mv(q) if q is not p else None), r) for n, k, s, p, q, r in body.segments]
    segs = [(n, k, s, p, p if q is None else q, r) for n, k, s, p, q, r in segs]
    return Body(moved, segs, body.face, body.frames)


def lowest(body: Body, part: str):
    """(height of the lowest surface, x there) of a body part, over both sides."""
    kinds = PART_SEGMENTS[part]
    best_y, xs = math.inf, []
    for _, kind, _, p, q, r in body.segments:
        if kind not in kinds:
            continue
        for pt in (p, q):
            y = pt[1] - r
            if y < best_y - 0.5:
                best_y, xs = y, [pt[0]]
            elif y <= best_y + 0.5:
                best_y = min(best_y, y)
                xs.append(pt[0])
    return best_y, (min(xs) + max(xs)) / 2


def touching(body: Body, height: float = 0.0, tol: float = TOLERANCE, kinds=None):
    """x-intervals of capsules whose surface is within tol of the given height."""
    spans = []
    for _, kind, _, p, q, r in body.segments:
        if kinds is not None and kind not in kinds:
            continue
        y0, y1 = p[1] - r - height, q[1] - r - height
        if min(y0, y1) > tol:
            continue
        if abs(y1 - y0) < 1e-9 or max(y0, y1) <= tol:
            t0, t1 = 0.0, 1.0
        else:
            t = (tol - y0) / (y1 - y0)
            t0, t1 = (0.0, min(1.0, t)) if y0 <= tol else (max(0.0, t), 1.0)
        xa, xb = p[0] + (q[0] - p[0]) * t0, p[0] + (q[0] - p[0]) * t1
        spans.append((min(xa, xb), max(xa, xb)))
    return spans


def centre_of_mass(body: Body):
    total = sx = 0.0
    for _, kind, _, p, q, _ in body.segments:
        m = MASS.get(kind)
        if not m:
            continue
        if kind in ("chest", "lumbar"):
            m /= 3 if kind == "chest" else 2
        total += m
        sx += m * (p[0] + q[0]) / 2
    return sx / total


@dataclass
class Resolved:
    """A phase after placement: everything needed to draw it or move from it."""

    name: str
    base: str
    angles: dict
    rot: float
    roll: float
    root: tuple
    twist_fixed: str
    arch: bool
    rest: tuple  # ((part, prop or None), ...)
    support: dict  # part -> prop
    body: Body
    barbell: str = "hands"
    note: str | None = None
    alt: str | None = None
    problems: list = field(default_factory=list)  # ((loc...), message)

    def again(self, **changes) -> Body:
        return forward(changes.get("angles", self.angles), changes.get("rot", self.rot), self.roll, changes.get("root", self.root),
                       self.twist_fixed, self.arch)


def expand(base: Base, phase) -> tuple[dict, set, list]:
    """Base angles with the phase's changes. Returns (angles, joints set by data, problems)."""
    angles = {name: 0.0 for name in JOINTS if name not in LIMB_JOINTS}
    for side in SIDES:
        for j in LIMB_JOINTS:
            angles[f"{side}.{j}"] = 0.0
    angles.update(base.angles)
    given = phase.angles() if phase is not None else {}
    locked, problems = set(), []
    if "spine" in given:
        given["lumbar"] = given["thoracic"] = given.pop("spine") / 2
    if "trunk" in given:
        if len(base.rest) > 1:
            problems.append((("trunk",), f"trunk has no effect on '{phase.pose}', which rests on "
                             f"{_and([_part(r) for r in base.rest])}: change hip, knee or shoulder instead"))
        else:
            delta = given["trunk"] - base.tilt
            for side in SIDES:  # tilting the trunk alone bends at the hips; legs and hanging arms stay
                for j in ("hip", "shoulder"):
                    if j not in given and f"{side}.{j}" not in given:
                        angles[f"{side}.{j}"] += delta
    for name, value in given.items():
        if name == "trunk":
            continue
        if name in LIMB_JOINTS:
            for side in SIDES:
                if f"{side}.{name}" not in given:
                    angles[f"{side}.{name}"] = value
                    locked.add(f"{side}.{name}")
        else:
            angles[name] = value
            locked.add(name)
    return angles, locked, problems


def _part(rest):
    return rest[0] if isinstance(rest, tuple) else rest


def _and(words):
    words = list(words)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _solve_leaf(body: Body, side: str, leaf: str, base_value: float, flat: bool = False):
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
    A = _mv(frame, *ax)[1]
    B = _mv(frame, *bx)[1]
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


def _settle(body, angles, locked, base, rest_parts, flat_only: bool) -> bool:
    changed = False
    for side in SIDES:
        for leaf, part in (("ankle", "feet"), ("wrist", "hands")):
            key = f"{side}.{leaf}"
            if key in locked:
                continue
            flat = part in rest_parts
            if flat_only != flat:
                continue
            value = _solve_leaf(body, side, leaf, base.angles.get(key, 0.0), flat=flat)
            if value is not None and abs(value - angles[key]) > 0.05:
                angles[key] = value
                changed = True
    return changed


def _circles(body: Body, support: dict):
    """(x, y, radius + height of what carries it) for every end of every capsule."""
    lift = {}
    for part, prop in support.items():
        if prop != "wall":
            for kind in PART_SEGMENTS[part]:
                lift[kind] = NOMINAL[prop]
    out = []
    for _, kind, _, p, q, r in body.segments:
        if kind in ("head", "neck"):
            continue  # the head turns aside rather than carry the body
        h = r + lift.get(kind, 0.0)
        out.append((p[0], p[1], h))
        if q is not p:
            out.append((q[0], q[1], h))
    return out


def _roll_to_rest(angles, rot, root, base: Base, support: dict):
    """Let a lying body settle like a rigid object: drop it, then tip it over its edge of
    support towards its centre of weight until the weight is above what touches."""
    body = forward(angles, rot, base.roll, root, base.twist_fixed, base.arch)
    for _ in range(8):
        circles = _circles(body, support)
        low = min(y - h for _, y, h in circles)
        root = (root[0], root[1] - low, root[2])
        body = shift(body, 0.0, -low)
        circles = [(x, y - low, h) for x, y, h in circles]
        touch = [(x, y, h) for x, y, h in circles if y - h < 0.3]
        com = centre_of_mass(body)
        xs = [x for x, _, _ in touch]
        if min(xs) - 0.5 <= com <= max(xs) + 0.5:
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


def resolve(phase, phase_name: str = "start", anchor: str | None = None) -> Resolved:
    """Pose one phase: base + changes, hands and feet settled, body resting on its support."""
    base = BASE_POSES[phase.pose]
    angles, locked, problems = expand(base, phase)
    support = dict(base.support)
    support.update(phase.support or {})
    rest = []
    for r in base.rest:
        part, prop = (r if isinstance(r, tuple) else (r, None))
        if prop is None and support.get(part) and support[part] != "wall":
            prop = support[part]
        rest.append((part, prop))
    rest_parts = {part for part, _ in rest}
    rot, root = -base.tilt, (0.0, 0.0, 0.0)
    if "trunk" in (phase.angles() if phase is not None else {}) and len(base.rest) == 1:
        rot = -phase.trunk
    body = forward(angles, rot, base.roll, root, base.twist_fixed, base.arch)
    for rounds in range(4):
        flattened = _settle(body, angles, locked, base, rest_parts, flat_only=True)
        if flattened:
            body = forward(angles, rot, base.roll, root, base.twist_fixed, base.arch)
        if base.settle:
            rot, root, body = _roll_to_rest(angles, rot, root, base, support)
        # Level: turn the body in the picture plane until both resting parts touch.
        elif len(rest) >= 2:
            (pa, propa), (pb, propb) = rest[0], rest[1]
            ha, hb = NOMINAL.get(propa, 0.0), NOMINAL.get(propb, 0.0)
            for _ in range(6):
                ya, xa = lowest(body, pa)
                yb, xb = lowest(body, pb)
                dx = xb - xa
                if abs(dx) < 1e-6:
                    break
                delta = math.degrees(math.atan(((yb - hb) - (ya - ha)) / dx))
                if abs(delta) < 0.01:
                    break
                c, s = math.cos(math.radians(-delta)), math.sin(math.radians(-delta))
                rx, ry = root[0] - xa, root[1] - ya
                root = (xa + c * rx - s * ry, ya + s * rx + c * ry, root[2])
                rot -= delta
                body = forward(angles, rot, base.roll, root, base.twist_fixed, base.arch)
        if not base.settle:
            part, prop = rest[0]
            y, _ = lowest(body, part)
            root = (root[0], root[1] - y + NOMINAL.get(prop, 0.0), root[2])
            body = forward(angles, rot, base.roll, root, base.twist_fixed, base.arch)
        settled = _settle(body, angles, locked, base, rest_parts, flat_only=False)
        if rounds == 3 or not (settled or flattened):
            break
        body = forward(angles, rot, base.roll, root, base.twist_fixed, base.arch)
    # Keep the anchor joint at x = 0 so the phases line up.
    ax = body.points[anchor or base.anchor][0]
    if ax:
        root = (root[0] - ax, root[1], root[2])
        body = forward(angles, rot, base.roll, root, base.twist_fixed, base.arch)
    return Resolved(
        name=phase_name, base=phase.pose, angles=angles, rot=rot, roll=base.roll, root=root,
        twist_fixed=base.twist_fixed, arch=base.arch, rest=tuple(rest), support=support, body=body,
        barbell=phase.barbell, note=phase.note, alt=phase.alt,
        problems=[((phase_name,) + loc, msg) for loc, msg in problems],
    )


def interpolate(a: Resolved, b: Resolved, t: float) -> Body:
    """A body part way (t from 0 to 1) between two resolved phases, joint by joint, kept above the floor."""
    angles = {k: a.angles[k] + (b.angles[k] - a.angles[k]) * t for k in a.angles}
    rot = a.rot + (b.rot - a.rot) * t
    roll = a.roll + (b.roll - a.roll) * t
    root = tuple(a.root[i] + (b.root[i] - a.root[i]) * t for i in range(3))
    fixed = a.twist_fixed if t < 0.5 else b.twist_fixed
    arch = a.arch if t < 0.5 else b.arch
    body = forward(angles, rot, roll, root, fixed, arch)
    low = min(min(p[1], q[1]) - r for _, _, _, p, q, r in body.segments)
    if low < 0:
        body = forward(angles, rot, roll, (root[0], root[1] - low, root[2]), fixed, arch)
    return body


_RESOLVED: dict[str, list] = {}


def resolve_all(figs, start_only: bool = False) -> list[Resolved]:
    """Every phase of a figures block, lined up on the start pose's anchor joint.

    Remembered by content, so checking, drawing and thumbnails pose each block once per build.
    """
    key = figs.model_dump_json()
    if key not in _RESOLVED:
        if len(_RESOLVED) > 1024:
            _RESOLVED.clear()
        phases = figs.phases()
        anchor = BASE_POSES[phases[0][1].pose].anchor
        _RESOLVED[key] = [resolve(phase, name, anchor) for name, phase in phases]
    done = _RESOLVED[key]
    return done[:1] if start_only else list(done)


def _check_names():
    from lumbar.figures.model import POSE_NAMES

    assert tuple(BASE_POSES) == POSE_NAMES, "lumbar/figures/model.py POSE_NAMES must list BASE_POSES in order"


_check_names()
