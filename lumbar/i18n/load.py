"""Read and check the translation files of one language (data/i18n/<lang>/), and lay them over the English.

A translation file holds only text, in the shape of its English file (lumbar/i18n/text.py), and a
`translation:` block: `from` (the fingerprint of the English it was made from), `status` (machine:
machine-assisted, not yet reviewed by a clinician; edited: machine-assisted, then a language edit against the
English and the terminology list (terms.yaml), not yet reviewed by a clinician; translated: by a translator; reviewed: checked by a
clinician, with `reviewed_by` and `reviewed`). Every mistake is a Problem with the file and line.
"""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pydantic import BaseModel

from lumbar import model
from lumbar.handbook import Handbook
from lumbar.i18n.scaffold import english, files
from lumbar.i18n.text import FREE_LISTS, fingerprint, shape
from lumbar.loader import DataError, Document, Problem, read
from lumbar.problems import did_you_mean, validate

STATUSES = ("machine", "edited", "translated", "reviewed")


@dataclass
class Translation:
    """One file's translation of one data file, and what the page must say about it."""

    rel: str
    text: dict
    status: str = "machine"
    stale: bool = False
    reviewed_by: str | None = None


@dataclass
class Language:
    code: str
    files: dict[str, Translation] = field(default_factory=dict)  # by the English file's path: exercises/cat.yaml
    missing: list[str] = field(default_factory=list)  # English files with no translation yet

    def stale(self) -> list[str]:
        return sorted(rel for rel, t in self.files.items() if t.stale)


def _check(value, fields: dict, eng, doc: Document, loc: tuple, problems: list[Problem], by_id: bool = False) -> None:
    def bad(where: tuple, message: str) -> None:
        problems.append(Problem(doc.path, doc.line(where), message))

    if not isinstance(value, dict):
        bad(loc, f"'{'.'.join(map(str, loc)) or 'file'}' must be a group of 'field: value' lines")
        return
    for key, got in value.items():
        where = (*loc, key)
        name = ".".join(map(str, where))
        kind = fields.get(key)
        if kind is None:
            bad(where, f"unknown field '{name}'{did_you_mean(key, fields)}: a translation holds only the text fields")
        elif key not in (eng or {}):
            bad(where, f"'{name}' is not in the English file: remove it")
        elif kind == "text":
            _text(got, where, bad)
        elif kind == "texts":
            if not isinstance(got, list):
                bad(where, f"'{name}' must be a list (lines starting with '- ')")
                continue
            if key not in FREE_LISTS and len(got) != len(eng[key]):
                bad(
                    where,
                    f"'{name}' has {len(got)} entries; the English has {len(eng[key])}: translate each one, in order",
                )
            for i, text in enumerate(got):
                _text(text, (*where, i), bad)
        elif kind[0] == "models" and isinstance(eng[key], dict):  # entries by id (shared lists)
            if not isinstance(got, dict):
                bad(where, f"'{name}' must list the entries by their id")
                continue
            for entry_id, entry in got.items():
                if entry_id not in eng[key]:
                    bad(
                        (*where, entry_id),
                        f"'{name}.{entry_id}': no such id in the English file{did_you_mean(entry_id, eng[key])}",
                    )
                else:
                    _check(entry, kind[1], eng[key][entry_id], doc, (*where, entry_id), problems)
        elif kind[0] == "models":
            if not isinstance(got, list) or len(got) != len(eng[key]):
                count = len(got) if isinstance(got, list) else 0
                bad(
                    where,
                    f"'{name}' has {count} entries; the English has {len(eng[key])}: keep one per entry, in order",
                )
                continue
            for i, (entry, en) in enumerate(zip(got, eng[key], strict=True)):
                _check(entry or {}, kind[1], en, doc, (*where, i), problems)
        else:
            _check(got, kind[1], eng[key], doc, where, problems)


def _text(value, where: tuple, bad) -> None:
    name = ".".join(map(str, where))
    if not isinstance(value, str):
        bad(where, f"'{name}' must be text")
        return
    try:
        model._light_markdown(value)
    except ValueError as err:
        bad(where, f"'{name}' {err}")


def _header(doc: Document, problems: list[Problem]) -> tuple[str, str, str | None]:
    block = doc.value.get("translation")
    if not isinstance(block, dict):
        problems.append(Problem(doc.path, 1, "missing 'translation:' block (from:, status:): see data/i18n/README.md"))
        return "", "machine", None
    for key in block:
        if key not in ("from", "status", "reviewed_by", "reviewed"):
            problems.append(Problem(doc.path, doc.line(("translation", key)), f"unknown field 'translation.{key}'"))
    if not isinstance(block.get("from"), str):
        problems.append(
            Problem(
                doc.path,
                doc.line(("translation", "from")),
                "'translation.from' must be the fingerprint in quotes, e.g. from: \"53f923758e55\"",
            )
        )
    status = block.get("status")
    if status not in STATUSES:
        problems.append(
            Problem(
                doc.path,
                doc.line(("translation", "status")),
                f"'translation.status' must be one of {', '.join(STATUSES)}",
            )
        )
    if status == "reviewed" and not (block.get("reviewed_by") and isinstance(block.get("reviewed"), date)):
        problems.append(
            Problem(
                doc.path,
                doc.line(("translation",)),
                "a reviewed translation needs reviewed_by: and reviewed: (YYYY-MM-DD)",
            )
        )
    return str(block.get("from", "")), status or "machine", block.get("reviewed_by")


def languages(data: Path) -> list[str]:
    """The language codes with a folder under data/i18n/."""
    folder = data / "i18n"
    return sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []


def load_language(data: Path, code: str) -> Language:
    """Every translation file of one language, checked; raises DataError with every problem."""
    folder = data / "i18n" / code
    lang, problems = Language(code), []
    known = set(files(data))
    for path in sorted(folder.rglob("*.yaml")):
        rel = path.relative_to(folder).as_posix()
        if rel not in known and rel not in ("terms.yaml", "search-names.yaml"):  # lumbar/i18n/terms.py, search_names.py
            problems.append(Problem(f"{data.name}/i18n/{code}/{rel}", 1, f"no English file data/{rel} to translate"))
    for rel in sorted(known):
        path = folder / rel
        if not path.is_file():
            lang.missing.append(rel)
            continue
        try:
            doc = read(path, data)
        except DataError as err:
            problems += err.problems
            continue
        made_from, status, reviewer = _header(doc, problems)
        eng = english(data, rel)
        cls = model.KINDS[rel.split("/")[0]] if "/" in rel else model.SHARED[rel]
        text = {k: v for k, v in doc.value.items() if k != "translation"}
        _check(text, shape(cls), eng, doc, (), problems)
        _fits(doc, cls, data / rel, text, "/" not in rel, problems)
        lang.files[rel] = Translation(rel, text, status, made_from != fingerprint(eng), reviewer)
    if problems:
        raise DataError(problems)
    return lang


@functools.lru_cache(maxsize=4096)
def _english_value(path: Path, mtime: int):  # every language reads the same English once
    return read(path, path.parent).value


def _fits(doc: Document, cls: type[BaseModel], english_path: Path, text: dict, shared: bool, problems: list) -> None:
    """The translation laid over its English file still meets the field limits (a name of at most 120 characters):
    a file/line/what-to-do problem, not a traceback when the pages are made."""
    value = copy.deepcopy(_english_value(english_path, english_path.stat().st_mtime_ns))
    merged = overlay(value, _by_id(value, text) if shared else text)
    found: list[Problem] = []
    validate(Document(doc.path, merged, _lines_by_index(doc.lines, value) if shared else doc.lines), cls, found)
    ids = {f"'{key}.{i}.": f"'{key}.{id_}." for key, i, id_ in _entries(value)} if shared else {}
    problems += [Problem(f.path, f.line, f"{_named(f.message, ids)} in this translation: shorten it") for f in found]


def _named(message: str, ids: dict[str, str]) -> str:
    """A shared list's entry by its id, as the translation file names it, not by its place in the English list."""
    for by_index, by_id in ids.items():
        if message.startswith(by_index):
            return by_id + message[len(by_index) :]
    return message


def overlay(english_value, text):
    """The English value (model_dump) with the translated text laid over it."""
    if isinstance(english_value, dict) and isinstance(text, dict):
        return {k: overlay(v, text[k]) if k in text else v for k, v in english_value.items()}
    if isinstance(english_value, list) and isinstance(text, list):
        if all(isinstance(e, dict) for e in english_value) and len(text) == len(english_value):
            return [overlay(e, t) for e, t in zip(english_value, text, strict=True)]
        return text
    return text


def _lines_by_index(lines: dict, value: dict) -> dict:
    """A shared list's translation is keyed by id, the merged value by index: its lines by index too, so that a
    problem names the line of the entry's own text."""
    out = dict(lines)
    for key, i, id_ in _entries(value):
        out.update({(key, i, *loc[2:]): n for loc, n in lines.items() if loc[:2] == (key, id_)})
    return out


def _entries(value: dict):
    """(list key, index, id) of every shared-list entry: the one pairing of place and id both helpers above use."""
    for key, entries in value.items():
        for i, e in enumerate(entries if isinstance(entries, list) else []):
            if isinstance(e, dict) and "id" in e:
                yield key, i, e["id"]


def _by_id(value: dict, text: dict) -> dict:
    """Shared lists' translations are keyed by id: as lists again, in the English order."""
    out = dict(text)
    for key, entries in text.items():
        if isinstance(entries, dict) and isinstance(value.get(key), list):
            out[key] = [entries.get(e["id"], {}) if isinstance(e, dict) and "id" in e else {} for e in value[key]]
    return out


def translated(hb: Handbook, lang: Language) -> Handbook:
    """A copy of the handbook with the language's text in every item and shared list it translates."""
    import copy

    out = copy.copy(hb)
    for kind in model.KINDS:
        items = dict(hb.kind(kind))
        for item_id, item in items.items():
            t = lang.files.get(f"{kind}/{item_id}.yaml")
            if t:
                items[item_id] = _merge(item, t.text)
        setattr(out, kind, items)
    out.shared = dict(hb.shared)
    for name, item in hb.shared.items():
        t = lang.files.get(name)
        if t:
            out.shared[name] = _merge(item, _by_id(item.model_dump(exclude_unset=True), t.text))
    out.reindex()
    return out


def _merge(item: BaseModel, text: dict) -> BaseModel:
    return type(item).model_validate(overlay(item.model_dump(by_alias=True, exclude_unset=True), text))
