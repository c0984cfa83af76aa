"""MkDocs hooks (named in mkdocs.yml): forwards the build events to lumbar.site."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lumbar.csp import on_post_page, on_post_template, on_startup  # noqa: F401 (CSP hashes)
from lumbar.site import on_config, on_files, on_page_markdown, on_post_build

__all__ = ["on_config", "on_files", "on_page_markdown", "on_post_build"]
