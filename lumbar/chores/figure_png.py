"""Render one exercise's figures to PNG, to look at them or to paste into a pull request.

    python -m lumbar figure-png cat                # -> figures-png/cat.png
    python -m lumbar figure-png cat -o /tmp/out     # another folder
    python -m lumbar figure-png --all               # every exercise, one sheet
    python -m lumbar figure-png --poses             # every base pose, one sheet
    python -m lumbar figure-png --blind 12 --seed 26 -o /tmp/panel   # a blind panel's sample

It writes an HTML page (kept beside the PNG) with the site's figures.css and takes a screenshot
with headless Chromium (set CHROMIUM to use another binary). Exit status 1 on a pose problem.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from html import escape
from pathlib import Path

import yaml

from lumbar.chores import ROOT
from lumbar.figures import (
    BASE_POSES,
    Figures,
    figure_problems,
    gallery_markdown,
    render_figures,
    render_thumbnail,
)
from lumbar.localweb import CHROMIUM_ARGS, chromium_path

CSS = ROOT / "docs" / "assets" / "stylesheets" / "figures.css"
FLAGS = [*CHROMIUM_ARGS, "--hide-scrollbars", "--force-prefers-reduced-motion", "--force-device-scale-factor=1"]


def chromium() -> str:
    return chromium_path() or sys.exit("No chromium found: install it or set CHROMIUM.")


def page(body: str, width: int) -> str:
    css = CSS.read_text(encoding="utf-8") if CSS.exists() else ""
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>figures</title>"
        f"<style>{css}\nbody{{font:15px/1.4 system-ui,sans-serif;margin:16px;width:{width - 32}px;color:#111;background:#fff}}"
        "h1{font-size:18px;margin:0 0 8px}</style></head><body>" + body + "</body></html>"
    )


def shoot(html: str, png: Path, width: int, height: int) -> None:
    png.parent.mkdir(parents=True, exist_ok=True)
    src = png.with_suffix(".html")
    src.write_text(html, encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile:
        cmd = [
            chromium(),
            *FLAGS,
            f"--user-data-dir={profile}",
            f"--screenshot={png}",
            f"--window-size={width},{height}",
            src.as_uri(),
        ]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    print(png)


def load(exercise_id: str):
    path = Path(exercise_id) if exercise_id.endswith(".yaml") else ROOT / "data" / "exercises" / f"{exercise_id}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not data.get("figures"):
        sys.exit(f"{path}: no figures block")
    return data.get("title", path.stem), data["figures"], path


class _Ex:
    def __init__(self, id, title, figures):
        self.id, self.title, self.figures = id, title, figures


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "exercise", nargs="?", help="an exercise id (file name under data/exercises/ without .yaml), or a .yaml file"
    )
    ap.add_argument("-o", "--out", default="figures-png", help="output folder (default: figures-png)")
    ap.add_argument("--width", type=int, default=900, help="page width in px (default 900)")
    ap.add_argument("--all", action="store_true", help="every exercise with figures, on one tall sheet")
    ap.add_argument("--poses", action="store_true", help="every base pose, on one sheet")
    ap.add_argument("--columns", type=int, default=3, help="columns of the --all sheet")
    ap.add_argument(
        "--part", default="1/1", help="with --all: which part of the sheet, e.g. 2/4 for the second quarter"
    )
    ap.add_argument("--blind", type=int, help="draw this many random exercises as fig01.png... with no words")
    ap.add_argument("--seed", type=int, default=26, help="with --blind: the random seed of the sample")
    ap.add_argument("--exclude", default="", help="with --blind: a key.json whose exercises to leave out")
    args = ap.parse_args(argv)
    out = Path(args.out)
    status = 0
    if args.blind:
        from lumbar.chores.figure_panel import blind_sample

        return blind_sample(args.blind, args.seed, out, args.width, args.exclude, shoot, page)
    if args.poses:
        cards = []
        for name, base in BASE_POSES.items():
            figs = Figures.model_validate({"alt": base.title, "start": {"pose": name}})
            problems = figure_problems(figs)
            status |= bool(problems)
            cards.append(
                f"<div><h1>{escape(name)}</h1>{render_figures(figs, name, animate=False)}"
                + "".join(f"<p>{escape(p)}</p>" for p in problems)
                + "</div>"
            )
        body = f"<div style-free class='lh-gallery'>{''.join(cards)}</div>".replace(" style-free", "")
        rows = -(-len(cards) // 3)
        shoot(page(body, args.width), out / "poses.png", args.width, 60 + rows * 330)
        return status
    if args.all:
        exercises = []
        for path in sorted((ROOT / "data" / "exercises").glob("*.yaml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            if data.get("figures"):
                figs = Figures.model_validate(data["figures"])
                for problem in figure_problems(figs):
                    print(f"{path.relative_to(ROOT)}: {problem}", file=sys.stderr)
                    status = 1
                exercises.append(_Ex(path.stem, data.get("title", path.stem), figs))
        k, parts = (int(x) for x in args.part.split("/"))
        size = -(-len(exercises) // parts)
        exercises = exercises[(k - 1) * size : k * size]
        body = gallery_markdown(exercises, base_url="#").replace(
            'class="lh-gallery"', f'class="lh-gallery lh-gallery-{args.columns}"', 1
        )
        grid = f".lh-gallery-{args.columns}{{grid-template-columns:repeat({args.columns},1fr)}}"
        rows = -(-len(exercises) // args.columns)
        name = "all.png" if parts == 1 else f"all-{k}-of-{parts}.png"
        shoot(page(f"<style>{grid}</style>" + body, args.width), out / name, args.width, 80 + rows * 420)
        return status
    if not args.exercise:
        ap.error("name an exercise, or use --all or --poses")
    title, raw, path = load(args.exercise)
    figs = Figures.model_validate(raw)
    for problem in figure_problems(figs):
        print(f"{path}: {problem}", file=sys.stderr)
        status = 1
    body = (
        f"<h1>{escape(title)}</h1>{render_figures(figs, title, animate=False)}"
        f"<p>Routine sheet thumbnail: {render_thumbnail(figs)}</p>"
    )
    shoot(page(body, args.width), out / f"{Path(args.exercise).stem}.png", args.width, 520)
    return status


if __name__ == "__main__":
    sys.exit(main())
