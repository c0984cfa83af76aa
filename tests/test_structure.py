"""The house rules of lumbar/: no module over 300 lines, no import cycle (counting imports inside functions),
and MkDocs imported only where the site generator is run (lumbar/generator.py, lumbar/hooks.py)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "lumbar"
# The generator is run only there; csp and runnable read the theme's own scripts (its inline ones to hash them,
# its files to tell them from any other script).
GENERATOR_SIDE = {"lumbar.generator", "lumbar.hooks", "lumbar.web.csp", "lumbar.web.runnable"}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{a.name}" for a in node.names}
    return found


def graph(folder: Path = PACKAGE) -> dict[str, set[str]]:
    modules = {module_name(p): p for p in folder.rglob("*.py")}
    return {name: {m for m in imports(p) if m in modules and m != name} for name, p in modules.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    found, state, stack = [], {}, []

    def visit(node: str) -> None:
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == "open":
                found.append(stack[stack.index(nxt) :] + [nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = "done"

    for node in sorted(edges):
        if node not in state:
            visit(node)
    return found


def sources() -> list[Path]:
    """Every Python source outside tests/: the package, macros.py, scripts/."""
    return [*PACKAGE.rglob("*.py"), ROOT / "macros.py", *(ROOT / "scripts").glob("*.py")]


def test_no_source_file_over_300_lines():
    long = {p.relative_to(ROOT).as_posix(): n for p in sources() if (n := len(p.read_text().splitlines())) > 300}
    assert long == {}


def path_edits(path: Path) -> list[str]:
    """Where a file changes sys.path or runs a script by path (runpy): the package is installed instead."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr == "path" and getattr(node.value, "id", "") == "sys":
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: sys.path")
        elif isinstance(node, (ast.Import, ast.ImportFrom)) and "runpy" in {a.name for a in node.names} | {
            getattr(node, "module", None)
        }:
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: runpy")
    return found


def test_nothing_edits_sys_path_or_runs_a_script_by_path():
    files = [*sources(), *(ROOT / "tests").rglob("*.py")]
    assert [hit for p in files for hit in path_edits(p)] == []


def test_the_path_check_sees_an_edit(tmp_path):
    bad = ROOT / "build" / "path_edit_probe.py"
    bad.parent.mkdir(exist_ok=True)
    bad.write_text("import sys\nimport runpy\nsys.path.insert(0, '.')\n")
    try:
        assert path_edits(bad) == ["build/path_edit_probe.py:2: runpy", "build/path_edit_probe.py:3: sys.path"]
    finally:
        bad.unlink()


def test_the_project_is_installed(tmp_path):
    """`import lumbar` and `import macros` find this working tree from any folder (pip install -e .)."""
    import subprocess
    import sys

    code = "import lumbar, macros; print(lumbar.__file__); print(macros.__file__)"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert out.stdout.split() == [str(PACKAGE / "__init__.py"), str(ROOT / "macros.py")]


def test_no_import_cycle():
    # a package's __init__ re-exporting its own modules is not a cycle of the code
    edges = {k: {m for m in v if not (k.startswith(m + "."))} for k, v in graph().items()}
    assert cycles(edges) == []


def test_the_cycle_finder_finds_a_cycle(tmp_path):
    pkg = tmp_path / "lumbar"
    pkg.mkdir()
    (pkg / "a.py").write_text("from lumbar.b import x\n")
    (pkg / "b.py").write_text("def f():\n    from lumbar import a\n")
    edges = {module_name_in(tmp_path, p): {m for m in imports(p)} for p in pkg.glob("*.py")}
    edges = {k: {m for m in v if m in edges} for k, v in edges.items()}
    assert cycles(edges) == [["lumbar.a", "lumbar.b", "lumbar.a"]]


def module_name_in(root: Path, path: Path) -> str:
    return ".".join(path.relative_to(root).with_suffix("").parts)


def test_only_the_generator_side_imports_mkdocs():
    users = {
        module_name(p)
        for p in PACKAGE.rglob("*.py")
        if any(m == "mkdocs" or m.startswith(("mkdocs.", "material")) for m in imports(p))
    }
    assert users <= GENERATOR_SIDE, users - GENERATOR_SIDE


TOOLS = ("lumbar.bench", "lumbar.chores", "lumbar.localweb")
BUILD = ("lumbar.stage", "lumbar.render", "lumbar.content", "lumbar.model", "lumbar.loader", "lumbar.figures")


def tool_imports(edges: dict[str, set[str]]) -> list[str]:
    """Where a module of the build imports a tool (the tools need Playwright and pypdf, the build does not)."""
    return sorted(
        f"{m} imports {d}" for m, deps in edges.items() if m.startswith(BUILD) for d in deps if d.startswith(TOOLS)
    )


def test_the_build_imports_no_tool():
    assert tool_imports(graph()) == []
    assert tool_imports({"lumbar.stage": {"lumbar.bench.synth"}}) == ["lumbar.stage imports lumbar.bench.synth"]
