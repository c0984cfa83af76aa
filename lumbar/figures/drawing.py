"""One figures block drawn: every phase's body, the in-between motion, arrows, marks and the panels.

Each still panel shows its own position (the one before as a faint dashed ghost, a <use> of the
panel before's body). The motion (SMIL) is a panel of its own (motion_panel), hidden unless
figures.css shows it, which it does only on screen and when the reader has not asked for reduced motion.
"""

from __future__ import annotations

import math
from html import escape

from lumbar.figures.arrows import _TRACKED, motion_arrows
from lumbar.figures.effort import effort_points, force, press_mark
from lumbar.figures.marks import (
    FLOOR_Z,
    MAT_Z,
    both_sides,
    floor_svg,
    hold_mark,
    mat_corners,
    mat_span,
    other_side_mark,
    shadow_svg,
    side_marks,
)
from lumbar.figures.oblique import ABOVE, make_view
from lumbar.figures.outline import draw, profile, shapes
from lumbar.figures.props import barbell_at, barbell_svg, prop_corners, props_once
from lumbar.figures.solver import in_between, resolve_all
from lumbar.figures.strokes import body_strokes, num

# The position before: pale, dashed, no ink at all, so it cannot be taken for the far limbs (grey in a black outline).
GHOST = 'opacity=".3" stroke-dasharray="4 3" class="lh-ghost"'  # figures.css washes it out instead of opacity
PAD = 5.0
WIDE = 2.0  # a drawing wider than this many times its height is stacked (lh-figures-wide)
FLAT = 1.4  # ... wider than this, stacked on a phone (lh-figures-flat)
HOLD, MOVE = 1.2, 1.6  # seconds: pause on each position, and each movement
STEPS = 5  # in-between frames per movement, plus one
MARK = 0.085  # the hold mark's type, as a share of a side-by-side drawing's width (13 units at 153)
GHOSTLESS = 30.0  # units: a movement whose arrow runs this far is shown by the arrow alone (no ghost to clutter it)


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
    for _, _, width, points in items:
        w = width / 2 if width else 10
        for x, y in points:
            xs += [x - w, x + w]
            ys += [y - w, y + w]
    return min(xs), min(ys), max(xs), max(ys)


class Drawing:
    """Everything drawn for one figures block, computed once."""

    def __init__(self, figs, animate: bool = True, start_only: bool = False, t=None):
        self.figs = figs
        self.t = t or (lambda text: text)
        self.view = make_view(figs.view)
        self.resolved = resolve_all(figs, start_only)
        if self.view.name in ("end", "oblique"):
            self.view.aim(self.resolved[0].body)
        self.props = list(figs.props)
        self.strokes = [body_strokes(r.body, self.view, self.props) for r in self.resolved]
        self.arrows, self.between, self.arrow_points, self.arrow_tops, self.travel = [], [], [], [], []
        # In-between bodies, eased: used for the arrows' paths and the motion.
        eased = tuple(_smooth(k / STEPS) for k in range(1, STEPS))
        between = in_between(figs, eased) if len(self.resolved) > 1 else []
        for i in range(1, len(self.resolved)):
            a, b = self.resolved[i - 1], self.resolved[i]
            inner = between[i - 1]
            self.between.append(inner)
            svgs, points, keys = motion_arrows(a, b, self.view, [a.body, *inner, b.body], self._kind(i), figs.arrow)
            svgs.append(side_marks(figs, keys, points, self.t, both_sides(a.body, b.body, keys)))
            self.arrows.append(svgs)
            self.travel.append(
                max(math.dist(self.view(a.body.points[k]), self.view(b.body.points[k])) for k in _TRACKED)
            )
            self.arrow_points.extend(p for track in points for p in track)
            self.arrow_tops.append(min((p[1] for track in points for p in track), default=math.inf))
        self.arrow_points += effort_points(self.view, [r.body for r in self.resolved], figs)  # room for them
        self.frames = self.timing = None
        self._prop_ids: dict[str, str] = {}  # a furniture group drawn already -> its id
        self._bodies: dict[int, str] = {}  # each position's body, drawn once: still in its panel, ghost in the next
        if animate and len(self.resolved) > 1:
            self._motion()
        xs0, ys0, xs1, ys1 = [], [], [], []
        marked = figs.other_side or any(getattr(r_phase, "hold", False) for _, r_phase in figs.phases())
        for strokes in self.strokes:
            x0, y0, x1, y1 = _bounds(strokes)
            xs0.append(x0), ys0.append(y0), xs1.append(x1), ys1.append(y1)
        if self.arrow_points:
            xs0.append(min(x for x, _ in self.arrow_points) - 8), xs1.append(max(x for x, _ in self.arrow_points) + 8)
            ys0.append(min(y for _, y in self.arrow_points) - 8), ys1.append(max(y for _, y in self.arrow_points) + 8)
        for r in self.resolved:
            if self.view.name in ABOVE:  # the mat under the body, seen in perspective (marks.floor_svg)
                for c in mat_corners(self.view, [r.body]):
                    xs0.append(self.view(c)[0]), xs1.append(self.view(c)[0])
                    ys0.append(self.view(c)[1]), ys1.append(self.view(c)[1])
            for px, py in prop_corners(r, self.view, self.props, self.resolved):
                xs0.append(px), xs1.append(px), ys0.append(py), ys1.append(py)
            if "barbell" in self.props:
                c = barbell_at(r, r.body, self.view)
                xs0.append(c[0] - 32), xs1.append(c[0] + 32), ys0.append(c[1] - 24), ys1.append(c[1] + 24)
            if "mat" in self.props and self.view.name == "side":  # the whole mat, not cut at the panel's edge
                slant = abs(self.view((0, 0, MAT_Z))[0])
                m0, m1 = mat_span(r.body)
                xs0.append(m0 - slant - 1), xs1.append(m1 + slant + 1)
            elif "mat" in self.props and self.view.name == "front":
                bx = [self.view(p)[0] for p in r.body.points.values()]
                xs0.append(min(bx) - 15), xs1.append(max(bx) + 15)
        self.mark_scale = self._mark_scale(max(xs1) - min(xs0) + 2 * PAD, max(ys1) - min(ys0) + 2 * PAD)
        if marked:  # room for the marks above the head and the arrows (a side mark sits at an arrow's head)
            high = min([_bounds(s)[1] for s in self.strokes] + [y - 22 for _, y in self.arrow_points])
            ys0.append(high - 22 * self.mark_scale)
        x0, y0, x1, y1 = min(xs0) - PAD, min(ys0) - PAD, max(xs1) + PAD, max(ys1) + PAD
        if self.view.name not in ABOVE:
            y1 = max(y1, self.view((0, 0, FLOOR_Z))[1] + 2 if self.view.name == "side" else 6.0)
        w, h = x1 - x0, y1 - y0
        if w < 110:
            x0 -= (110 - w) / 2
            w = 110
        if h < 64:  # lying figures fill the width: only a little room above them
            y0 -= 64 - h
            h = 64
        self.box = (math.floor(x0), math.floor(y0), math.ceil(w), math.ceil(h))
        # Lying figures are wide strips: their positions go one under the other (figures.css), each twice as large.
        self.wide = len(self.resolved) > 1 and w > WIDE * h
        self.flat = len(self.resolved) > 1 and not self.wide and w > FLAT * h  # stacked on a phone only
        self.mark_scale = self._mark_scale(w, h)

    def _mark_scale(self, w: float, h: float) -> float:
        """The marks (hold, other side) the same size on the page in every drawing: a drawing's units are smaller
        on the page the wider it is, and twice as large when its positions are stacked (figures.css)."""
        stacked = len(self.resolved) > 1 and w > WIDE * h
        return max(0.7, min(2.2, w * MARK / (2 if stacked else 1) / 13))

    def _kind(self, i: int) -> str:
        """The arrow into position i: a circle only into the last (the positions before lead up to it)."""
        kind = self.figs.motion
        return "once" if kind in ("circle", "eight") and i < len(self.resolved) - 1 else kind

    def _motion(self):
        """Keyframes start -> middle -> end and back, with a pause on each position."""
        n = len(self.resolved)
        face = all(profile(r.body, self.view) for r in self.resolved)
        tuck = all(_tucked(r, self.view) for r in self.resolved)
        ends = [shapes(r.body, self.view, self.props, face, tuck) for r in self.resolved]
        self.between_strokes = [
            [shapes(body, self.view, self.props, face, tuck) for body in inner] for inner in self.between
        ]
        seq = list(range(n)) + list(range(n - 2, -1, -1))
        frames, times, t = [], [], 0.0
        for pos, idx in enumerate(seq):
            frames += [ends[idx], ends[idx]]
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
        self.timing = (f"{num(total)}s", ";".join(_key(x / total) for x in times))

    def _body(self, i: int) -> str:
        if i not in self._bodies:
            r = self.resolved[i]
            body = draw(shapes(r.body, self.view, self.props, tuck=_tucked(r, self.view)))
            if "barbell" in self.props:
                c = barbell_at(r, r.body, self.view)
                body = barbell_svg(c, "back") + body + barbell_svg(c, "front")
            self._bodies[i] = body
        return self._bodies[i]

    def _panel_box(self, i: int, thumb: bool):
        """Stacked panels and thumbnails keep the drawing's width and scale but only the room above the floor that
        their own body, ghost, arrows and marks need (a lying start is not half empty)."""
        x, y, w, h = self.box
        if not (thumb or self.wide or self.flat):
            return self.box
        r = self.resolved[i]
        top = _bounds(self.strokes[i])[1]
        if i > 0 and not thumb:
            top = min(top, _bounds(self.strokes[i - 1])[1], self.arrow_tops[i - 1] - 8)
        if "barbell" in self.props:
            top = min(top, barbell_at(r, r.body, self.view)[1] - 24)
        top = min([top] + [py for _, py in prop_corners(r, self.view, self.props, self.resolved)])
        if r.hold or self._other_side(r):
            if i > 0 and not thumb:  # clear of the side mark at the arrow's head
                top = min(top, self.arrow_tops[i - 1] - 22)
            top -= 22 * self.mark_scale
        top = max(y, math.floor(top - PAD))
        bottom = y + h
        # No arrow below: down to the floor's front edge (side by side, the bottoms stay level: floors in line).
        if self.view.name == "side" and (thumb or (i == 0 and self.wide)):
            bottom = min(bottom, math.ceil(max(self.view((0, 0, FLOOR_Z))[1] + 2, _bounds(self.strokes[i])[3] + PAD)))
        return (x, top, w, bottom - top)

    def ghosted(self, i: int) -> bool:
        """Whether position i's panel shows the one before as a ghost: only where the arrow alone cannot show the
        movement (a short one, or a circle), as the readers asked (issue 26: the ghost adds clutter)."""
        return self.figs.motion in ("circle", "eight") or self.travel[i - 1] < GHOSTLESS

    def _other_side(self, r) -> bool:
        return self.figs.other_side and r.name == self.figs.phases()[-1][0]

    def _open(self, title_id, title, cls, box=None) -> list[str]:
        x, y, w, h = box or self.box
        label = f' aria-labelledby="{title_id}"' if title_id else f' aria-label="{escape(title)}"'
        tid = f' id="{title_id}"' if title_id else ""
        return [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x} {y} {w} {h}" class="{cls}" role="img"{label} '
            f'focusable="false" fill="none" stroke-linecap="round" stroke-linejoin="round"><title{tid}>{escape(title)}</title>'
        ]

    def _ground(self, r, box=None, pid: str | None = None) -> list[str]:
        box = box or self.box
        bodies = [q.body for q in self.resolved]
        out = [
            floor_svg(box, self.view, bodies, "mat" in self.props),
            props_once(r, self.view, self.props, self.resolved, self._prop_ids, pid),
        ]
        return out + ([shadow_svg(self.view, r.body)] if self.view.name in ABOVE else [])

    def panel(
        self,
        i: int,
        title_id: str | None,
        title: str,
        thumb: bool = False,
        ghost_id: str | None = None,
        hold: int | None = None,
    ) -> str:
        """One still position. ghost_id: the id of the panel before's body, drawn faint behind this one."""
        r = self.resolved[i]
        box = self._panel_box(i, thumb)
        out = self._open(title_id, title, "lh-figure-thumb" if thumb else "lh-figure-svg", box)
        out += self._ground(r, box, f"{title_id}-p" if title_id and not thumb else None)
        if i > 0 and ghost_id and not thumb and self.ghosted(i):
            out.append(f'<use href="#{ghost_id}" {GHOST}/>')
        body = self._body(i)
        out.append(f'<g id="{title_id}-b">{body}</g>' if title_id and not thumb else body)
        if i > 0 and not thumb:
            out += self.arrows[i - 1]
        if r.hold:
            out.append(hold_mark(box, r.body, self.view, hold, self.t, self.mark_scale))
        if force(self.figs) and (r.hold or len(self.resolved) == 1):
            out.append(press_mark(self.view, r.body, *force(self.figs)))
        if self.figs.tall and i == len(self.resolved) - 1:
            out.append(press_mark(self.view, r.body, "head", "up"))
        if self._other_side(r):
            out.append(other_side_mark(box, self.t, self.mark_scale))
        out.append("</svg>")
        return "".join(out)

    def motion_panel(self, title: str) -> str:
        """The last position with the one before ghosted and arrows (lh-still), and the body moving from the
        start to the end and back (lh-motion, hidden unless figures.css shows it)."""
        n = len(self.resolved)
        r = self.resolved[-1]
        out = self._open(None, title, "lh-figure-svg")
        out += self._ground(r)
        out.append(f"<g {GHOST}>{self._body(n - 2)}</g>")
        moving = draw(self.frames[0], self.frames, self.timing)
        if "barbell" in self.props:
            moving += barbell_svg(barbell_at(self.resolved[0], self.resolved[0].body, self.view))
        out.append(f'<g class="lh-still">{self._body(n - 1)}{"".join(self.arrows[-1])}</g>')
        out.append(f'<g class="lh-motion" display="none">{moving}</g>')
        out.append("</svg>")
        return "".join(out)


def _tucked(r, view) -> bool:
    """Hands behind the head, seen from the side: the near hand is drawn under the head."""
    return r.hands == "behind-head" and view.name == "side"
