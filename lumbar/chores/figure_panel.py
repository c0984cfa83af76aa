"""A blind legibility panel's material: random exercises drawn with no words, and a quiz for each.

Used by `figure_png.py --blind N --seed S`: writes figNN.png (only the drawing: no title, caption
or notes), quiz.md (for each picture four summaries of exercises from the same start position, in
a shuffled order) and key.json (the answers, for whoever scores the panel; readers never see it).
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import yaml

from lumbar.figures import Figures, render_figures
from lumbar.figures.svg import drawing_stats

ROOT = Path(__file__).resolve().parents[2]  # lumbar/chores/ -> the repository


def _exercises() -> dict:
    out = {}
    for path in sorted((ROOT / "data" / "exercises").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if data.get("figures"):
            out[path.stem] = data
    return out


def _wordless(html: str) -> str:
    html = re.sub(r"<figcaption>.*?</figcaption>", "", html, flags=re.S)
    html = re.sub(r'<span class="lh-figure-note">.*?</span>', "", html, flags=re.S)
    return re.sub(r"<title([^>]*)>.*?</title>", r"<title\1>figure</title>", html, flags=re.S)


def _options(ex_id: str, exercises: dict, rng: random.Random) -> list[str]:
    pos = exercises[ex_id]["position"]
    same = sorted(i for i, d in exercises.items() if d["position"] == pos and i != ex_id)
    others = rng.sample(same, min(3, len(same)))
    if len(others) < 3:  # kneeling and sitting have too few: take the lying or all-fours neighbours
        rest = sorted(i for i in exercises if i != ex_id and i not in others)
        others += rng.sample(rest, 3 - len(others))
    options = [ex_id, *others]
    rng.shuffle(options)
    return options


def _height(figs, html: str, width: int) -> int:
    """Room for the drawing: stacked positions (lh-figures-wide) need more than a row of them."""
    if "lh-figures-wide" not in html:
        return 420
    _, _, w, h = drawing_stats(figs)["viewBox"]
    shown = min(width - 32, 704)  # figures.css: .lh-figures max-width 44rem
    return 40 + len(drawing_stats(figs)["phases"]) * (round(shown * h / w) + 30)


def blind_sample(n: int, seed: int, out: Path, width: int, exclude: str, shoot, page) -> int:
    exercises = _exercises()
    left_out = set(json.loads(Path(exclude).read_text())["ids"]) if exclude else set()
    rng = random.Random(seed)
    ids = rng.sample(sorted(i for i in exercises if i not in left_out), n)
    out.mkdir(parents=True, exist_ok=True)
    quiz, key = ["# Which exercise does each picture show?", ""], {"seed": seed, "ids": ids, "answers": {}}
    for k, ex_id in enumerate(ids, start=1):
        name = f"fig{k:02d}"
        figs = Figures.model_validate(exercises[ex_id]["figures"])
        html = _wordless(render_figures(figs, "figure", animate=False))
        shoot(page(html, width), out / f"{name}.png", width, _height(figs, html, width))
        (out / f"{name}.html").unlink()
        options = _options(ex_id, exercises, rng)
        quiz += [f"## {name}.png", ""]
        quiz += [f"{'ABCD'[j]}. {exercises[o]['summary']}" for j, o in enumerate(options)] + [""]
        key["answers"][name] = {"id": ex_id, "letter": "ABCD"[options.index(ex_id)]}
    (out / "quiz.md").write_text("\n".join(quiz), encoding="utf-8")
    (out / "key.json").write_text(json.dumps(key, indent=1), encoding="utf-8")
    return 0
