"""Picture of a printed routine sheet, for the README and the how-to page.

    python -m lumbar pictures                           # builds the site, writes sheet-complex.png, -es.png, -ru.png
    python -m lumbar pictures complex --format Letter --lang en   # ... sheet-complex-letter.png
    python -m lumbar pictures complex --site site --pdf /tmp/sheet.pdf

Prints the routine page to PDF in headless Chromium (Playwright, the print stylesheet), then turns page 1
into a black-and-white PNG with pdftoppm at 100 dpi. Run it again whenever the sheet changes.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from lumbar.chores import ROOT
from lumbar.generator import build_argv
from lumbar.localweb import launch, serve


def build(site: Path, languages: bool = False) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    cmd = build_argv(site, Path(str(site) + "-stage"), languages=languages)
    subprocess.run(cmd, cwd=ROOT, env=env, check=True)


def print_pdf(site: Path, routine: str, paper: str, pdf: Path, lang: str = "en") -> None:
    """Serve `site` on loopback and print the routine's page (in `lang`) to `pdf`, as a browser's print would."""
    from playwright.sync_api import sync_playwright

    with serve(site) as base, sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page()
        page.goto(f"{base}{'' if lang == 'en' else lang + '/'}routines/{routine}/", wait_until="load")
        page.emulate_media(media="print")
        page.pdf(path=str(pdf), format=paper, print_background=False)
        browser.close()


def to_png(pdf: Path, png: Path, dpi: int = 100) -> tuple[int, int]:
    """Page 1 of `pdf` as a black-and-white `png`, cut below the last printed line; returns (width, height).

    One bit a pixel at 100 dpi, shown at about half that size, is sharp and about 30 KB; the greys of
    anti-aliased text would make it four times heavier (the page weight budget is 120 KB, see docs/performance.md).
    """
    stem = png.with_suffix("")
    page = ["-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", str(pdf)]
    subprocess.run(["pdftoppm", "-mono", *page, str(stem)], check=True)  # PBM: find the last printed row
    pbm = stem.with_suffix(".pbm")
    width, height, rows = _pbm_rows(pbm.read_bytes())
    pbm.unlink()
    last = max((i for i, row in enumerate(rows) if any(row)), default=height - 1)
    cut = min(height, last + 1 + dpi // 5)  # a fifth of an inch of margin
    subprocess.run(
        ["pdftoppm", "-mono", "-png", "-x", "0", "-y", "0", "-W", str(width), "-H", str(cut), *page, str(stem)],
        check=True,
    )
    return width, cut


def _pbm_rows(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the packed rows of a binary PBM (P4) image."""
    fields, pos = [], 0
    while len(fields) < 3:
        while data[pos : pos + 1].isspace():
            pos += 1
        if data[pos : pos + 1] == b"#":
            pos = data.index(b"\n", pos)
            continue
        end = pos
        while not data[end : end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    assert fields[0] == b"P4", fields[0]
    width, height = int(fields[1]), int(fields[2])
    pos += 1
    stride = (width + 7) // 8
    return width, height, [data[pos + i * stride : pos + (i + 1) * stride] for i in range(height)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("routine", nargs="?", default="complex", help="a routine id (default complex: one page)")
    parser.add_argument("--lang", nargs="+", default=["en", "es", "ru"], help="languages (default all): a picture each")
    parser.add_argument("--format", choices=["A4", "Letter"], default="A4", help="paper size (default A4)")
    parser.add_argument("-o", "--out", type=Path, default=ROOT / "docs/assets/images", help="folder for the PNG")
    parser.add_argument("--site", type=Path, help="an existing build of the site (default: build one)")
    parser.add_argument("--pdf", type=Path, help="also keep the PDF here")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build(site, languages=args.lang != ["en"])
        for lang in args.lang:
            prefix = "" if lang == "en" else f"{lang}/"
            if not (site / prefix / "routines" / args.routine / "index.html").exists():
                parser.error(f"no page for routine '{args.routine}' in {site / prefix}")
            pdf = args.pdf or Path(tmp) / "sheet.pdf"
            print_pdf(site, args.routine, args.format, pdf, lang)
            args.out.mkdir(parents=True, exist_ok=True)
            suffix = ("" if lang == "en" else f"-{lang}") + ("" if args.format == "A4" else "-letter")
            png = args.out / f"sheet-{args.routine}{suffix}.png"
            width, height = to_png(pdf, png)
            print(f"{png} ({width} x {height} px, {png.stat().st_size / 1024:.0f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
