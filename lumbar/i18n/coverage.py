"""How far each language has got: for the Languages page (docs/languages.md calls {{ languages_table() }})."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from lumbar.i18n.pages import TRANSLATED_PAGE, stale_pages
from lumbar.i18n.scaffold import english, english_text, files
from lumbar.i18n.text import fingerprint
from lumbar.i18n.ui import codes, load_ui

# The header is all the page needs (the build checks each file in full when it builds that language).
HEADER = re.compile(r'^translation:\n  from: "?([0-9a-f]{12})"?\n  status: (\w+)', re.M)


def coverage(data: Path, docs: Path, hb=None) -> list[dict]:
    """Per language other than English: data files and hand-written pages translated, review status, stale files;
    with `hb` (the handbook loaded from `data`), the English text comes from the files it read."""
    rels = files(data)
    total = len(rels)
    english_prints: dict = {}  # each English file read once, whatever the number of languages
    pages = sorted(p for p in docs.rglob("*.md") if not TRANSLATED_PAGE.search(p.name))
    out = []
    for code in codes()[1:]:
        folder = data / "i18n" / code
        status, stale = Counter(), 0
        for rel in rels:
            path = folder / rel
            header = HEADER.search(path.read_text(encoding="utf-8")) if path.is_file() else None
            if header:
                status[header.group(2)] += 1
                if rel not in english_prints:
                    english_prints[rel] = fingerprint(_english(data, rel, hb))
                stale += header.group(1) != english_prints[rel]
        out.append(
            {
                "code": code,
                "name": load_ui(code).site["language_name"],
                "files": sum(status.values()),
                "total": total,
                "machine": status["machine"],
                "edited": status["edited"],
                "translated": status["translated"],
                "reviewed": status["reviewed"],
                "stale": stale + len(stale_pages(docs, code)),
                "pages": sum(1 for p in pages if p.with_name(f"{p.stem}.{code}.md").is_file()),
                "pages_total": len(pages),
            }
        )
    return out


def _english(data: Path, rel: str, hb) -> dict:
    kind, _, name = rel.rpartition("/")
    doc = hb.docs.get((kind or "shared", name.removesuffix(".yaml") if kind else name)) if hb is not None else None
    return english_text(rel, doc.value) if doc is not None else english(data, rel)
