"""Check a built site without a browser: broken links and anchors, what must never ship, third-party resources;
then list the external links for review (none is fetched).

    python -m lumbar check-site [SITE_DIR]      (default: site/)
"""

from __future__ import annotations

import sys
from pathlib import Path

from lumbar.chores import ROOT
from lumbar.stage import options_from_config
from lumbar.web import sitecheck


def main(argv: list[str]) -> int:
    site = Path(argv[0] if argv else ROOT / "site")
    opts = options_from_config()  # the English build's address and repository, as every command reads them
    site_url, repo = opts.site_url, opts.repository
    pages = sitecheck.parse_site(site)
    broken, external = sitecheck.check_links(site, pages, site_url, repo, ROOT)
    problems = broken + sitecheck.check_security(pages) + sitecheck.third_party_resources(pages, site_url)
    print(sitecheck.external_report(external))
    for problem in problems:
        print(problem)
    print(f"{len(pages)} pages: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
