"""The gallery of drawings, for reviewers: docs/gallery.md is page 1, stage writes gallery/2.md and on."""

from __future__ import annotations

from lumbar.figures import gallery_markdown
from lumbar.handbook import Handbook
from lumbar.render import Links, Renderer

GALLERY_PAGE = 24  # drawings on a page of the gallery: it stays light however many exercises there are


def gallery_chunks(hb: Handbook) -> list[list[str]]:
    """The exercise ids on each page of the gallery."""
    ids = sorted(hb.exercises)
    return [ids[i : i + GALLERY_PAGE] for i in range(0, len(ids), GALLERY_PAGE)] or [[]]


def gallery_cards(hb: Handbook, ids: list[str], links: Links, lang: str = "en", drawings: dict | None = None) -> str:
    """The cards of these exercises, linked from a page with these links; with `drawings`, each drawing is a
    placeholder kept there (lumbar/figures_hook.py)."""
    from lumbar.figures import gallery_uid
    from lumbar.figures_hook import figures, placeholder

    def figure(card) -> str:
        drawn = str(figures(hb.exercises[card.id], lang, uid=gallery_uid(card.id)))
        return drawn if drawings is None else str(placeholder(drawn, drawings))

    return gallery_markdown(
        [_Card(i, hb.exercises[i]) for i in ids], link=lambda ex_id: links.item("exercises", ex_id), figure=figure
    )


class _Card:
    def __init__(self, ex_id: str, ex):
        self.id, self.title, self.figures = ex_id, ex.title, ex.figures


def gallery_pages(renderer: Renderer, directory_urls: bool) -> dict[str, str]:
    """gallery/2.md, gallery/3.md, ... by their source path."""
    chunks = gallery_chunks(renderer.hb)
    return {
        f"gallery/{n}.md": renderer.gallery_page(
            n,
            len(chunks),
            lambda links, ids=ids: gallery_cards(
                renderer.hb, ids, links, renderer.ui.code, renderer.extras.get("drawings")
            ),
            directory_urls,
        )
        for n, ids in enumerate(chunks[1:], start=2)
    }
