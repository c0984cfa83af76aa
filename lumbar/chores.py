"""The chores that live in scripts/ (they need the test tools: Playwright, pypdf), as verbs of the one CLI:
`python -m lumbar bench`, `python -m lumbar pictures`, `python -m lumbar check-site`."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def _run(name: str, argv: list[str]) -> int:
    sys.argv = [str(SCRIPTS / name), *argv]
    try:
        runpy.run_path(str(SCRIPTS / name), run_name="__main__")
    except SystemExit as done:
        return int(done.code or 0) if not isinstance(done.code, str) else 1
    return 0


def bench(argv: list[str]) -> int:
    return _run("bench.py", argv)


def pictures(argv: list[str]) -> int:
    return _run("sheet_png.py", argv or ["complex", "--lang", "en", "es", "ru", "-o", "docs/assets/images/"])


def check_site(argv: list[str]) -> int:
    return _run("check_site.py", argv)
