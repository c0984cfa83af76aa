"""What a built site weighs: pages, the search index, each page with what it loads (gzip)."""

from __future__ import annotations

import json
import re
import statistics
from dataclasses import dataclass
from pathlib import Path

from lumbar.bench.runs import gz


def page_count(site: Path) -> int:
    sitemap = site / "sitemap.xml"
    if sitemap.exists():
        return sitemap.read_text(encoding="utf-8").count("<loc>")
    return sum(1 for _ in site.rglob("index.html"))


def search_index(site: Path) -> tuple[int, int, int]:
    """Bytes and gzip bytes of the search index, and how many entries (pages and sections) it holds."""
    path = site / "search" / "search_index.json"
    if not path.exists():
        return 0, 0, 0
    data = path.read_bytes()
    return len(data), gz(data), len(json.loads(data).get("docs", []))


_REF = re.compile(r"""<(?:link[^>]*\brel="?stylesheet"?[^>]*\bhref|script[^>]*\bsrc|img[^>]*\bsrc)="([^"]+)\"""")
_WORKER = re.compile(r'"search":\s*"([^"]+)"')
LAZY_MARK = "lazy-search"


@dataclass
class Weight:
    page: str
    html: int
    assets: int  # CSS, JS and images the page loads
    search: int  # the search worker and index
    eager_search: bool  # loaded with the page (else only once the reader uses the search box)
    lang: str = "en"  # the language of the page: "es" under es/ (a site of its own, its own index), else "en"

    @property
    def loaded(self) -> int:
        """What a reader who never searches downloads (gzip bytes)."""
        return self.html + self.assets + (self.search if self.eager_search else 0)

    @property
    def with_index(self) -> int:
        return self.html + self.assets + self.search


LIMIT = 120 * 1024  # every page, gzipped, with what it loads before the reader searches


def page_weights(site: Path) -> list[Weight]:
    """Every page's gzip weight with the CSS, JS and images it loads, and with the search worker and index of
    its language (a page under es/ loads es/search/ and es/assets/: each language is a site of its own)."""
    cache: dict[Path, int] = {}
    others = {d.name for d in site.iterdir() if d.is_dir() and (d / "search" / "search_index.json").is_file()}
    index = {"en": search_index(site)[1], **{code: search_index(site / code)[1] for code in others}}
    out = []

    def weight(target: Path) -> int:
        if target not in cache:
            cache[target] = gz(target.read_bytes()) if target.is_file() else 0
        return cache[target]

    def local(folder: Path, ref: str) -> Path | None:
        if "://" in ref or ref.startswith(("data:", "//")):
            return None
        return (folder / ref.split("#")[0].split("?")[0]).resolve()

    for html_path in sorted(site.rglob("*.html")):
        html = html_path.read_text(encoding="utf-8")
        assets = sum(weight(t) for t in {local(html_path.parent, ref) for ref in _REF.findall(html)} - {None})
        rel = html_path.relative_to(site).as_posix()
        lang = rel.split("/", 1)[0] if rel.split("/", 1)[0] in others else "en"
        # The worker's address in Material's config is relative to the site's base, not to the page.
        workers = (site if lang == "en" else site / lang) / "assets" / "javascripts" / "workers"
        worker = sum(weight(workers / ref.rsplit("/", 1)[-1]) for ref in set(_WORKER.findall(html)))
        out.append(Weight(rel, gz(html.encode("utf-8")), assets, index[lang] + worker, LAZY_MARK not in html, lang))
    return out


def weights_by_language(weights: list[Weight], limit: int = LIMIT) -> dict[str, dict]:
    """Per language (English first): its pages, how many weigh over the limit before a search, the median
    and the heaviest page."""
    out = {}
    for lang in sorted({w.lang for w in weights}, key=lambda code: (code != "en", code)):
        mine = [w for w in weights if w.lang == lang]
        heaviest = max(mine, key=lambda w: w.loaded)
        out[lang] = {
            "pages": len(mine),
            "over_120kb": sum(w.loaded > limit for w in mine),
            "median": statistics.median(w.loaded for w in mine),
            "heaviest": [heaviest.page, heaviest.loaded],
        }
    return out


def language_weights_line(label: str, site: Path) -> tuple[str, dict]:
    """The weight table's line for a three-language site: pages over the limit in each language."""
    by = weights_by_language(page_weights(site))
    parts = [
        f"{code} {v['over_120kb']} of {v['pages']} (median {v['median'] / 1024:.0f} KB, heaviest "
        f"{v['heaviest'][0]} {v['heaviest'][1] / 1024:.0f} KB)"
        for code, v in by.items()
    ]
    return f"  {label:>5}, every language: over 120 KB: " + "; ".join(parts), by


# --- Search latency in headless Chromium ----------------------------------------------------------
