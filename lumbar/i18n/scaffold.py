"""`python -m lumbar i18n-new LANG`: a translation file for every data file that has none yet.

Each file holds only the text of its English file, in the same shape, with the English text to be replaced,
the fingerprint of the English it was made from, and its review status.
"""

from __future__ import annotations

import argparse
import copy
import functools
from pathlib import Path

import yaml

from lumbar import model
from lumbar.i18n.text import extract, fingerprint, shape
from lumbar.loader import read

# The shared lists that carry reader-facing text (published-ids.yaml has none).
SHARED = (
    "safety.yaml",
    "harmful-patterns.yaml",
    "contraindications.yaml",
    "equipment.yaml",
    "positions.yaml",
    "sources.yaml",
    "guidelines.yaml",
)


def by_id(text: dict, value: dict) -> dict:
    """Lists of entries with ids become {id: text}: a translation follows the id, not the position."""
    out = {}
    for name, entries in text.items():
        raw = value.get(name)
        if isinstance(entries, list) and raw and all(isinstance(e, dict) and "id" in e for e in raw):
            out[name] = {e["id"]: t for e, t in zip(raw, entries, strict=True)}
        else:
            out[name] = entries
    return out


def english(data: Path, rel: str) -> dict:
    """The text of one English data file (rel: 'exercises/cat.yaml' or 'safety.yaml'), ids as keys."""
    path = data / rel
    return copy.deepcopy(_english(str(data), rel, path.stat().st_mtime_ns))


@functools.lru_cache(maxsize=4096)
def _english(data: str, rel: str, mtime: int) -> dict:  # every language reads the same English once
    return english_text(rel, read(Path(data) / rel, Path(data)).value)


def english_text(rel: str, value: dict) -> dict:
    """The text of an English data file read already (its value as lumbar.loader reads it), ids as keys."""
    kind = rel.split("/")[0]
    cls = model.KINDS[kind] if "/" in rel else model.SHARED[rel]
    return by_id(extract(value, shape(cls)), value)


def header(lang: str, rel: str) -> str:
    from lumbar.reference.schemas import schema_comment

    return (
        schema_comment(f"i18n/{lang}/{rel}")
        + f"\n# {lang} text of data/{rel}. Only text: ids, numbers and lists of ids stay in the English file.\n"
    )


def write_new(data: Path, lang: str, rel: str) -> Path | None:
    out = data / "i18n" / lang / rel
    if out.exists():
        return None
    text = english(data, rel)
    doc = {"translation": {"from": fingerprint(text), "status": "machine"}, **text}
    out.parent.mkdir(parents=True, exist_ok=True)
    dumped = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=110, default_flow_style=False)
    # quoted: a fingerprint such as 59e801264904 would otherwise read as a number
    dumped = dumped.replace(f"  from: {doc['translation']['from']}\n", f'  from: "{doc["translation"]["from"]}"\n', 1)
    out.write_text(header(lang, rel) + dumped, encoding="utf-8")
    return out


def files(data: Path) -> list[str]:
    rels = [f"{kind}/{p.name}" for kind in model.KINDS for p in sorted((data / kind).glob("*.yaml"))]
    return rels + [name for name in SHARED if (data / name).is_file()]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m lumbar i18n-new", description=__doc__.splitlines()[0])
    parser.add_argument("lang", help="a language code, e.g. es")
    parser.add_argument("--data", default="data")
    args = parser.parse_args(argv)
    made = [p for rel in files(Path(args.data)) if (p := write_new(Path(args.data), args.lang, rel))]
    print(f"{len(made)} new translation file(s) under {args.data}/i18n/{args.lang}/")
    return 0
