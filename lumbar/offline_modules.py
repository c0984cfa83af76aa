"""ES modules for the offline copy. Chromium refuses ES modules from file:// (the origin is null), so the
offline build joins each page's module graph into one classic script, and puts the JSON a module fetches
next to it as a script (fetch() of a file:// address fails too).

The modules follow the site's conventions, and anything else stops the build with the file and line:
  - imports at the top, one per line: import { a, b as c } from "./x.js";  (relative paths only)
  - exports: export function / export async function / export const / export let / export class,
    and a final `export default name;` (dropped: nothing imports a default).
Each module becomes a function scope returning its exports, in dependency order, so top-level names of
two modules never clash; an import becomes `const { a, b: c } = <that module's exports>;`.

A page's JSON (its root element's data-src="....json") becomes <name>.json.js, which sets
window.__lhData["<name>.json"]; the modules read it there when present instead of fetching.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

_IMPORT = re.compile(r"""^import\s*\{([^}]*)\}\s*from\s*["'](\.{1,2}/[^"']+)["'];?\s*$""")
_EXPORT = re.compile(r"^export\s+(?:(?:async\s+)?function\*?|const|let|class)\s+([A-Za-z_$][\w$]*)")
_DEFAULT = re.compile(r"^export\s+default\s+[A-Za-z_$][\w$]*\s*;?\s*$")
_MODULE_TAG = re.compile(r'<script type="module" src="([^"]+)"></script>')
_DATA_SRC = re.compile(r'data-src="([^"]+\.json)"')


class ModuleError(ValueError):
    pass


def _parse(path: Path) -> tuple[list[tuple[list[tuple[str, str]], Path]], list[str], list[str]]:
    """(imports as ([(name, local)], path), exported names, body lines) of one module."""
    imports, exports, body = [], [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        stripped = line.strip()
        m = _IMPORT.match(stripped)
        if m:
            names = []
            for part in filter(None, (p.strip() for p in m.group(1).split(","))):
                name, _, local = part.partition(" as ")
                names.append((name.strip(), (local or name).strip()))
            imports.append((names, (path.parent / m.group(2)).resolve()))
            body.append("")
            continue
        if line.startswith(("import ", "import{")):
            raise ModuleError(f"{path}:{number}: write imports as 'import {{ a, b }} from \"./x.js\";' on one line")
        if _DEFAULT.match(stripped) and not line.startswith(" "):
            body.append("")
            continue
        m = _EXPORT.match(line)
        if m:
            exports.append(m.group(1))
            body.append(line[len("export ") :])
            continue
        if line.startswith("export"):
            raise ModuleError(f"{path}:{number}: only 'export function/const/let/class name' is supported offline")
        body.append(line)
    return imports, exports, body


def join_modules(entry: Path) -> str:
    """One classic script that runs the module `entry` and everything it imports, each once."""
    order: list[Path] = []
    parsed: dict[Path, tuple] = {}
    visiting: set[Path] = set()

    def visit(path: Path) -> None:
        if path in parsed:
            return
        if path in visiting:
            raise ModuleError(f"{path}: import cycle")
        if not path.is_file():
            raise ModuleError(f"{path}: imported but missing")
        visiting.add(path)
        parsed[path] = _parse(path)
        for _, dep in parsed[path][0]:
            visit(dep)
        visiting.discard(path)
        order.append(path)

    visit(entry.resolve())
    var = {p: f"__lh_m{i}" for i, p in enumerate(order)}
    out = [
        "// Joined for the offline copy by lumbar/offline_modules.py from ES modules; do not edit.",
        "(function () {",
        '"use strict";',
    ]
    for path in order:
        imports, exports, body = parsed[path]
        out.append(f"// {path.name}")
        out.append(f"const {var[path]} = (function () {{")
        for names, dep in imports:
            missing = [n for n, _ in names if n not in parsed[dep][1]]
            if missing:
                raise ModuleError(f"{path}: imports {', '.join(missing)} that {dep.name} does not export")
            pairs = ", ".join(n if n == local else f"{n}: {local}" for n, local in names)
            out.append(f"const {{ {pairs} }} = {var[dep]};")
        out.extend(body)
        out.append(f"return {{ {', '.join(exports)} }};")
        out.append("})();")
    out.append("})();")
    return "\n".join(out) + "\n"


def classic_pages(site: Path) -> list[Path]:
    """Rewrite every page of the offline copy in `site` that loads an ES module to load a joined classic
    script instead (and its JSON as a script). Returns the pages changed."""
    changed = []
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        if 'type="module"' not in html:
            continue

        def classic(m: re.Match, page=page) -> str:
            src = m.group(1)
            module = (page.parent / src).resolve()
            joined = module.with_name(module.stem + ".offline.js")
            joined.write_text(join_modules(module), encoding="utf-8")
            return f'<script src="{src[: -len(module.name)]}{joined.name}"></script>'

        data_tags = []
        for src in dict.fromkeys(_DATA_SRC.findall(html)):
            data = (page.parent / src).resolve()
            if data.is_file():
                script = data.with_name(data.name + ".js")
                payload = json.dumps(
                    json.loads(data.read_text(encoding="utf-8")), ensure_ascii=False, separators=(",", ":")
                )
                script.write_text(
                    f"window.__lhData = window.__lhData || {{}};\nwindow.__lhData[{json.dumps(data.name)}] = {payload};\n",
                    encoding="utf-8",
                )
                data_tags.append(f'<script src="{src}.js"></script>')
        first = "".join(data_tags)
        html = _MODULE_TAG.sub(lambda m, first=first: first + classic(m), html, count=1)
        html = _MODULE_TAG.sub(classic, html)
        page.write_text(html, encoding="utf-8")
        changed.append(page)
    return changed
