"""Load every data file, validate it against the model, and check it as a whole."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel

from lumbar import model
from lumbar.handbook import Handbook
from lumbar.loader import DataError, Problem, read
from lumbar.problems import did_you_mean, validate


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
