"""Curved arrows along the path of the parts that move most between two positions."""

from __future__ import annotations

import math

from lumbar.figures.oblique import ABOVE
from lumbar.figures.solver import Resolved
from lumbar.figures.strokes import View, num, path_d

LEGS = ("near.toe", "far.toe")
_TRACKED = ("near.toe", "far.toe", "near.hand", "far.hand", "near.knee", "far.knee", "head", "waist", "hip", "neck")


def _limb(key: str) -> str | None:
    side, _, part = key.partition(".")
    return f"{side}.leg" if part in ("toe", "knee") else None


CIRCLE_LEG = 22.0  # the ring arrow of a leg circling: its radius across the leg
BEHIND = 30.0  # hips circling: the ring's centre this far behind the hip joint, clear of the buttocks
MIN_ARROW = 26.0  # a smaller movement gets an arrow of this length, so that it can be seen
END_FOOT = 34.0  # end view: a foot's arrow this far out from its path (at 11 its head and R lay on the foot)


def motion_arrows(
    a: Resolved, b: Resolved, view: View, bodies, kind: str = "once", follow: str | None = None
) -> tuple[list[str], list, list]:
    """Curved arrows along the path of the one or two parts that move most: their SVG, the points each
    passes through (for the drawing's bounds and marks) and the parts they follow (follow: only that part). kind: once (one head),
    rock (a head at each end) or circle (a round arrow about where the part that moves most ends)."""
    moves = []
    legs = follow == "legs"  # both legs move: an arrow on each (issue 26: one arrow read as one leg moving)
    for key in LEGS if legs else (follow,) if follow else _TRACKED:
        if key.endswith(".hand") and b.hands:
            continue  # hands going to a grip: the grip shows where they went; their path runs over the body
        if view.name not in ABOVE and bodies[0].points[key][1] < 8 and bodies[-1].points[key][1] < 8:
            continue  # a hand or foot that stays on the floor is not the movement
        track = [view(body.points[key]) for body in bodies]
        d = math.dist(track[0], track[-1]) * (1.8 if key == "waist" else 1.0)
        length = sum(math.dist(track[i], track[i + 1]) for i in range(len(track) - 1))
        moves.append((d, length, key, track))
    moves.sort(key=lambda m: (-m[0], ((follow,) + _TRACKED).index(m[2])))
    chosen = [m for m in moves if m[0] >= 7.0] if legs else []
    for d, length, key, track in [] if legs else moves:
        if d < 7.0:
            break
        if chosen and (d < 0.45 * chosen[0][0] or any(math.dist(track[-1], c[3][-1]) < 35 for c in chosen)):
            continue
        if (
            key.startswith("far.")
            and view.name != "front"
            and any(c[2] == "near" + key[3:] and not _mirrored(c[3], track, view) for c in chosen)
        ):
            continue  # the near twin's arrow says it; but knees opening apart seen from the feet get one each, and
            # from the front both sides show, each its own way (a lateral raise had one arrow)
        if any(_limb(c[2]) == _limb(key) is not None for c in chosen):
            continue  # the knee and the toe of one leg: one arrow says it (two read as two movements)
        chosen.append((d, length, key, track))
        if len(chosen) == 2:
            break
    if not chosen and moves and moves[0][0] > 0.5:
        chosen.append(moves[0])
    for i, (d, length, key, track) in enumerate(chosen):
        chord = math.dist(track[0], track[-1])
        if chord < MIN_ARROW:
            # A small movement (a shift, a reach): a straight arrow of the least length along it, centred on its
            # middle; an enlarged copy of its curved path would curl into a hook that says nothing.
            (x0, y0), (x1, y1) = track[0], track[-1]
            ux, uy = (x1 - x0) / max(chord, 1e-6), (y1 - y0) / max(chord, 1e-6)
            cx, cy, h = (x0 + x1) / 2, (y0 + y1) / 2, MIN_ARROW / 2
            line = [(cx + ux * h * t, cy + uy * h * t) for t in (-1.0, -0.5, 0.0, 0.5, 1.0)]
            chosen[i] = (d, length, key, line)
    out, points, keys = [], [], []
    if kind in ("circle", "eight") and chosen:
        # The hips circle when they move at all (the head only follows them); else the limb that moves most.
        hips = [m for m in moves if m[2] in ("waist", "hip") and (m[0] > 2.0 or kind == "eight")]
        key, track = (hips[0] if hips else chosen[0])[2:]
        c, r = track[-1], 15.0 if key in ("waist", "hip") else 12.0
        if kind == "circle" and key.endswith(
            ".toe"
        ):  # a leg circling: a ring round the leg near its end (round the foot read as ankle circles)
            knee = view(bodies[-1].points[key.replace("toe", "knee")])
            along = math.atan2(c[1] - knee[1], c[0] - knee[0])
            c = (c[0] + (knee[0] - c[0]) * 0.3, c[1] + (knee[1] - c[1]) * 0.3)
            svg, pts = _circle(c, CIRCLE_LEG, 0.4, along)
            return [svg], [pts], [key]
        n, h = view(bodies[-1].points["neck"]), view(bodies[-1].points["hip"])
        if key in ("waist", "hip") and abs(h[0] - n[0]) > abs(h[1] - n[1]):
            # On all fours the buttocks draw the circle: it stands behind them, not on the hip joint (issue 26).
            c = (h[0] + math.copysign(BEHIND, h[0] - n[0]), h[1])
        svg, pts = (_eight if kind == "eight" else _circle)(c, r)
        return [svg], [pts], [key]
    for _, _, key, track in chosen:
        if follow in ("hip", "chest") and (
            view.name == "oblique" or follow == "hip" and view.name in ("end", "side") and _turns(bodies)
        ):
            # the pelvis or the chest turning: round the body's length, over the side that lifts
            track = _roll(bodies, view, follow)
        elif follow in ("neck", "chest", "waist", "hip"):
            track = _ahead(track)  # the trunk lifting: the arrow starts at its surface, not beside it
        off = 0.0 if follow not in (None, "head") else None
        if legs:  # beyond the feet; where the two would lie over each other, the far leg's outside the near one's
            off = 50.0 if key.startswith("far.") and _overlap(chosen) else 36.0
        svg, pts = _arrow(track, bodies, view, key, both=kind == "rock", off=off)
        if svg:
            out.append(svg)
            points.append(pts)
            keys.append(key)
    return out, points, keys


def _overlap(chosen) -> bool:
    """Two legs' tracks running along one line (legs crossing): their arrows would lie over each other."""
    if len(chosen) < 2:
        return False
    a, b = chosen[0][3], chosen[1][3]
    return min(math.dist(p, q) for p in a for q in b) < 12.0


def _mirrored(a, b, view: View) -> bool:
    """Two parts moving apart across the page (the butterfly's knees falling open), seen in the oblique view."""
    (ax0, ay0), (ax1, ay1), (bx0, by0), (bx1, by1) = a[0], a[-1], b[0], b[-1]
    return view.name in ("oblique", "end") and (ax1 - ax0) * (bx1 - bx0) + (ay1 - ay0) * (by1 - by0) < 0


HALO = 'stroke="#fff" class="lh-halo"'  # the paper round an arrow where it crosses the body


def _head(tip, ang, size=9.0) -> str:
    left = (tip[0] - size * math.cos(ang - 0.45), tip[1] - size * math.sin(ang - 0.45))
    right = (tip[0] - size * math.cos(ang + 0.45), tip[1] - size * math.sin(ang + 0.45))
    return f"M{num(tip[0])} {num(tip[1])}L{num(left[0])} {num(left[1])}L{num(right[0])} {num(right[1])}Z"


def _svg(line: str, heads: str) -> str:
    """The arrow twice: a wide paper stroke under it (halo), then the ink (no fill: the drawing's root has none)."""
    return (
        f'<g class="lh-arrow"><path d="{line}" {HALO} stroke-width="7"/>'
        f'<path d="{line}" stroke="currentColor" stroke-width="3"/>'
        f'<path d="{heads}" fill="currentColor"/></g>'
    )


def _circle(c, r: float, flat: float = 1.0, along: float = 0.0) -> tuple[str, list]:
    """A round arrow, three quarters and more of a circle about c, its head at the end; flat < 1: an ellipse that
    short along the direction along (a ring round a leg pointing that way, seen from the side)."""
    ca, sa = math.cos(along), math.sin(along)

    def at(t: float):
        u, v = flat * r * math.cos(t), r * math.sin(t)  # u along the leg, v across it
        return (c[0] + u * ca - v * sa, c[1] + u * sa + v * ca)

    turn = 0.0 if flat == 1.0 else math.pi / 2  # a ring's gap at its side, its head clear of the leg inside it
    a0, a1 = math.radians(-150) + turn, math.radians(150) + turn
    p0, p1 = at(a0), at(a1)
    rx = f"{num(r)} {num(r)} 0" if flat == 1.0 else f"{num(flat * r)} {num(r)} {num(math.degrees(along))}"
    line = f"M{num(p0[0])} {num(p0[1])}A{rx} 1 1 {num(p1[0])} {num(p1[1])}"
    q = at(a1 + 0.05)
    ang = math.atan2(q[1] - p1[1], q[0] - p1[0])  # the tangent, going round
    tip = (p1[0] + math.cos(ang) * 5, p1[1] + math.sin(ang) * 5)
    pts = [at(t / 4 * math.pi) for t in range(8)]
    return _svg(line, _head(tip, ang)), pts


def _eight(c, r: float) -> tuple[str, list]:
    """A figure-of-eight arrow lying across c, two loops each about 2r wide, its head at the end (four curves)."""
    x, y, w, h = round(c[0]), round(c[1]), round(1.9 * r), round(0.55 * r)
    line = (
        f"M{x + 3} {y + 2}C{x + h} {y + h} {x + w} {y + h} {x + w} {y}S{x + h} {y - h} {x} {y}"
        f"S{x - w} {y + h} {x - w} {y}S{x - h} {y - h} {x - 3} {y - 2}"
    )
    ang = math.atan2(h - 2, h - 3)  # along the last curve's end, towards the middle
    tip = (x - 3 + math.cos(ang) * 5, y - 2 + math.sin(ang) * 5)
    pts = [(x + w, y - h), (x + w, y + h), (x - w, y - h), (x - w, y + h)]
    return _svg(line, _head(tip, ang)), pts


def _ahead(track, gap: float = 16.0):
    """The track moved along its own direction by a little more than the trunk's radius."""
    (x0, y0), (x1, y1) = track[0], track[-1]
    n = max(math.hypot(x1 - x0, y1 - y0), 1e-6)
    return [(x + (x1 - x0) / n * gap, y + (y1 - y0) / n * gap) for x, y in track]


def _arrow(track, bodies, view: View, key, both: bool = False, off: float | None = None) -> tuple[str, list]:
    # Push the path outwards, away from the middle of the body, by a little more than the limb.
    cx = sum(view(bodies[-1].points[k])[0] for k in ("hip", "neck", "waist")) / 3
    cy = sum(view(bodies[-1].points[k])[1] for k in ("hip", "neck", "waist")) / 3
    (x0, y0), (x1, y1) = track[0], track[-1]
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    dx, dy = x1 - x0, y1 - y0
    n = math.hypot(dx, dy)
    nx, ny = -dy / n, dx / n
    if (mx - cx) * nx + (my - cy) * ny < 0:
        nx, ny = -nx, -ny
    if off is None:
        off = 14.0 if key in ("waist", "hip", "neck", "head") else 11.0
        if view.name == "end" and key.endswith(".toe"):
            off = END_FOOT  # seen from the feet, the foot is drawn large: the arrow and its letter clear of it
    pts = [(x + nx * off, y + ny * off) for x, y in track]
    if view.name in ("oblique", "end") and key.endswith(".knee"):
        pts = _around_feet(track, view(bodies[-1].points[key.replace("knee", "ankle")]))
    # Trim the ends so the arrow sits between the two positions.
    total = sum(math.dist(pts[i], pts[i + 1]) for i in range(len(pts) - 1))
    pts = _trim(pts, total * 0.12, total * 0.06)
    if len(pts) < 2:
        return "", []
    (ax, ay), (bx, by) = pts[-2], pts[-1]
    ang = math.atan2(by - ay, bx - ax)
    heads = _head((bx + math.cos(ang) * 5.4, by + math.sin(ang) * 5.4), ang)
    if both:  # back and forth: a head at the start too
        (ax, ay), (bx, by) = pts[1], pts[0]
        ang = math.atan2(by - ay, bx - ax)
        heads += _head((bx + math.cos(ang) * 5.4, by + math.sin(ang) * 5.4), ang)
    line = path_d(pts, whole=True)
    if view.name == "end" and not both and _lifts(bodies, key):
        # Seen from the feet a lift and a slide towards the head both run up the page: a lift's arrow stands on a
        # short stroke of floor at its tail (mini panel 8: the prone legs' lift read as a slide).
        (ax, ay), (bx, by) = pts[0], pts[1]
        n = math.hypot(bx - ax, by - ay) or 1.0
        ux, uy = -(by - ay) / n * 7, (bx - ax) / n * 7
        line += f"M{round(ax - ux)} {round(ay - uy)}L{round(ax + ux)} {round(ay + uy)}"
    svg = _svg(line, heads)
    return svg, pts


def _turns(bodies) -> bool:
    """The pelvis turns (one hip rises over the other), not lifts level: a level lift's roll curled into a hook
    (the half bridge: 'the arrow curls back down')."""
    a, b = bodies[0].points, bodies[-1].points
    return abs((b["near.hip"][1] - b["far.hip"][1]) - (a["near.hip"][1] - a["far.hip"][1])) > 4.0


def _lifts(bodies, key: str) -> bool:
    """The part rises off the floor more than it moves along it."""
    (x0, y0, z0), (x1, y1, z1) = bodies[0].points[key], bodies[-1].points[key]
    return y1 - y0 > 1.5 * math.hypot(x1 - x0, z1 - z0)


CHEST_ROLL = 30.0  # the chest turning: the arc round the waist (readers: head, arms and arrow in one spot)


def _roll(bodies, view: View, at: str = "hip", r: float = 28.0):
    """An arc round the body's length at the hips (or the chest), from the side whose hip (shoulder) lifts over to
    the other (issue 26: the lying hip turn's arrow straight up read as a bridge; a shoulder lift's turn was not
    seen); at the hips, from the feet and over bent knees in the three-quarter view, round the knees (the
    butterfly's sway, knee rolls)."""
    a, b = bodies[0].points, bodies[-1].points
    x, y = b[at][0], b[at][1]
    knees_up = at == "hip" and min(a["near.knee"][1], a["far.knee"][1]) > 20  # bent knees: they roll, over them
    if at == "hip" and (view.name == "end" or view.name == "oblique" and knees_up):  # the hips lie behind the knees
        x = (b["near.knee"][0] + b["far.knee"][0]) / 2
        r, y = max(b["near.knee"][1], b["far.knee"][1], a["near.knee"][1], a["far.knee"][1]) + 18.0, 0.0
    elif at == "hip" and view.name == "side":  # seen side on the turn is a rise: a wider arc, clear of the hip
        r = 40.0
    elif at == "chest":  # the chest turning: round the waist, below the arms on the chest and the head, clear of them
        x, y, r = b["waist"][0], b["waist"][1], CHEST_ROLL
    side = "near.hip" if at == "hip" else "near.shoulder"
    way = 1.0 if b[side][1] > a[side][1] else -1.0  # the near side rises: the turn goes over to the far side
    # From the feet or over bent knees: its heads clear of the arms out; side on: from the floor in front of the hip.
    over_knees = at == "hip" and (view.name == "end" or knees_up)
    a0, span = (32, 116) if over_knees else (-15, 165) if at == "hip" and view.name == "side" else (20, 140)
    arc = [math.radians(a0 + span * k / 6) for k in range(7)]
    return [view((x, y + r * math.sin(t), way * r * math.cos(t))) for t in arc]


def _around_feet(track, foot, off: float = 16.0):
    """Oblique view: a knee tipping about its foot (knees rolling, falling open): its arrow the same arc, outside
    the knee, away from the feet (issue 26: a knee roll's arrow drawn on the thigh was not seen)."""
    fx, fy = foot
    out = []
    for x, y in track:
        n = math.hypot(x - fx, y - fy) or 1.0
        out.append((x + (x - fx) / n * off, y + (y - fy) / n * off))
    return out


def _trim(pts, start, end):
    def cut(points, amount):
        out = list(points)
        while len(out) > 2 and amount > 0:
            d = math.dist(out[0], out[1])
            if d > amount:
                t = amount / d
                out[0] = (out[0][0] + (out[1][0] - out[0][0]) * t, out[0][1] + (out[1][1] - out[0][1]) * t)
                return out
            amount -= d
            out.pop(0)
        return out

    pts = cut(pts, start)
    return cut(pts[::-1], end)[::-1]
