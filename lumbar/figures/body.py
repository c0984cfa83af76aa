"""The body: proportions of a 170 cm adult, thickness and mass of each part, and the posed skeleton.

Units are centimetres. The world: x to the right, y up, z towards the viewer of the side view; the
floor is y = 0. The body's own axes at the pelvis: X forward (the way the face looks), Y up the
spine, Z towards the near side. A standing figure faces right, near side to us.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    "head": 0.081,
    "chest": 0.216,
    "lumbar": 0.139,
    "pelvis": 0.142,
    "upper-arm": 0.028,
    "forearm": 0.016,
    "hand": 0.006,
    "thigh": 0.100,
    "shin": 0.0465,
    "foot": 0.0145,
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


@dataclass
class Body:
    """A posed skeleton in world coordinates."""

    points: dict  # name -> (x, y, z)
    segments: list  # (name, kind, side, p, q, radius)
    face: tuple  # unit vector the face looks along
    frames: dict  # a few joint frames, for solving hands and feet
