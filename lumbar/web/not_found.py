"""404.html at any address: a static host (GitHub Pages) serves the root 404.html for every missing address, at any
depth, and a fork or a custom domain serves the site under another path than mkdocs.yml's site_url. MkDocs writes
the 404 page's links absolute from site_url (/handbook/...): here they become relative to a <base> that a small
inline script sets to the site's root as found from the address, and an address under a language's folder opens
that language's 404 page. The scripts' bodies are lumbar/web/inline/*.js, allowed by hash (lumbar/web/csp.py).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from markupsafe import escape

INLINE = Path(__file__).parent / "inline"
SCOPE = re.compile(r'__md_scope=new URL\("([^"]*)",location\)')
CSP_END = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\s*(<meta name="referrer"[^>]*>)?')
CONFIG = re.compile(r'(<script id="__config" type="application/json">.*?</script>)', re.S)


@cache
def inline_bodies() -> dict[str, str]:
    """The handbook's own inline scripts, by name: the only inline scripts besides the theme's that may run."""
    return {p.stem: p.read_text(encoding="utf-8").strip() for p in sorted(INLINE.glob("*.js"))}


def _relative(html: str, prefix: str, root: str) -> str:
    """Attributes and the theme's worker address that start with the build's path, relative to the <base>."""
    for start, now in ((prefix, ""), (root, "../")) if prefix != root else ((prefix, ""),):
        html = re.sub(r'(\s(?:href|src)=")' + re.escape(start), lambda m, now=now: m.group(1) + now, html)
        html = html.replace(f'"search": "{start}', f'"search": "{now}')
    return html


def not_found(site: Path, lang: str, langs: list[str]) -> str | None:
    """Rewrite site/404.html of one language's build (its folder: site/ or site/<lang>/); a problem, or None."""
    page = site / "404.html"
    if not page.is_file():
        return None
    html = page.read_text(encoding="utf-8")
    scope = SCOPE.search(html)
    if not scope or not CSP_END.search(html) or not CONFIG.search(html):
        return f"{page}: not the theme's 404 page (no __md_scope, policy or __config): cannot make it work at any path"
    prefix = scope.group(1)  # "/handbook/" or, for a language's build, "/handbook/es/"
    root = prefix.removesuffix(f"{lang}/") if lang != "en" else prefix
    html = _relative(html, prefix, root)
    scripts = inline_bodies()
    own = "" if lang == "en" else lang
    folders = {p.name for p in (site.parent if own else site).iterdir() if p.is_dir()}
    top = " ".join(sorted(folders | set(langs)))  # the site's top folders (the languages' are built after)
    base = (
        f'<script data-root="{escape(root)}" data-lang="{own}" data-langs="{escape(" ".join(langs))}" '
        f'data-top="{escape(top)}">{scripts["not-found-base"]}</script>'
    )
    html = CSP_END.sub(lambda m: m.group(0) + "\n" + base, html, count=1)
    html = CONFIG.sub(lambda m: m.group(1) + f"<script>{scripts['not-found-config']}</script>", html, count=1)
    page.write_text(html, encoding="utf-8")
    return None
