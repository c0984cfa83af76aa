"""Is a pose one a person can take? Ranges and names are checked by the model; here the floor,
the props and the balance, which need the whole posed body.

validate_figures(figs) -> [(loc, message)], loc being the path inside the figures block, e.g.
("end", "knee"). format_problem(loc, message) gives "figures.end.knee: message".
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from lumbar.figures.base_poses import BASE_POSES
from lumbar.figures.body import NOMINAL, PART_SEGMENTS, TOLERANCE
from lumbar.figures.contact import centre_of_mass, lowest, touching
from lumbar.figures.grips import grip_problems
from lumbar.figures.model import SUPPORT_PROPS, Figures, suggest
from lumbar.figures.solver import Resolved, resolve_all

PLATE_R = 22.5  # a standard barbell plate

# Which joints move a body part, to name them in an error.
_MOVERS = {
    "foot": ("hip", "knee", "ankle"),
    "shin": ("hip", "knee"),
    "thigh": ("hip",),
    "hand": ("shoulder", "elbow", "wrist"),
    "forearm": ("shoulder", "elbow"),
    "upper-arm": ("shoulder",),
    "head": ("neck", "thoracic", "spine"),
    "neck": ("neck", "thoracic", "spine"),
    "chest": ("thoracic", "spine", "lumbar"),
    "girdle": ("thoracic", "spine"),
    "lumbar": ("lumbar", "spine", "hip"),
    "pelvis": ("hip", "lumbar", "spine"),
    "knee": ("hip", "knee"),
}
_PART_NAMES = {
    "foot": "foot",
    "shin": "shin",
    "thigh": "thigh",
    "hand": "hand",
    "forearm": "forearm",
    "upper-arm": "upper arm",
    "head": "head",
    "neck": "neck",
    "chest": "upper back",
    "girdle": "shoulders",
    "lumbar": "lower back",
    "pelvis": "pelvis",
    "knee": "knee",
}
_PLURAL = {"feet": True, "hands": True, "shins": True, "knees": True, "thighs": True, "forearms": True, "arms": True}


def format_problem(loc: tuple, message: str) -> str:
    return "figures" + "".join(f".{part}" for part in loc) + f": {message}"


def figure_problems(figs) -> list[str]:
    """The problems as lines: 'figures.end.knee: 200 degrees is outside the human range (0 to 160)'."""
    return [format_problem(loc, msg) for loc, msg in validate_figures(figs)]


def _from_pydantic(error: ValidationError) -> list[tuple[tuple, str]]:
    out = []
    for e in error.errors(include_url=False):
        loc = tuple(str(x) for x in e["loc"])
        msg = e["msg"]
        if msg.startswith("Value error, "):
            msg = msg[len("Value error, ") :]
        if e["type"] == "extra_forbidden":
            msg = f"unknown name '{loc[-1]}'"
        out.append((loc, msg))
    return out


def validate_figures(figs: Figures | dict[str, Any]) -> list[tuple[tuple, str]]:
    """Every problem with a figures block, as (loc inside the block, message). Empty when fine.

    Accepts the parsed model, or the raw mapping from YAML (then the model's own checks, such as
    joint ranges and unknown names, are reported the same way).
    """
    if not isinstance(figs, Figures):
        try:
            figs = Figures.model_validate(figs)
        except ValidationError as e:
            return _from_pydantic(e)
    problems: list[tuple[tuple, str]] = []
    used_props = set()
    for (_name, phase), r in zip(figs.phases(), resolve_all(figs), strict=False):
        problems += r.problems
        problems += _floor(r, phase)
        problems += _supports(r, phase)
        problems += _touch(r, phase)
        problems += _balance(r, phase)
        problems += grip_problems(r)
        used_props.update(r.support.values())
        if "barbell" in figs.props:
            problems += _barbell(r)
    for prop in figs.props:
        if prop in SUPPORT_PROPS and prop != "wall" and prop not in used_props:
            problems.append(
                (
                    ("props",),
                    f"the {prop} is not under any body part: add support: {{part: {prop}}} "
                    f"to a phase (e.g. {_example(prop)}), or remove it from props",
                )
            )
    return problems


def _example(prop: str) -> str:
    return {
        "chair": "{shins: chair} or {pelvis: chair}",
        "bench": "{shins: bench}",
        "roller": "{lumbar: roller}",
        "pillow": "{head: pillow}",
    }.get(prop, "{back: wall}")


def _loc_for(r: Resolved, phase, joints) -> tuple:
    given = phase.angles()
    for j in joints:
        for key in (j, f"near.{j}", f"far.{j}"):
            if key in given:
                return (r.name,) + tuple(key.split("."))
    return (r.name,)


def _floor(r: Resolved, phase) -> list:
    worst: dict[str, tuple[float, str]] = {}
    for _name, kind, side, p, q, radius in r.body.segments:
        depth = -(min(p[1], q[1]) - radius)
        if depth <= TOLERANCE:
            continue
        label = (f"{side} " if side else "") + _PART_NAMES.get(kind, kind)
        if kind not in worst or depth > worst[kind][0]:
            worst[kind] = (depth, label)
    out = []
    for kind, (depth, label) in sorted(worst.items(), key=lambda kv: -kv[1][0]):
        movers = _MOVERS.get(kind, ("hip",))
        out.append(
            (_loc_for(r, phase, movers), f"the {label} goes {depth:.0f} cm through the floor: change " + _or(movers))
        )
        break  # the deepest one is enough to fix first
    return out


def _or(words) -> str:
    words = list(words)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


_READABLE = {"lumbar": "lower back", "chest": "upper back"}


def _supports(r: Resolved, phase) -> list:
    out = []
    rest_parts = {part for part, prop in r.rest if prop}
    given = phase.support or {}
    for part, prop in r.support.items():
        if prop == "wall" or part in rest_parts:
            continue
        low, high = SUPPORT_PROPS[prop]
        y, _ = lowest(r.body, part)
        loc = (r.name, "support", part) if part in given else (r.name,)
        many = _PLURAL.get(part, False)
        name = _READABLE.get(part, part)
        be = "are" if many else "is"
        span = f"a {prop} is {low:.0f} to {high:.0f} cm high"
        if y > high + TOLERANCE:
            out.append(
                (
                    loc,
                    f"the {name} {be} {y:.0f} cm above the floor and {'float' if many else 'floats'} over the {prop} "
                    f"({span}): change the pose or the prop",
                )
            )
        elif y < low - TOLERANCE:
            out.append(
                (
                    loc,
                    f"the {name} {be} only {max(y, 0):.0f} cm above the floor, too low to rest on a {prop} "
                    f"({span}): change the pose or the prop",
                )
            )
        elif prop in ("chair", "bench") and part in _LIE_ALONG:
            spans = touching(r.body, y, 3.0, PART_SEGMENTS[part])
            if max((b - a for a, b in spans), default=0.0) < 10.0:
                movers = _LIE_ALONG[part]
                out.append(
                    (
                        _loc_for(r, phase, movers),
                        f"the {name} touch the {prop} only at one end and float above it: "
                        f"level them (change {_or(movers)})",
                    )
                )
    return out


_LIE_ALONG = {
    "shins": ("hip", "knee"),
    "thighs": ("hip", "knee"),
    "feet": ("hip", "knee", "ankle"),
    "forearms": ("shoulder", "elbow"),
}


_TOUCH_MOVERS = {
    "hands": ("shoulder", "elbow", "spine", "lumbar", "thoracic"),
    "forearms": ("shoulder", "elbow", "spine", "lumbar", "thoracic"),
    "feet": ("hip", "knee", "ankle"),
    "knees": ("hip", "knee"),
    "shins": ("hip", "knee"),
    "head": ("neck",),
}


def _touch(r: Resolved, phase) -> list:
    out = []
    for part in BASE_POSES[r.base].touch:
        y, _ = lowest(r.body, part)
        if y > TOLERANCE:
            movers = _TOUCH_MOVERS.get(part, ("hip",))
            be = "float" if _PLURAL.get(part) else "floats"
            out.append(
                (
                    _loc_for(r, phase, movers),
                    f"the {part} {be} {y:.0f} cm above the floor, but '{r.base}' rests on them: change {_or(movers)}",
                )
            )
    return out


def support_spans(r: Resolved):
    """x-intervals where the body is carried: by the floor and by props."""
    spans = touching(r.body, 0.0)
    for part, prop in r.support.items():
        if prop == "wall":
            continue
        y, _ = lowest(r.body, part)
        spans += touching(r.body, y, TOLERANCE, PART_SEGMENTS[part])
    return spans


def _balance(r: Resolved, phase) -> list:
    spans = support_spans(r)
    if not spans:
        return [((r.name,), "nothing touches the floor: the figure floats")]
    lo, hi = min(a for a, _ in spans), max(b for _, b in spans)
    com = centre_of_mass(r.body)
    margin = 4.0
    if lo - margin <= com <= hi + margin:
        return []
    beyond = (lo - com) if com < lo else (com - hi)
    carried = _and([_part_of(x) for x in r.rest])
    side = "backwards" if (com < lo) == (r.body.face[0] >= 0) else "forwards"
    if abs(r.body.face[0]) < 0.3:
        side = "to the left" if com < lo else "to the right"
    return [
        (
            (r.name,),
            f"the figure would tip over {side}: its weight is {beyond:.0f} cm beyond the {carried} "
            "that carry it; change hip, knee or trunk, or add a support",
        )
    ]


def _part_of(rest) -> str:
    return rest[0]


def _and(words) -> str:
    words = list(words)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _barbell(r: Resolved) -> list:
    if r.barbell != "hands":
        return []
    pts = r.body.points
    y = (pts["near.wrist"][1] + pts["far.wrist"][1]) / 2
    if y < PLATE_R - TOLERANCE:
        return [
            (
                (r.name,),
                f"the barbell's plates would go through the floor: the hands are {y:.0f} cm up, "
                f"they need to be at least {PLATE_R:.0f} cm",
            )
        ]
    return []


__all__ = ["validate_figures", "figure_problems", "format_problem", "BASE_POSES", "NOMINAL", "suggest"]
