"""Which build a page function serves. The generator passes the build variant (language, URL style, online or
offline: lumbar.stage.Options) in the config it runs, as `extra.variant`; macros.py's define_env reads it there,
under MkDocs and Zensical alike, and serves the build the stage made for it in this process (MkDocs runs in the
stage's process), or one made once here (Zensical runs apart, and calls define_env for every page)."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from types import SimpleNamespace

from lumbar.content.handwritten import page_url
from lumbar.content.sandbox import NAME, is_declared
from lumbar.stage import Options, build_for, options_from_config


def options_of(conf) -> Options:
    """The variant the config carries; a config without one (`mkdocs build` run by hand) is mkdocs.yml's English."""
    raw = ((conf or {}).get("extra") or {}).get("variant") if conf is not None else None
    if not raw:
        return options_from_config()
    paths = {f.name for f in fields(Options) if f.name in ("data", "docs")}
    return Options(**{k: Path(v) if k in paths else v for k, v in raw.items()})


class Context:
    """What define_env's macros read: the variant, its build (made on the first call) and the page's links."""

    def __init__(self, env):
        if not is_declared(getattr(env, "config", None)):
            raise RuntimeError(
                f"mkdocs.yml: the macros plugin renders the pages only in the sandbox: j2_extensions: [{NAME}]"
            )
        self.env = env
        self.opts = options_of(getattr(env, "conf", None))

    @property
    def build(self):
        return build_for(self.opts)

    @property
    def links(self):
        from lumbar.render import Links

        page = self.env.page  # mkdocs-macros: MkDocs' page; Zensical: its own, with the path in docs_dir
        src = page.file.src_uri if hasattr(page, "file") else page.path
        return Links.for_url(page_url(src, self.opts.directory_urls), self.opts.directory_urls)

    def values(self) -> dict:
        """The values a page may read (besides the macros)."""
        o = self.opts
        extra = {"offline_copy": o.offline_copy, "repository": o.repository}
        return {"repository": o.repository, "config": SimpleNamespace(site_url=o.site_url, extra=extra)}
