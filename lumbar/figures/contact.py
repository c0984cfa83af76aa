"""Contact: which parts of a posed body touch the floor or a prop, and where its weight is."""

from __future__ import annotations

import math

from lumbar.figures.body import MASS, NOMINAL, PART_SEGMENTS, TOLERANCE, Body


def lowest(body: Body, part: str):
    """(height of the lowest surface, x there) of a body part, over both sides."""
    kinds = PART_SEGMENTS[part]
    best_y, xs = math.inf, []
    for _, kind, _, p, q, r in body.segments:
        if kind not in kinds:
            continue
        for pt in (p, q):
            y = pt[1] - r
            if y < best_y - 0.5:
                best_y, xs = y, [pt[0]]
            elif y <= best_y + 0.5:
                best_y = min(best_y, y)
                xs.append(pt[0])
    return best_y, (min(xs) + max(xs)) / 2


def touching(body: Body, height: float = 0.0, tol: float = TOLERANCE, kinds=None):
    """x-intervals of capsules whose surface is within tol of the given height."""
    spans = []
    for _, kind, _, p, q, r in body.segments:
        if kinds is not None and kind not in kinds:
            continue
        y0, y1 = p[1] - r - height, q[1] - r - height
        if min(y0, y1) > tol:
            continue
        if abs(y1 - y0) < 1e-9 or max(y0, y1) <= tol:
            t0, t1 = 0.0, 1.0
        else:
            t = (tol - y0) / (y1 - y0)
            t0, t1 = (0.0, min(1.0, t)) if y0 <= tol else (max(0.0, t), 1.0)
        xa, xb = p[0] + (q[0] - p[0]) * t0, p[0] + (q[0] - p[0]) * t1
        spans.append((min(xa, xb), max(xa, xb)))
    return spans


def centre_of_mass(body: Body):
    """x of the body's centre of weight (the spine's pieces share their part's mass)."""
    total = sx = 0.0
    for _, kind, _, p, q, _ in body.segments:
        m = MASS.get(kind)
        if not m:
            continue
        if kind in ("chest", "lumbar"):
            m /= 3 if kind == "chest" else 2
        total += m
        sx += m * (p[0] + q[0]) / 2
    return sx / total


def capsule_ends(body: Body, support: dict, free: tuple = ()):
    """(x, y, radius + height of what carries it) for every end of every capsule (but those of the kinds in free)."""
    lift = {}
    for part, prop in support.items():
        if prop != "wall":
            for kind in PART_SEGMENTS[part]:
                lift[kind] = NOMINAL[prop]
    out = []
    for _, kind, _, p, q, r in body.segments:
        if kind in ("head", "neck") or kind in free:
            continue  # the head turns aside rather than carry the body
        h = r + lift.get(kind, 0.0)
        out.append((p[0], p[1], h))
        if q is not p:
            out.append((q[0], q[1], h))
    return out
