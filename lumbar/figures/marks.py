"""What is drawn besides the body and its props: the floor or mat, the hold mark and the side marks.

Near limbs are the person's right side (the body's own axes: forward x up = towards the near side),
far limbs the left; a side mark names the side of a limb that moves alone.
"""

from __future__ import annotations

import math
import re
from html import escape

from lumbar.figures.body import Body
from lumbar.figures.contact import touching
from lumbar.figures.furniture import MAT_TONE, short
from lumbar.figures.oblique import ABOVE
from lumbar.figures.outline import FAR_TONE, PAPER
from lumbar.figures.strokes import View, num

FLOOR_Z, MAT_Z = 30.0, 24.0  # side view: half the depth of the floor band and of the mat, cm


def _quad(view: View, x0: float, x1: float, z: float) -> str:
    pts = [view(c) for c in ((x0, 0.0, -z), (x1, 0.0, -z), (x1, 0.0, z), (x0, 0.0, z))]
    return short([(round(a), round(b)) for a, b in pts]) + "Z"


def mat_depth(body: Body, margin: float = 10.0, arms: bool = True) -> tuple[float, float]:
    """The top view's mat: wide enough for arms (unless arms is false: they may lie off it) and legs out to the
    side."""
    zs = [p[2] for k, p in body.points.items() if arms or not k.endswith(_ARM)]
    return min(-24.0 - margin, min(zs) - margin), max(24.0 + margin, max(zs) + margin)


_ARM = ("hand", "wrist", "elbow")


def mat_corners(view: View, bodies) -> list[tuple[float, float, float]]:
    """The mat seen from above, the same in every position's panel; the three-quarter view's close round the body
    and a mat's width (arms out lie beyond it: its near corner, wide, was a large empty foreground)."""
    margin = (4.0, 8.0) if view.name == "oblique" else (10.0, 18.0)
    xs = [p[0] for b in bodies for p in b.points.values()]
    x0, x1 = min(xs) - margin[1], max(xs) + margin[1]
    depths = [mat_depth(b, margin[0], view.name != "oblique") for b in bodies]  # arms out lie off an angled mat
    z0, z1 = min(d[0] for d in depths), max(d[1] for d in depths)
    return [(x0, 0.0, z0), (x1, 0.0, z0), (x1, 0.0, z1), (x0, 0.0, z1)]


def mat_span(body: Body) -> tuple[float, float]:
    """The side view's mat: under what touches the floor, with a margin (the drawing's box takes it in whole, so
    the mat is not cut at the panel's edge)."""
    spans = touching(body, 0.0, 4.0)
    if spans:
        x0, x1 = min(a for a, _ in spans) - 12, max(b for _, b in spans) + 12
    else:
        xs = [p[0] for p in body.points.values()]
        x0, x1 = min(xs) - 12, max(xs) + 12
    if x1 - x0 < 60:
        c = (x0 + x1) / 2
        x0, x1 = c - 30, c + 30
    return x0, x1


def floor_svg(box, view: View, bodies, mat: bool) -> str:
    """The floor under every view: a line and a band in side and front views, the floor and mat seen from above
    and in front (in perspective) in the top view. bodies: every position's, so the mat is the same in each panel
    (issue 26: a mat that moved between the drawings read as a movement)."""
    x, y, w, h = box
    bodies = [bodies] if isinstance(bodies, Body) else list(bodies)
    if view.name in ABOVE:
        corners = mat_corners(view, bodies)
        pts = " ".join(f"{num(a)} {num(b)}" for a, b in (view(c) for c in corners))
        fill = f'fill="{MAT_TONE}" class="lh-mat"' if mat else f'fill="{PAPER}" class="lh-paper"'
        return f'<path d="M{pts}Z" {fill} stroke="currentColor" stroke-width="1.5" stroke-dasharray="{"none" if mat else "4 3"}"/>'
    if view.name == "side":
        # The floor as a plane seen a little from above: a band from the back to the front edge, the mat on it.
        b, f = view((0, 0, -FLOOR_Z))[1], view((0, 0, FLOOR_Z))[1]
        out = [
            f'<path d="M{x} {num(b)}H{x + w}V{num(f)}H{x}Z" fill="currentColor" opacity=".1" class="lh-floor"/>'
            f'<path d="M{x} {num(f)}H{x + w}" stroke="currentColor" stroke-width="1.5"/>'
        ]
        if mat:
            spans = [mat_span(b) for b in bodies]
            x0, x1 = min(a for a, _ in spans), max(b for _, b in spans)
            slant = abs(view((0, 0, MAT_Z))[0])  # inside the drawing's box, slanted corners and all
            x0, x1 = max(x0, x + slant + 1), min(x1, x + w - slant - 1)
            out.append(
                f'<path d="{_quad(view, x0, x1, MAT_Z)}" fill="{MAT_TONE}" class="lh-mat" stroke="currentColor" '
                'stroke-width="1.2"/>'
            )
        return "".join(out)
    out = [
        f'<path d="M{x} 0H{x + w}" stroke="currentColor" stroke-width="1.5" class="lh-floor"/>',
        f'<path d="M{x} 3.5H{x + w}" stroke="currentColor" stroke-width="7" opacity=".12"/>',
    ]
    if mat:
        xs = [view(p)[0] for b in bodies for p in b.points.values()]
        x0, x1 = min(xs) - 14, max(xs) + 14
        out.append(
            f'<rect x="{num(x0)}" y="-2.5" width="{num(x1 - x0)}" height="2.5" rx="1" fill="{MAT_TONE}" class="lh-mat" '
            'stroke="currentColor" stroke-width="1.2"/>'
        )
    return "".join(out)


def hold_mark(box, body: Body, view: View, seconds: int | None, t, scale: float = 1.0) -> str:
    """A stopwatch in the top right corner, with the time when the routine gives it, or the word for hold; scale:
    the same size on the page in every drawing (Drawing.mark_scale)."""
    x, y, w, _ = box
    cx, cy = (x + w - 12 * scale) / scale, (y + 12 * scale) / scale
    words = f"{seconds} s" if seconds else _word(t, "Hold (drawing mark)")
    return (
        f'<g class="lh-hold" transform="scale({num(scale)})"><circle cx="{num(cx)}" cy="{num(cy)}" r="8" fill="{PAPER}" class="lh-paper" '
        f'stroke="currentColor" stroke-width="2"/><path d="M{num(cx)} {num(cy - 11)}V{num(cy - 8)}M{num(cx)} {num(cy)}'
        f'L{num(cx)} {num(cy - 5)}M{num(cx)} {num(cy)}L{num(cx + 4)} {num(cy + 2)}" stroke="currentColor" stroke-width="2"/>'
        f'<text x="{num(cx - 12)}" y="{num(cy + 4.5)}" text-anchor="end" font-size="13" font-weight="700" '
        f'fill="currentColor" font-family="sans-serif">{escape(words)}</text></g>'
    )


def _word(t, key: str) -> str:
    text = t(key)
    return key.split(" (")[0] if text == key else text


def side_marks(figs, keys, tracks, t, both=()) -> str:
    """A circled R or L at the end of the arrow of a limb that moves on one side only. both: the parts whose other
    side moves the same way as well (both knees rolling aside, both arms rising a little apart): no letter."""
    named = {s for _, phase in figs.phases() for s in ("near", "far") if getattr(phase, s) is not None}
    if not named or figs.arrow == "legs":  # both legs move together: no side to name
        return ""
    out = []
    for key, track in zip(keys, tracks, strict=True):
        side = key.split(".")[0]
        if side not in named or not track or key in both:
            continue
        letter = _word(t, "R (right side)" if side == "near" else "L (left side)")
        # Just past the arrow's head, along its last step.
        (ax, ay), (bx, by) = track[-2] if len(track) > 1 else track[0], track[-1]
        n = math.hypot(bx - ax, by - ay) or 1.0
        cx, cy = bx + (bx - ax) / n * 14, by + (by - ay) / n * 14
        if key.endswith(".toe"):  # past the head it would sit on the foot and hide where it rests: above the arc
            mx, my = min(track, key=lambda p: p[1])
            cx, cy = mx, my - 12
        fill = f'fill="{PAPER}" class="lh-paper"' if side == "near" else f'fill="{FAR_TONE}" class="lh-far"'
        out.append(
            f'<g class="lh-side"><circle cx="{num(cx)}" cy="{num(cy)}" r="7" {fill} stroke="currentColor" '
            f'stroke-width="1.5"/><text x="{num(cx)}" y="{num(cy + 3.6)}" text-anchor="middle" font-size="10" '
            f'font-weight="700" fill="currentColor" font-family="sans-serif">{escape(letter)}</text></g>'
        )
    return "".join(out)


def other_side_mark(box, t, scale: float = 1.0) -> str:
    """Top left: R <-> L, for an exercise then done on the other side; scale as hold_mark's."""
    x, y, _, _ = box
    x, y = x / scale, y / scale
    cy = y + 12
    right, left = _word(t, "R (right side)"), _word(t, "L (left side)")
    out = [f'<g class="lh-other-side" transform="scale({num(scale)})">']
    for cx, letter, fill in (
        (x + 10, right, f'fill="{PAPER}" class="lh-paper"'),
        (x + 44, left, f'fill="{FAR_TONE}" class="lh-far"'),
    ):
        out.append(
            f'<circle cx="{num(cx)}" cy="{num(cy)}" r="8" {fill} stroke="currentColor" stroke-width="1.5"/>'
            f'<text x="{num(cx)}" y="{num(cy + 4)}" text-anchor="middle" font-size="11" font-weight="700" '
            f'fill="currentColor" font-family="sans-serif">{escape(letter)}</text>'
        )
    a, b = x + 21, x + 33
    out.append(
        f'<path d="M{num(a)} {num(cy)}H{num(b)}" stroke="currentColor" stroke-width="2"/>'
        f'<path d="M{num(a - 1)} {num(cy)}l4 -3.5v7ZM{num(b + 1)} {num(cy)}l-4 -3.5v7Z" fill="currentColor"/></g>'
    )
    return "".join(out)


_OTHER = re.compile(
    r'<g class="lh-other-side" transform="scale\(([\d.]+)\)"><circle cx="([\d.-]+)" cy="([\d.-]+)".*?</g>'
)
_SIDE = re.compile(r'<g class="lh-side">.*?</g>')


def wordless(svg: str) -> str:
    """A drawing for every language (the sheet's images): the R <-> L mark becomes a mirror sign (a dark shape, a
    dashed mirror line, the same shape grey and flipped, an arrow over from one to the other), and the lettered
    side marks at the arrows' heads go (the dark near limb and grey far limb show which side moves)."""

    def mirror(m) -> str:
        s, x, cy = m.group(1), float(m.group(2)) - 10, float(m.group(3))
        lo, hi = cy - 1, cy + 10  # the two shapes; the arrow arches over them, inside the mark's room
        return (
            f'<g class="lh-other-side" transform="scale({s})">'
            f'<path d="M{num(x + 22)} {num(lo)}V{num(hi)}H{num(x + 4)}Z" fill="currentColor"/>'
            f'<path d="M{num(x + 32)} {num(lo)}V{num(hi)}H{num(x + 50)}Z" fill="{FAR_TONE}" class="lh-far" '
            'stroke="currentColor" stroke-width="1.5"/>'
            f'<path d="M{num(x + 27)} {num(lo - 3)}V{num(hi + 2)}" stroke="currentColor" stroke-width="1.5" '
            'stroke-dasharray="3 2"/>'
            f'<path d="M{num(x + 10)} {num(cy - 3)}Q{num(x + 27)} {num(cy - 13)} {num(x + 42)} {num(cy - 4)}" '
            'stroke="currentColor" stroke-width="2"/>'
            f'<path d="M{num(x + 46)} {num(cy)}l-8 -1 4 -6Z" fill="currentColor"/></g>'
        )

    return _SIDE.sub("", _OTHER.sub(mirror, svg))


def shadow_svg(view: View, body: Body) -> str:
    """Top and end views: the shadow on the floor of every part lifted off it, straight below, so a lifted leg or
    chest stands apart from its shadow (issue 26: from above, lifting and which way up could not be seen)."""
    if body.points["hip"][1] > STANDING_HIP:  # standing: every part is lifted and the blots hid the legs
        return ""
    groups: dict[int, list[str]] = {}
    for name, _, _, p, q, r in body.segments:
        low = 8.0 if view.name != "oblique" else 12.0  # at an angle, a hand 2 cm up cast a shadow read as a ghost
        if min(p[1], q[1]) - r < low:  # on the floor (or as near as a body lying on it holds it): no shadow to see
            continue
        if name.endswith(".knee"):  # a knee's round alone (thigh and shin on the floor) cast a stray grey dot
            continue
        (ax, ay), (bx, by) = view((p[0], 0.0, p[2])), view((q[0], 0.0, q[2]))
        w = round(2 * r) if view.name != "oblique" else 12  # oblique: one path (a soft hint; the weight is held)
        groups.setdefault(w, []).append(f"M{round(ax)} {round(ay)}L{round(bx)} {round(by)}")
    dark = ".28" if view.name in ("top", "end") else ".16"  # top and end: the lift is the shadow's gap, seen at once
    return "".join(
        f'<path d="{"".join(d)}" stroke="currentColor" stroke-width="{w}" opacity="{dark}" class="lh-shadow"/>'
        for w, d in sorted(groups.items())
    )


STANDING_HIP = 60.0  # cm: hips higher than this stand (or kneel up): no floor shadows


def both_sides(a, b, keys) -> set[str]:
    """The tracked parts whose other side moves the same way at least half as far: both limbs, not one."""
    out = set()
    for key in keys:
        side, _, part = key.partition(".")
        if side in ("near", "far"):
            other = ("far." if side == "near" else "near.") + part
            u = [q - p for p, q in zip(a.points[key], b.points[key], strict=True)]
            v = [q - p for p, q in zip(a.points[other], b.points[other], strict=True)]
            nu, nv = math.hypot(*u), math.hypot(*v)
            if nv >= 0.5 * nu > 0 and sum(x * y for x, y in zip(u, v, strict=True)) > 0.5 * nu * nv:
                out.add(key)
    return out
