"""The sandbox the hand-written pages render in, under both generators: mkdocs.yml's macros plugin declares it
(`j2_extensions: [lumbar.content.sandbox.Sandbox]`).

mkdocs-macros (1.5.0) and Zensical (0.0.73) each render a page with a plain `jinja2.Environment`, from which a
template reaches the operating system (`cycler.__init__.__globals__.os`). Neither lets `define_env` replace it:
mkdocs-macros builds its environment after define_env has run, and Zensical gives define_env no environment at
all. Both pass `j2_extensions` to the environment they build, and a Jinja extension gets that environment
first: this one makes it a SandboxedEnvironment before any page is compiled (no attribute starting with "_",
no unsafe call), with the settings the pages were written for (autoescape, trailing newline kept).
"""

from __future__ import annotations

from jinja2 import Environment
from jinja2.ext import Extension
from jinja2.sandbox import SandboxedEnvironment, safe_range

NAME = f"{__name__}.Sandbox"


class Sandbox(Extension):
    def __init__(self, environment: Environment):
        super().__init__(environment)
        sandbox(environment)


def sandbox(environment: Environment) -> Environment:
    """The environment, turned into a SandboxedEnvironment in place (what SandboxedEnvironment.__init__ adds)."""
    if not isinstance(environment, SandboxedEnvironment):
        environment.__class__ = SandboxedEnvironment
        environment.globals["range"] = safe_range
        environment.binop_table = SandboxedEnvironment.default_binop_table.copy()
        environment.unop_table = SandboxedEnvironment.default_unop_table.copy()
    environment.autoescape = True
    environment.keep_trailing_newline = True
    return environment


def is_declared(plugin_config) -> bool:
    """Whether the macros plugin's settings (mkdocs-macros' env.config, Zensical's) name the sandbox."""
    try:
        return NAME in (plugin_config.get("j2_extensions") or [])
    except AttributeError:
        return False
