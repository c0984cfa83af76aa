"""Lighthouse 12.2.3 against the built site, served as GitHub Pages serves it (gzip, Cache-Control: max-age=600).

    python -m lumbar.bench.lighthouse SITE_DIR [PAGE ...]   # prints each page's four category scores

Used by tests/test_lighthouse.py (scores and speed-independent audits) and lumbar/bench/ (the
performance score, which depends on the machine's speed).
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from lumbar import localweb
from lumbar.bench import ROOT
from lumbar.localweb import CHROMIUM_ARGS as CHROME_FLAGS
from lumbar.localweb import QuietHandler

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")

# One page of every kind (site paths). A new kind of page is one line here.
PAGES = {
    "home": "",
    "condition": "conditions/low-back-pain/",
    "exercise": "exercises/bird-dog/",
    "routine": "routines/back-pain/",
    "find": "find/",
    "red flags": "safety/red-flags/",
    "gallery": "gallery/",
    "builder": "builder/",
    "session": "session/#id=back-pain",  # the player as a routine's "Start this routine" link opens it
    "diary": "diary/",
    "index": "exercises/",  # a kind's index: every exercise with its card
    "article": "glossary/",  # a hand-written page
    "languages": "languages/",
    # The other languages: a page of each that carries the most of its own words.
    "routine (es)": "es/routines/back-pain/",
    "red flags (ru)": "ru/safety/red-flags/",
    "builder (es)": "es/builder/",
    "session (ru)": "ru/session/#id=back-pain",
}

# What GitHub Pages compresses (its CDN gzips text types); images and zips go as they are.
COMPRESSED = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".webmanifest", ".map"}


class PagesHandler(QuietHandler):
    """Static files as GitHub Pages serves them: gzip when the client accepts it, max-age=600."""

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.suffix in COMPRESSED and path.is_file()) or not self.path.split("?")[0].endswith(
            ("/", path.name)
        ):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    """What send_head returns: a file-like object copied to the client."""

    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


def serve(site: Path):
    """The site on 127.0.0.1, gzipped with cache headers; yields the base URL."""
    return localweb.serve(site, PagesHandler)


def chromium() -> str:
    return os.environ.get("CHROME_PATH") or os.environ.get("CHROMIUM") or "/usr/bin/chromium"


def run(url: str, timeout: float = 240) -> dict:
    """One Lighthouse run (mobile, its default preset; one Chromium) of one URL: the JSON report (the lhr)."""
    with tempfile.TemporaryDirectory(prefix="lumbar-lh-") as tmp:
        out = Path(tmp) / "report.json"
        env = dict(os.environ, CHROME_PATH=chromium())
        proc = subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={out}",
                "--chrome-flags=" + " ".join(CHROME_FLAGS),
                "--max-wait-for-load=60000",
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if proc.returncode != 0 or not out.is_file():
            raise RuntimeError(f"lighthouse failed on {url} (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
        return json.loads(out.read_text(encoding="utf-8"))


def scores(lhr: dict) -> dict[str, int]:
    """The four category scores, 0-100."""
    return {c: round((lhr["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}


def main(argv: list[str]) -> int:
    site = Path(argv[0])
    names = argv[1:] or list(PAGES)
    with serve(site) as base:
        for name in names:
            lhr = run(base + PAGES.get(name, name))
            print(name, json.dumps(scores(lhr)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
