"""Other names people type for a page in one language's search (data/i18n/<lang>/search-names.yaml): the usual
transliterations of a name (Bubnovsky, bubnovski, Бубновский) or another spelling, by the page's kind and id.
`python -m lumbar postbuild` adds them to the page's `names` in the search index, beside a condition's synonyms
and an exercise's other names, where they weigh like a title (mkdocs.yml)."""

from __future__ import annotations

from pathlib import Path

from lumbar.loader import DataError, Problem, read
from lumbar.problems import did_you_mean

FILE = "search-names.yaml"
KINDS = ("routines", "conditions", "exercises")
_NAMES = {
    "type": "object",
    "additionalProperties": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
}
SCHEMA = {
    "type": "object",
    "description": "Other names people type for a page in this language's search, by the page's kind and id.",
    "properties": {kind: _NAMES for kind in KINDS},
    "additionalProperties": False,
}


def load_search_names(data: Path, code: str, ids: dict[str, set[str]] | None = None) -> dict[str, dict[str, list]]:
    """{kind: {id: [names]}}; with `ids` (the handbook's ids by kind), an unknown id is a problem too."""
    path = data / "i18n" / code / FILE
    if not path.is_file():
        return {}
    doc = read(path, data)
    problems, out = [], {}
    for kind, entries in doc.value.items():
        if kind not in KINDS:
            problems.append(
                Problem(
                    doc.path, doc.line((kind,)), f"unknown kind '{kind}'{did_you_mean(kind, KINDS)}: {', '.join(KINDS)}"
                )
            )
            continue
        if not isinstance(entries, dict):
            problems.append(Problem(doc.path, doc.line((kind,)), f"'{kind}' must list ids, each with its names"))
            continue
        for item_id, names in entries.items():
            where = doc.line((kind, item_id))
            if ids is not None and item_id not in ids.get(kind, set()):
                known = ids.get(kind, set())
                problems.append(Problem(doc.path, where, f"no {kind[:-1]} '{item_id}'{did_you_mean(item_id, known)}"))
            elif not isinstance(names, list) or not names or not all(isinstance(n, str) and n.strip() for n in names):
                problems.append(Problem(doc.path, where, f"'{kind}.{item_id}' must be a list of names: [a, b]"))
            else:
                out.setdefault(kind, {})[item_id] = names
    if problems:
        raise DataError(problems)
    return out
