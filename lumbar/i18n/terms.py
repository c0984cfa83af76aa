"""A language's terminology list (data/i18n/<lang>/terms.yaml) and its check: a term the list says not to use,
found in any translated text of that language (the data translations, the interface words in
lumbar/i18n/ui/<lang>.yaml, the translated pages docs/**/*.<lang>.md), is a Problem with the file and line.

An entry: `en` (the English term), `use` (the term to write), `avoid` (words not to write: a word ending in `*`
matches any ending, so `физиотерапевт*` finds every case form; ё and е are the same letter), `note` (why), and optionally `allow` (phrases in
which an avoided word is right, such as a quotation of the article's own word).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lumbar.loader import DataError, Document, Problem, read

FILE = "terms.yaml"
# Search aids hold other and wrong names on purpose: people type them.
SEARCH_ONLY = {"synonyms", "misspellings", "other_names", "translation"}
FIELDS = {"en", "use", "avoid", "note", "allow"}

SCHEMA = {
    "type": "object",
    "description": "The terminology list of one language: the term to use for each English term, and those not to use.",
    "properties": {
        "terms": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "en": {"type": "string", "minLength": 1, "description": "The English term."},
                    "use": {"type": "string", "minLength": 1, "description": "The term to write in this language."},
                    "avoid": {
                        "type": "array",
                        "minItems": 1,
                        "items": {"type": "string", "minLength": 2},
                        "description": "Words not to write; a trailing * matches any ending.",
                    },
                    "note": {"type": "string", "minLength": 1, "description": "Why, for the next translator."},
                    "allow": {
                        "type": "array",
                        "items": {"type": "string", "minLength": 2},
                        "description": "Phrases in which an avoided word is right (a quotation, a proper name).",
                    },
                },
                "required": ["en", "use", "avoid", "note"],
                "additionalProperties": False,
            },
        }
    },
    "required": ["terms"],
    "additionalProperties": False,
}


@dataclass(frozen=True)
class Term:
    en: str
    use: str
    avoid: tuple[str, ...]
    note: str
    allow: tuple[str, ...] = ()

    def pattern(self) -> re.Pattern:
        """Each avoided word or phrase as a whole word; a word ending in * takes any ending."""

        def word(w: str) -> str:
            return re.escape(_fold(w[:-1])) + r"\w*" if w.endswith("*") else re.escape(_fold(w))

        phrases = [r"\s+".join(map(word, p.split())) + r"(?!\w)" for p in self.avoid]
        return re.compile(r"(?<!\w)(?:" + "|".join(phrases) + ")", re.I)


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("ё", "е").replace("Ё", "Е"))


def load_terms(data: Path, code: str) -> list[Term]:
    """The language's list; a malformed list is a DataError with the file and line."""
    path = data / "i18n" / code / FILE
    if not path.is_file():
        return []
    doc = read(path, data)
    problems, terms = [], []
    entries = doc.value.get("terms")
    if set(doc.value) != {"terms"} or not isinstance(entries, list):
        raise DataError([Problem(doc.path, 1, "a terms list holds one field, 'terms:', a list of entries (- en: ...)")])
    for i, entry in enumerate(entries):
        where = doc.line(("terms", i))
        if not isinstance(entry, dict):
            problems.append(Problem(doc.path, where, f"terms entry {i + 1} must be 'en:, use:, avoid:, note:' lines"))
            continue
        for key in sorted(set(entry) - FIELDS):
            problems.append(Problem(doc.path, doc.line(("terms", i, key)), f"unknown field '{key}' in a terms entry"))
        for key in ("en", "use", "note"):
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                problems.append(Problem(doc.path, where, f"terms entry {i + 1} needs '{key}:' (text)"))
        for key in ("avoid", "allow"):
            value = entry.get(key, [] if key == "allow" else None)
            if not isinstance(value, list) or not all(isinstance(w, str) and len(w.strip("*")) >= 2 for w in value):
                problems.append(Problem(doc.path, where, f"terms entry {i + 1}: '{key}:' must be a list of words"))
            elif key == "avoid" and not value:
                problems.append(Problem(doc.path, where, f"terms entry {i + 1}: 'avoid:' lists no word"))
        if not problems:
            terms.append(
                Term(entry["en"], entry["use"], tuple(entry["avoid"]), entry["note"], tuple(entry.get("allow", [])))
            )
    if problems:
        raise DataError(problems)
    return terms


def _hits(text: str, terms: list[Term]) -> list[tuple[Term, str]]:
    text = _fold(text)
    found = []
    for term in terms:
        spans = [m.span() for a in term.allow for m in re.finditer(re.escape(_fold(a)), text, re.I)]
        for m in term.pattern().finditer(text):
            if not any(s <= m.start() and m.end() <= e for s, e in spans):
                found.append((term, m.group(0)))
    return found


def _message(term: Term, word: str) -> str:
    return f"'{word}': the terminology list (terms.yaml) says '{term.use}' for '{term.en}', not this: {term.note}"


def _walk(doc: Document, value, loc: tuple, terms: list[Term], out: list[Problem]) -> None:
    if isinstance(value, dict):
        for key, v in value.items():
            if key not in SEARCH_ONLY:
                _walk(doc, v, (*loc, key), terms, out)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _walk(doc, v, (*loc, i), terms, out)
    elif isinstance(value, str):
        out += [Problem(doc.path, doc.line(loc), _message(t, w)) for t, w in _hits(value, terms)]


def _page(path: Path, name: str, terms: list[Term], out: list[Problem]) -> None:
    fenced = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if not fenced and not line.startswith("translated_from:"):
            out += [Problem(name, number, _message(t, w)) for t, w in _hits(line, terms)]


def term_problems(data: Path, code: str, docs: Path | None = None, ui: Path | None = None) -> list[Problem]:
    """Every use of an avoided term in the language's translated text (a malformed list: its own problems)."""
    try:
        terms = load_terms(data, code)
    except DataError as err:
        return err.problems
    if not terms:
        return []
    out: list[Problem] = []
    for path in sorted((data / "i18n" / code).rglob("*.yaml")):
        if path.name != FILE:
            doc = read(path, data)
            _walk(doc, doc.value, (), terms, out)
    if ui is not None and ui.is_file():
        doc = read(ui, ui.parents[2])
        _walk(doc, {k: v for k, v in doc.value.items() if k != "same"}, (), terms, out)
    if docs is not None and docs.is_dir():
        for path in sorted(docs.rglob(f"*.{code}.md")):
            _page(path, path.relative_to(docs.parent).as_posix(), terms, out)
    return out
