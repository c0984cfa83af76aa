"""One figures block drawn: every phase's strokes, the in-between motion, arrows, and the panels.

The motion (SMIL) is hidden unless figures.css shows it, which it does only on screen and when
the reader has not asked for reduced motion.
"""

from __future__ import annotations

import math
from html import escape

from lumbar.figures.arrows import motion_arrows
from lumbar.figures.contact import lowest
from lumbar.figures.props import barbell_at, barbell_svg, props_svg
from lumbar.figures.solver import in_between, resolve_all
from lumbar.figures.strokes import View, body_strokes, draw_body, nose_visible, num

GHOST_OPACITY = ".2"
PAD = 8.0
HOLD, MOVE = 1.2, 1.6  # seconds: pause on each position, and each movement
STEPS = 5  # in-between frames per movement, plus one


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

    def __init__(self, figs, animate: bool = True, start_only: bool = False):
        self.figs = figs
        self.view = View(figs.view)
        self.resolved = resolve_all(figs, start_only)
        self.props = list(figs.props)
        self.strokes = [body_strokes(r.body, self.view, self.props) for r in self.resolved]
        self.arrows, self.between, self.arrow_points = [], [], []
        # In-between bodies, eased: used for the arrows' paths and the motion.
        eased = tuple(_smooth(k / STEPS) for k in range(1, STEPS))
        between = in_between(figs, eased) if len(self.resolved) > 1 else []
        for i in range(1, len(self.resolved)):
            a, b = self.resolved[i - 1], self.resolved[i]
            inner = between[i - 1]
            self.between.append(inner)
            svgs, points = motion_arrows(a, b, self.view, [a.body, *inner, b.body])
            self.arrows.append(svgs)
            self.arrow_points.extend(points)
        self.frames = self.timing = None
        self._bodies: dict[int, str] = {}  # each position's body, drawn once: still in its panel, ghost in the next
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
                c = barbell_at(r, r.body, self.view)
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
        self.between_strokes = [[body_strokes(body, self.view, self.props) for body in inner] for inner in self.between]
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
        self.timing = (f"{num(total)}s", ";".join(_key(x / total) for x in times))

    def _body(self, i: int) -> str:
        if i not in self._bodies:
            self._bodies[i] = draw_body(self.strokes[i], nose_visible(self.resolved[i].body, self.view))
        return self._bodies[i]

    def panel(self, i: int, title_id: str | None, title: str, thumb: bool = False, motion: bool = False) -> str:
        r = self.resolved[i]
        x, y, w, h = self.box
        vb = f"{x} {y} {w} {h}"
        label = f' aria-labelledby="{title_id}"' if title_id else f' aria-label="{escape(title)}"'
        tid = f' id="{title_id}"' if title_id else ""
        cls = "lh-figure-thumb" if thumb else "lh-figure-svg"
        out = [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{vb}" class="{cls}" role="img"{label} focusable="false" '
            f'fill="none" stroke-linecap="round" stroke-linejoin="round"><title{tid}>{escape(title)}</title>'
        ]
        if self.view.name != "top":
            out.append(f'<path d="M{x} 0H{x + w}" stroke="currentColor" stroke-width="1.2" class="lh-floor"/>')
            out.append(
                f'<rect x="{x}" y="0" width="{w}" height="{num(min(5.0, y + h))}" fill="currentColor" opacity=".07"/>'
            )
        out.append(props_svg(r, self.view, self.props, None))
        if i > 0 and not thumb:
            out.append(f'<g opacity="{GHOST_OPACITY}" class="lh-ghost">{self._body(i - 1)}</g>')
        nose = nose_visible(r.body, self.view)
        still = self._body(i)
        if "barbell" in self.props:
            still += barbell_svg(barbell_at(r, r.body, self.view))
        if motion and self.frames:
            moving = draw_body(
                self.frames[0],
                nose and all(nose_visible(r2.body, self.view) for r2 in self.resolved),
                self.frames,
                self.timing,
            )
            out.append(f'<g class="lh-still">{still}</g><g class="lh-motion" display="none">{moving}</g>')
        else:
            out.append(still)
        if i > 0 and not thumb:
            out += self.arrows[i - 1]
        out.append("</svg>")
        return "".join(out)
