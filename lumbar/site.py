"""The MkDocs side: load the data before anything is written, add a page per item, write the open data.

mkdocs.yml names lumbar/hooks.py, which forwards MkDocs events here.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files, InclusionLevel

from lumbar import export
from lumbar.handbook import Handbook, load_handbook
from lumbar.loader import DataError
from lumbar.render import Renderer

log = logging.getLogger("mkdocs.lumbar")

KINDS = ("exercises", "routines", "conditions")


class State:
    handbook: Handbook | None = None
    renderer: Renderer | None = None
    edit_urls: dict[str, str] = {}


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
    return state.renderer


def on_config(config):
    load(config)
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
            files.append(
                File.generated(config, src, content=r.item_page(kind, item_id, dirs), inclusion=InclusionLevel.NOT_IN_NAV)
            )
            state.edit_urls[src] = r.edit_url(kind, item_id)
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    edit = state.edit_urls.get(page.file.src_uri)
    if edit:
        page.edit_url = edit
    return markdown


def on_post_build(config) -> None:
    export.write(state.handbook, Path(config.site_dir) / "api" / "handbook.json")
