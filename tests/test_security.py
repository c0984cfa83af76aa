"""Locked down: a Content-Security-Policy and a no-referrer policy on every page, and nothing in the built HTML
that the policy would have to allow: inline scripts other than the theme's, on*= handlers, javascript: URLs,
inline styles. The browser test checks that the policy refuses nothing the pages need.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from lumbar.web import sitecheck
from tests.browsing import Recorder, tour


@pytest.fixture(scope="session")
def pages(site):
    return sitecheck.parse_site(site)


def test_every_page_has_the_policy_and_nothing_unsafe(pages):
    assert len(pages) > 20
    problems = sitecheck.check_security(pages)
    assert not problems, f"{len(problems)} problem(s) in the built HTML:\n" + "\n".join(problems[:50])


def test_policy_allows_only_the_theme_scripts(pages, site):
    home = pages["index.html"]
    policy = home.policy()
    hashes = [s for s in policy["script-src"] if s.startswith("'sha256-")]
    theme = [body for kind, body, _ in home.scripts if kind == ""]
    assert theme and len(hashes) == len(set(map(sitecheck.sha256, theme))), (policy["script-src"], theme)
    for name in ("unsafe-inline", "unsafe-eval", "unsafe-hashes", "http:", "https:", "*"):
        assert name not in (home.csp or ""), f"the policy allows {name}"
    assert "404.html" in pages and not sitecheck.check_page_security(pages["404.html"])


@pytest.mark.parametrize(
    "bad, expected",
    [
        ('<img src="x.png" onerror="alert(1)" alt="">', "inline event handler"),
        ('<a href="javascript:alert(1)">x</a>', "script URL"),
        ('<a href=" JaVa&#x09;Script:alert(1)">x</a>', "script URL"),
        ('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', "script URL"),
        ("<script>alert(1)</script>", "not the theme's"),
        ('<script type="module">import "./x.js"</script>', "not the theme's"),
        ('<p style="color:red">x</p>', "inline style"),
        ("<style>p{color:red}</style>", "<style> element"),
        ('<body onload="x()">', "inline event handler"),
    ],
)
def test_scan_catches_what_must_never_ship(site, tmp_path, bad, expected):
    """Break the rule on purpose in a copy of a built page: the scan must report it."""
    page = tmp_path / "index.html"
    page.write_text((site / "index.html").read_text(encoding="utf-8").replace("</article>", bad + "</article>", 1))
    problems = sitecheck.check_page_security(sitecheck.parse_page(tmp_path, page))
    assert any(expected in p for p in problems), problems


def test_scan_catches_a_missing_or_weak_policy(site, tmp_path):
    html = (site / "index.html").read_text(encoding="utf-8")
    cases = {
        "no Content-Security-Policy": html.replace('http-equiv="Content-Security-Policy"', 'name="x"'),
        "script-src must be": html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
        "hash is not in the CSP": html.replace("script-src 'self' 'sha256-", "script-src 'self' 'sha256-x"),
        "no-referrer": html.replace('content="no-referrer"', 'content="origin"'),
        "img-src": html.replace("img-src 'self' data:", "img-src *"),
    }
    for expected, broken in cases.items():
        page = tmp_path / "index.html"
        page.write_text(broken, encoding="utf-8")
        problems = sitecheck.check_page_security(sitecheck.parse_page(tmp_path, page))
        assert any(expected in p for p in problems), (expected, problems)


def test_the_browser_refuses_nothing_on_any_kind_of_page(browser, server, site):
    """Visit each kind of page, print a routine sheet, search: the policy must refuse nothing."""
    rec = tour(browser, server, site, "bridge")
    assert not rec.refused(), "the Content-Security-Policy refused:\n" + "\n".join(rec.refused())


def test_the_browser_test_catches_a_refusal(browser, server, site, tmp_path):
    """An inline script and an inline style added to a page on purpose: the browser test must see both refused."""
    context = browser.new_context()
    rec = Recorder(context)
    html = (
        (site / "index.html")
        .read_text(encoding="utf-8")
        .replace("</article>", '<script>document.title="x"</script><p style="color:red">x</p></article>', 1)
    )
    context.route(server + "broken.html", lambda route: route.fulfill(body=html, content_type="text/html"))
    page = context.new_page()
    try:
        rec.visit(page, server + "broken.html")
    finally:
        context.close()
    refused = " ".join(rec.refused())
    assert "script-src" in refused and "style-src" in refused, rec.refused()


def test_postbuild_hashes_only_the_theme_scripts(site, tmp_path):
    """lumbar/web/csp.py: the theme's inline scripts get a hash; any other inline script gets none and fails postbuild."""
    from lumbar.web import csp

    html = (site / "index.html").read_text(encoding="utf-8")
    html = re.sub(r"script-src [^;]*", "script-src 'self'", html, count=1)
    out, problems = csp.add_hashes(html.replace("</article>", "<script>alert(1)</script></article>", 1), "index.html")
    assert csp.sha256("alert(1)") not in out
    assert problems == ["index.html: an inline <script> that is not the theme's would be blocked: alert(1)"]
    (tmp_path / "index.html").write_text(html.replace("</article>", "<script>alert(1)</script></article>", 1))
    result = subprocess.run(
        [sys.executable, "-m", "lumbar", "postbuild", str(tmp_path)], capture_output=True, text=True
    )
    assert result.returncode == 1 and "not the theme's" in result.stderr
    theme = [b for b in csp.inline_scripts(html) if csp.is_theme_script(b)]
    assert theme and all(csp.sha256(b) in out for b in theme)
