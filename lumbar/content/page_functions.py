"""What each page function of macros.py does: the handbook's part, given the build (its handbook, renderer
and site) and the page being rendered (its links). macros.py only names them for the pages."""

from __future__ import annotations

import difflib
import inspect
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from lumbar.content.gallery import gallery_cards, gallery_chunks
from lumbar.render import Links, Renderer
from lumbar.web.offline_zip import folder, zip_path


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


@dataclass(frozen=True)
class Build:
    """One build (a language, a URL style, online or offline): what every page function reads."""

    renderer: Renderer
    site: Site

    @property
    def hb(self):
        return self.renderer.hb

    def fragment(self, links: Links, name: str, **context) -> Markup:
        return self.renderer.fragment(name, links, **context)


# The macros whose arguments are ids of the data, by the kind they name.
ID_ARGS = {"exercise_card": "exercises", "routine_table": "routines", "contraindications": "contraindications"}


def call_problem(b: Build, name: str, fn, args: tuple, kwargs: dict) -> str | None:
    """What is wrong with a page's call of a macro, checked by the stage before any generator renders it."""
    try:
        inspect.signature(fn).bind(*args, **kwargs)
    except TypeError as err:
        return f"{name}(): {err} (the list: CONTRIBUTING.md, 'Page functions')"
    kind = ID_ARGS.get(name)
    known = b.hb.kind(kind) if kind else {}
    for value in [*args, *kwargs.values()] if kind else []:
        if value not in known:
            close = difflib.get_close_matches(str(value), list(known), n=1)
            hint = f": did you mean {close[0]!r}?" if close else f" (the ids are the file names in data/{kind}/)"
            return f"{name}(): no {kind[:-1]} with the id {value!r} in the data{hint}"
    return None


def counts(b: Build) -> dict:
    hb = b.hb
    items = sum(len(r.items) for r in hb.routines.values())
    return {
        "exercises": len(hb.exercises),
        "routines": len(hb.routines),
        "conditions": len(hb.conditions),
        "items": items,
    }


def exercise_card(b: Build, links: Links, exercise_id: str) -> Markup:
    return b.fragment(links, "exercise-card.html", id=exercise_id, item=b.hb.exercises[exercise_id])


def routine_table(b: Build, links: Links, routine_id: str) -> Markup:
    return b.fragment(links, "routine-table.html", id=routine_id, item=b.hb.routines[routine_id])


def contraindications(b: Build, links: Links, ids: tuple[str, ...]) -> Markup:
    return b.fragment(links, "contraindications.html", ids=list(ids) or list(b.hb.contraindications))


def routine_builder(b: Build, links: Links) -> Markup:
    """The routine builder; its "Start this routine" button only when a session/ page is built."""
    site = b.site
    online = f"{site.site_url}builder/" if site.site_url.startswith("http") else ""
    return b.fragment(links, "builder.html", online=online, session=links.page("session") if site.has_session else "")


def figure_gallery(b: Build, links: Links) -> Markup:
    """The first page of the exercise drawings; stage writes the others (gallery/2.md, ...)."""
    chunks = gallery_chunks(b.hb)
    r = b.renderer
    cards = Markup(gallery_cards(b.hb, chunks[0], links, r.ui.code, r.extras.get("drawings")))
    return b.fragment(links, "gallery.html", cards=cards, page=1, pages=len(chunks))


def languages_table(b: Build, links: Links) -> Markup:
    """How far each language has got: data files and pages translated, review status, out of date."""
    from lumbar.i18n.coverage import coverage

    return b.fragment(links, "languages.html", languages=coverage(b.site.data, b.site.docs, b.hb))


def site_link(b: Build, links: Links, path: str) -> str:
    """A file of the site; downloads/ sits at the root, one folder up from another language's site."""
    return links.asset(("../" if b.site.lang != "en" and path.startswith("downloads/") else "") + path)


def offline_zip(b: Build, links: Links) -> str:
    """This language's offline zip (the zips sit in the root's downloads/)."""
    return site_link(b, links, zip_path(b.site.lang))


def offline_folder(b: Build) -> str:
    return folder(b.site.lang)


def session_data(b: Build, links: Links) -> Markup:
    from lumbar.session import data_block

    return data_block(b.hb, links, embed=b.site.offline_copy)  # online: fetched per routine (lumbar/session.py)


def condition_item(b: Build, condition_id: str, label: str) -> str:
    return f"- [{label}](conditions/{condition_id}.md)" if condition_id in b.hb.conditions else ""


def diary_routines(b: Build, links: Links) -> Markup:
    routines = {k: r.title for k, r in sorted(b.hb.routines.items())}
    return b.fragment(links, "diary-routines.html", routines=routines)
