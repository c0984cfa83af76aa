"""The Content-Security-Policy of every page: lets the theme's own inline scripts run, by hash, and nothing else inline.

overrides/main.html writes the policy in a meta tag with `script-src 'self'`; after the build, `python -m lumbar
postbuild` adds the sha256 of each inline script that Material wrote. An inline script from anywhere else gets no
hash (the browser refuses it) and is reported, which fails the build.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache
from pathlib import Path

CSP_META = re.compile(r'(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")')
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
SRC = re.compile(r"\bsrc\s*=", re.I)
TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
JS_TYPES = {"", "text/javascript", "application/javascript", "module"}


@cache
def theme_scripts() -> tuple[re.Pattern, ...]:
    """Material's inline scripts (partials/javascripts/*.html), a Jinja expression matching any attribute-safe text."""
    import material

    folder = Path(material.__file__).parent / "templates" / "partials" / "javascripts"
    patterns = []
    for path in sorted(folder.glob("*.html")):
        for body in re.findall(r"<script>(.*?)</script>", path.read_text(encoding="utf-8"), re.S):
            parts = re.split(r"\{\{.*?\}\}", body)
            patterns.append(re.compile("".join([re.escape(parts[0])] + [r'[^"<>]*' + re.escape(p) for p in parts[1:]])))
    return tuple(patterns)


def is_theme_script(body: str) -> bool:
    """The theme's, or one of the handbook's own few (lumbar/web/inline/: the 404 page's)."""
    from lumbar.web.not_found import inline_bodies

    return any(p.fullmatch(body) for p in theme_scripts()) or body in inline_bodies().values()


def inline_scripts(html: str) -> list[str]:
    """The bodies of the inline scripts a browser would run (not JSON data blocks, not src= scripts)."""
    found = []
    for attrs, body in SCRIPT.findall(html):
        kind = TYPE.search(attrs)
        if SRC.search(attrs) or (kind and kind.group(1).lower() not in JS_TYPES):
            continue
        found.append(body)
    return found


def sha256(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"


def add_hashes(html: str, where: str = "") -> tuple[str, list[str]]:
    """The page with the hashes of the theme's inline scripts in its policy, and the other inline scripts found."""
    meta = CSP_META.search(html)
    if not meta:
        return html, []
    hashes, problems = [], []
    for body in inline_scripts(html):
        if not is_theme_script(body):
            problems.append(
                f"{where}: an inline <script> that is not the theme's would be blocked: {body.strip()[:80]}"
            )
            continue
        if sha256(body) not in hashes:
            hashes.append(sha256(body))
    policy = meta.group(2).replace("script-src 'self'", " ".join(["script-src 'self'", *hashes]), 1)
    return html[: meta.start(2)] + policy + html[meta.end(2) :], problems
