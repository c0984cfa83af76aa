"""The body a drawing may pose: its joints and their ranges, the props, the parts that can rest on something,
the views and the named base poses."""

from __future__ import annotations

# Joint angles, in degrees: (lowest, highest, what it means). Positive is the usual clinical
# direction: flexion, abduction, bending towards the viewer.
SPINE_JOINTS: dict[str, tuple[float, float, str]] = {
    "trunk": (
        -180,
        180,
        "Tilt of the trunk from upright, for poses on one support (standing, kneeling, sitting "
        "on a chair): 0 upright, 90 bent forward to level; the legs stay where they are. Lying and all-fours "
        "poses settle by themselves and do not take it.",
    ),
    "spine": (-60, 90, "Bend of the whole back, shared between lumbar and thoracic: positive rounds, negative arches."),
    "lumbar": (-35, 60, "Bend of the lower back: positive rounds (flexion), negative arches (extension)."),
    "thoracic": (-30, 45, "Bend of the upper back: positive rounds, negative arches."),
    "neck": (-70, 60, "Bend of the neck: positive brings the chin to the chest, negative lifts the head back."),
    "neck-side": (
        -40,
        40,
        "Head tilted to the side: positive towards the near side (as when the head rests on an arm).",
    ),
    "side-bend": (-50, 50, "Side bend of the back: positive bends towards the viewer (the near side)."),
    "twist": (
        -70,
        70,
        "Turn of the chest against the pelvis: positive turns the chest towards the viewer. "
        "Lying, the shoulders stay on the floor and the pelvis turns the other way (knees fall aside).",
    ),
}
LIMB_JOINTS: dict[str, tuple[float, float, str]] = {
    "shoulder": (
        -60,
        180,
        "Arm forward from hanging along the body: 90 points it forward, 180 above the head, negative takes it back.",
    ),
    "shoulder-abduction": (-20, 180, "Arm out to the side: 90 level with the shoulder, 180 above the head."),
    "shoulder-rotation": (
        -90,
        90,
        "Arm turned about its own length: positive turns a bent forearm in across the belly, negative out. "
        "Usually left out: `hands:` sets it.",
    ),
    "elbow": (0, 150, "Elbow bend: 0 straight."),
    "wrist": (
        -80,
        90,
        "Hand bend: 0 in line with the forearm, 90 bent back as when the palm is flat on the floor. "
        "Hands near the floor lie flat by themselves unless this is given.",
    ),
    "hip": (
        -30,
        140,
        "Thigh forward from in line with the body: 90 is a right angle (sitting), negative takes the leg back.",
    ),
    "hip-abduction": (-20, 80, "Leg out to the side (knees apart)."),
    "hip-rotation": (
        -40,
        60,
        "Thigh turned about its own length: positive turns the knee out and the foot in, "
        "as when the soles meet with the knees apart.",
    ),
    "knee": (0, 160, "Knee bend: 0 straight, 90 a right angle, 150 kneeling on the heels."),
    "ankle": (
        -90,
        35,
        "Foot: positive lifts the toes towards the shin, negative points them (-85 lays the top of "
        "the foot flat when kneeling). Feet near the floor lie flat by themselves unless this is given.",
    ),
}
JOINTS = {**SPINE_JOINTS, **LIMB_JOINTS}

PROPS = ("mat", "roller", "bench", "chair", "wall", "pillow", "dumbbells", "barbell", "furniture")
# Props that carry a body part, with the height range of their top in cm (wall: none).
SUPPORT_PROPS: dict[str, tuple[float, float]] = {
    "roller": (8, 20),
    "pillow": (4, 16),
    "bench": (25, 50),
    "chair": (36, 52),
    "wall": (0, 0),
}
PARTS = ("head", "chest", "back", "lumbar", "pelvis", "thighs", "knees", "shins", "feet", "hands", "forearms")
VIEWS = ("side", "front", "top", "end", "oblique")
# The base poses are defined in base_poses.yaml; their names are listed here so the model needs no geometry.
POSE_NAMES = (
    "standing",
    "standing-bent-forward",
    "supine",
    "supine-knees-bent",
    "bridge",
    "lying-legs-on-chair",
    "supine-on-elbows",
    "prone",
    "prone-on-roller",
    "prone-on-elbows",
    "prone-press-up",
    "side-lying",
    "all-fours",
    "downward-dog",
    "kneeling",
    "heel-sitting",
    "childs-pose",
    "sitting-legs-out",
    "reverse-plank",
    "sitting-on-chair",
)
# Where the hands can be put with `hands:` (the arms are solved to reach it; grips.py).
GRIPS_TEXT = {
    "behind-head": "clasped behind the head, elbows out",
    "beside-head": "fingertips at the temples, elbows out",
    "crossed-on-chest": "arms crossed on the chest, each hand on the other shoulder",
    "on-hips": "hands on the hips, elbows out",
    "on-knees": "each hand over its own knee",
    "on-near-knee": "both hands holding the near knee",
    "on-near-ankle": "both hands holding the near ankle (the bent leg lying face down)",
}
