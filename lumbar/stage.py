"""`python -m lumbar stage DIR`: the data and docs/ in, the whole site source out.

DIR gets the hand-written pages (their template code checked; the generator's macros plugin renders them with
macros.py), a Markdown page with front matter for
every exercise, routine and condition (drawings inline), the gallery's other pages, the JavaScript
(lumbar/web/js) and the open data (api/). The site generator only builds DIR. A file is written only
when its content changed, and files no longer produced are removed, so `mkdocs serve --dirty` rebuilds
only what changed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from lumbar import builder, export, session
from lumbar.config import site_config
from lumbar.content.gallery import gallery_pages
from lumbar.content.handwritten import PageEnv, page_url, read_pages, staged_page
from lumbar.content.page_functions import Build, Site
from lumbar.handbook import Handbook
from lumbar.i18n.load import Language, load_language, translated
from lumbar.i18n.pages import item_notices, page_notices, pick_pages, with_notices
from lumbar.i18n.search_names import load_search_names
from lumbar.i18n.terms import term_problems
from lumbar.i18n.ui import FOLDER as UI_FOLDER
from lumbar.i18n.ui import load_ui
from lumbar.load import load_handbook
from lumbar.loader import DataError
from lumbar.render import Links, Renderer

ROOT = Path(__file__).resolve().parent.parent
JS = Path(__file__).parent / "web" / "js"
KINDS = ("exercises", "routines", "conditions")
# The JavaScript's place in the site: the service worker must sit at the root to serve every page.
JS_PLACES = {"sw.js": "sw.js"}
DRAWINGS = ".drawings"  # a folder in DIR, a file per drawing; MkDocs publishes nothing whose name starts with a dot
# The files the stage's own code wrote (not copied from docs/), by path with their SHA-256: what the runnable check
# (lumbar/web/runnable.py) accepts besides the scripts the handbook ships as files.
WRITTEN = ".written.json"


@dataclass(frozen=True)
class Options:
    data: Path = ROOT / "data"
    docs: Path = ROOT / "docs"
    site_url: str = ""
    repository: str = ""
    directory_urls: bool = True
    offline_copy: bool = False
    lang: str = "en"  # a language with a catalogue in lumbar/i18n/ui/ and translations in data/i18n/<lang>/
    # Drawings in the pages (make serve, Zensical), or placeholders that postbuild fills from DRAWINGS (make build):
    # Markdown and the search plugin then never read the 40 KB of SVG a page carries.
    inline_drawings: bool = True


class DrawingFolder:
    """The drawings of a build, written to DIR/.drawings/ as they are drawn (a file each, named by a hash of
    its content), so the stage never holds them all: at 5,000 exercises they are 400 MB."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.keys: set[str] = set()

    def __setitem__(self, key: str, drawn: bytes) -> None:
        path = self.folder / f"{key}.html"
        if key not in self.keys and not path.is_file():  # the same name is the same content
            self.folder.mkdir(parents=True, exist_ok=True)
            path.write_bytes(drawn)
        self.keys.add(key)


def renderer_for(hb: Handbook, opts: Options, drawings: DrawingFolder | dict | None = None) -> Renderer:
    from lumbar import figures_hook

    renderer = Renderer(hb, site_url=opts.site_url, repo=opts.repository, ui=load_ui(opts.lang))
    figures_hook.register(renderer, None if opts.inline_drawings else drawings)
    return renderer


_LAST: list = []  # [(options, build)]: the variant staged or built last; one at a time, so memory holds one handbook


def register(opts: Options, build: Build) -> None:
    _LAST[:] = [(opts, build)]


def staged() -> Options | None:
    """The variant staged last in this process, if any."""
    return _LAST[0][0] if _LAST else None


def build_for(opts: Options) -> Build:
    """The build macros.py serves for a variant: the one the stage made for it in this process, or a new one."""
    if not _LAST or _LAST[0][0] != opts:
        register(opts, make_build(opts))
    return _LAST[0][1]


def make_build(opts: Options, drawings: DrawingFolder | dict | None = None) -> Build:
    """The build a variant makes: its handbook (checked, translated), renderer and site."""
    hb, _ = handbook_for(opts)
    return _build(hb, opts, drawings if drawings is not None else {})


def _build(hb: Handbook, opts: Options, drawings: DrawingFolder | dict) -> Build:
    has_session = (opts.docs / "session.md").is_file()
    site = Site(
        opts.site_url,
        opts.repository,
        opts.directory_urls,
        opts.offline_copy,
        has_session,
        opts.lang,
        opts.data,
        opts.docs,
    )
    return Build(renderer_for(hb, opts, drawings), site)


def site_files(
    hb: Handbook, opts: Options, language: Language | None = None, drawings: DrawingFolder | None = None
) -> dict[str, bytes | None]:
    """Every file of the site source by its path in DIR (None: written already, a drawing); for another
    language, hb is already translated (lumbar.i18n.load.translated) and `language` says what each
    translation's status is. The build it makes is the one macros.py serves this variant (variant.register)."""
    build = _build(hb, opts, drawings if drawings is not None else {})
    register(opts, build)
    renderer, site = build.renderer, build.site
    ui = renderer.ui
    dirs = opts.directory_urls
    docs = read_pages(opts.docs)
    names = PageEnv(opts)
    out: dict[str, bytes] = {}
    for rel, (raw, own, stale) in pick_pages(docs, opts.lang).items():
        if rel.endswith(".md"):
            name = f"docs/{rel[:-3]}.{opts.lang}.md" if own and opts.lang != "en" else f"docs/{rel}"
            text = staged_page(name, raw.decode("utf-8"), names, page_notices(own, ui, stale), build)
            out[rel] = text.encode("utf-8")
        else:
            out[rel] = raw
    from_docs = dict(out)  # the files after these are the stage's own (one may replace a file of docs/)
    pages: dict[str, str] = {}
    for kind in KINDS:
        if f"{kind}/index.md" not in docs:
            pages[f"{kind}/index.md"] = renderer.index_page(kind, dirs)
        for item_id in hb.kind(kind):
            page = renderer.item_page(kind, item_id, dirs)
            pages[f"{kind}/{item_id}.md"] = with_notices(page, item_notices(language, ui, f"{kind}/{item_id}.yaml"))
    if "gallery.md" in docs:
        pages.update(gallery_pages(renderer, dirs))
    out.update({rel: text.encode("utf-8") for rel, text in pages.items()})
    for path in sorted(JS.rglob("*.js")):
        rel = path.relative_to(JS).as_posix()
        out[JS_PLACES.get(rel, f"assets/javascripts/{rel}")] = path.read_bytes()
    for path in sorted(JS.rglob("*.txt")):  # licences of the vendored scripts
        out[f"assets/javascripts/{path.relative_to(JS).as_posix()}"] = path.read_bytes()
    out["api/handbook.json"] = _json(export.as_dict(hb, opts.site_url))
    out.update(builder.files(hb))
    if site.has_session and not opts.offline_copy:  # the offline copy's player has its data in the page
        out.update(session.files(hb, Links.for_url(page_url("session.md", dirs), dirs)))
    own = {rel: c for rel, c in out.items() if rel not in from_docs or c is not from_docs[rel]}
    out[WRITTEN] = _json({rel: hashlib.sha256(c).hexdigest() for rel, c in sorted(own.items())})
    kept = renderer.extras.get("drawings")
    if isinstance(kept, DrawingFolder):  # written already
        out.update({f"{DRAWINGS}/{key}.html": None for key in kept.keys})
    elif kept:
        out.update({f"{DRAWINGS}/{key}.html": drawn for key, drawn in kept.items()})
    return out


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def written(stage_dir: Path) -> dict[str, str]:
    """The stage's record of the files its own code wrote into stage_dir ({} when there is none)."""
    path = stage_dir / WRITTEN
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def write(out: Path, files: dict[str, bytes | None]) -> list[str]:
    """Write what changed, remove what is no longer produced; returns the paths written or removed."""
    changed = []
    for rel, content in files.items():
        path = out / rel
        if content is None or (path.is_file() and path.read_bytes() == content):
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        changed.append(rel)
    if out.is_dir():
        for path in sorted(out.rglob("*"), reverse=True):
            rel = path.relative_to(out).as_posix()
            if path.is_file() and rel not in files:
                path.unlink()
                changed.append(rel)
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return changed


def handbook_for(opts: Options) -> tuple[Handbook, Language | None]:
    """The variant's handbook, loaded and checked (DataError lists every problem), in its language."""
    hb = load_handbook(opts.data)
    if opts.lang == "en":
        return hb, None
    language = load_language(opts.data, opts.lang) if (opts.data / "i18n" / opts.lang).is_dir() else None
    problems = term_problems(opts.data, opts.lang, opts.docs, UI_FOLDER / f"{opts.lang}.yaml")
    if problems:
        raise DataError(problems)
    load_search_names(opts.data, opts.lang, {kind: set(hb.kind(kind)) for kind in KINDS})  # its ids exist
    return (translated(hb, language) if language is not None else hb), language or Language(opts.lang)


def stage(out: Path, opts: Options) -> list[str]:
    """Load and check the data (DataError lists every problem), then write the site source into out."""
    hb, language = handbook_for(opts)
    return write(out, site_files(hb, opts, language, DrawingFolder(out / DRAWINGS)))


def options_from_config(config_file: Path = ROOT / "mkdocs.yml", **changes) -> Options:
    """The site's address and repository as mkdocs.yml gives them."""
    raw = site_config(config_file)
    extra = raw.get("extra") or {}
    base = config_file.parent
    found = {
        "data": base / extra.get("data_dir", "data"),
        "docs": base / extra.get("pages_dir", "docs"),
        "site_url": raw.get("site_url") or "",
        "repository": extra.get("repository", ""),
    }
    opts = Options(**{**found, **changes})
    if opts.lang != "en" and opts.site_url and "site_url" not in changes:
        opts = replace(opts, site_url=f"{opts.site_url}{opts.lang}/")  # another language lives under /<lang>/
    return opts


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m lumbar stage", description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the folder to write the site source into (mkdocs.yml's docs_dir)")
    parser.add_argument("--data", type=Path, help="the data folder (default: mkdocs.yml's extra.data_dir)")
    parser.add_argument("--docs", type=Path, help="the hand-written pages (default: mkdocs.yml's extra.pages_dir)")
    parser.add_argument("--html-urls", action="store_true", help="links to .html files (the offline copy)")
    parser.add_argument("--offline-copy", action="store_true", help="the pages of the offline copy")
    parser.add_argument("--lang", default="en", help="the language to stage (default en)")
    args = parser.parse_args(argv)
    from lumbar.loader import DataError

    changes = {"directory_urls": not args.html_urls, "offline_copy": args.offline_copy, "lang": args.lang}
    changes.update({k: v for k, v in (("data", args.data), ("docs", args.docs)) if v})
    try:
        changed = stage(args.out, options_from_config(**changes))
    except DataError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        print(f"{len(err.problems)} problem(s); nothing was staged.", file=sys.stderr)
        return 1
    print(f"staged {args.out}: {len(changed)} file(s) changed")
    return 0
