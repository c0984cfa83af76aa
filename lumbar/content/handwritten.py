"""Hand-written pages (docs/*.md): their Markdown is a Jinja template that calls the handbook's page functions
(macros.py), e.g. {{ red_flags() }}. The stage checks each page's template code (lumbar/content/template_check.py:
a page that does anything but call macros stops the build here, with file and line, before any generator runs)
and marks the pages that call macros `render_macros: true`; the generator's macros plugin (mkdocs-macros, or
Zensical's) then renders them, in the sandbox (lumbar/content/sandbox.py). `render_macros: false` in a page's
front matter keeps its text as it is. `render_page` renders one page here as the plugin does (tests, the bench).
"""

from __future__ import annotations

import re
import traceback
from dataclasses import asdict
from pathlib import Path

from jinja2 import Environment, StrictUndefined, TemplateError, TemplateSyntaxError

from lumbar.content import template_check
from lumbar.content.page_functions import call_problem
from lumbar.content.sandbox import NAME, sandbox
from lumbar.loader import DataError, Problem

__all__ = ["PageEnv", "as_extra", "environment", "page_url", "read_pages", "render_page", "staged_page"]

FRONT = re.compile(r"\A---\r?\n.*?\r?\n---\r?\n", re.S)
DELIMITERS = ("{{", "{%", "{#")
SWITCH = "render_macros: true"


class PageEnv:
    """The `env` define_env registers into, as the plugins shape it (macro, variables, config, conf, page)."""

    def __init__(self, opts=None, src: str = ""):
        self.config = {"j2_extensions": [NAME]}
        self.conf = {"extra": {"variant": as_extra(opts)}} if opts is not None else None
        self.page = type("Page", (), {"path": src})()
        self.macros: dict = {}
        self.variables: dict = {}
        import macros  # the top-level file, which imports this package's modules

        macros.define_env(self)

    def macro(self, fn=None, name: str | None = None):
        if fn is None:
            return lambda f: self.macro(f, name)
        self.macros[name or fn.__name__] = fn
        return fn


def as_extra(opts) -> dict:
    """A build variant (lumbar.stage.Options) as a config carries it, in extra.variant (plain values)."""
    return {k: str(v) if isinstance(v, Path) else v for k, v in asdict(opts).items()}


def page_url(src: str, directory_urls: bool) -> str:
    """The address MkDocs gives a source file: 'safety/index.md' -> 'safety/', 'about.md' -> 'about/'."""
    stem = src.removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def environment() -> Environment:
    """The environment the plugin renders a page in (mkdocs.yml: on_undefined: strict, the sandbox)."""
    return sandbox(Environment(undefined=StrictUndefined))


def _split(text: str) -> tuple[str, str]:
    front = FRONT.match(text)
    return (front.group(0), text[front.end() :]) if front else ("", text)


def staged_page(name: str, text: str, names: PageEnv, notices: list[str] | None = None, build=None) -> str:
    """The page as the stage writes it: its template code checked, and each macro call's arguments against the
    macro and the data of `build` (a DataError with file and line), marked for the plugin when it has any, with
    `notices` (Markdown, never template code) under its title."""
    from lumbar.i18n.pages import with_notices

    head, body = _split(text)
    if re.search(r"^render_macros:\s*false\s*$", head, re.M) or not any(d in body for d in DELIMITERS):
        return with_notices(text, notices or [])
    offset = head.count("\n")
    problems = template_check.check(body, name, set(names.macros), set(names.variables), offset)
    if not problems and build is not None:
        for line, macro, args, kwargs in template_check.calls(body, set(names.macros)):
            why = call_problem(build, macro, names.macros[macro], args, kwargs)
            problems += [Problem(name, line + offset, why)] if why else []
    if problems:
        raise DataError(problems)
    if notices and any(d in "".join(notices) for d in DELIMITERS):
        notices = ["{% raw %}" + line + "{% endraw %}" for line in notices]
    head = f"{head[:-4]}{SWITCH}\n---\n" if head else f"---\n{SWITCH}\n---\n"
    return with_notices(head + body, notices or [])


def _line(err: Exception, name: str) -> int:
    if isinstance(err, TemplateSyntaxError) and err.lineno:
        return err.lineno
    lines = [f.lineno for f in traceback.extract_tb(err.__traceback__) if f.filename == name]
    return lines[-1] if lines else 1


def render_page(name: str, text: str, opts, src: str) -> str:
    """One hand-written page rendered here as the plugin renders it (for the variant opts, at docs/src); an error
    is a DataError with the file and line."""
    head, body = _split(text)
    env = PageEnv(opts, src)
    problems = template_check.check(body, name, set(env.macros), set(env.variables), head.count("\n"))
    if problems:
        raise DataError(problems)
    try:
        return head + environment().from_string(body).render({**env.variables, **env.macros})
    except (TemplateError, KeyError, TypeError) as err:
        line = _line(err, "<template>") + head.count("\n")
        what = err.message if isinstance(err, TemplateError) else f"{type(err).__name__}: {err}"
        raise DataError([Problem(name, line, f"{what} (check the {{{{ ... }}}} call on this line)")]) from None


def read_pages(docs) -> dict[str, bytes]:
    """Every file under docs/ by its path there."""
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}
