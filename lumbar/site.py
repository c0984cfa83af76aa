"""The MkDocs side: load the data before anything is written, add a page per item, write the open data.

mkdocs.yml names lumbar/hooks.py, which forwards MkDocs events here.
"""

from __future__ import annotations

import logging
import os
import re
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


# Material fetches search/search_index.json as soon as any page loads (1.5 KB gzip more per exercise),
# though most readers never search. This script, loaded before Material's bundle, holds that one request
# back until the reader reaches for the search box (focus, tap, the s / f / "/" keys, which focus it) or
# arrives from a search result (?h=, whose highlighting needs the index). Search then works as before.
LAZY_SEARCH_JS = """// Holds back the search index until the search box is used (see lumbar/site.py).
(function () {
  var X = XMLHttpRequest.prototype, open = X.open, send = X.send, held = [], wanted = false;
  var INDEX = /(^|\\/)search\\/search_index\\.json([?#]|$)/;
  var SEARCH = "[data-md-component=search], [data-md-toggle=search], label[for=__search]";
  function want() {
    if (wanted) return;
    wanted = true;
    for (var i = 0; i < held.length; i++) send.apply(held[i][0], held[i][1]);
    held = [];
  }
  X.open = function (method, url) {
    this.__lumbarIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  X.send = function () {
    if (this.__lumbarIndex && !wanted) { held.push([this, arguments]); return; }
    return send.apply(this, arguments);
  };
  if (/[?&]h=/.test(location.search)) want();
  ["focusin", "pointerdown", "touchstart", "change"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var target = event.target;
      if (target && target.closest && target.closest(SEARCH)) want();
    }, {capture: true, passive: true});
  });
})();
"""
LAZY_SEARCH_PATH = "assets/javascripts/lazy-search.js"
_BUNDLE = re.compile(r'<script src="([^"]*?)assets/javascripts/bundle\.[0-9a-f]+\.min\.js"></script>')


class LazySearch:
    """Adds the script above to the site and loads it on every page just before Material's bundle."""

    KEY = "lumbar/lazy-search"

    def on_files(self, files: Files, config) -> Files:
        if files.get_file_from_path(LAZY_SEARCH_PATH) is None:
            files.append(File.generated(config, LAZY_SEARCH_PATH, content=LAZY_SEARCH_JS))
        return files

    @staticmethod
    def add_script(html: str) -> str:
        if LAZY_SEARCH_PATH in html:
            return html
        return _BUNDLE.sub(lambda m: f'<script src="{m.group(1)}{LAZY_SEARCH_PATH}"></script>\n      {m.group(0)}', html, 1)

    def on_post_page(self, output: str, page, config) -> str:
        return self.add_script(output)

    def on_post_template(self, output_content: str, template_name: str, config) -> str:
        return self.add_script(output_content) if template_name.endswith(".html") else output_content
