"""The solver: a phase (base pose plus changes) put at rest on the floor or its props.

expand adds the phase's joint changes to its base pose; resolve lays the hands and feet on the
floor, rolls or levels the body onto what carries it and lines the phases up; interpolate gives
the in-between bodies of the motion. resolve_all poses a whole figures block.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

from lumbar.figures.base_poses import BASE_POSES, Base
from lumbar.figures.body import NOMINAL, SIDES, Body
from lumbar.figures.contact import lowest
from lumbar.figures.grips import solve_grip
from lumbar.figures.kinematics import forward
from lumbar.figures.model import JOINTS, LIMB_JOINTS
from lumbar.figures.settle import ARMS, reach_floor, roll_to_rest, settle_leaves


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
    hands: str | None = None
    hold: bool = False
    note: str | None = None
    alt: str | None = None
    problems: list = field(default_factory=list)  # ((loc...), message)


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
            problems.append(
                (
                    ("trunk",),
                    f"trunk has no effect on '{phase.pose}', which rests on "
                    f"{_and([_part(r) for r in base.rest])}: change hip, knee or shoulder instead",
                )
            )
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


def _level(body, angles, rot, root, base, rest):
    """Turn the body in the picture plane until both resting parts touch."""
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
    return rot, root, body


def resolve(phase, phase_name: str = "start", anchor: str | None = None, feet_z: float | None = None) -> Resolved:
    """Pose one phase: base + changes, hands and feet settled, body resting on its support.
    feet_z: standing, where the start's feet are across the body (they stay planted as the hips shift)."""
    base = BASE_POSES[phase.pose]
    angles, locked, problems = expand(base, phase)
    support = dict(base.support)
    support.update(phase.support or {})
    rest = []
    for r in base.rest:
        part, prop = r if isinstance(r, tuple) else (r, None)
        if prop is None and support.get(part) and support[part] != "wall":
            prop = support[part]
        rest.append((part, prop))
    rest_parts = {part for part, _ in rest}
    rot, root = -base.tilt, (0.0, 0.0, 0.0)
    if "trunk" in (phase.angles() if phase is not None else {}) and len(base.rest) == 1:
        rot = -phase.trunk
    body = forward(angles, rot, base.roll, root, base.twist_fixed, base.arch)
    if phase.hands:  # the arms reach the grip; the settling below leaves them be
        reach = solve_grip(body, angles, phase.hands)
        angles.update(reach)
        locked.update(reach)
        body = forward(angles, rot, base.roll, root, base.twist_fixed, base.arch)
    for rounds in range(4):
        flattened = settle_leaves(body, angles, locked, base, rest_parts, flat_only=True)
        if flattened:
            body = forward(angles, rot, base.roll, root, base.twist_fixed, base.arch)
        if base.settle and "hands" in base.touch:  # pressed up on the hands: the hips stay down, the arms reach
            rot, root, body = _level(body, angles, rot, root, base, rest)
            rot, root, body = roll_to_rest(angles, rot, root, base, support, ARMS)
            reach_floor(angles, rot, root, base)
            body = forward(angles, rot, base.roll, root, base.twist_fixed, base.arch)
        elif base.settle and phase.hands == "on-near-ankle":  # the arms tie the arched body into a bow on its belly
            rot, root, body = _level(body, angles, rot, root, base, (("pelvis", None), ("feet", None)))
            rot, root, body = roll_to_rest(angles, rot, root, base, support, ARMS)
        elif base.settle:
            rot, root, body = roll_to_rest(angles, rot, root, base, support)
        elif len(rest) >= 2:
            rot, root, body = _level(body, angles, rot, root, base, rest)
        if not base.settle:
            part, prop = rest[0]
            y, _ = lowest(body, part)
            root = (root[0], root[1] - y + NOMINAL.get(prop, 0.0), root[2])
            body = forward(angles, rot, base.roll, root, base.twist_fixed, base.arch)
        settled = settle_leaves(body, angles, locked, base, rest_parts, flat_only=False)
        if rounds == 3 or not (settled or flattened):
            break
        body = forward(angles, rot, base.roll, root, base.twist_fixed, base.arch)
    # Keep the anchor joint at x = 0 so the phases line up.
    ax = body.points[anchor or base.anchor][0]
    az = _feet_z(body) - feet_z if feet_z is not None and base.rest == ("feet",) else 0.0
    if ax or az:
        root = (root[0] - ax, root[1], root[2] - az)
        body = forward(angles, rot, base.roll, root, base.twist_fixed, base.arch)
    return Resolved(
        name=phase_name,
        base=phase.pose,
        angles=angles,
        rot=rot,
        roll=base.roll,
        root=root,
        twist_fixed=base.twist_fixed,
        arch=base.arch,
        rest=tuple(rest),
        support=support,
        body=body,
        barbell=phase.barbell,
        hands=phase.hands,
        hold=phase.hold,
        note=phase.note,
        alt=phase.alt,
        problems=[((phase_name,) + loc, msg) for loc, msg in problems],
    )


def _feet_z(body: Body) -> float:
    return (body.points["near.ankle"][2] + body.points["far.ankle"][2]) / 2


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


class _Block:
    """A figures block keyed by its content, so that equal blocks share one solution."""

    def __init__(self, figs):
        self.figs, self.key = figs, figs.model_dump_json()

    def __hash__(self):
        return hash(self.key)

    def __eq__(self, other):
        return isinstance(other, _Block) and other.key == self.key


@lru_cache(maxsize=1024)
def _resolve_block(block: _Block) -> tuple[Resolved, ...]:
    """Pure: the same content always gives the same poses (remembered, so checking, drawing and
    thumbnails pose each block once per build)."""
    phases = block.figs.phases()
    anchor = BASE_POSES[phases[0][1].pose].anchor
    first = resolve(phases[0][1], phases[0][0], anchor)
    feet_z = _feet_z(first.body) if BASE_POSES[phases[0][1].pose].rest == ("feet",) else None
    return (first,) + tuple(resolve(phase, name, anchor, feet_z) for name, phase in phases[1:])


def resolve_all(figs, start_only: bool = False) -> list[Resolved]:
    """Every phase of a figures block, lined up on the start pose's anchor joint."""
    done = _resolve_block(_Block(figs))
    return list(done[:1] if start_only else done)


def in_between(figs, ts: tuple[float, ...]) -> list[list[Body]]:
    """The bodies part way from each phase to the next at the times ts, kept above the floor (remembered like the
    poses: a page's drawing and the gallery's move through the same bodies)."""
    return [list(bodies) for bodies in _between(_Block(figs), ts)]


@lru_cache(maxsize=1024)
def _between(block: _Block, ts: tuple[float, ...]) -> tuple[tuple[Body, ...], ...]:
    done = _resolve_block(block)
    return tuple(tuple(interpolate(a, b, t) for t in ts) for a, b in zip(done, done[1:], strict=False))
