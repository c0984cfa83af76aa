"""Every internal link and anchor in the built HTML resolves; external links are listed for review, never fetched.

MkDocs checks the links of Markdown pages only; this reads the HTML, so links written by templates, macros and
the theme are checked too. The list of external links is written to external-links.txt beside the built site
(and printed with `pytest -rP`); `python -m lumbar check-site SITE` prints it too.
"""

from __future__ import annotations

import shutil

import pytest

from lumbar.web import sitecheck
from tests.browsing import ROOT, ZIP_PATH, config, offline_copies, offline_copy  # noqa: F401 (fixtures)


def check(site):
    cfg = config()
    pages = sitecheck.parse_site(site)
    return sitecheck.check_links(site, pages, cfg.get("site_url", ""), cfg.get("extra", {}).get("repository", ""), ROOT)


@pytest.fixture(scope="session")
def link_report(site, offline_copies):  # noqa: F811 (offline_copies put each language's zip in the site)
    return check(site)


def test_internal_links_and_anchors_resolve(link_report):
    broken, _ = link_report
    assert not broken, f"{len(broken)} broken link(s) in the built site:\n" + "\n".join(broken)


def test_external_links_are_listed_for_review(site, link_report):
    _, external = link_report
    report = site.parent / "external-links.txt"
    report.write_text(sitecheck.external_report(external), encoding="utf-8")
    print(f"{len(external)} external links, listed in {report}")
    assert external, "no external link found: the collector is broken (every page links to the repository)"


def test_offline_copy_links_resolve(offline_copy):  # noqa: F811
    pages = sitecheck.parse_site(offline_copy)
    broken, _ = sitecheck.check_links(offline_copy, pages)
    assert not broken, f"{len(broken)} broken link(s) in the offline copy:\n" + "\n".join(broken)


def test_link_check_catches_broken_links(site, tmp_path, link_report):
    """Break links on purpose in a copy of two pages: the check must report each one."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("assets", "search", "downloads", "api"))
    home = copy / "index.html"
    html = home.read_text(encoding="utf-8")
    html = html.replace(
        "</article>",
        '<a href="exercises/no-such-exercise/">a</a><a href="safety/red-flags/#no-such-anchor">b</a>'
        '<a href="#nor-this-one">c</a><a href="safety/red-flags.md">d</a></article>',
        1,
    )
    home.write_text(html, encoding="utf-8")
    pages = {p: sitecheck.parse_page(copy, copy / p) for p in ("index.html", "safety/red-flags/index.html")}
    broken, _ = sitecheck.check_links(copy, pages, config().get("site_url", ""))
    mine = [b for b in broken if b.startswith("index.html") and "assets/" not in b and "search/" not in b]
    for bad in ("no-such-exercise", "no-such-anchor", "nor-this-one", "red-flags.md"):
        assert any(bad in b for b in mine), f"{bad} not reported: {mine}"
