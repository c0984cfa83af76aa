"""Only the scripts the handbook ships may run on its site (issue 29).

A hand-written page can name scripts in its front matter, and MkDocs copies any file under docs/ into the site,
so a content pull request could ship a script that reads the diary. After the build, every file that can run is
checked against what the handbook ships: Material's own scripts and lumbar/web/js/, byte for byte, and the files
the stage's own code wrote, by path and content (its record, lumbar/stage.py WRITTEN). Pages are MkDocs' own
(each carries the policy); an HTML file copied from docs/ carries none and would run anything.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

JS = Path(__file__).parent / "js"
SCRIPTS = {".js", ".mjs", ".cjs"}
PAGES = {".html", ".htm", ".xhtml", ".shtml", ".xht"}
POLICY = '<meta http-equiv="Content-Security-Policy"'
SCRIPT_URL = re.compile(r"^\s*(javascript|vbscript|data)\s*:", re.I)


class _ActiveSvg(HTMLParser):
    """What makes an SVG opened at its own address run code: a script or embedded HTML element, an event
    handler, a script link. Parsed, so the same words as text (a title that mentions onclick=) are no matter."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = False

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "foreignobject", "iframe", "embed", "object"):
            self.found = True
        for name, value in attrs:
            clean = re.sub(r"[\x00-\x20]", "", value or "")
            if name.startswith("on") or (name in ("href", "xlink:href", "src") and SCRIPT_URL.match(clean)):
                self.found = True


def _active_svg(text: str) -> bool:
    parser = _ActiveSvg()
    parser.feed(text)
    parser.close()
    return parser.found


WHY = "scripts live in lumbar/web/js/, where code review sees them; a content change cannot add one"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@cache
def shipped() -> frozenset[str]:
    """The digests of every script the handbook ships: Material's and its own."""
    import material

    theme = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
    files = [*theme.rglob("*"), *JS.rglob("*")]
    return frozenset(_digest(p.read_bytes()) for p in files if p.is_file() and p.suffix in SCRIPTS)


def foreign(site: Path, written: dict[str, str] | None = None) -> list[str]:
    """A problem for each file in the built site that could run code and is not the handbook's; `written`: the
    stage's record of the files its own code wrote (path: SHA-256), accepted as they were written."""
    problems, written = [], written or {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel, suffix = path.relative_to(site).as_posix(), path.suffix.lower()
        digest = _digest(path.read_bytes()) if suffix in SCRIPTS else ""
        if suffix in SCRIPTS and written.get(rel) != digest and digest not in shipped():
            problems.append(f"{rel}: a script the handbook does not ship (from docs/?): {WHY}")
        elif suffix in PAGES and POLICY not in path.read_text(encoding="utf-8", errors="replace")[:4000]:
            problems.append(f"{rel}: an HTML file that is not one of the handbook's pages (from docs/?): {WHY}")
        elif suffix == ".svg" and _active_svg(path.read_text(encoding="utf-8", errors="replace")):
            problems.append(f"{rel}: an SVG picture with a script, an event handler or embedded HTML: {WHY}")
    return problems
