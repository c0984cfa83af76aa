"""A language's pages: the translated hand-written page beside the English one (about.es.md), or the English with
a "not yet translated" line; and on a generated page, a line when its translation is missing, may be out of date,
or has not yet been reviewed by a clinician."""

from __future__ import annotations

import hashlib
import re

from markupsafe import escape

from lumbar.i18n.load import Language
from lumbar.i18n.ui import UI

TRANSLATED_PAGE = re.compile(r"\.[a-z]{2}(-[a-z]{2,4})?\.md$")
_FRONT = re.compile(r"\A---\r?\n.*?\r?\n---\r?\n", re.S)
_H1 = re.compile(r"^# .*$", re.M)


MADE_FROM = re.compile(r"^translated_from: \"?([0-9a-f]{12})\"?(\s+#.*)?$", re.M)


def page_fingerprint(raw: bytes) -> str:
    """The fingerprint of an English page's text (its body: a change to the front matter alone does not count)."""
    text = raw.decode("utf-8")
    front = _FRONT.match(text)
    return hashlib.sha256(text[front.end() if front else 0 :].encode("utf-8")).hexdigest()[:12]


def page_is_stale(english: bytes, translation: bytes) -> bool:
    """A translated page records `translated_from:` (the English page's fingerprint) in its front matter."""
    front = _FRONT.match(translation.decode("utf-8"))
    made = MADE_FROM.search(front.group(0)) if front else None
    return made is None or made.group(1) != page_fingerprint(english)


def pick_pages(docs: dict[str, bytes], code: str) -> dict[str, tuple[bytes, bool, bool]]:
    """Every page and file of docs/ for this language: (content, in this language, may be out of date)."""
    out = {}
    for rel, raw in docs.items():
        if TRANSLATED_PAGE.search(rel):
            continue
        own = rel[:-3] + f".{code}.md" if rel.endswith(".md") else None
        if code != "en" and own in docs:
            out[rel] = (docs[own], True, page_is_stale(raw, docs[own]))
        else:
            out[rel] = (raw, code == "en" or not rel.endswith(".md"), False)
    return out


def stale_pages(docs_dir, code: str) -> list[str]:
    """The translated pages of one language whose English page changed since (for `make check`)."""
    docs = {p.relative_to(docs_dir).as_posix(): p.read_bytes() for p in sorted(docs_dir.rglob("*.md"))}
    return sorted(
        f"docs/{rel[:-3]}.{code}.md" for rel, (_, own, stale) in pick_pages(docs, code).items() if own and stale
    )


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
    if t.status in ("machine", "edited"):
        lines.append(notice("machine", ui.site["edited_not_reviewed" if t.status == "edited" else "not_reviewed"]))
    return lines


def page_notices(translated: bool, ui: UI, stale: bool = False) -> list[str]:
    if not translated:
        return [notice("missing", ui.site["not_translated"])]
    return [notice("stale", ui.site["out_of_date"])] if stale else []
