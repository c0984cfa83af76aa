"""Functions that hand-written pages in docs/ call, e.g. {{ red_flags() }} or {{ exercise_card("cat") }}."""

from __future__ import annotations

import json
from pathlib import Path

from markupsafe import Markup

from lumbar.render import Links
from lumbar.site import gallery_cards, gallery_chunks, state


def add_search_names(env) -> None:
    """After the search plugin has written its index: give each condition and exercise page a
    'names' field (synonyms, misspellings, other names), weighted in mkdocs.yml like a title, so a
    name found only in the text of one page is not outranked by another page's title."""
    path = Path(env.conf.site_dir) / "search" / "search_index.json"
    hb = state.handbook
    if not path.is_file() or hb is None:
        return
    url = "{}/{}/" if env.conf.use_directory_urls else "{}/{}.html"
    names = {url.format("conditions", cid): [*c.synonyms, *c.misspellings] for cid, c in hb.conditions.items()}
    names.update(
        {url.format("exercises", eid): list(e.other_names) for eid, e in hb.exercises.items() if e.other_names}
    )
    index = json.loads(path.read_text(encoding="utf-8"))
    for doc in index["docs"]:
        if doc["location"] in names:
            doc["names"] = names[doc["location"]]
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def define_env(env) -> None:
    env.post_build_functions.append(add_search_names)

    def links() -> Links:
        return Links.for_url(env.page.url, env.conf.use_directory_urls)

    def fragment(name: str, **context) -> Markup:
        return state.renderer.fragment(name, links(), **context)

    def exercise_card(exercise_id: str) -> Markup:
        """A short card for one exercise, linking to its page."""
        return fragment("exercise-card.html", id=exercise_id, item=state.handbook.exercises[exercise_id])

    def routine_table(routine_id: str) -> Markup:
        """The table of a routine's exercises and dosages."""
        return fragment("routine-table.html", id=routine_id, item=state.handbook.routines[routine_id])

    def callout(kind: str, title: str, text: str) -> Markup:
        """A Material admonition (note, tip, warning, danger) with escaped text."""
        return fragment("callout.html", kind=kind, title=title, text=text)

    def contraindications(*ids: str) -> Markup:
        """The 'do not do' call-out for the given contraindication ids (all of them when none is given)."""
        return fragment("contraindications.html", ids=list(ids) or list(state.handbook.contraindications))

    def safety_rules() -> Markup:
        return fragment("safety-rules.html")

    def stop_signs() -> Markup:
        return fragment("stop-signs.html")

    def red_flags() -> Markup:
        return fragment("red-flags.html")

    def harmful_movements() -> Markup:
        return fragment("harmful-movements.html")

    def guidelines() -> Markup:
        """Every guideline set beside the article, with its statements, addresses and the date we read it."""
        return fragment("guidelines-list.html")

    def condition_table() -> Markup:
        return fragment("condition-table.html")

    def find_by_condition() -> Markup:
        """Every condition with its names, routines and what to avoid; find.js adds a filter."""
        return fragment("find.html")

    def routine_builder() -> Markup:
        """The routine builder; its "Start this routine" button only when a session/ page is built."""
        docs = Path(env.conf.docs_dir)
        has_session = (docs / "session.md").is_file() or (docs / "session" / "index.md").is_file()
        session = links().page("session") if has_session else ""
        online = f"{env.conf.site_url}builder/" if (env.conf.site_url or "").startswith("http") else ""
        return fragment("builder.html", online=online, session=session)

    def site_link(path: str) -> str:
        """A relative link from this page to a file of the built site, such as 'api/handbook.json'."""
        return links().asset(path)

    def figure_gallery() -> Markup:
        """The first page of the exercise drawings, for reviewers; the build adds the others (lumbar/site.py)."""
        chunks = gallery_chunks(state.handbook)
        return fragment("gallery.html", cards=Markup(gallery_cards(chunks[0], links())), page=1, pages=len(chunks))

    def session_data() -> Markup:
        """The guided session player's data (lumbar/session.py)."""
        from lumbar.session import data_block

        return data_block(state.handbook, links())

    def counts() -> dict:
        hb = state.handbook
        return {
            "exercises": len(hb.exercises),
            "routines": len(hb.routines),
            "conditions": len(hb.conditions),
            "items": sum(len(r.items) for r in hb.routines.values()),
        }

    for func in (
        exercise_card,
        routine_table,
        callout,
        contraindications,
        safety_rules,
        stop_signs,
        red_flags,
        harmful_movements,
        guidelines,
        condition_table,
        find_by_condition,
        counts,
        site_link,
        figure_gallery,
        routine_builder,
        session_data,
    ):
        env.macro(func)
