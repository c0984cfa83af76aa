"""The 404 page as GitHub Pages serves it: the root 404.html for any missing address, at any depth, whatever path the
site lives under (mkdocs.yml's site_url, a fork's own, a custom domain's root). It is styled, its links work, and an
address under /es/ or /ru/ gets that language's 404 page."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from lumbar.i18n.ui import load_ui
from lumbar.localweb import QuietHandler, serve
from lumbar.stage import options_from_config

CONFIGURED = urlsplit(options_from_config().site_url).path or "/"  # "/handbook/" unless a fork changed it


class PagesHandler(QuietHandler):
    """A static host like GitHub Pages: the site under `prefix`, and the root 404.html, with status 404, for every
    address that is not a file of the site."""

    prefix = "/"

    def send_head(self):
        path = urlsplit(self.path).path
        rel = path[len(self.prefix) :] if path.startswith(self.prefix) else None
        target = Path(self.directory) / (rel or "")
        if rel is not None and (target.is_file() or (target / "index.html").is_file()):
            self.path = "/" + rel
            return super().send_head()
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)

    def copyfile(self, source, outputfile):
        outputfile.write(source.read())


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


@pytest.fixture(scope="module", params=[CONFIGURED, "/a-fork/", "/"])
def pages(request, site):
    handler = type("Handler", (PagesHandler,), {"prefix": request.param})
    with serve(site, handler) as base:
        yield base.rstrip("/") + request.param, request.param


# Under a folder the site has (a fork at /a-fork/ on localhost can only be told by that); at the root level the
# configured path and the host's root work too, and on *.github.io a project site's folder.
MISSING = {"en": "routines/no/such/page/", "es": "es/exercises/no-such-exercise/", "ru": "ru/a/b/c/d/no-such"}


@pytest.mark.parametrize("lang", ["en", "es", "ru"])
def test_a_missing_address_gets_a_styled_404_in_its_language(browser, pages, lang):
    base, prefix = pages
    context = browser.new_context()
    page = context.new_page()
    refused = []
    page.on("console", lambda m: refused.append(m.text) if m.type == "error" else None)
    try:
        page.goto(base + MISSING[lang])
        page.locator("h1").wait_for()
        ui = load_ui(lang)
        assert page.locator("h1").inner_text() == ui.site["not_found_title"]
        assert page.evaluate("document.documentElement.lang") == lang
        # Styled: the theme's stylesheet loaded and applies (Material's header is fixed-height and coloured).
        assert page.evaluate("[...document.styleSheets].some(s => /main\\.[0-9a-f]+\\.min\\.css/.test(s.href || ''))")
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        # Its links lead into the site under the path it is served from, in its language.
        home = page.get_by_role("link", name=ui.site["not_found_home"])
        want = prefix + ("" if lang == "en" else f"{lang}/")
        assert urlsplit(home.evaluate("a => a.href")).path == want
        home.click()
        page.wait_for_load_state()
        assert urlsplit(page.url).path == want
        assert page.evaluate("document.documentElement.lang") == lang
        assert page.locator("h1").first.inner_text() != ui.site["not_found_title"]
        assert [r for r in refused if "Content Security Policy" in r] == []
    finally:
        context.close()


def test_the_404_page_hard_codes_no_path(site):
    """Every link and asset of the 404 pages is relative (to the <base> their script sets): none names the path
    mkdocs.yml's site_url gives, so a fork or a custom domain serves them unchanged."""
    for page in (site / "404.html", site / "es" / "404.html", site / "ru" / "404.html"):
        html = page.read_text(encoding="utf-8")
        assert f'href="{CONFIGURED}' not in html and f'src="{CONFIGURED}' not in html, page
        assert "data-root=" in html
