"""Private: no request leaves the site's own host. No web fonts, no CDN, no analytics, no repository API.

A headless browser visits each kind of page, prints a routine sheet and searches, recording every request;
requests to other hosts are recorded and blocked, so none leaves the machine even when the rule is broken.
"""

from __future__ import annotations

import re

from lumbar.web import sitecheck
from tests.browsing import Recorder, config, tour

THIRD_PARTY = re.compile(
    r"fonts\.googleapis|fonts\.gstatic|unpkg\.com|jsdelivr|cdnjs|googletagmanager|google-analytics|"
    r"api\.github\.com|gravatar|cloudflareinsights|plausible\.io|matomo",
    re.I,
)


def test_no_page_loads_anything_from_another_host(site):
    pages = sitecheck.parse_site(site)
    found = sitecheck.third_party_resources(pages, config().get("site_url", ""))
    assert not found, "resources from other hosts:\n" + "\n".join(found)


def test_no_third_party_service_is_named_in_pages_or_styles(site):
    found = []
    for path in [*site.rglob("*.html"), *site.rglob("*.css")]:
        text = path.read_text(encoding="utf-8", errors="replace")
        found += [f"{path.relative_to(site)}: {m.group(0)}" for m in THIRD_PARTY.finditer(text)]
        if path.suffix == ".css":
            found += [
                f"{path.relative_to(site)}: {m}" for m in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)", text)
            ]
    assert not found, "\n".join(found)


def test_settings_that_would_call_other_hosts_are_off():
    cfg = config()
    assert "repo_url" not in cfg, "repo_url makes Material ask api.github.com from every reader's browser"
    assert cfg["theme"].get("font") is False, "theme font must be false (Google Fonts otherwise)"
    assert not (cfg.get("extra") or {}).get("analytics"), "no analytics"


def test_browser_requests_stay_on_the_host(browser, server, site):
    rec = tour(browser, server, site, "stretch")
    assert len(rec.requests) > 20
    assert not rec.off_host(), "requests to other hosts:\n" + "\n".join(rec.off_host())


def test_browser_test_catches_a_request_to_another_host(browser, server, site):
    """A web font and a tracking pixel added on purpose (and the policy removed, which would refuse them)."""
    html = (site / "index.html").read_text(encoding="utf-8")
    html = (
        re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
        .replace("</head>", '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto"></head>', 1)
        .replace("</article>", '<img src="https://tracker.invalid/pixel.gif" alt=""></article>', 1)
    )
    context = browser.new_context()
    rec = Recorder(context)
    context.route(server + "broken.html", lambda route: route.fulfill(body=html, content_type="text/html"))
    page = context.new_page()
    try:
        rec.visit(page, server + "broken.html", idle=False)
    finally:
        context.close()
    assert any("fonts.googleapis.com" in u for u in rec.off_host()), rec.off_host()
    assert any("tracker.invalid" in u for u in rec.off_host()), rec.off_host()
