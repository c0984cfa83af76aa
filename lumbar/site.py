"""The MkDocs side: load the data before anything is written, add a page per item, write the open data.

mkdocs.yml names lumbar/hooks.py, which forwards MkDocs events here.
"""

from __future__ import annotations

import copy
import functools
import logging
import os
import re
import sys
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from lumbar import builder, export
from lumbar.handbook import Handbook, load_handbook
from lumbar.loader import DataError
from lumbar.render import Renderer, _bytecode_cache

log = logging.getLogger("mkdocs.lumbar")

KINDS = ("exercises", "routines", "conditions")


class State:
    handbook: Handbook | None = None
    renderer: Renderer | None = None
    edit_urls: dict[str, str] = {}
    drawings: dict = {}  # the real drawing functions behind the placeholders (see _figures_after_markdown)


state = State()


def repo_url(config) -> str:
    return (config.extra or {}).get("repository", "")


def load(config) -> Renderer:
    """Load and check the data; stop the build with every problem listed and no traceback."""
    data_dir = os.environ.get("LUMBAR_DATA") or (config.extra or {}).get("data_dir", "data")
    data = Path(config.config_file_path).parent / data_dir
    try:
        hb = load_handbook(data)
    except DataError as err:
        lines = "\n".join(f"  {p}" for p in err.problems)
        raise Abort(
            f"The data has {len(err.problems)} problem(s); nothing was built, and site/ is unchanged:\n{lines}"
        ) from None
    state.handbook = hb
    state.renderer = Renderer(hb, site_url=config.site_url or "", repo=repo_url(config))
    from lumbar import figures_hook

    figures_hook.register(state.renderer)
    _figures_after_markdown(state.renderer, hb)
    return state.renderer


def on_config(config):
    load(config)
    if serving() and ServeSpeed.KEY not in config.plugins:
        config.plugins[ServeSpeed.KEY] = ServeSpeed()
    if FiguresAfterMarkdown.KEY not in config.plugins:
        config.plugins[FiguresAfterMarkdown.KEY] = FiguresAfterMarkdown()
    if any(name.split("/")[-1] == "search" for name in config.plugins) and LazySearch.KEY not in config.plugins:
        config.plugins[LazySearch.KEY] = LazySearch()  # registers its page events after the others
    return config


def on_files(files: Files, config) -> Files:
    r = state.renderer
    dirs = config.use_directory_urls
    state.edit_urls = {}
    for kind in KINDS:
        index = f"{kind}/index.md"
        if files.get_file_from_path(index) is None:
            files.append(File.generated(config, index, content=r.index_page(kind, dirs)))
        for item_id in r.hb.kind(kind):
            src = f"{kind}/{item_id}.md"
            content = r.item_page(kind, item_id, dirs)
            files.append(File.generated(config, src, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
            state.edit_urls[src] = r.edit_url(kind, item_id)
    _gallery_pages(files, config)
    return files


GALLERY_PAGE = 24  # drawings on a page of the gallery: it stays light however many exercises there are


def gallery_chunks(hb: Handbook) -> list[list[str]]:
    """The exercise ids on each page of the gallery (docs/gallery.md is page 1)."""
    ids = sorted(hb.exercises)
    return [ids[i : i + GALLERY_PAGE] for i in range(0, len(ids), GALLERY_PAGE)] or [[]]


def gallery_cards(ids: list[str], links) -> str:
    """The gallery's cards for these exercises, linked from a page with these `links` (lumbar.render.Links);
    each drawing is a placeholder filled after Markdown."""
    from types import SimpleNamespace

    from lumbar.figures import gallery_markdown

    hb = state.handbook
    exercises = [SimpleNamespace(id=i, title=hb.exercises[i].title, figures=hb.exercises[i].figures) for i in ids]
    return gallery_markdown(
        exercises, link=lambda ex_id: links.item("exercises", ex_id), figure=lambda ex: gallery_slot(ex.id)
    )


def _gallery_pages(files: Files, config) -> None:
    if files.get_file_from_path("gallery.md") is None:
        return
    chunks = gallery_chunks(state.handbook)
    dirs = config.use_directory_urls
    for n, ids in enumerate(chunks[1:], start=2):
        content = state.renderer.gallery_page(n, len(chunks), functools.partial(gallery_cards, ids), dirs)
        files.append(File.generated(config, f"gallery/{n}.md", content=content, inclusion=InclusionLevel.NOT_IN_NAV))


# Material writes a page's title, description and tags into its HTML as they are (MkDocs' theme environment
# does not autoescape): <meta content="{{ page.meta.description }}">, the header, the tags and the tags page,
# the search index. Front matter is text, so it is escaped once here, after the other plugins have read it and
# before the tags plugin collects the tags; Markup keeps the theme's own `| e` from escaping it twice.
_META_TEXT = ("title", "description")


def escape_meta(page) -> None:
    meta = page.meta
    for key in _META_TEXT:
        if isinstance(meta.get(key), str):
            meta[key] = escape(meta[key])
    if isinstance(meta.get("tags"), list):
        meta["tags"] = [escape(tag) if isinstance(tag, str) else tag for tag in meta["tags"]]
    # mkdocs-macros sets page.title itself when the title holds "{{" (then it no longer follows the meta)
    title = vars(page).get("title")
    if isinstance(title, str):
        page.title = escape(title)


@event_priority(-40)  # after mkdocs-macros; the tags plugin reads the tags at -50
def on_page_markdown(markdown: str, page, config, files) -> str:
    escape_meta(page)
    edit = state.edit_urls.get(page.file.src_uri)
    if edit:
        page.edit_url = edit
    return markdown


def on_post_build(config) -> None:
    export.write(state.handbook, Path(config.site_dir) / "api" / "handbook.json")
    builder.write(state.handbook, Path(config.site_dir))


# Material starts its search worker and fetches search/search_index.json as soon as any page loads (the
# worker is 12 KB gzip; the index 0.4 KB more per exercise), though most readers never search.
# lumbar/js/lazy-search.js, loaded before Material's bundle, holds both back until the reader reaches for
# the search box (focus, tap, the s / f / "/" keys, which focus it) or arrives from a search result (?h=,
# whose highlighting needs the index). It starts Material's worker inside lumbar/js/search-worker.js,
# which keeps each answer to the best sections, so a common word answers as fast as a rare one.
LAZY_SEARCH_PATH = "assets/javascripts/lazy-search.js"
SEARCH_WORKER_PATH = "assets/javascripts/workers/search-worker.js"  # next to Material's worker
_JS = Path(__file__).parent / "js"
_BUNDLE = re.compile(r'<script src="([^"]*?)assets/javascripts/bundle\.[0-9a-f]+\.min\.js"></script>')


class LazySearch:
    """Adds lumbar/js/lazy-search.js and search-worker.js to the site, and loads the first on every page
    just before Material's bundle."""

    KEY = "lumbar/lazy-search"

    def on_files(self, files: Files, config) -> Files:
        for path, name in ((LAZY_SEARCH_PATH, "lazy-search.js"), (SEARCH_WORKER_PATH, "search-worker.js")):
            if files.get_file_from_path(path) is None:
                files.append(File.generated(config, path, abs_src_path=str(_JS / name)))
        return files

    @staticmethod
    def add_script(html: str) -> str:
        if LAZY_SEARCH_PATH in html:
            return html
        return _BUNDLE.sub(
            lambda m: f'<script src="{m.group(1)}{LAZY_SEARCH_PATH}"></script>\n      {m.group(0)}', html, count=1
        )

    def on_post_page(self, output: str, page, config) -> str:
        return self.add_script(output)

    def on_post_template(self, output_content: str, template_name: str, config) -> str:
        return self.add_script(output_content) if template_name.endswith(".html") else output_content


# `make serve` rebuilds the whole site on every change. While serving (and only then), what a rebuild
# would redo identically is kept instead: Material's compiled templates (Jinja's bytecode cache, checked
# against each template's source); the HTML of every page whose Markdown, address, site files and
# Markdown settings are the same as at the last rebuild (a page whose rendering logged anything is
# rendered again every time, so its messages still show); and the search index entries of every page
# whose HTML, address, table of contents and search settings are the same; the list of the theme's
# static files. The site written is the same byte for byte. `mkdocs build` is not affected.
def serving() -> bool:
    return "serve" in sys.argv[1:3]


class ServeSpeed:
    KEY = "lumbar/serve-speed"

    def on_pre_build(self, config) -> None:
        _page_cache.enable()

    def on_env(self, env, config, files):
        env.bytecode_cache = env.bytecode_cache or _bytecode_cache()
        return env

    def on_post_build(self, config) -> None:
        _page_cache.enabled = False


class _PageCache:
    """Markdown -> HTML of each page, and its search index entries, from the last rebuild (see ServeSpeed)."""

    def __init__(self):
        self.enabled = False
        self.pages: dict[str, tuple] = {}  # src_uri -> (key, content, toc, title, anchors, links by src_uri)
        self.entries: dict[str, tuple] = {}  # src_uri -> (key, search index entries)
        self.original = None
        self.original_index = None
        self.original_theme_files = None
        self.theme: tuple | None = None  # (key, [(path, theme dir)]) of the theme's static files

    def enable(self) -> None:
        from mkdocs.structure import pages

        cache = self
        if self.original is None:
            self.original = pages.Page.render

            def render(page, config, files):
                if not cache.enabled:
                    return cache.original(page, config, files)
                return cache.render(page, config, files)

            pages.Page.render = render
        if self.original_theme_files is None:
            from mkdocs.structure.files import Files

            self.original_theme_files = Files.add_files_from_theme

            def add_files_from_theme(files, env, config):
                if not cache.enabled:
                    return cache.original_theme_files(files, env, config)
                return cache.theme_files(files, env, config)

            Files.add_files_from_theme = add_files_from_theme
        if self.original_index is None:
            try:
                from material.plugins.search.plugin import SearchIndex
            except ImportError:  # pragma: no cover - another theme
                SearchIndex = None
            if SearchIndex is not None:
                self.original_index = SearchIndex.add_entry_from_context

                def add_entry_from_context(index, page):
                    if not cache.enabled:
                        return cache.original_index(index, page)
                    return cache.index(index, page)

                SearchIndex.add_entry_from_context = add_entry_from_context
        self.enabled = True

    def theme_files(self, files, env, config) -> None:
        """The theme's static files: found by walking the theme folders (Material's has thousands of icons)
        again only when the names in a theme folder outside site-packages (overrides/) changed."""
        from mkdocs.structure.files import File

        dirs = tuple(config.theme.dirs)
        names = []
        for folder in dirs:
            if "site-packages" in Path(folder).parts:
                names.append((folder, os.stat(folder).st_mtime_ns))
            else:
                names.append(
                    (
                        folder,
                        tuple(sorted(os.path.join(root, name) for root, _, found in os.walk(folder) for name in found)),
                    )
                )
        key = (tuple(names), tuple(config.theme.static_templates))
        if self.theme is None or self.theme[0] != key:
            probe = type(files)([])
            self.original_theme_files(probe, env, config)
            self.theme = (key, [(f.src_uri, f.abs_src_path[: -len(f.src_uri)].rstrip("/")) for f in probe])
        for path, folder in self.theme[1]:
            if files.get_file_from_path(path) is None:
                files.append(File(path, folder, config.site_dir, config.use_directory_urls))

    @staticmethod
    def _toc_key(toc) -> tuple:
        return tuple((a.id, a.title, a.level, _PageCache._toc_key(a.children)) for a in toc)

    def index(self, index, page) -> None:
        """Material's search entries for a page, parsed from its HTML again only when what they come from changed."""
        meta = page.meta
        key = (
            page.content,
            page.url,
            page.title,
            self._toc_key(page.toc),
            repr(meta.get("title")),
            repr(meta.get("tags")),
            repr(meta.get("search")),
            repr(index.config),
        )
        hit = self.entries.get(page.file.src_uri)
        if hit is not None and hit[0] == key:
            index.entries.extend(copy.deepcopy(hit[1]))
            return
        start = len(index.entries)
        self.original_index(index, page)
        self.entries[page.file.src_uri] = (key, copy.deepcopy(index.entries[start:]))

    @staticmethod
    def _files_key(files) -> int:
        key = getattr(files, "_lumbar_key", None)
        if key is None:
            key = hash(tuple((f.src_uri, f.url, str(f.inclusion)) for f in files))
            files._lumbar_key = key
        return key

    def render(self, page, config, files) -> None:
        key = (
            page.markdown,
            page.url,
            self._files_key(files),
            config.use_directory_urls,
            repr(config["markdown_extensions"]),
            repr(config["mdx_configs"]),
            repr(config["validation"]),
        )
        hit = self.pages.get(page.file.src_uri)
        if hit is not None and hit[0] == key:
            _, page.content, toc, page._title_from_render, anchors, links = hit
            page.toc = copy.deepcopy(toc)  # plugins may change a page's toc (the tags plugin does)
            page.present_anchor_ids = set(anchors)
            if links is not None:
                page.links_to_anchors = {
                    files.get_file_from_path(uri): dict(a) for uri, a in links.items() if files.get_file_from_path(uri)
                }
            return
        logged = _Count()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(logged)
        try:
            self.original(page, config, files)
        finally:
            logger.removeHandler(logged)
        if logged.count:
            self.pages.pop(page.file.src_uri, None)
            return
        links = getattr(page, "links_to_anchors", None)
        self.pages[page.file.src_uri] = (
            key,
            page.content,
            copy.deepcopy(page.toc),
            page._title_from_render,
            frozenset(page.present_anchor_ids or ()),
            None if links is None else {f.src_uri: dict(a) for f, a in links.items()},
        )


class _Count(logging.Handler):
    def __init__(self):
        super().__init__(logging.INFO)
        self.count = 0

    def emit(self, record) -> None:
        self.count += 1


_page_cache = _PageCache()


_DRAWINGS: dict[tuple, str] = {}  # while serving: (kind, id, title, figures) -> HTML, kept between rebuilds


# An exercise's drawings are about 40 KB of SVG, nine tenths of its page, and a routine sheet's thumbnails
# half of its page. Python-Markdown parses raw HTML slowly, MkDocs parses it again for anchors, and the
# search plugin parses every page's HTML once more though it indexes nothing of a drawing. So generated
# pages and the gallery carry a small placeholder for each drawing: the ids the drawing will have are
# added to the page's anchors right after Markdown, and the drawing goes in after the search plugin has
# read the page, just before the theme's template writes it. The HTML written is the same byte for byte.
_SLOTS = {"figures": "div", "thumbnail": "span"}  # renderer.extras entries drawn later
_SLOT = re.compile(r'<(?:div|span) data-lumbar-(figures|thumbnail|gallery)="([a-z0-9-]+)"></(?:div|span)>')


def _figure_ids(ex_id: str, ex) -> list[str]:
    from lumbar.figures import figure_ids

    return figure_ids(ex.figures, ex.title)


def _gallery_ids(ex_id: str, ex) -> list[str]:
    from lumbar.figures import figure_ids, gallery_uid

    return figure_ids(ex.figures, ex.title, uid=gallery_uid(ex_id))


# what each drawing's ids are
_IDS = {"figures": _figure_ids, "thumbnail": lambda ex_id, ex: [], "gallery": _gallery_ids}


def _figures_after_markdown(renderer, hb: Handbook) -> None:
    ids = {id(ex): ex_id for ex_id, ex in hb.exercises.items()}
    state.drawings = {}
    for name, tag in _SLOTS.items():
        draw = renderer.extras.get(name)
        if draw is None:
            continue

        def slot(exercise, _draw=draw, _name=name, _tag=tag):
            ex_id = ids.get(id(exercise))
            if ex_id is None or not getattr(exercise, "figures", None):
                return _draw(exercise)
            return Markup(f'<{_tag} data-lumbar-{_name}="{escape(ex_id)}"></{_tag}>')

        state.drawings[name] = _drawer(name, lambda ex_id, ex, _draw=draw: _draw(ex), hb)
        renderer.extras[name] = slot
    state.drawings["gallery"] = _drawer("gallery", _gallery_figure, hb)


def _gallery_figure(ex_id: str, exercise) -> str:
    from lumbar.figures import gallery_uid, render_figures

    return render_figures(exercise.figures, exercise.title, uid=gallery_uid(ex_id), animate=False)


def gallery_slot(ex_id: str) -> str:
    """The placeholder of an exercise's drawings on the gallery page (see above)."""
    return f'<div data-lumbar-gallery="{escape(ex_id)}"></div>'


def _drawer(name: str, draw, hb: Handbook):
    """draw(id, exercise) for an exercise id; while serving, drawn again only when the exercise's title or
    figures change (a drawing is a pure function of them, about 3 ms)."""
    if not serving():
        return lambda ex_id: str(draw(ex_id, hb.exercises[ex_id]))

    def kept(ex_id: str) -> str:
        ex = hb.exercises[ex_id]
        key = (name, ex_id, ex.title, ex.figures.model_dump_json() if ex.figures else "")
        out = _DRAWINGS.get(key)
        if out is None:
            if len(_DRAWINGS) > 50_000:
                _DRAWINGS.clear()
            out = _DRAWINGS[key] = str(draw(ex_id, ex))
        return out

    return kept


def drawing_anchors(text: str, found_ids: set) -> None:
    """Add to found_ids the ids that the drawings of the placeholders in text will have."""
    hb = state.handbook
    for m in _SLOT.finditer(text):
        if m.group(1) in state.drawings and m.group(2) in hb.exercises:
            found_ids.update(_IDS[m.group(1)](m.group(2), hb.exercises[m.group(2)]))


def expand_figures(text: str) -> str:
    """Text (Markdown or HTML) with every drawing placeholder replaced by the drawing."""
    hb, drawings = state.handbook, state.drawings
    if not drawings or "data-lumbar-" not in text:
        return text

    def drawing(m: re.Match) -> str:
        draw = drawings.get(m.group(1))
        if draw is None or m.group(2) not in hb.exercises:
            return m.group(0)
        return draw(m.group(2))

    return _SLOT.sub(drawing, text)


class FiguresAfterMarkdown:
    KEY = "lumbar/figures-after-markdown"

    def __init__(self):
        self.short: dict[str, str] = {}  # src_uri -> the page's HTML with placeholders, while it is written

    @event_priority(100)  # right after Markdown: MkDocs checks links to anchors before pages are written
    def on_page_content(self, html: str, page, config, files) -> str:
        if "data-lumbar-" in html:
            drawing_anchors(html, page.present_anchor_ids)
        return html

    @event_priority(-100)  # after the search plugin has read the page, before the template writes it
    def on_page_context(self, context, page, config, nav):
        if page.content and "data-lumbar-" in page.content:
            self.short[page.file.src_uri] = page.content
            page.content = expand_figures(page.content)
        return context

    @event_priority(-100)
    def on_post_page(self, output: str, page, config) -> str:
        # MkDocs keeps every page's HTML until the build ends: keep the short one (6,000 pages of drawings
        # are 250 MB), which is also what the search plugin read.
        short = self.short.pop(page.file.src_uri, None)
        if short is not None:
            page.content = short
        return output
