"""A page's front matter text, escaped for the theme.

Material writes a page's title, description and tags into its HTML as they are (MkDocs' theme environment does
not autoescape): <meta content="{{ page.meta.description }}">, the header, the tags and the tags page, the search
index. Front matter is text, so lumbar/hooks.py escapes it once, after the search and tags plugins' own reading of
the Markdown and before the tags plugin collects the tags; Markup keeps the theme's own `| e` from escaping it twice.
"""

from __future__ import annotations

from markupsafe import escape

TEXT = ("title", "description")


def escape_meta(meta: dict) -> dict:
    """The front matter with its text values escaped once (Markup)."""
    out = dict(meta)
    for key in TEXT:
        if isinstance(out.get(key), str):
            out[key] = escape(out[key])
    if isinstance(out.get("tags"), list):
        out["tags"] = [escape(tag) if isinstance(tag, str) else tag for tag in out["tags"]]
    return out
