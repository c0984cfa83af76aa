"""The `figures:` block of an exercise: start and end poses, written as a base pose plus changes.

Everything a clinician writes is checked here (names, joint ranges); the geometry (floor, support,
balance) is checked in validate.py, because it needs the whole pose.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from lumbar.figures.fields import Plain, _check_keys, _Strict, suggest
from lumbar.figures.joints import (  # noqa: F401 (re-exported)
    GRIPS_TEXT,
    JOINTS,
    LIMB_JOINTS,
    PARTS,
    POSE_NAMES,
    PROPS,
    SPINE_JOINTS,
    SUPPORT_PROPS,
    VIEWS,
)

GRIPS = tuple(GRIPS_TEXT)


def _angle(value: float, info) -> float:
    name = info.field_name.replace("_", "-")
    low, high, _ = JOINTS[name]
    if not low <= value <= high:
        raise PydanticCustomError(
            "joint_range",
            "{value} degrees is outside the human range ({low} to {high})",
            {"value": _num(value), "low": _num(low), "high": _num(high)},
        )
    return float(value)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


Angle = Annotated[float, Field(allow_inf_nan=False)]


def _joint(name: str):
    low, high, text = JOINTS[name]
    alias = name if "-" in name else None
    return Field(
        None,
        alias=alias,
        description=f"{text} Range {_num(low)} to {_num(high)}.",
        json_schema_extra={"minimum": low, "maximum": high},
    )


def _range_check(cls, value, info):
    return value if value is None else _angle(value, info)


_LIMB_FIELDS = [n.replace("-", "_") for n in LIMB_JOINTS]
_SPINE_FIELDS = [n.replace("-", "_") for n in SPINE_JOINTS]


class Limbs(_Strict):
    """The limb joints: of one side, or of both sides at once in a position."""

    shoulder: Angle | None = _joint("shoulder")
    shoulder_abduction: Angle | None = _joint("shoulder-abduction")
    shoulder_rotation: Angle | None = _joint("shoulder-rotation")
    elbow: Angle | None = _joint("elbow")
    wrist: Angle | None = _joint("wrist")
    hip: Angle | None = _joint("hip")
    hip_abduction: Angle | None = _joint("hip-abduction")
    hip_rotation: Angle | None = _joint("hip-rotation")
    knee: Angle | None = _joint("knee")
    ankle: Angle | None = _joint("ankle")

    _limb_range = field_validator(*_LIMB_FIELDS)(classmethod(_range_check))


class Side(Limbs):
    """The limbs of one side: near (towards the viewer, drawn dark) or far (drawn lighter)."""

    @model_validator(mode="before")
    @classmethod
    def _names(cls, data: Any) -> Any:
        return _check_keys(data, LIMB_JOINTS, "joint")

    def angles(self) -> dict[str, float]:
        return {
            name: getattr(self, name.replace("-", "_"))
            for name in LIMB_JOINTS
            if getattr(self, name.replace("-", "_")) is not None
        }


class Phase(Limbs):
    """One position: a base pose, then only what differs from it (angles in degrees)."""

    pose: str = Field(
        description="A base pose name (see the list of base poses).", json_schema_extra={"enum": list(POSE_NAMES)}
    )
    trunk: Angle | None = _joint("trunk")
    spine: Angle | None = _joint("spine")
    lumbar: Angle | None = _joint("lumbar")
    thoracic: Angle | None = _joint("thoracic")
    neck: Angle | None = _joint("neck")
    neck_side: Angle | None = _joint("neck-side")
    side_bend: Angle | None = _joint("side-bend")
    twist: Angle | None = _joint("twist")
    near: Side | None = Field(
        None,
        description="Joints of the near limbs only (towards the viewer); they win over the same joint given for both sides.",
    )
    far: Side | None = Field(
        None,
        description="Joints of the far limbs only (drawn lighter); they win over the same joint given for both sides.",
    )
    support: dict[str, str] = Field(
        default_factory=dict,
        description="Body parts that rest on a prop: part: prop, e.g. {shins: chair}, {lumbar: roller}, {head: pillow}, {back: wall}.",
    )
    hands: Literal[GRIPS] | None = Field(  # type: ignore[valid-type]
        None,
        description="Where both hands are: "
        + "; ".join(f"{k} ({v})" for k, v in GRIPS_TEXT.items())
        + ". The arms are then solved to reach it (leave shoulder and elbow out).",
    )
    barbell: Literal["hands", "shoulders"] = Field("hands", description="Where the barbell is, when there is one.")
    hold: bool = Field(
        False,
        description="True where this position is held: the drawing shows a timer (with the time on a routine sheet).",
    )
    note: Plain | None = Field(
        None, max_length=60, description='A few words shown under this drawing, e.g. "back arched".'
    )
    alt: Plain | None = Field(None, max_length=300, description="Text for this drawing alone, for screen readers.")

    _spine_range = field_validator(*_SPINE_FIELDS)(classmethod(_range_check))

    @model_validator(mode="before")
    @classmethod
    def _names(cls, data: Any) -> Any:
        allowed = dict.fromkeys(
            list(JOINTS) + ["pose", "near", "far", "support", "hands", "barbell", "hold", "note", "alt"]
        )
        return _check_keys(data, allowed, "joint or field")

    @field_validator("pose")
    @classmethod
    def _pose(cls, value: str) -> str:
        if value not in POSE_NAMES:
            raise PydanticCustomError(
                "unknown_pose", "unknown pose '{pose}': {hint}", {"pose": value, "hint": suggest(value, POSE_NAMES)}
            )
        return value

    @field_validator("support")
    @classmethod
    def _support(cls, value: dict[str, str]) -> dict[str, str]:
        for part, prop in value.items():
            if part not in PARTS:
                raise PydanticCustomError(
                    "unknown_part", "unknown body part '{part}': {hint}", {"part": part, "hint": suggest(part, PARTS)}
                )
            if prop not in SUPPORT_PROPS:
                raise PydanticCustomError(
                    "unknown_support",
                    "'{prop}' cannot carry the {part}: {hint}",
                    {"prop": prop, "part": part, "hint": suggest(prop, SUPPORT_PROPS)},
                )
            if (prop == "wall") != (part == "back"):
                raise PydanticCustomError("wall_back", "only the back can rest on a wall, and the back only on a wall")
        return value

    @model_validator(mode="after")
    def _spine_once(self) -> Phase:
        if self.spine is not None and (self.lumbar is not None or self.thoracic is not None):
            raise PydanticCustomError("spine_twice", "give either spine, or lumbar and thoracic, not both")
        return self

    @model_validator(mode="after")
    def _hands_set_arms(self) -> Phase:
        given = [k for k in self.angles() if k.split(".")[-1] in ("shoulder", "elbow", "wrist") or "shoulder-" in k]
        if self.hands and given:
            msg = "hands: {grip} places the arms itself: remove {joints}"
            raise PydanticCustomError("hands_and_arms", msg, {"grip": self.hands, "joints": ", ".join(given)})
        return self

    def angles(self) -> dict[str, float]:
        """Every joint this phase sets: 'knee' (both sides), 'near.knee', 'far.knee', 'lumbar'..."""
        out: dict[str, float] = {}
        for name in JOINTS:
            value = getattr(self, name.replace("-", "_"))
            if value is not None:
                out[name] = value
        for side in ("near", "far"):
            limbs = getattr(self, side)
            if limbs is not None:
                for name, value in limbs.angles().items():
                    out[f"{side}.{name}"] = value
        return out


PHASES = ("start", "middle", "end")


class Figures(_Strict):
    """Drawings of an exercise: its start and end positions (and a middle one for three-phase movements)."""

    alt: Plain = Field(
        max_length=400,
        description="What the drawings show, in one or two plain sentences, for screen readers and the caption.",
    )
    props: list[str] = Field(
        default_factory=list,
        description="Props drawn in every phase: " + ", ".join(PROPS) + ".",
        json_schema_extra={"items": {"enum": list(PROPS)}},
    )
    view: Literal["side", "front", "top", "end", "oblique"] = Field(
        "side",
        description="Where the viewer stands: side (default), front (facing a standing figure), top (from above), end (lying: from the feet, a little above, along the body) or oblique (lying: three-quarter, from beyond the feet and the near side, above; bent knees, knees rolling or opening, a hip lifting).",
    )
    motion: Literal["once", "rock", "circle", "eight"] = Field(
        "once",
        description="How the movement repeats: once (default: one arrow from each position to the next), rock (back "
        "and forth between the positions: a two-headed arrow), circle (the moving part circles: a round arrow) or eight (the hips trace a figure of eight: an eight-shaped arrow).",
    )
    arrow: Literal["head", "neck", "chest", "waist", "hip", "near.hand", "near.knee", "near.toe", "legs"] | None = (
        Field(
            None,
            description="The part the arrow follows, when the part that moves most is not the movement's cause "
            "(cobra: chest, the upper back lifting, not the head); legs: both legs move, an arrow on each (scissors). "
            "Default: the one or two parts that move most.",
        )
    )
    press: Literal["near.knee", "far.knee", "near.ankle", "far.ankle", "hip", "chest"] | None = Field(
        None,
        description="A static press: the part pressed towards the floor (crossed-leg press: near.knee, the crossed "
        "top leg pressing the bottom knee down). A thick arrow points down onto the body there, the other leg's arrow up against "
        "it; hold: true gives the timer.",
    )
    pull: Literal["near.knee", "far.knee"] | None = Field(
        None,
        description="A static pull: the part pulled towards the chest (crossed-leg pull: near.knee, the bottom leg "
        "pulling in against the top one). A thick arrow above it towards the head, the other leg's arrow against it; "
        "hold: true gives the timer.",
    )
    tall: bool = Field(
        False,
        description="true when the body stretches up tall (as if pulled up by a string): a thick arrow rises from "
        "the top of the last position.",
    )
    other_side: bool = Field(
        False,
        description="true when the exercise is then done on the other side (change legs, turn the other way): "
        "the last position gets an R-to-L mark.",
    )
    start: Phase = Field(description="The start position.")
    middle: Phase | None = Field(None, description="A middle position, for movements with three phases.")
    end: Phase | None = Field(None, description="The end position. Leave it out for a position that is only held.")

    @model_validator(mode="before")
    @classmethod
    def _names(cls, data: Any) -> Any:
        return _check_keys(data, cls.model_fields, "field")

    @field_validator("props")
    @classmethod
    def _props(cls, value: list[str]) -> list[str]:
        for prop in value:
            if prop not in PROPS:
                raise PydanticCustomError(
                    "unknown_prop", "unknown prop '{prop}': {hint}", {"prop": prop, "hint": suggest(prop, PROPS)}
                )
        if len(set(value)) != len(value):
            raise PydanticCustomError("duplicate_prop", "a prop is listed twice")
        return value

    @model_validator(mode="after")
    def _middle_needs_end(self) -> Figures:
        if self.middle is not None and self.end is None:
            raise PydanticCustomError("middle_no_end", "a middle position needs an end position")
        return self

    def phases(self) -> list[tuple[str, Phase]]:
        return [(name, getattr(self, name)) for name in PHASES if getattr(self, name) is not None]
