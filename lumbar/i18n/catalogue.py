"""Every interface word of the templates (`_("...")`) and scripts (`t("...")`, `plural(n, {...other: "..."})`)
has its translation in each language's catalogue (lumbar/i18n/ui/<code>.yaml), and none is left in English.
`python -m lumbar check` runs this; a key may stay as it is only when listed under `same:` in that catalogue
(a word that is the same in both languages, such as "min")."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from lumbar.i18n.ui import FOLDER, codes

PACKAGE = Path(__file__).resolve().parent.parent
TEMPLATE_KEY = re.compile(r"""\b_\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\s*\)""")
SCRIPT_KEY = re.compile(r"""\bt\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|`([^`$]*)`)""")
PLURAL_KEY = re.compile(r"""\bplural\([^;]*?other:\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')""", re.S)


# Examples in comments are not keys: a script's // and /* lines, a template's {# #}.
COMMENT = re.compile(r"^[ \t]*//[^\n]*|^[ \t]*/\*.*?\*/|\{#.*?#\}", re.M | re.S)


def _keys(pattern: re.Pattern, paths) -> set[str]:
    found = set()
    for path in paths:
        for m in pattern.finditer(COMMENT.sub("", path.read_text(encoding="utf-8"))):
            found.add(re.sub(r"\\(.)", r"\1", next(g for g in m.groups() if g is not None)))
    return found


def template_keys(root: Path = PACKAGE) -> set[str]:
    """The templates' keys, and the dosage words lumbar/render.py writes (t("hold"))."""
    return _keys(TEMPLATE_KEY, sorted((root / "templates").rglob("*.*"))) | _keys(SCRIPT_KEY, [root / "render.py"])


def script_keys(root: Path = PACKAGE) -> set[str]:
    scripts = [p for p in sorted((root / "web" / "js").rglob("*.js")) if "vendor" not in p.parts]
    return _keys(SCRIPT_KEY, scripts) | _keys(PLURAL_KEY, scripts)


def problems(root: Path = PACKAGE, folder: Path = FOLDER) -> list[str]:
    out = []
    wanted = {"strings": template_keys(root), "scripts": script_keys(root)}
    for code in codes()[1:]:
        path = folder / f"{code}.yaml"
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        same = set(raw.get("same") or [])
        for section, keys in wanted.items():
            have = raw.get(section) or {}
            for key in sorted(keys):
                value = have.get(key)
                if value is None:
                    out.append(f"lumbar/i18n/ui/{path.name}: {section}: no translation of {key!r}")
                elif value == key and key not in same and re.search(r"[A-Za-z]{3}", re.sub(r"\{\w+\}", "", key)):
                    out.append(f"lumbar/i18n/ui/{path.name}: {section}: {key!r} is left in English")
    return out
