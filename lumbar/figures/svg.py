"""Inline SVG drawings of the poses: deterministic, no styles, no scripts.

Colours are currentColor (and a background-coloured gap around the near limbs, coloured by the
class lh-gap), so the drawings follow the page's text colour in light and dark mode, and print
in black. The motion (SMIL) is hidden unless figures.css shows it, which it does only on screen
and when the reader has not asked for reduced motion.
"""

from __future__ import annotations

import hashlib
import math
import re
from html import escape

from lumbar.figures.poses import (
    BASE_POSES,
    HEAD_R,
    PART_SEGMENTS,
    Body,
    Resolved,
    interpolate,
    lowest,
    resolve_all,
    touching,
)

GAP = 3.0  # width of the background-coloured outline around near limbs, cm
FAR_OPACITY = ".45"
GHOST_OPACITY = ".2"
PAD = 8.0
LABELS = {"start": "Start", "middle": "Middle", "end": "End"}
HOLD, MOVE = 1.2, 1.6  # seconds: pause on each position, and each movement
STEPS = 5  # in-between frames per movement, plus one


def _f(v: float) -> str:
    s = "%.1f" % v
    if s[-1] == "0":
        s = s[:-2]
        if s == "-0":
            return "0"
    return s


class View:
    """Projection from world (cm) to SVG user units: x right, y down."""

    def __init__(self, name: str):
        self.name = name

    def __call__(self, p):
        x, y, z = p
        if self.name == "front":
            return (-z, -y)
        if self.name == "top":
            return (x, z)
        return (x, -y)

    def depth(self, p):
        x, y, z = p
        return {"front": x, "top": y}.get(self.name, z)


# --- Body strokes ---------------------------------------------------------------------------
# A stroke: (key, class, width, points). Keys stay the same between phases so they can move.
LIMB_ORDER = ("thigh", "shin", "foot", "upper-arm", "forearm", "hand")
LEG = ("thigh", "shin", "foot")
ARM = ("upper-arm", "forearm", "hand")


def _strokes(body: Body, view: View, props: list[str]):
    """The drawing of one body, back to front: far limbs, trunk, head, near leg, near arm."""
    seg = {name: (p, q, r) for name, _, _, p, q, r in body.segments}
    pts = body.points
    out = []  # (key, layer, width, [points]) ; layer: far | trunk | gap | near | head | prop
    for side in ("far",):
        for chain in (LEG, ARM):
            for kind in chain:
                p, q, r = seg[f"{side}.{kind}"]
                out.append((f"{side}.{kind}", "far", 2 * r, [view(p), view(q)]))
    p, q, r = seg["pelvis"]
    out.append(("pelvis", "trunk", 2 * r, [view(p), view(q)]))
    spine = [view(pts[f"spine{i}"]) for i in range(6)]
    out.append(("spine", "trunk", 2 * seg["spine0"][2], spine))
    out.append(("chest", "trunk", 2 * seg["spine3"][2], spine[2:]))
    p, q, r = seg["girdle"]
    out.append(("girdle", "trunk", 2 * r, [view(p), view(q)]))
    p, q, r = seg["neck"]
    out.append(("neck", "trunk", 2 * r, [view(p), view(q)]))
    head = view(pts["head"])
    out.append(("head-gap", "gap", 2 * HEAD_R + 2 * GAP, [head, head]))
    out.append(("head", "head", 2 * HEAD_R, [head, head]))
    out.append(("nose", "trunk", 3.5, [view(pts["nose0"]), view(pts["nose1"])]))
    for chain in (LEG, ARM):
        for kind in chain:
            p, q, r = seg[f"near.{kind}"]
            out.append((f"near.{kind}-gap", "gap", 2 * r + 2 * GAP, [view(p), view(q)]))
        for kind in chain:
            p, q, r = seg[f"near.{kind}"]
            out.append((f"near.{kind}", "near", 2 * r, [view(p), view(q)]))
    if "dumbbells" in props:
        for side in ("far", "near"):
            c = view(_mid(pts[f"{side}.wrist"], pts[f"{side}.hand"]))
            out.append((f"{side}.dumbbell", "far" if side == "far" else "near", 0, [c]))
    return out


def _mid(a, b):
    return tuple((a[i] + b[i]) / 2 for i in range(len(a)))


def _path(points) -> str:
    """Straight for two points; a smooth curve through the midpoints for more."""
    if len(points) == 2:
        (x0, y0), (x1, y1) = points
        return f"M{_f(x0)} {_f(y0)}L{_f(x1)} {_f(y1)}"
    out = [f"M{_f(points[0][0])} {_f(points[0][1])}"]
    for i in range(1, len(points) - 1):
        mx, my = (points[i][0] + points[i + 1][0]) / 2, (points[i][1] + points[i + 1][1]) / 2
        if i == len(points) - 2:
            mx, my = points[-1]
        out.append(f"Q{_f(points[i][0])} {_f(points[i][1])} {_f(mx)} {_f(my)}")
    return "".join(out)


def _nose_visible(body: Body, view: View) -> bool:
    dx, dy = view(body.face)
    return math.hypot(dx, dy) > 0.55


def _draw_body(strokes, body_nose: bool, frames=None, timing=None) -> str:
    """SVG for one set of strokes; frames (list of stroke lists) animates every element."""
    groups = {"far": [], "main": [], "near": []}
    for i, (key, layer, width, points) in enumerate(strokes):
        if key == "nose" and not body_nose:
            continue
        target = "far" if layer == "far" else "near" if layer in ("near", "gap") and key.startswith("near.") else "main"
        if key.endswith("dumbbell"):
            c = points[0]
            anim = _anim_circle(frames, i, timing) if frames else ""
            groups[target].append(
                f'<circle cx="{_f(c[0])}" cy="{_f(c[1])}" r="7" fill="none" stroke="currentColor" stroke-width="3">{anim}</circle>'
            )
            continue
        cls = ' class="lh-gap" stroke="#fff"' if layer == "gap" else ' stroke="currentColor"'
        anim = ""
        if frames:
            anim = (f'<animate attributeName="d" dur="{timing[0]}" repeatCount="indefinite" keyTimes="{timing[1]}" '
                    f'values="{";".join(_path(f[i][3]) for f in frames)}"/>')
        groups[target].append(f'<path d="{_path(points)}"{cls} stroke-width="{_f(width)}">{anim}</path>')
    return (
        f'<g opacity="{FAR_OPACITY}" class="lh-far">{"".join(groups["far"])}</g>'
        + "".join(groups["main"])
        + "".join(groups["near"])
    )


def _anim_circle(frames, i, timing) -> str:
    return "".join(
        f'<animate attributeName="{attr}" dur="{timing[0]}" repeatCount="indefinite" keyTimes="{timing[1]}" '
        f'values="{";".join(_f(f[i][3][0][k]) for f in frames)}"/>'
        for k, attr in ((0, "cx"), (1, "cy"))
    )


# --- Props ----------------------------------------------------------------------------------
def _props_svg(r: Resolved, view: View, props: list[str], floor_span) -> str:
    out = []
    body = r.body
    if view.name == "top":
        return ""
    if "mat" in props and view.name == "side":
        spans = touching(body, 0.0, 4.0)
        if spans:
            x0, x1 = min(a for a, _ in spans) - 12, max(b for _, b in spans) + 12
            if x1 - x0 < 60:
                c = (x0 + x1) / 2
                x0, x1 = c - 30, c + 30
            out.append(f'<rect x="{_f(x0)}" y="-1.5" width="{_f(x1 - x0)}" height="1.5" fill="currentColor" opacity=".4"/>')
    for part, prop in sorted(r.support.items()):
        if prop == "wall":
            out.append(_wall(body, view))
            continue
        y, x = lowest(body, part)
        spans = touching(body, y, 3.0, PART_SEGMENTS[part])
        x0, x1 = (min(a for a, _ in spans), max(b for _, b in spans)) if spans else (x - 5, x + 5)
        if view.name == "front":
            xs = [view(p)[0] for _, kind, _, p, q, _ in body.segments if kind in PART_SEGMENTS[part]]
            x0, x1 = min(xs) - 8, max(xs) + 8
        y = max(y, 1.0)
        cx = (x0 + x1) / 2
        if prop == "roller":
            rr = y / 2
            out.append(f'<circle cx="{_f(cx)}" cy="{_f(-rr)}" r="{_f(rr)}" fill="currentColor" fill-opacity=".15" '
                       f'stroke="currentColor" stroke-width="2"/>')
            out.append(f'<circle cx="{_f(cx)}" cy="{_f(-rr)}" r="{_f(rr * 0.35)}" fill="none" stroke="currentColor" stroke-width="1.2"/>')
        elif prop == "pillow":
            w = max(36.0, x1 - x0 + 8)
            out.append(f'<rect x="{_f(cx - w / 2)}" y="{_f(-y)}" width="{_f(w)}" height="{_f(y)}" rx="{_f(min(y / 2, 8))}" '
                       f'fill="currentColor" fill-opacity=".15" stroke="currentColor" stroke-width="2"/>')
        elif prop in ("chair", "bench"):
            out.append(_seat(prop, cx, x0, x1, y, body, part))
    if "wall" in props and "wall" not in r.support.values() and view.name == "side":
        out.append(_wall(body, view, gap=12))
    return "".join(out)


def _seat(prop, cx, x0, x1, y, body: Body, part) -> str:
    half = 21.0 if prop == "chair" else max(35.0, (x1 - x0) / 2 + 10)
    if prop == "chair" and x1 - x0 > 40:
        half = (x1 - x0) / 2 + 4
    a, b = cx - half, cx + half
    parts = [f'<rect x="{_f(a)}" y="{_f(-y)}" width="{_f(b - a)}" height="3.5" fill="currentColor"/>']
    inset = 3.0 if prop == "chair" else 9.0
    for lx in (a + inset, b - inset):
        parts.append(f'<path d="M{_f(lx)} {_f(-y + 3)}V0" stroke="currentColor" stroke-width="3"/>')
    if prop == "chair":
        # The backrest goes on the side away from the rest of the body.
        com = sum((p[0] + q[0]) / 2 for _, _, _, p, q, _ in body.segments) / len(body.segments)
        bx = a + 1.5 if com > cx else b - 1.5
        parts.append(f'<path d="M{_f(bx)} {_f(-y)}V{_f(-y - 42)}" stroke="currentColor" stroke-width="3.5" stroke-linecap="round"/>')
    return f'<g class="lh-prop" fill="none">{"".join(parts)}</g>'


def _wall(body: Body, view: View, gap: float = 0.0) -> str:
    back = [(p, r) for _, kind, _, p, q, r in body.segments if kind in ("chest", "lumbar", "pelvis", "head")]
    facing_right = body.face[0] >= 0
    if facing_right:
        x = min(view(p)[0] - r for p, r in back) - gap
        return (f'<rect x="{_f(x - 5)}" y="-200" width="5" height="200" fill="currentColor" fill-opacity=".18"/>'
                f'<path d="M{_f(x)} -200V0" stroke="currentColor" stroke-width="1.5"/>')
    x = max(view(p)[0] + r for p, r in back) + gap
    return (f'<rect x="{_f(x)}" y="-200" width="5" height="200" fill="currentColor" fill-opacity=".18"/>'
            f'<path d="M{_f(x)} -200V0" stroke="currentColor" stroke-width="1.5"/>')


def _barbell(r: Resolved, body: Body, view: View) -> tuple:
    pts = body.points
    if r.barbell == "shoulders":
        back = -1.0 if body.face[0] >= 0 else 1.0
        c = view(pts["spine4"])
        return (c[0] + back * 6, c[1] - 8)
    return view(_mid(pts["near.wrist"], pts["far.wrist"]))


def _barbell_svg(c) -> str:
    return (f'<circle cx="{_f(c[0])}" cy="{_f(c[1])}" r="22.5" fill="currentColor" fill-opacity=".12" stroke="currentColor" stroke-width="3"/>'
            f'<circle cx="{_f(c[0])}" cy="{_f(c[1])}" r="3" fill="currentColor"/>')


# --- Arrows ---------------------------------------------------------------------------------
_TRACKED = ("near.toe", "far.toe", "near.hand", "far.hand", "near.knee", "far.knee", "head", "waist", "hip", "neck")


def _arrows(a: Resolved, b: Resolved, view: View, bodies) -> list[str]:
    """Curved arrows along the path of the one or two parts that move most."""
    moves = []
    for key in _TRACKED:
        if view.name != "top" and bodies[0].points[key][1] < 8 and bodies[-1].points[key][1] < 8:
            continue  # a hand or foot that stays on the floor is not the movement
        track = [view(body.points[key]) for body in bodies]
        d = math.dist(track[0], track[-1]) * (1.8 if key == "waist" else 1.0)
        length = sum(math.dist(track[i], track[i + 1]) for i in range(len(track) - 1))
        moves.append((d, length, key, track))
    moves.sort(key=lambda m: (-m[0], _TRACKED.index(m[2])))
    chosen = []
    for d, length, key, track in moves:
        if d < 7.0:
            break
        if chosen and (d < 0.75 * chosen[0][0] or any(math.dist(track[-1], c[3][-1]) < 35 for c in chosen)):
            continue
        if key.startswith("far.") and any(c[2] == "near" + key[3:] for c in chosen):
            continue
        chosen.append((d, length, key, track))
        if len(chosen) == 2:
            break
    out = []
    for d, _, key, track in chosen:
        out.append(_arrow(track, bodies, view, key))
    return out


_ARROW_POINTS: list = []  # filled by _arrow, read right after for the drawing's bounds


def _arrow(track, bodies, view: View, key) -> str:
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
    off = 14.0 if key in ("waist", "hip", "neck", "head") else 11.0
    pts = [(x + nx * off, y + ny * off) for x, y in track]
    # Trim the ends so the arrow sits between the two positions.
    total = sum(math.dist(pts[i], pts[i + 1]) for i in range(len(pts) - 1))
    pts = _trim(pts, total * 0.12, total * 0.06)
    if len(pts) < 2:
        return ""
    _ARROW_POINTS.extend(pts)
    (ax, ay), (bx, by) = pts[-2], pts[-1]
    ang = math.atan2(by - ay, bx - ax)
    head = 6.5
    tip = (bx + math.cos(ang) * head * 0.6, by + math.sin(ang) * head * 0.6)
    left = (tip[0] - head * math.cos(ang - 0.45), tip[1] - head * math.sin(ang - 0.45))
    right = (tip[0] - head * math.cos(ang + 0.45), tip[1] - head * math.sin(ang + 0.45))
    return (f'<path d="{_path(pts)}" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round"/>'
            f'<path d="M{_f(tip[0])} {_f(tip[1])}L{_f(left[0])} {_f(left[1])}L{_f(right[0])} {_f(right[1])}Z" fill="currentColor"/>')


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


# --- Putting it together --------------------------------------------------------------------
def _key(v: float) -> str:
    s = f"{v:.4f}".rstrip("0").rstrip(".")
    return s or "0"


def _ease_time(t: float) -> float:
    """Frames are eased already (smooth positions at even times)."""
    return t


def _smooth(t: float) -> float:
    return t * t * (3 - 2 * t)


def _bounds(items):
    xs, ys = [], []
    for key, layer, width, points in items:
        w = width / 2 if width else 10
        for x, y in points:
            xs += [x - w, x + w]
            ys += [y - w, y + w]
    return min(xs), min(ys), max(xs), max(ys)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "figure"


def _uid(figs, title: str) -> str:
    digest = hashlib.sha1((title + figs.model_dump_json()).encode()).hexdigest()[:6]
    return f"{_slug(title)}-{digest}"


class _Drawing:
    """Everything drawn for one figures block, computed once."""

    def __init__(self, figs, animate: bool = True, start_only: bool = False):
        self.figs = figs
        self.view = View(figs.view)
        self.resolved = resolve_all(figs, start_only)
        self.props = list(figs.props)
        self.strokes = [_strokes(r.body, self.view, self.props) for r in self.resolved]
        self.arrows, self.between, self.arrow_points = [], [], []
        for i in range(1, len(self.resolved)):
            a, b = self.resolved[i - 1], self.resolved[i]
            # In-between bodies, eased: used for the arrows' paths and the motion.
            inner = [interpolate(a, b, _smooth(k / STEPS)) for k in range(1, STEPS)]
            self.between.append(inner)
            _ARROW_POINTS.clear()
            self.arrows.append(_arrows(a, b, self.view, [a.body, *inner, b.body]))
            self.arrow_points.extend(_ARROW_POINTS)
        self.frames = self.timing = None
        if animate and len(self.resolved) > 1:
            self._motion()
        xs0, ys0, xs1, ys1 = [], [], [], []
        for strokes in self.strokes:
            x0, y0, x1, y1 = _bounds(strokes)
            xs0.append(x0), ys0.append(y0), xs1.append(x1), ys1.append(y1)
        if self.arrow_points:
            xs0.append(min(x for x, _ in self.arrow_points) - 8), xs1.append(max(x for x, _ in self.arrow_points) + 8)
            ys0.append(min(y for _, y in self.arrow_points) - 8), ys1.append(max(y for _, y in self.arrow_points) + 8)
        for r in self.resolved:
            for part, prop in r.support.items():
                if prop in ("chair", "bench"):
                    y, x = lowest(r.body, part)
                    xs0.append(x - 50), xs1.append(x + 50)
                    ys0.append(-y - (45 if prop == "chair" else 0))
            if "barbell" in self.props:
                c = _barbell(r, r.body, self.view)
                xs0.append(c[0] - 24), xs1.append(c[0] + 24), ys0.append(c[1] - 24), ys1.append(c[1] + 24)
            if "wall" in self.props or "wall" in r.support.values():
                xs0.append(min(xs0) - 20)
        x0, y0, x1, y1 = min(xs0) - PAD, min(ys0) - PAD, max(xs1) + PAD, max(ys1) + PAD
        if self.view.name != "top":
            y1 = max(y1, 6.0)
        w, h = x1 - x0, y1 - y0
        if w < 110:
            x0 -= (110 - w) / 2
            w = 110
        if h < 80:
            y0 -= 80 - h
            h = 80
        self.box = (math.floor(x0), math.floor(y0), math.ceil(w), math.ceil(h))

    def _motion(self):
        """Keyframes start -> middle -> end and back, with a pause on each position."""
        n = len(self.resolved)
        self.between_strokes = [[_strokes(body, self.view, self.props) for body in inner] for inner in self.between]
        seq = list(range(n)) + list(range(n - 2, -1, -1))
        frames, times, t = [], [], 0.0
        for pos, idx in enumerate(seq):
            frames += [self.strokes[idx], self.strokes[idx]]
            times += [t, t + HOLD]
            t += HOLD
            if pos == len(seq) - 1:
                break
            nxt = seq[pos + 1]
            inner = self.between_strokes[min(idx, nxt)]
            for k, strokes in enumerate(inner if nxt > idx else inner[::-1], start=1):
                frames.append(strokes)
                times.append(t + MOVE * _ease_time(k / STEPS))
            t += MOVE
        total = times[-1]
        self.frames = frames
        self.timing = (f"{_f(total)}s", ";".join(_key(x / total) for x in times))

    def panel(self, i: int, title_id: str | None, title: str, thumb: bool = False, motion: bool = False) -> str:
        r = self.resolved[i]
        x, y, w, h = self.box
        vb = f"{x} {y} {w} {h}"
        label = f' aria-labelledby="{title_id}"' if title_id else f' aria-label="{escape(title)}"'
        tid = f' id="{title_id}"' if title_id else ""
        cls = "lh-figure-thumb" if thumb else "lh-figure-svg"
        out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{vb}" class="{cls}" role="img"{label} focusable="false" '
               f'fill="none" stroke-linecap="round" stroke-linejoin="round"><title{tid}>{escape(title)}</title>']
        if self.view.name != "top":
            out.append(f'<path d="M{x} 0H{x + w}" stroke="currentColor" stroke-width="1.2" class="lh-floor"/>')
            out.append(f'<rect x="{x}" y="0" width="{w}" height="{_f(min(5.0, y + h))}" fill="currentColor" opacity=".07"/>')
        out.append(_props_svg(r, self.view, self.props, None))
        if i > 0 and not thumb:
            prev = self.resolved[i - 1]
            out.append(f'<g opacity="{GHOST_OPACITY}" class="lh-ghost">{_draw_body(self.strokes[i - 1], _nose_visible(prev.body, self.view))}</g>')
        nose = _nose_visible(r.body, self.view)
        still = _draw_body(self.strokes[i], nose)
        if "barbell" in self.props:
            still += _barbell_svg(_barbell(r, r.body, self.view))
        if motion and self.frames:
            moving = _draw_body(self.frames[0], nose and all(_nose_visible(r2.body, self.view) for r2 in self.resolved),
                                self.frames, self.timing)
            out.append(f'<g class="lh-still">{still}</g><g class="lh-motion" display="none">{moving}</g>')
        else:
            out.append(still)
        if i > 0 and not thumb:
            out += self.arrows[i - 1]
        out.append("</svg>")
        return "".join(out)


def _phase_title(title: str, r: Resolved, label: str) -> str:
    if r.alt:
        return r.alt
    text = f"{title}, {label.lower()}: {BASE_POSES[r.base].title}"
    if r.note:
        text += f", {r.note}"
    return text + "."


def render_figures(figs, title: str, *, uid: str | None = None, animate: bool = True) -> str:
    """The figures of one exercise as an HTML fragment (one line, no blank lines).

    A <figure class="lh-figures"> with a panel per phase (start, middle, end) side by side; each
    later panel shows the one before it ghosted, with arrows, and the last one moves when motion
    is welcome (see figures.css). figs: a Figures model; title: the exercise title.
    """
    d = _Drawing(figs, animate=animate)
    uid = uid or _uid(figs, title)
    panels = []
    n = len(d.resolved)
    for i, r in enumerate(d.resolved):
        label = LABELS[r.name] if n > 1 else "Position"
        ptitle = _phase_title(title, r, label)
        svg = d.panel(i, f"lh-fig-{uid}-{r.name}", ptitle, motion=animate and i == n - 1)
        caption = f'<span class="lh-figure-step">{escape(label)}</span>'
        if r.note:
            caption += f' <span class="lh-figure-note">{escape(r.note)}</span>'
        panels.append(f'<div class="lh-figure-panel">{svg}<p class="lh-figure-label">{caption}</p></div>')
    return (f'<figure class="lh-figures lh-figures-{n}" data-view="{d.view.name}"><div class="lh-figures-row">{"".join(panels)}</div>'
            f"<figcaption>{escape(figs.alt)}</figcaption></figure>")


def figure_ids(figs, title: str, *, uid: str | None = None) -> list[str]:
    """The id attributes that render_figures(figs, title, uid=uid) writes, without drawing anything."""
    uid = uid or _uid(figs, title)
    return [f"lh-fig-{uid}-{name}" for name, _ in figs.phases()]


def render_thumbnail(figs, title: str | None = None) -> str:
    """A small start-position drawing for a routine sheet row (an <svg>, about 80 px wide by CSS)."""
    d = _Drawing(figs, animate=False, start_only=True)
    r = d.resolved[0]
    text = r.alt or figs.alt
    return d.panel(0, None, text, thumb=True)


def drawing_stats(figs) -> dict:
    """For tests and the gallery: viewBox and phase names."""
    d = _Drawing(figs, animate=False)
    return {"viewBox": d.box, "phases": [r.name for r in d.resolved]}
