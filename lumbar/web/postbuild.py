"""`python -m lumbar postbuild SITE`: the passes over the built site, none tied to the generator's events.

0. 404.html works at any address and opens a language's own 404 page for an address under its folder
   (lumbar/web/not_found.py).
1. Each page, read and written once: each drawing's placeholder the stage wrote gets its drawing back, from
   DIR/.drawings/ (lumbar/figures_hook.py), then its Content-Security-Policy gets the hashes of the theme's inline
   scripts (lumbar/web/csp.py).
2. Search: each condition and exercise page's entry in search/search_index.json gets a `names` field (synonyms,
   misspellings, other names, from api/handbook.json; a language's transliterations), weighted like a title.
3. The service worker: sw.js gets the list of files it keeps at install (the styles and scripts of the home page,
   the session player and the diary, with the modules they import).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

from lumbar.web.csp import add_hashes
from lumbar.web.runnable import foreign

SITEMAP_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
SW_LIST = "const ASSETS = [];"  # in lumbar/web/js/sw.js: replaced by the list written here


OFFLINE_INDEX = "var __index = "  # the offline copy's search/search_index.js (Material's offline plugin)


def search_names(site: Path, extra: dict | None = None) -> None:
    """Each page's other names into the search index (and into the offline copy's script of it)."""
    index_path, data_path = site / "search" / "search_index.json", site / "api" / "handbook.json"
    if not index_path.is_file() or not data_path.is_file():
        return
    data = json.loads(data_path.read_text(encoding="utf-8"))
    first = data["conditions"][0]["id"] if data["conditions"] else ""
    url = "{}/{}/" if (site / "conditions" / first / "index.html").is_file() else "{}/{}.html"
    names = {url.format("conditions", c["id"]): [*c["synonyms"], *c["misspellings"]] for c in data["conditions"]}
    names.update({url.format("exercises", e["id"]): e["other_names"] for e in data["exercises"] if e["other_names"]})
    for kind, entries in (extra or {}).items():  # a language's own: transliterations (lumbar/i18n/search_names.py)
        for item_id, more in entries.items():
            names[url.format(kind, item_id)] = [*names.get(url.format(kind, item_id), []), *more]
    index = json.loads(index_path.read_text(encoding="utf-8"))
    for doc in index["docs"]:
        if doc["location"] in names:
            doc["names"] = names[doc["location"]]
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    script = site / "search" / "search_index.js"
    if script.is_file() and script.read_text(encoding="utf-8").startswith(OFFLINE_INDEX):
        script.write_text(OFFLINE_INDEX + json.dumps(index, separators=(",", ":")), encoding="utf-8")


class _Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        ref = (
            a.get("src")
            if tag == "script"
            else a.get("href")
            if tag == "link" and a.get("rel") == "stylesheet"
            else None
        )
        if ref and "://" not in ref and ref not in self.found:
            self.found.append(ref)


# Kept at install besides the home page's files: the pages whose scripts must run offline once the site was
# visited (the session player and the diary), with every module their scripts import.
SW_PAGES = ("index.html", "session/index.html", "diary/index.html", "offline/index.html")
_IMPORT = re.compile(r"""^import\s*\{[^}]*\}\s*from\s*["'](\.{1,2}/[^"']+)["'];?\s*$""", re.M)


def _with_imports(site: Path, assets: list[str]) -> list[str]:
    """The assets, each script followed by the modules it imports (and theirs), each once."""
    out: list[str] = []

    def add(path: str) -> None:
        if path in out:
            return
        out.append(path)
        file = site / path
        if path.endswith(".js") and file.is_file():
            for dep in _IMPORT.findall(file.read_text(encoding="utf-8")):
                add(urljoin(f"https://x.invalid/{path}", dep).removeprefix("https://x.invalid/"))

    for path in assets:
        add(path)
    return out


def search_files(site: Path) -> list[str]:
    """What search needs with no signal: the index, Material's worker and ours, and the word-stem rules of the
    index's languages (lunr's, which Material's worker loads for a language other than English)."""
    index = site / "search" / "search_index.json"
    if not index.is_file():
        return []
    langs = [code for code in json.loads(index.read_text(encoding="utf-8"))["config"]["lang"] if code != "en"]
    lunr = ["stemmer.support", *(["multi"] if len(langs) > 1 else []), *langs]
    files = [f"assets/javascripts/lunr/min/lunr.{name}.min.js" for name in lunr]
    workers = sorted(p.relative_to(site).as_posix() for p in (site / "assets/javascripts/workers").glob("*.js"))
    return ["search/search_index.json", *workers, *(f for f in files if langs and (site / f).is_file())]


def service_worker(site: Path) -> None:
    sw, home = site / "sw.js", site / "index.html"
    if not sw.is_file() or not home.is_file():
        return
    assets = []
    for page in (p for p in SW_PAGES if (site / p).is_file()):
        parser = _Assets()
        parser.feed((site / page).read_text(encoding="utf-8"))
        base = f"https://x.invalid/{page}"
        assets += [urljoin(base, ref).removeprefix("https://x.invalid/") for ref in parser.found]
    assets = _with_imports(site, list(dict.fromkeys(assets))) + search_files(site)
    text = sw.read_text(encoding="utf-8")
    if SW_LIST not in text:
        raise SystemExit(f"{sw}: no '{SW_LIST}' line to write the list into")
    sw.write_text(text.replace(SW_LIST, f"const ASSETS = {json.dumps(assets)};"), encoding="utf-8")


DRAWING = re.compile(r'<div data-lumbar-drawing="([0-9a-f]{16})"></div>')


def pages_pass(site: Path, drawings: Path | None = None, hashes: bool = True) -> list[str]:
    """Each page read and written once: its drawings' placeholders replaced by the drawings (the stage kept each
    in DIR/.drawings/<key>.html), then its policy given the hashes of its inline scripts."""
    problems: list[str] = []
    missing: list[str] = []

    def drawing(m: re.Match) -> str:
        path = drawings / f"{m.group(1)}.html"
        if not path.is_file():
            missing.append(m.group(1))
            return m.group(0)
        return path.read_text(encoding="utf-8")

    has_drawings = drawings is not None and drawings.is_dir()
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        out = DRAWING.sub(drawing, html) if has_drawings and "data-lumbar-drawing" in html else html
        if hashes:
            out, found = add_hashes(out, path.relative_to(site).as_posix())
            problems += found
        if out != html:
            path.write_text(out, encoding="utf-8")
    return [f"no drawing {key} in {drawings}" for key in missing] + problems


def drawings_pass(site: Path, drawings: Path | None) -> list[str]:
    return pages_pass(site, drawings, hashes=False)


def csp_pass(site: Path) -> list[str]:
    """The policy's hashes alone (the offline copy: after its modules became classic scripts)."""
    return pages_pass(site)


def postbuild(
    site: Path,
    drawings: Path | None = None,
    names: dict | None = None,
    lang: str = "en",
    langs: tuple = (),
    written: dict | None = None,
) -> list[str]:
    """written: the stage's record of the files its code wrote (lumbar/stage.py), which the runnable check accepts."""
    from lumbar.web.not_found import not_found

    found = not_found(site, lang, list(langs))  # before the policies get their hashes
    problems = foreign(site, written)  # before sw.js gets its list: it is compared with the file the handbook ships
    problems += [found] if found else []
    problems += pages_pass(site, drawings)
    search_names(site, names)
    service_worker(site)
    return problems


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m lumbar postbuild", description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site (site/)")
    parser.add_argument("--drawings", type=Path, help="the stage's .drawings folder, when drawings are placeholders")
    args = parser.parse_args(argv)
    problems = postbuild(args.site, args.drawings)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


def alternate_sitemaps(site: Path, codes: tuple[str, ...], root: str) -> None:
    """Each address in each language's sitemap.xml gets its hreflang alternates (xhtml:link); root is the
    English site's address, the others are under root/<code>/."""
    if len(codes) < 2 or not root:
        return
    prefixes = {c: "" if c == "en" else f"{c}/" for c in codes}
    for code in codes:
        path = site / prefixes[code] / "sitemap.xml"
        if not path.is_file():
            continue

        def links(m: re.Match, code: str = code) -> str:
            page = m.group(1).removeprefix(root).removeprefix(prefixes[code])
            alts = [(c, f"{root}{prefixes[c]}{page}") for c in codes] + [("x-default", f"{root}{page}")]
            return m.group(0) + "".join(f'<xhtml:link rel="alternate" hreflang="{c}" href="{u}"/>' for c, u in alts)

        text = re.sub(r"<loc>(.*?)</loc>", links, path.read_text(encoding="utf-8"))
        text = text.replace(SITEMAP_NS, SITEMAP_NS + ' xmlns:xhtml="http://www.w3.org/1999/xhtml"', 1)
        path.write_text(text, encoding="utf-8")
        (site / prefixes[code] / "sitemap.xml.gz").unlink(missing_ok=True)  # MkDocs' copy, without the alternates
