"""Hand-written pages (docs/*.md): their Markdown is a Jinja template that calls the handbook's page functions
(macros.py), e.g. {{ red_flags() }}. Rendered at stage time, for every build, MkDocs or Zensical: the template
code is checked first (lumbar/content/template_check.py), then rendered in Jinja's sandbox. Front matter is
left as written; `render_macros: false` keeps a page's text as it is."""

from __future__ import annotations

import re
import traceback
from pathlib import Path

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment

import macros
from lumbar.content import template_check
from lumbar.content.page_functions import Build, Site
from lumbar.loader import DataError, Problem
from lumbar.render import Links, Renderer

__all__ = ["MacroEnv", "Site", "environment", "page_url", "read_pages", "render_page"]

FRONT = re.compile(r"\A---\r?\n.*?\r?\n---\r?\n", re.S)


class MacroEnv:
    """The `env` macros.py's define_env registers into, as mkdocs-macros names it (macro, variables), with the
    build it serves and the links of the page being rendered."""

    def __init__(self, build: Build):
        self.build = build
        self.links: Links | None = None
        self.macros: dict = {}
        self.variables: dict = {}
        macros.define_env(self)

    def macro(self, fn=None, name: str | None = None):
        if fn is None:
            return lambda f: self.macro(f, name)
        self.macros[name or fn.__name__] = fn
        return fn


def page_url(src: str, directory_urls: bool) -> str:
    """The address MkDocs gives a source file: 'safety/index.md' -> 'safety/', 'about.md' -> 'about/'."""
    stem = src.removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def environment() -> SandboxedEnvironment:
    # The settings mkdocs-macros is run with here (on_undefined: strict), in the sandbox: a page reaches no
    # attribute that starts with "_", so nothing in it reaches Python's internals.
    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)


def _line(err: Exception, name: str) -> int:
    if isinstance(err, TemplateSyntaxError) and err.lineno:
        return err.lineno
    lines = [f.lineno for f in traceback.extract_tb(err.__traceback__) if f.filename == name]
    return lines[-1] if lines else 1


def render_page(env, name: str, text: str, renderer: Renderer, site: Site, src: str, menv: MacroEnv | None = None):
    """One hand-written page with its calls filled in; an error stops the build with the file and line."""
    front = FRONT.match(text)
    head, body = (front.group(0), text[front.end() :]) if front else ("", text)
    if re.search(r"^render_macros:\s*false\s*$", head, re.M):
        return text
    offset = head.count("\n")
    menv = menv or MacroEnv(Build(renderer, site))
    problems = template_check.check(body, name, set(menv.macros), set(menv.variables), offset)
    if problems:
        raise DataError(problems)
    menv.links = Links.for_url(page_url(src, site.directory_urls), site.directory_urls)
    try:
        template = env.from_string(body)
        return head + template.render({**menv.variables, **menv.macros})
    except (TemplateError, KeyError, TypeError) as err:
        line = _line(err, "<template>") + offset
        what = err.message if isinstance(err, TemplateError) else f"{type(err).__name__}: {err}"
        raise DataError([Problem(name, line, f"{what} (check the {{{{ ... }}}} call on this line)")]) from None


def read_pages(docs: Path) -> dict[str, bytes]:
    """Every file under docs/ by its path there."""
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}
