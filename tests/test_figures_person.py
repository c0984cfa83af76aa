"""The person in the drawings reads at sheet size (issue 26, fourth round): a head in profile whose face points away
from the floor lying on the back and towards it lying face down, feet with the toes up lying on the back, a trunk
whose chest and buttocks tell its front from its back, hands with a thumb, and hands and feet that keep their
width seen edge on; every position of a drawing has paths of the same shape, so the motion moves between them."""

from __future__ import annotations

import math
import re

import pytest
import yaml

from lumbar.figures import Figures, render_figures
from lumbar.figures.body import HEAD_R
from lumbar.figures.drawing import Drawing
from lumbar.figures.outline import shapes
from lumbar.figures.person import FOOT_HALF
from tests.conftest import ROOT

NUM = re.compile(r"-?(?:\d+(?:\.\d*)?|\.\d+)")


def _pose(pose: str, view: str = "side", **angles) -> tuple[Drawing, dict]:
    """One position drawn: its drawing and its body's shapes by kind."""
    d = Drawing(Figures.model_validate({"alt": "x", "view": view, "start": {"pose": pose, **angles}}), animate=False)
    r = d.resolved[0]
    return d, dict(shapes(r.body, d.view, d.props))


def _polygons(d: str) -> list[list[tuple[float, float]]]:
    """The closed polygons (M x y l dx dy ... z, no arcs) of a path, as absolute points."""
    out = []
    for sub in re.findall(r"M[^M]*", d):
        if "a" in sub or "A" in sub or "Q" in sub:
            continue
        vals = [float(v) for v in NUM.findall(sub)]
        pts = [(vals[0], vals[1])]
        for i in range(2, len(vals), 2):
            pts.append((pts[-1][0] + vals[i], pts[-1][1] + vals[i + 1]))
        out.append(pts)
    return out


def _nose(d: Drawing, kinds: dict) -> tuple[tuple[float, float], tuple[float, float]]:
    """The head's centre and the face's farthest point from it (the nose's tip), on the page."""
    head = d.view(d.resolved[0].body.points["head"])
    face = _polygons(kinds["trunk"])[-1]
    return head, max(face, key=lambda p: math.dist(p, head))


@pytest.mark.parametrize("pose", ["supine", "supine-knees-bent", "bridge"])
def test_lying_on_the_back_the_face_points_up_and_the_hair_lies_below(pose):
    d, kinds = _pose(pose)
    head, nose = _nose(d, kinds)
    assert nose[1] < head[1] - HEAD_R * 0.6, f"{pose}: the nose at {nose}, head at {head}: it should point up"
    assert _hair_side(kinds)[1] > 0.5, f"{pose}: the hair should lie at the back of the head, on the floor"


def _hair_side(kinds) -> tuple[float, float]:
    """Which way the hair lies from the head's middle: away from its front edge's bow (M p A .. q Q k p)."""
    vals = [float(v) for v in NUM.findall(kinds["hair"].split("M")[1])]
    p, q, k = vals[0:2], vals[7:9], vals[9:11]
    mid = ((p[0] + q[0]) / 2, (p[1] + q[1]) / 2)
    dx, dy = mid[0] - k[0], mid[1] - k[1]
    n = math.hypot(dx, dy)
    return dx / n, dy / n


@pytest.mark.parametrize("pose", ["prone", "prone-on-elbows", "all-fours"])
def test_face_down_the_face_points_towards_the_floor(pose):
    d, kinds = _pose(pose)
    head, nose = _nose(d, kinds)
    assert nose[1] > head[1] + HEAD_R * 0.6, f"{pose}: the nose at {nose}, head at {head}: it should point down"
    assert _hair_side(kinds)[1] < -0.3, f"{pose}: the hair should be on top, the back of the head up"


def test_standing_the_face_has_a_brow_nose_and_chin_ahead_of_the_skull():
    d, kinds = _pose("standing")
    head, nose = _nose(d, kinds)
    face = _polygons(kinds["trunk"])[-1]
    assert nose[0] > head[0] + HEAD_R + 2, nose  # the nose stands out of the skull, the way the figure faces
    ahead = [p for p in face if p[0] > head[0] + HEAD_R * 0.8]
    assert len(ahead) >= 4, face  # brow, nose tip and base, chin: a profile, not a triangle


def _foot(kinds: dict, side: str = "near") -> list[tuple[float, float]]:
    path = kinds["near-leg"] if side == "near" else kinds["far"]
    return _polygons(path)[-1 if side == "near" else 0]


def test_lying_on_the_back_the_toes_point_up_lying_face_down_they_do_not():
    for pose in ("supine",):
        d, kinds = _pose(pose)
        pts = d.resolved[0].body.points
        assert pts["near.toe"][1] - pts["near.heel"][1] > 15, (pose, pts["near.toe"], pts["near.heel"])
        foot = _foot(kinds)
        ankle = d.view(pts["near.ankle"])
        assert min(y for _, y in foot) < ankle[1] - 14, f"the drawn toes reach {min(y for _, y in foot)}: up"
    d, kinds = _pose("prone")
    pts = d.resolved[0].body.points
    assert pts["near.toe"][1] < pts["near.heel"][1] + 4, "face down, the toes do not point up"
    d, kinds = _pose("supine-knees-bent")
    pts = d.resolved[0].body.points
    assert abs(pts["near.toe"][1] - pts["near.heel"][1]) < 4, "knees bent, the feet stand flat"


def test_the_drawn_heel_stands_out_behind_the_ankle_standing():
    d, kinds = _pose("standing")
    pts = d.resolved[0].body.points
    foot = _foot(kinds)
    ankle = d.view(pts["near.ankle"])
    assert min(x for x, _ in foot) < ankle[0] - 7, "the heel behind the ankle"
    assert max(x for x, _ in foot) > ankle[0] + 18, "the toes ahead"
    near_edge = d.view((0, 0, pts["near.ankle"][2] + FOOT_HALF))[1]  # the sole's near edge, on the floor
    assert near_edge - 2 <= max(y for _, y in foot) <= near_edge + 1.5, "the sole on the floor"


def _trunk(kinds):
    return _polygons(kinds["trunk"])[0]


def test_the_trunk_shows_buttocks_face_down_and_a_chest_face_up():
    """Side on, the highest point of the trunk near the hips is the buttocks lying face down, and they stand above
    the low back; lying on the back the chest is the highest and the hips lie lower."""
    for pose, high in (("prone", "hip"), ("supine", "chest")):
        d, kinds = _pose(pose)
        pts = d.resolved[0].body.points
        trunk = _trunk(kinds)

        def top(key, reach=10.0, trunk=trunk, d=d, pts=pts):
            x = d.view(pts[key])[0]
            return -min(y for px, y in trunk if abs(px - x) <= reach)

        low = "chest" if high == "hip" else "hip"
        assert top(high) > top(low) + 1.5, f"{pose}: {high} top {top(high)}, {low} top {top(low)}"
        if pose == "prone":
            assert top("hip") > top("waist") + 2, f"the buttocks {top('hip')} stand above the low back {top('waist')}"


@pytest.mark.parametrize("pose", ["prone", "supine", "prone-on-elbows", "side-lying"])
def test_the_trunk_flattens_on_the_floor_instead_of_going_through_it(pose):
    d, kinds = _pose(pose)
    body = d.resolved[0].body
    lowest = min(min(p[1], q[1]) - r for _, kind, _, p, q, r in body.segments if kind in ("pelvis", "lumbar", "chest"))
    floor = -min(0.0, lowest)  # page y of the floor under the body's middle (z = 0), or as low as the body goes
    assert max(y for _, y in _trunk(kinds)) <= floor + 0.5, (pose, max(y for _, y in _trunk(kinds)), floor)


def test_a_hand_has_its_thumb_ahead_when_the_arm_hangs():
    d, kinds = _pose("standing")
    pts = d.resolved[0].body.points
    hand, thumb = _polygons(kinds["near-arm"])[-2:]
    wrist = d.view(pts["near.wrist"])
    assert min(x for x, _ in thumb) > wrist[0] - 1, "the thumb on the palm's front side"
    assert max(x for x, _ in thumb) > max(x for x, _ in hand) + 1, "it stands out of the mitten"
    assert max(y for _, y in hand) > wrist[1] + 9, "the mitten hangs below the wrist"


@pytest.mark.parametrize("pose,view", [("standing", "front"), ("supine", "top"), ("supine-knees-bent", "top")])
def test_hands_and_feet_seen_edge_on_keep_their_width(pose, view):
    d, kinds = _pose(pose, view)
    for name, poly, least in (("foot", _foot(kinds), 6.0), ("hand", _polygons(kinds["near-arm"])[-2], 2.5)):
        xs, ys = [x for x, _ in poly], [y for _, y in poly]
        assert min(max(xs) - min(xs), max(ys) - min(ys)) >= least, (pose, view, name, poly)


def _commands(d: str) -> list[tuple[str, int]]:
    return [(c, len(NUM.findall(args))) for c, args in re.findall(r"([MmLlAaQqZz])([^MmLlAaQqZz]*)", d)]


@pytest.mark.parametrize("name", ["bird-dog", "double-knee-bend-straighten", "cat", "knee-rolls", "prone-leg-raise"])
def test_every_frame_of_a_motion_has_paths_of_the_same_shape(name):
    """SMIL moves a path between values only when they have the same commands: a hand, foot, face or trunk with a
    point more in one position would jump instead of moving."""
    data = yaml.safe_load((ROOT / "data" / "exercises" / f"{name}.yaml").read_text(encoding="utf-8"))
    html = render_figures(Figures.model_validate(data["figures"]), "x")
    animations = re.findall(r'<animate attributeName="d"[^>]*values="([^"]*)"', html)
    assert animations, name
    for values in animations:
        shapes_ = {tuple(_commands(v)) for v in values.split(";")}
        assert len(shapes_) == 1, f"{name}: {len(shapes_)} shapes of one path"


@pytest.mark.parametrize("name", ["back-extension", "crunch"])
def test_hands_behind_the_head_leave_the_face_in_sight(name):
    """With the hands behind the head, the near forearm drawn over the head hid the face: the forearm and hand go
    under the head (drawn before it), the upper arm over it, its end the elbow."""
    data = yaml.safe_load((ROOT / "data" / "exercises" / f"{name}.yaml").read_text(encoding="utf-8"))
    d = Drawing(Figures.model_validate(data["figures"]), animate=False)
    r = d.resolved[-1]
    assert r.hands == "behind-head"
    order = shapes(r.body, d.view, d.props, tuck=True)
    kinds = [k for k, _ in order]
    under, over = (d_ for k, d_ in order if k == "near-arm")
    assert kinds.index("near-arm") < kinds.index("trunk") < len(kinds) - 1 - kinds[::-1].index("near-arm")
    assert under.count("M") == 3, "forearm, hand and thumb under the head"
    assert over.count("M") == 1, "only the upper arm over the head"


def test_limbs_narrow_towards_the_hands_and_feet():
    """Each capsule's first arc is round its far end (knee, ankle, elbow, wrist), the second round its near end."""
    _, kinds = _pose("standing")
    for path, pieces in ((kinds["near-leg"], 2), (kinds["near-arm"], 2)):
        arcs = [float(r) for r in re.findall(r"a(-?[\d.]+) ", path)]
        for i in range(pieces):
            far, near = arcs[2 * i], arcs[2 * i + 1]
            assert far < near * 0.9, (path, far, near)


def test_face_down_the_toes_rest_on_the_floor_and_the_heels_point_up():
    """Lying face down the feet stand on their toes, heels up (pointed back along the floor they read as a body
    lying on its back, issue 26): the toe touches the floor and the heel stands well above it."""
    d, _ = _pose("prone")
    pts = d.resolved[0].body.points
    for side in ("near", "far"):
        toe, heel, ankle = (pts[f"{side}.{k}"] for k in ("toe", "heel", "ankle"))
        assert toe[1] < 6, (side, toe)
        assert heel[1] > toe[1] + 14 and heel[1] > ankle[1], (side, heel, toe, ankle)


@pytest.mark.parametrize("pose", ["prone", "supine", "standing", "all-fours"])
def test_the_hair_is_one_dark_shape_and_the_nose_stands_well_out(pose):
    """A light ear cut out of the dark hair read as a second eye (the face looked up when it looked down): the hair is
    one shape, the eye a second; and the nose stands out of the skull by more than a third of its radius, so the way
    the face points reads at sheet size."""
    d, kinds = _pose(pose)
    assert kinds["hair"].count("M") == 2, kinds["hair"]
    head, nose = _nose(d, kinds)
    assert math.dist(head, nose) > HEAD_R * 1.35, (pose, head, nose)


def test_face_down_the_face_looks_at_the_floor_a_little_ahead():
    """Lying face down, the nose points down and forward, away from the feet, so the profile shows beside the head
    rather than hidden under it against the mat."""
    d, kinds = _pose("prone")
    head, nose = _nose(d, kinds)
    feet = d.view(d.resolved[0].body.points["near.ankle"])
    ahead = (nose[0] - head[0]) * (1 if head[0] > feet[0] else -1)
    assert ahead > HEAD_R * 0.25, (head, nose)


def test_face_down_with_the_chest_lifted_the_elbows_rise_beside_the_head():
    """Hands behind the head with the chest lifted off the floor: the near elbow stands up beside the head, not out
    ahead of the face, where the upper arm read as a forearm held out in front of it (issue 26)."""
    data = yaml.safe_load((ROOT / "data" / "exercises" / "back-extension.yaml").read_text(encoding="utf-8"))
    d = Drawing(Figures.model_validate(data["figures"]), animate=False)
    pts = d.resolved[-1].body.points
    elbow, head, shoulder = (d.view(pts[k]) for k in ("near.elbow", "head", "near.shoulder"))
    assert elbow[0] < head[0], (elbow, head)  # not ahead of the face (the head points right, the feet left)
    assert elbow[1] < shoulder[1] - 10, (elbow, shoulder)  # up from the shoulder


def test_a_body_on_its_side_seen_from_the_front_has_a_trunk_as_wide_as_its_shoulders():
    # Readers (issue 26, panel 7): the trunk of a side-lying body was a thin strip between the hips and the
    # shoulders, and the body read as face up. Its polygon (the trunk path's second, after the pelvis' round)
    # stands as tall on the page as the body is wide from side to side.
    d, s = _pose("side-lying")
    trunk = _polygons(s["trunk"])[0]
    ys = [y for _, y in trunk]
    assert max(ys) - min(ys) >= 32, (min(ys), max(ys))
    # The frontal face has a mouth as well as two eyes: which way up the head lies shows.
    assert len(re.findall(r"M", s["hair"])) >= 4


def test_a_head_seen_from_behind_shows_its_nape():
    # Readers (issue 26, panel 7): the dark round head of a body face down, seen from its feet, had no face and read
    # as face up. The hair leaves the nape bare (an arc, not a full round).
    _, s = _pose("prone", "end")
    assert re.match(r"M[-\d. ]+A[\d. ]+ 0 1 1 [-\d. ]+Z", s["hair"]), s["hair"][:80]
