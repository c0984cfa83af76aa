"""Hand-written pages (docs/*.md): their Markdown is a Jinja template that calls the handbook's functions,
e.g. {{ red_flags() }} or {{ exercise_card("cat") }}. Rendered at stage time, so the site generator reads
plain Markdown. Front matter is left as written; `render_macros: false` keeps a page's text as it is."""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

from jinja2 import Environment, StrictUndefined, TemplateError, TemplateSyntaxError
from markupsafe import Markup

from lumbar.content.gallery import gallery_cards, gallery_chunks
from lumbar.loader import DataError, Problem
from lumbar.render import Links, Renderer
from lumbar.web.offline_zip import folder, zip_path

FRONT = re.compile(r"\A---\r?\n.*?\r?\n---\r?\n", re.S)


@dataclass(frozen=True)
class Site:
    """What a page may read about the site it is built into."""

    site_url: str
    repository: str
    directory_urls: bool = True
    offline_copy: bool = False
    has_session: bool = True
    lang: str = "en"  # another language's site sits in /<lang>/: the offline zips are one folder up
    data: Path | None = None  # the data folder (the Languages page reads data/i18n/)
    docs: Path | None = None


def page_url(src: str, directory_urls: bool) -> str:
    """The address MkDocs gives a source file: 'safety/index.md' -> 'safety/', 'about.md' -> 'about/'."""
    stem = src.removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def functions(renderer: Renderer, site: Site, links: Links) -> dict:
    hb = renderer.hb

    def fragment(name: str, **context) -> Markup:
        return renderer.fragment(name, links, **context)

    def counts() -> dict:
        items = sum(len(r.items) for r in hb.routines.values())
        return {
            "exercises": len(hb.exercises),
            "routines": len(hb.routines),
            "conditions": len(hb.conditions),
            "items": items,
        }

    def routine_builder() -> Markup:
        """The routine builder; its "Start this routine" button only when a session/ page is built."""
        online = f"{site.site_url}builder/" if site.site_url.startswith("http") else ""
        return fragment("builder.html", online=online, session=links.page("session") if site.has_session else "")

    def figure_gallery() -> Markup:
        """The first page of the exercise drawings; stage writes the others (gallery/2.md, ...)."""
        chunks = gallery_chunks(hb)
        cards = Markup(gallery_cards(hb, chunks[0], links, renderer.ui.code, renderer.extras.get("drawings")))
        return fragment("gallery.html", cards=cards, page=1, pages=len(chunks))

    def languages_table() -> Markup:
        """How far each language has got: data files and pages translated, review status, out of date."""
        from lumbar.i18n.coverage import coverage

        return fragment("languages.html", languages=coverage(site.data, site.docs, hb))

    def site_link(path: str) -> str:
        """A file of the site; downloads/ sits at the root, one folder up from another language's site."""
        return links.asset(("../" if site.lang != "en" and path.startswith("downloads/") else "") + path)

    def session_data() -> Markup:
        from lumbar.session import data_block

        return data_block(hb, links, embed=site.offline_copy)  # online: fetched per routine (lumbar/session.py)

    each = {
        "exercise_card": lambda exercise_id: fragment(
            "exercise-card.html", id=exercise_id, item=hb.exercises[exercise_id]
        ),
        "routine_table": lambda routine_id: fragment("routine-table.html", id=routine_id, item=hb.routines[routine_id]),
        "callout": lambda kind, title, text: fragment("callout.html", kind=kind, title=title, text=text),
        "contraindications": lambda *ids: fragment(
            "contraindications.html", ids=list(ids) or list(hb.contraindications)
        ),
        "safety_rules": lambda: fragment("safety-rules.html"),
        "stop_signs": lambda: fragment("stop-signs.html"),
        "red_flags": lambda: fragment("red-flags.html"),
        "harmful_movements": lambda: fragment("harmful-movements.html"),
        "guidelines": lambda: fragment("guidelines-list.html"),
        "condition_table": lambda: fragment("condition-table.html"),
        "find_by_condition": lambda: fragment("find.html"),
        # The routines' titles for the diary's quick entry ("which routine"), as a JSON block.
        "diary_routines": lambda: fragment(
            "diary-routines.html", routines={k: r.title for k, r in sorted(hb.routines.items())}
        ),
        "site_link": site_link,
        # This language's offline zip (the zips sit in the root's downloads/) and the folder it unpacks to.
        "offline_zip": lambda: site_link(zip_path(site.lang)),
        "offline_folder": lambda: folder(site.lang),
    }
    config = SimpleNamespace(
        site_url=site.site_url, extra={"offline_copy": site.offline_copy, "repository": site.repository}
    )
    return {
        **each,
        "counts": counts,
        "routine_builder": routine_builder,
        "figure_gallery": figure_gallery,
        "session_data": session_data,
        "languages_table": languages_table,
        "repository": site.repository,
        "config": config,
    }


def environment() -> Environment:
    # The settings mkdocs-macros was run with: an undefined name is an error, never empty text.
    return Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)


def _line(err: Exception, name: str) -> int:
    if isinstance(err, TemplateSyntaxError) and err.lineno:
        return err.lineno
    lines = [f.lineno for f in traceback.extract_tb(err.__traceback__) if f.filename == name]
    return lines[-1] if lines else 1


def render_page(env: Environment, name: str, text: str, renderer: Renderer, site: Site, src: str) -> str:
    """One hand-written page with its calls filled in; an error stops the build with the file and line."""
    front = FRONT.match(text)
    head, body = (front.group(0), text[front.end() :]) if front else ("", text)
    if re.search(r"^render_macros:\s*false\s*$", head, re.M):
        return text
    offset = head.count("\n")
    links = Links.for_url(page_url(src, site.directory_urls), site.directory_urls)
    try:
        template = env.from_string(body)
        return head + template.render(functions(renderer, site, links))
    except (TemplateError, KeyError, TypeError) as err:
        line = _line(err, "<template>") + offset
        what = err.message if isinstance(err, TemplateError) else f"{type(err).__name__}: {err}"
        raise DataError([Problem(name, line, f"{what} (check the {{{{ ... }}}} call on this line)")]) from None


def read_pages(docs: Path) -> dict[str, bytes]:
    """Every file under docs/ by its path there."""
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}
