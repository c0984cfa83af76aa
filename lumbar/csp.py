"""The Content-Security-Policy of every page: lets the theme's own inline scripts run, by hash, and nothing else inline.

overrides/main.html writes the policy in a meta tag with `script-src 'self'`; after each page is rendered, this adds
the sha256 of each inline script that Material wrote. An inline script from anywhere else gets no hash (the browser
refuses it) and a warning, which fails a strict build.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re
from functools import cache
from pathlib import Path

log = logging.getLogger("mkdocs.lumbar.csp")

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
    return any(p.fullmatch(body) for p in theme_scripts())


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


def add_hashes(html: str, where: str = "") -> str:
    """Put the hashes of the theme's inline scripts into the page's policy; warn about any other inline script."""
    meta = CSP_META.search(html)
    if not meta:
        return html
    hashes = []
    for body in inline_scripts(html):
        if not is_theme_script(body):
            log.warning("%s: an inline <script> that is not the theme's will be blocked: %.80s", where, body.strip())
            continue
        if sha256(body) not in hashes:
            hashes.append(sha256(body))
    if state.serving:  # only on the local preview: hashes would switch 'unsafe-inline' off
        hashes = ["'unsafe-inline'"]
    policy = meta.group(2).replace("script-src 'self'", " ".join(["script-src 'self'", *hashes]), 1)
    return html[: meta.start(2)] + policy + html[meta.end(2) :]


class State:
    serving = False  # `mkdocs serve` injects an inline live-reload script into every page


state = State()


def on_startup(command: str, dirty: bool = False) -> None:
    state.serving = command == "serve"


def on_post_page(output: str, page, config) -> str:
    return add_hashes(output, page.file.src_uri)


def on_post_template(output_content: str, template_name: str, config) -> str:
    return add_hashes(output_content, template_name)  # 404.html
