"""How far each language has got: for the Languages page (docs/languages.md calls {{ languages_table() }})."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from lumbar.i18n.load import load_language
from lumbar.i18n.pages import TRANSLATED_PAGE
from lumbar.i18n.scaffold import files
from lumbar.i18n.ui import codes, load_ui


def coverage(data: Path, docs: Path) -> list[dict]:
    """Per language other than English: data files and hand-written pages translated, review status, stale files."""
    total = len(files(data))
    pages = sorted(p for p in docs.rglob("*.md") if not TRANSLATED_PAGE.search(p.name))
    out = []
    for code in codes()[1:]:
        folder = data / "i18n" / code
        lang = load_language(data, code) if folder.is_dir() else None
        status = Counter(t.status for t in lang.files.values()) if lang else Counter()
        out.append(
            {
                "code": code,
                "name": load_ui(code).site["language_name"],
                "files": len(lang.files) if lang else 0,
                "total": total,
                "machine": status["machine"],
                "translated": status["translated"],
                "reviewed": status["reviewed"],
                "stale": len(lang.stale()) if lang else 0,
                "pages": sum(1 for p in pages if p.with_name(f"{p.stem}.{code}.md").is_file()),
                "pages_total": len(pages),
            }
        )
    return out
