"""Only the handbook's macros may run in a page. A hand-written page is Jinja, and Jinja run unsandboxed (as
mkdocs-macros and Zensical run it) can reach the operating system (`cycler.__init__.__globals__.os`). So
before any build renders a page, its template code is parsed and everything but these is refused, with the
file and line:

- a call of a registered macro with literal arguments: {{ red_flags() }}, {{ exercise_card("cat") }};
- a read of a registered variable or of a macro's result, by attribute names that do not start with "_",
  and `.get("key")` on it: {{ counts().exercises }}, {{ config.site_url }},
  {% if config.extra.get("offline_copy") %};
- `{% if %}`/`{% elif %}`/`{% else %}` on those (with `not`, `and`, `or`), and `{% raw %}` text.

No loops, assignments, filters, includes, imports or macro definitions: a page that needs more asks for a
new macro in macros.py, which goes to code review (.github/CODEOWNERS).
"""

from __future__ import annotations

from jinja2 import Environment, TemplateSyntaxError, nodes

from lumbar.loader import Problem

LITERALS = (str, int, float, bool, type(None))
WHAT = "only the handbook's macros may run in a page (the list: CONTRIBUTING.md, 'Page functions')"


def _literal(node: nodes.Node) -> bool:
    if isinstance(node, nodes.Const):
        return isinstance(node.value, LITERALS)
    return isinstance(node, (nodes.List, nodes.Tuple)) and all(_literal(n) for n in node.items)


class _Checker:
    def __init__(self, macros: set[str], variables: set[str]):
        self.macros, self.variables = macros, variables
        self.refused: list[tuple[int, str]] = []

    def refuse(self, node: nodes.Node, why: str) -> bool:
        self.refused.append((node.lineno, why))
        return False

    def call(self, node: nodes.Call) -> bool:
        if node.dyn_args or node.dyn_kwargs:
            return self.refuse(node, "a call with * or ** arguments")
        args = [*node.args, *(k.value for k in node.kwargs)]
        if not all(_literal(a) for a in args):
            return self.refuse(node, "a call whose arguments are not literal text or numbers")
        func = node.node
        if isinstance(func, nodes.Name):
            if func.name in self.macros:
                return True
            return self.refuse(node, f"a call of {func.name!r}, which is not one of the handbook's macros")
        if isinstance(func, nodes.Getattr) and func.attr == "get":  # dict.get on a value a page may read
            return self.value(func.node)
        return self.refuse(node, "a call of something other than a registered macro")

    def value(self, node: nodes.Node) -> bool:
        if isinstance(node, nodes.Name):
            if node.name in self.variables:
                return True
            return self.refuse(node, f"the name {node.name!r}, which is not one of the handbook's macros or values")
        if isinstance(node, nodes.Getattr):
            if node.attr.startswith("_"):
                return self.refuse(node, f"the attribute {node.attr!r}")
            return self.value(node.node)
        if isinstance(node, nodes.Call):
            return self.call(node)
        if _literal(node):
            return True
        if isinstance(node, (nodes.Not, nodes.And, nodes.Or)):
            return all([self.value(n) for n in node.iter_child_nodes()])
        return self.refuse(node, f"template code of the kind {type(node).__name__}")

    def statement(self, node: nodes.Node) -> None:
        if isinstance(node, nodes.Output):
            for child in node.nodes:
                if not isinstance(child, nodes.TemplateData):
                    self.value(child)
        elif isinstance(node, nodes.If):
            self.value(node.test)
            for child in [*node.body, *node.elif_, *node.else_]:
                self.statement(child)
        else:
            self.refuse(node, f"the statement {type(node).__name__} ({{% ... %}})")


def check(source: str, name: str, macros: set[str], variables: set[str], offset: int = 0) -> list[Problem]:
    """The problems of a page's template code: [] when it only calls macros and reads values."""
    try:
        tree = Environment().parse(source)
    except TemplateSyntaxError as err:
        return [Problem(name, (err.lineno or 1) + offset, f"{err.message} (check the {{{{ ... }}}} on this line)")]
    checker = _Checker(macros, variables)
    for node in tree.body:
        checker.statement(node)
    return [Problem(name, line + offset, f"{why}: {WHAT}") for line, why in checker.refused]


def calls(source: str, macros: set[str]) -> list[tuple[int, str, tuple, dict]]:
    """The macro calls of a page that check() passed: (line, macro, arguments, keyword arguments), literals all."""
    found = []
    for node in Environment().parse(source).find_all(nodes.Call):
        if isinstance(node.node, nodes.Name) and node.node.name in macros:
            args = tuple(a.as_const() for a in node.args)
            found.append((node.lineno, node.node.name, args, {k.key: k.value.as_const() for k in node.kwargs}))
    return found
