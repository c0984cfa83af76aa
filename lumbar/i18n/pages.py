"""A language's pages: the translated hand-written page beside the English one (about.es.md), or the English with
a "not yet translated" line; and on a generated page, a line when its translation is missing, may be out of date,
or has not yet been reviewed by a clinician."""

from __future__ import annotations

import re

from markupsafe import escape

from lumbar.i18n.load import Language
from lumbar.i18n.ui import UI

TRANSLATED_PAGE = re.compile(r"\.[a-z]{2}(-[a-z]{2,4})?\.md$")
_FRONT = re.compile(r"\A---\r?\n.*?\r?\n---\r?\n", re.S)
_H1 = re.compile(r"^# .*$", re.M)


def pick_pages(docs: dict[str, bytes], code: str) -> dict[str, tuple[bytes, bool]]:
    """Every page and file of docs/ for this language: (content, whether it is in this language)."""
    out = {}
    for rel, raw in docs.items():
        if TRANSLATED_PAGE.search(rel):
            continue
        own = rel[:-3] + f".{code}.md" if rel.endswith(".md") else None
        if code != "en" and own in docs:
            out[rel] = (docs[own], True)
        else:
            out[rel] = (raw, code == "en" or not rel.endswith(".md"))
    return out


def notice(kind: str, text: str) -> str:
    return f'<p class="lh-i18n lh-i18n-{kind}" data-search-exclude>{escape(text)}</p>'


def with_notices(markdown: str, lines: list[str]) -> str:
    """The page with these lines under its title (or at its top when it has none)."""
    if not lines:
        return markdown
    block = "\n".join(lines) + "\n"
    h1 = _H1.search(markdown)
    if h1:
        return markdown[: h1.end()] + "\n\n" + block + markdown[h1.end() :]
    front = _FRONT.match(markdown)
    at = front.end() if front else 0
    return markdown[:at] + "\n" + block + "\n" + markdown[at:]


def item_notices(language: Language | None, ui: UI, rel: str) -> list[str]:
    """The lines a generated page gets for the translation of its data file (rel: 'exercises/cat.yaml')."""
    if language is None:
        return []
    t = language.files.get(rel)
    if t is None:
        return [notice("missing", ui.site["not_translated"])]
    lines = [notice("stale", ui.site["out_of_date"])] if t.stale else []
    if t.status == "machine":
        lines.append(notice("machine", ui.site["not_reviewed"]))
    return lines


def page_notices(translated: bool, ui: UI) -> list[str]:
    return [] if translated else [notice("missing", ui.site["not_translated"])]
