"""Load every data file, validate it against the model, and check it as a whole."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from lumbar import model
from lumbar.loader import DataError, Document, Problem, read

SCHEMA_NAMES = {"exercises": "exercise", "routines": "routine", "conditions": "condition"}


def did_you_mean(word: object, choices) -> str:
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f": did you mean '{close[0]}'?" if close else ""


def _fields(cls: type[BaseModel], loc: tuple) -> list[str]:
    """The field names allowed at `loc` inside `cls`, for did-you-mean."""
    for part in loc:
        if isinstance(part, int):
            continue
        info = cls.model_fields.get(part)
        if info is None:
            return []
        ann = info.annotation
        sub = [a for a in getattr(ann, "__args__", ()) + (ann,) if isinstance(a, type) and issubclass(a, BaseModel)]
        for a in getattr(ann, "__args__", ()):
            sub += [b for b in getattr(a, "__args__", ()) if isinstance(b, type) and issubclass(b, BaseModel)]
        if not sub:
            return []
        cls = sub[0]
    return list(cls.model_fields)


def _message(err: dict, cls: type[BaseModel]) -> str:
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and ("[" in p or p.startswith("function-"))))
    name = ".".join(str(p) for p in loc) or "file"
    kind = err["type"]
    given = err.get("input")
    if kind == "missing":
        return f"missing field '{name}': add it (see the field reference in CONTRIBUTING.md)"
    if kind == "extra_forbidden":
        return f"unknown field '{name}'{did_you_mean(loc[-1], _fields(cls, loc[:-1]))} (remove it or fix its name)"
    if kind == "string_pattern_mismatch" and "a-z0-9" in str(err.get("ctx", {}).get("pattern", "")):
        return f"'{name}': '{given}' is not an id: use lowercase words joined by hyphens, like 'knee-to-chest'"
    if kind == "string_pattern_mismatch" and "https" in str(err.get("ctx", {}).get("pattern", "")):
        return f"'{name}': '{given}' is not an https:// address: write the full address, starting with https://"
    if kind == "string_pattern_mismatch":
        return f"'{name}': '{given}' is not a count: write a whole number, a range like 10-30, or 'up to 20'"
    if kind in ("bool_type", "bool_parsing"):
        return f"'{name}' must be true or false, not '{given}'"
    if kind.startswith("date"):
        return f"'{name}' must be a date written YYYY-MM-DD, not '{given}'"
    if kind == "too_short":
        return f"'{name}' needs at least one entry"
    if kind == "literal_error":
        return f"'{name}': '{given}' is not allowed: {err['msg'].replace('Input should be', 'use')}"
    if kind == "value_error":
        return f"'{name}' {err['msg'].removeprefix('Value error, ')}"
    if kind in ("list_type", "dict_type", "model_type", "model_attributes_type"):
        want = {"list_type": "a list (lines starting with '- ')", "dict_type": "a group of 'field: value' lines"}.get(
            kind, "a group of 'field: value' lines"
        )
        return f"'{name}' must be {want}, not '{given}'"
    got = f" (got '{given}')" if isinstance(given, (str, int, float)) and str(given) not in err["msg"] else ""
    return f"'{name}': {err['msg'][:1].lower()}{err['msg'][1:]}{got}"


def validate(doc: Document, cls: type[BaseModel], problems: list[Problem]) -> BaseModel | None:
    try:
        return cls.model_validate(doc.value)
    except ValidationError as exc:
        seen = set()
        for err in exc.errors(include_url=False):
            # Unions report each branch: keep the first message per place.
            loc = tuple(
                p for p in err["loc"] if isinstance(p, int) or "[" not in str(p) and not str(p).startswith("function-")
            )
            if loc in seen:
                continue
            seen.add(loc)
            problems.append(Problem(doc.path, doc.line(loc), _message(err, cls)))
        return None


@dataclass
class Handbook:
    """Everything under data/, validated and cross-checked."""

    root: Path
    exercises: dict[str, model.Exercise] = field(default_factory=dict)
    routines: dict[str, model.Routine] = field(default_factory=dict)
    conditions: dict[str, model.Condition] = field(default_factory=dict)
    shared: dict[str, BaseModel] = field(default_factory=dict)
    docs: dict[tuple[str, str], Document] = field(default_factory=dict)
    files: set[tuple[str, str]] = field(default_factory=set)  # every item file found, valid or not

    def kind(self, name: str) -> dict:
        return getattr(self, name)

    def where(self, kind: str, item_id: str, loc: tuple = ()) -> tuple[str, int]:
        doc = self.docs[(kind, item_id)]
        return doc.path, doc.line(loc)

    def problem(self, kind: str, item_id: str, loc: tuple, message: str) -> Problem:
        return Problem(*self.where(kind, item_id, loc), message)

    def source_path(self, kind: str, item_id: str) -> str:
        """The data file behind an item, relative to the repository."""
        return self.docs[(kind, item_id)].path

    # Shared lists, by id.
    def entries(self, name: str) -> dict[str, model.Entry]:
        shared = self.shared[name + ".yaml"]
        field_name = {"harmful-patterns": "patterns"}.get(name, name)
        return {e.id: e for e in getattr(shared, field_name)}

    @property
    def sources(self) -> dict[str, model.Source]:
        return self.entries("sources")

    @property
    def patterns(self) -> dict[str, model.Pattern]:
        return self.entries("harmful-patterns")

    @property
    def contraindications(self) -> dict[str, model.Contraindication]:
        return self.entries("contraindications")

    @property
    def equipment(self) -> dict[str, model.Entry]:
        return self.entries("equipment")

    @property
    def positions(self) -> dict[str, model.Entry]:
        return self.entries("positions")

    @property
    def safety(self) -> model.Safety:
        return self.shared["safety.yaml"]

    @property
    def guidelines(self) -> dict[str, model.Guideline]:
        return {g.id: g for g in self.shared["guidelines.yaml"].guidelines}

    @property
    def statements(self) -> dict[str, model.Statement]:
        return {s.id: s for s in self.shared["guidelines.yaml"].statements}

    def statements_for(self, kind: str, item_id: str) -> list[model.Statement]:
        """The guideline statements that apply to a condition or routine, in file order."""
        return [s for s in self.statements.values() if item_id in getattr(s, kind)]

    @property
    def article(self) -> dict:
        return self.shared["sources.yaml"].article

    # Relations the pages show. Every exercise page asks for them, so they are indexed once rather
    # than scanned per call (a scan made a build quadratic in the number of items). The index is made
    # again when the routines or conditions dict is replaced or changes size; after replacing an item
    # in place, call reindex().
    _relations: tuple | None = field(default=None, init=False, repr=False, compare=False)

    def reindex(self) -> None:
        self._relations = None

    def _index(self) -> tuple[dict, dict, dict]:
        key = (id(self.routines), len(self.routines), id(self.conditions), len(self.conditions))
        if self._relations is not None and self._relations[0] == key:
            return self._relations[1]
        using: dict[str, list[str]] = {}  # exercise -> routines using it, in routine order
        for rid, r in self.routines.items():
            for i in r.items:
                rids = using.setdefault(i.exercise, [])
                if not rids or rids[-1] != rid:
                    rids.append(rid)
        for_routine: dict[str, list[str]] = {}  # routine -> conditions listing it, in condition order
        by_exercise: dict[str, dict[str, list[str]]] = {}  # exercise -> group -> conditions
        for cid, c in self.conditions.items():
            for rid in c.routines:
                cids = for_routine.setdefault(rid, [])
                if not cids or cids[-1] != cid:
                    cids.append(cid)
            avoid = {e.exercise for e in c.avoid}
            caution = {e.exercise for e in c.caution} - avoid
            recommended = {i.exercise for rid in c.routines if rid in self.routines for i in self.routines[rid].items}
            for group, ids in (("avoid", avoid), ("caution", caution), ("recommended", recommended - avoid - caution)):
                for ex_id in ids:
                    by_exercise.setdefault(ex_id, {}).setdefault(group, []).append(cid)
        index = (using, for_routine, by_exercise)
        self._relations = (key, index)
        return index

    def routines_using(self, exercise_id: str) -> list[str]:
        return list(self._index()[0].get(exercise_id, ()))

    def conditions_for_routine(self, routine_id: str) -> list[str]:
        return list(self._index()[1].get(routine_id, ()))

    def exercise_conditions(self, exercise_id: str) -> dict[str, list[str]]:
        """Conditions for which an exercise is recommended, needs care, or is to be avoided."""
        groups = self._index()[2].get(exercise_id, {})
        return {group: list(groups.get(group, ())) for group in ("recommended", "caution", "avoid")}


def load_handbook(root: Path | str = "data") -> Handbook:
    """Load and check everything under `root`. Raises DataError listing every problem."""
    from lumbar.checks import check

    root = Path(root).resolve()
    hb = Handbook(root)
    problems: list[Problem] = []

    def name(path: Path) -> str:
        return path.relative_to(root.parent).as_posix()

    def load(path: Path, cls: type[BaseModel]):
        try:
            doc = read(path, root)
        except DataError as err:
            problems.extend(err.problems)
            return None, None
        return doc, validate(doc, cls, problems)

    if not root.is_dir():
        raise DataError([Problem(str(root), 1, "the data folder does not exist")])
    for path in sorted(root.rglob("*")):
        if path.is_dir():
            continue
        rel = path.relative_to(root)
        parts = rel.parts
        if len(parts) == 1 and parts[0] in model.SHARED:
            doc, item = load(path, model.SHARED[parts[0]])
            if item is not None:
                hb.shared[parts[0]] = item
                hb.docs[("shared", parts[0])] = doc
        elif len(parts) == 2 and parts[0] in model.KINDS and path.suffix == ".yaml":
            item_id = path.stem
            if not re.fullmatch(model.ID_PATTERN, item_id):
                problems.append(
                    Problem(
                        name(path), 1, f"file name '{path.name}' is not an id: use lowercase words joined by hyphens"
                    )
                )
                continue
            hb.files.add((parts[0], item_id))
            doc, item = load(path, model.KINDS[parts[0]])
            if doc is not None:
                hb.docs[(parts[0], item_id)] = doc
            if item is not None:
                hb.kind(parts[0])[item_id] = item
        elif path.name.startswith(".") or path.name == "README.md" or parts[0] == "i18n":
            continue  # data/i18n/: the translations, read by lumbar/i18n
        else:
            where = did_you_mean(parts[0], list(model.KINDS) + list(model.SHARED))
            hint = (
                f"an item file must be data/<kind>/<id>.yaml with kind one of {', '.join(model.KINDS)}"
                if len(parts) > 1 or path.suffix != ".yaml"
                else f"unknown shared file{where}; shared files are {', '.join(model.SHARED)}"
            )
            problems.append(Problem(name(path), 1, f"this file belongs to no kind of data: {hint}"))
    for needed in sorted(set(model.SHARED) - model.OPTIONAL):
        if needed not in hb.shared and not any(p.path.endswith("/" + needed) for p in problems):
            problems.append(Problem(f"{root.name}/{needed}", 1, "this shared file is missing"))
    problems.extend(check(hb))
    if problems:
        raise DataError(problems)
    return hb
