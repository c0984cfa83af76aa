"""The base poses: read from base_poses.yaml with the strict loader, checked, and kept read-only.

A base pose is a named starting position: joint angles, how it lies, what carries it. Every
problem in the file stops the import with the file, the line and what to do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from lumbar.figures.body import NOMINAL, PART_SEGMENTS, SIDES
from lumbar.figures.kinematics import forward
from lumbar.figures.model import JOINTS, LIMB_JOINTS, POSE_NAMES, SPINE_JOINTS, suggest
from lumbar.loader import DataError, Document, Problem, read

PATH = Path(__file__).with_name("base_poses.yaml")


@dataclass(frozen=True)
class Base:
    """A named starting position: joint angles, how it lies, what carries it."""

    title: str
    angles: dict
    tilt: float = 0.0  # trunk tilt from upright, + forward
    roll: float = 0.0  # turn about the body's long axis (side-lying)
    rest: tuple = ("feet",)  # one or two parts that carry the weight (on a prop named in support)
    anchor: str = "near.ankle"  # the joint that stays put between phases
    support: dict = field(default_factory=dict)  # part -> prop, drawn and checked
    twist_fixed: str = "pelvis"  # which end stays put when the spine twists
    arch: bool = False  # the back bends about its middle; arms and legs keep their direction
    settle: bool = False  # lying: the body rolls until it rests steadily, whatever touches the floor
    touch: tuple = ()  # parts that must also touch the floor (checked, not forced)


FIELDS = tuple(Base.__dataclass_fields__)
# Whole-back joints a base pose may set: trunk and spine are shorthands an exercise's phase expands.
BASE_SPINE = tuple(name for name in SPINE_JOINTS if name not in ("trunk", "spine"))
ANCHORS = tuple(forward({}, 0.0, 0.0, (0.0, 0.0, 0.0)).points)


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


class _Reader:
    """Checks one file's values, collecting every problem with its line."""

    def __init__(self, doc: Document):
        self.doc, self.problems = doc, []

    def fail(self, loc: tuple, message: str) -> None:
        self.problems.append(Problem(self.doc.path, self.doc.line(loc), message))

    def angle(self, loc: tuple, joint: str, value, out: dict, key: str) -> None:
        low, high = JOINTS[joint][:2]
        if not _number(value):
            self.fail(loc, f"'{joint}' must be a number of degrees, not {value!r}")
        elif not low <= value <= high:
            self.fail(loc, f"'{joint}': {value} degrees is outside the human range ({low} to {high})")
        else:
            out[key] = value

    def angles(self, loc: tuple, given) -> dict:
        """Both-sides shorthand expanded: hip: 90 -> near.hip and far.hip; near:/far: one side."""
        out: dict = {}
        if not isinstance(given, dict):
            self.fail(loc, "'angles' must be a mapping of joint: degrees")
            return out
        for name, value in given.items():
            here = (*loc, name)
            if name in SIDES and isinstance(value, dict):
                for joint, v in value.items():
                    if joint in LIMB_JOINTS:
                        self.angle((*here, joint), joint, v, out, f"{name}.{joint}")
                    else:
                        self.fail((*here, joint), f"unknown arm or leg joint '{joint}': {suggest(joint, LIMB_JOINTS)}")
            elif name in LIMB_JOINTS:
                for side in SIDES:
                    self.angle(here, name, value, out, f"{side}.{name}")
            elif name in BASE_SPINE:
                self.angle(here, name, value, out, name)
            elif name in ("trunk", "spine"):
                self.fail(
                    here, f"'{name}' is for an exercise's phases: a base pose sets lumbar and thoracic (and tilt)"
                )
            else:
                self.fail(here, f"unknown joint '{name}': {suggest(name, (*BASE_SPINE, *LIMB_JOINTS, *SIDES))}")
        return out

    def parts(self, loc: tuple, value, least: int, most: int) -> tuple:
        if not isinstance(value, list) or not least <= len(value) <= most:
            self.fail(loc, f"'{loc[-1]}' must be a list of {least} to {most} body parts, e.g. [chest, pelvis]")
            return ()
        for i, part in enumerate(value):
            if part not in PART_SEGMENTS:
                self.fail((*loc, i), f"unknown body part '{part}': {suggest(part, PART_SEGMENTS)}")
        return tuple(value)

    def pose(self, name: str, data) -> Base | None:
        loc = (name,)
        if not isinstance(data, dict):
            self.fail(loc, f"base pose '{name}' must be a mapping of fields ({', '.join(FIELDS)})")
            return None
        kw: dict = {}
        before = len(self.problems)
        for key, value in data.items():
            here = (name, key)
            if key not in FIELDS:
                self.fail(here, f"unknown field '{key}': {suggest(key, FIELDS)}")
            elif key == "title":
                if not isinstance(value, str) or not value.strip():
                    self.fail(here, "'title' must be the position in words, e.g. Lying on the back")
                kw[key] = value
            elif key == "angles":
                kw[key] = self.angles(here, value)
            elif key in ("tilt", "roll"):
                if not _number(value) or not -180 <= value <= 180:
                    self.fail(here, f"'{key}' must be a number of degrees from -180 to 180, not {value!r}")
                kw[key] = value
            elif key in ("arch", "settle"):
                if not isinstance(value, bool):
                    self.fail(here, f"'{key}' must be true or false, not {value!r}")
                kw[key] = value
            elif key == "rest":
                kw[key] = self.parts(here, value, 1, 2)
            elif key == "touch":
                kw[key] = self.parts(here, value, 1, 4)
            elif key == "anchor":
                if value not in ANCHORS:
                    self.fail(here, f"unknown anchor joint '{value}': {suggest(value, ANCHORS)}")
                kw[key] = value
            elif key == "twist_fixed":
                if value not in ("pelvis", "chest"):
                    self.fail(here, f"'twist_fixed' must be pelvis or chest, not {value!r}")
                kw[key] = value
            elif key == "support":
                kw[key] = self.support(here, value)
        for key in ("title", "angles"):
            if key not in data:
                self.fail(loc, f"base pose '{name}' has no '{key}': add it")
        return Base(**kw) if len(self.problems) == before else None

    def support(self, loc: tuple, value) -> dict:
        if not isinstance(value, dict):
            self.fail(loc, "'support' must be a mapping of part: prop, e.g. {shins: chair}")
            return {}
        for part, prop in value.items():
            if part not in PART_SEGMENTS:
                self.fail((*loc, part), f"unknown body part '{part}': {suggest(part, PART_SEGMENTS)}")
            if prop not in NOMINAL:
                self.fail((*loc, part), f"unknown prop '{prop}' under '{part}': {suggest(prop, NOMINAL)}")
        return dict(value)


def load_base_poses(path: Path = PATH) -> MappingProxyType:
    """name -> Base, in the file's order; raises DataError with every problem found."""
    doc = read(path, Path(__file__).resolve().parents[1])
    reader = _Reader(doc)
    poses = {name: reader.pose(name, data) for name, data in doc.value.items()}
    if tuple(poses) != POSE_NAMES:
        reader.fail(
            (),
            "the base poses must be the names of POSE_NAMES in lumbar/figures/model.py, in the same "
            f"order: this file has {', '.join(map(str, poses))}; model.py has {', '.join(POSE_NAMES)}",
        )
    if reader.problems:
        raise DataError(reader.problems)
    return MappingProxyType(poses)


BASE_POSES = load_base_poses()
