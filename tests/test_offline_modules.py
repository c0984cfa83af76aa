"""lumbar/offline_modules.py: a page's ES modules joined into one classic script for the file:// copy."""

from __future__ import annotations

import subprocess

import pytest

from lumbar.offline_modules import ModuleError, join_modules


def write(folder, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


def test_a_module_graph_runs_as_one_classic_script(tmp_path):
    write(
        tmp_path,
        {
            "lib/a.js": 'export const ONE = 1;\nconst hidden = "a";\nexport function two() { return ONE + 1; }\nexport default two;\n',
            "lib/b.js": 'import { ONE, two as plusOne } from "./a.js";\nconst hidden = "b";\nexport class Three { get n() { return ONE + plusOne(); } }\n',
            "main.js": 'import { two } from "./lib/a.js";\nimport { Three } from "./lib/b.js";\nconsole.log(two(), new Three().n);\n',
        },
    )
    script = join_modules(tmp_path / "main.js")
    assert "import " not in script and "export " not in script
    assert script.count("const ONE = 1;") == 1, "a module imported twice is included once"
    out = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "2 3"


@pytest.mark.parametrize(
    "line, message",
    [
        ('import * as a from "./a.js";', "write imports as"),
        ("export { ONE };", "only 'export function"),
        ('import { nope } from "./a.js";', "does not export"),
        ('import { ONE } from "./missing.js";', "imported but missing"),
    ],
)
def test_what_it_cannot_join_stops_the_build(tmp_path, line, message):
    write(tmp_path, {"a.js": "export const ONE = 1;\n", "main.js": line + "\n"})
    with pytest.raises(ModuleError, match=message):
        join_modules(tmp_path / "main.js")


def test_the_real_builder_joins(tmp_path):
    from tests.conftest import ROOT

    script = join_modules(ROOT / "lumbar" / "web" / "js" / "builder.js")
    subprocess.run(["node", "--check", "-"], input=script, text=True, check=True)
