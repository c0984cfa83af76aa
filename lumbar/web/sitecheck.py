"""Checks on the built HTML: links and anchors, the Content-Security-Policy, and what must never ship.

Used by the tests (tests/test_links.py, test_security.py, test_privacy.py) and by `python -m lumbar check-site` (lumbar/chores/check_site.py), which
prints the external links for review. Nothing here fetches anything.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from lumbar.web.csp import JS_TYPES, is_theme_script, sha256

URL_ATTRS = {"href", "src", "action", "formaction", "poster", "data", "xlink:href", "cite", "background"}
LOADING_LINK_RELS = {
    "stylesheet",
    "icon",
    "shortcut",
    "preload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "modulepreload",
    "manifest",
    "apple-touch-icon",
    "mask-icon",
}
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}
REQUIRED_CSP = {
    "default-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
FAKE_HOST = "http://site.invalid"


@dataclass
class Ref:
    tag: str
    attr: str
    value: str
    line: int
    rel: str = ""


@dataclass
class Page:
    path: str  # relative to the site, posix
    ids: set[str] = field(default_factory=set)
    refs: list[Ref] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # what must never ship
    scripts: list[tuple[str, str, int]] = field(default_factory=list)  # (type, body, line) of inline scripts
    csp: str | None = None
    csp_line: int = 0
    referrer: str | None = None
    first_active_line: int = 0  # the first <script>, <style> or stylesheet

    def policy(self) -> dict[str, list[str]]:
        out = {}
        for part in (self.csp or "").split(";"):
            words = part.split()
            if words:
                out[words[0].lower()] = words[1:]
        return out


def _clean_url(value: str) -> str:
    return re.sub(r"[\x00-\x20]", "", value).lower()


class _Parser(HTMLParser):
    def __init__(self, page: Page):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.script: tuple[str, int] | None = None
        self.script_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        page, line = self.page, self.getpos()[0]
        a = {k: (v or "") for k, v in attrs}
        for name, value in a.items():
            if name.startswith("on"):
                page.problems.append(f"{page.path}:{line}: <{tag} {name}=...>: an inline event handler")
            if ":" in value and _clean_url(value).startswith(("javascript:", "vbscript:")):
                page.problems.append(f'{page.path}:{line}: <{tag} {name}="{value[:40]}">: a script URL')
            if name == "style":
                page.problems.append(f"{page.path}:{line}: <{tag} style=...>: an inline style (the CSP refuses it)")
            if name in ("id",) or (name == "name" and tag == "a"):
                page.ids.add(value)
            if name in URL_ATTRS and value:
                page.refs.append(Ref(tag, name, value, line, a.get("rel", "").lower()))
            if name == "srcset" and value:
                for candidate in value.split(","):
                    if candidate.split():
                        page.refs.append(Ref(tag, name, candidate.split()[0], line))
        if tag == "meta" and a.get("http-equiv", "").lower() == "content-security-policy":
            page.csp, page.csp_line = a.get("content", ""), line
        if tag == "meta" and a.get("name", "").lower() == "referrer":
            page.referrer = a.get("content", "")
        active = tag in ("script", "style") or (tag == "link" and "stylesheet" in a.get("rel", "").lower())
        if active and not page.first_active_line:
            page.first_active_line = line
        if tag == "style":
            page.problems.append(f"{page.path}:{line}: a <style> element (the CSP refuses it)")
        if tag == "script" and "src" not in a:
            self.script = (a.get("type", "").lower(), line)
            self.script_text = []

    def handle_data(self, data):
        if self.script:
            self.script_text.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self.script:
            kind, line = self.script
            self.page.scripts.append((kind, "".join(self.script_text), line))
            self.script = None


def parse_page(site: Path, path: Path) -> Page:
    page = Page(path.relative_to(site).as_posix())
    _Parser(page).feed(path.read_text(encoding="utf-8"))
    return page


def parse_site(site: Path) -> dict[str, Page]:
    return {p.path: p for p in (parse_page(site, f) for f in sorted(site.rglob("*.html")))}


# Links.


def site_prefix(site_url: str) -> str:
    """The path the site is served under: '/handbook/' for https://lumbar-handbook.github.io/handbook/."""
    path = urlsplit(site_url).path if site_url else "/"
    return path if path.endswith("/") else path + "/"


def _target_file(site: Path, path: str) -> str | None:
    """The file a site path is served from ('exercises/cat/' -> 'exercises/cat/index.html'), or None."""
    path = unquote(path)
    if path == "" or path.endswith("/"):
        path += "index.html"
    elif (site / path).is_dir():
        path += "/index.html"
    return path if (site / path).is_file() else None


def check_links(
    site: Path, pages: dict[str, Page], site_url: str = "", repo: str = "", root: Path | None = None
) -> tuple[list[str], dict[str, set[str]]]:
    """Broken internal links and anchors, and the external links (url -> pages) for review.

    Links to `site_url` count as internal. Links to files of `repo` ('.../edit/main/docs/x.md',
    '.../blob/main/...') must name a file that exists under `root`.
    """
    prefix = site_prefix(site_url)
    base = FAKE_HOST + prefix
    broken, external = [], defaultdict(set)
    for page in list(pages.values()):  # a page parsed for its anchors is added below
        for ref in page.refs:
            value = ref.value.strip()
            if ref.tag == "link" and ref.rel in ("canonical", "alternate") and not value.startswith(site_url or "\0"):
                continue
            where = f'{page.path}:{ref.line}: <{ref.tag} {ref.attr}="{value}">'
            if site_url and value.startswith(site_url):
                value = FAKE_HOST + prefix + value[len(site_url.rstrip("/") + "/") :]
            scheme = urlsplit(value).scheme.lower()
            if scheme in ("data", "javascript", "vbscript"):
                continue  # data: is allowed; script URLs are reported by the scan
            if (
                scheme in ("mailto", "tel")
                or (value.startswith("//") or scheme in ("http", "https"))
                and not value.startswith(FAKE_HOST)
            ):
                external[value].add(page.path)
                if repo and root and value.startswith(repo.rstrip("/") + "/"):
                    missing = _missing_repo_file(value[len(repo.rstrip("/")) :], root)
                    if missing:
                        broken.append(f"{where}: no file {missing} in the repository")
                continue
            url = urljoin(base + page.path, value)
            parts = urlsplit(url)
            if not parts.path.startswith(prefix):
                broken.append(f"{where}: outside the site ({parts.path})")
                continue
            target = page.path if value.startswith("#") else _target_file(site, parts.path[len(prefix) :])
            if target is None:
                broken.append(f"{where}: no such file")
                continue
            fragment = unquote(parts.fragment)
            # "#id=back-pain" is a page's own parameters (the session player's), not an anchor.
            if fragment and "=" not in fragment and target.endswith(".html"):
                if target not in pages:
                    pages[target] = parse_page(site, site / target)
                if fragment not in pages[target].ids:
                    broken.append(f'{where}: no id "{fragment}" in {target}')
    return broken, dict(external)


def _missing_repo_file(path: str, root: Path) -> str | None:
    """For a link into the repository (an edit link, or a new-issue link naming a form), the file it needs if missing."""
    m = re.match(r"/(?:edit|blob|tree|raw)/[^/]+/([^?#]+)", path)
    wanted = unquote(m.group(1)) if m else None
    m = re.match(r"/issues/new\?(?:.*&)?template=([^&#]+)", path)
    if m:
        wanted = ".github/ISSUE_TEMPLATE/" + unquote(m.group(1))
    return wanted if wanted and not (root / wanted).exists() else None


def external_report(external: dict[str, set[str]]) -> str:
    """The external links for review: one line per address (query strings dropped), with how many pages use it."""
    grouped = defaultdict(set)
    for url, pages in external.items():
        grouped[url.split("?")[0].split("#")[0]] |= pages
    lines = [f"{len(pages):4} page(s)  {url}" for url, pages in sorted(grouped.items())]
    return (
        f"External links in the built site, for review ({len(lines)} addresses; none is fetched):\n"
        + "\n".join(lines)
        + "\n"
    )


# What must never ship.


def check_page_security(page: Page) -> list[str]:
    """The CSP and referrer metas, the inline scripts (the theme's, hashed), and the page's own problems."""
    problems = list(page.problems)
    if page.csp is None:
        return problems + [f"{page.path}: no Content-Security-Policy meta tag"]
    if page.first_active_line and page.csp_line > page.first_active_line:
        problems.append(f"{page.path}:{page.csp_line}: the CSP meta comes after a script or stylesheet")
    if page.referrer != "no-referrer":
        problems.append(f'{page.path}: no <meta name="referrer" content="no-referrer">')
    policy = page.policy()
    for directive, sources in REQUIRED_CSP.items():
        if policy.get(directive) != sources:
            problems.append(f"{page.path}: CSP {directive} is {policy.get(directive)}, not {sources}")
    script_src = policy.get("script-src", [])
    allowed = ["'self'"] + [s for s in script_src if s.startswith("'sha256-")]
    if not script_src or script_src != allowed:
        problems.append(f"{page.path}: CSP script-src must be 'self' and hashes, not {script_src}")
    hashes = set(script_src)
    for kind, body, line in page.scripts:
        if kind in DATA_SCRIPT_TYPES:
            continue
        if kind not in JS_TYPES:
            problems.append(f'{page.path}:{line}: <script type="{kind}">: an unknown inline script type')
        elif not is_theme_script(body):
            problems.append(f"{page.path}:{line}: an inline script that is not the theme's: {body.strip()[:60]!r}")
        elif sha256(body) not in hashes:
            problems.append(f"{page.path}:{line}: a theme script whose hash is not in the CSP")
    return problems


def check_security(pages: dict[str, Page]) -> list[str]:
    return [p for page in pages.values() for p in check_page_security(page)]


def third_party_resources(pages: dict[str, Page], site_url: str = "") -> list[str]:
    """Anything the browser would load from another host (links to read are fine)."""
    found = []
    for page in pages.values():
        for ref in page.refs:
            loads = not (
                ref.tag in ("a", "area", "form")
                or ref.attr in ("cite", "action", "formaction")
                or (ref.tag == "link" and not (set(ref.rel.split()) & LOADING_LINK_RELS))
            )
            value = ref.value.strip()
            if loads and re.match(r"(?i)(https?:)?//", value) and not (site_url and value.startswith(site_url)):
                found.append(f'{page.path}:{ref.line}: <{ref.tag} {ref.attr}="{value}">')
    return found
