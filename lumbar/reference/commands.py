"""`python -m lumbar schema` (JSON Schemas and the field reference) and `python -m lumbar new` (a scaffold)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lumbar.model import KINDS
from lumbar.reference import macros_ref
from lumbar.reference.fields import embed_reference
from lumbar.reference.scaffold import scaffold
from lumbar.reference.schemas import ROOT, SCHEMA_DIR, kind_name, rendered_schemas


def write(root: Path = ROOT) -> list[Path]:
    """Write schema/*.json and refresh CONTRIBUTING.md; return the files that changed."""
    changed: list[Path] = []
    folder = root / SCHEMA_DIR
    folder.mkdir(exist_ok=True)
    wanted = rendered_schemas()
    for name, text in wanted.items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    for path in folder.glob("*.json"):
        if path.name not in wanted:
            path.unlink()
            changed.append(path)
    contributing = root / "CONTRIBUTING.md"
    if contributing.exists():
        old = contributing.read_text(encoding="utf-8")
        new = macros_ref.embed(embed_reference(old))
        if new != old:
            contributing.write_text(new, encoding="utf-8")
            changed.append(contributing)
    return changed


def stale(root: Path = ROOT) -> list[str]:
    """What `make schema` would change, without changing it."""
    out: list[str] = []
    wanted = rendered_schemas()
    folder = root / SCHEMA_DIR
    for name, text in wanted.items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            out.append(f"{SCHEMA_DIR}/{name}")
    out += [f"{SCHEMA_DIR}/{p.name} (no longer in the model)" for p in folder.glob("*.json") if p.name not in wanted]
    contributing = root / "CONTRIBUTING.md"
    if contributing.exists():
        text = contributing.read_text(encoding="utf-8")
        if macros_ref.embed(embed_reference(text)) != text:
            out.append("CONTRIBUTING.md (field reference or page functions)")
    return out


def schema(argv: list[str]) -> int:
    """`make schema`: write schema/*.json, the field reference and the page functions in CONTRIBUTING.md (tests fail when stale)."""
    parser = argparse.ArgumentParser(
        prog="python -m lumbar schema", description="Write the JSON Schemas and the field reference from the model."
    )
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if anything is stale")
    args = parser.parse_args(argv)
    if args.check:
        out = stale()
        for line in out:
            print(f"stale: {line}", file=sys.stderr)
        if out:
            print("Run `make schema` and commit the result.", file=sys.stderr)
        return 1 if out else 0
    for path in write():
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


def new(argv: list[str]) -> int:
    """Start a new exercise, routine or condition file: `python -m lumbar new exercise side-plank`."""
    parser = argparse.ArgumentParser(
        prog="python -m lumbar new",
        description="Start a new exercise, routine or condition file, every field present and explained.",
    )
    parser.add_argument("kind", choices=[kind_name(k) for k in KINDS], help="what to create")
    parser.add_argument("id", help="lower-case words joined by hyphens, such as side-plank; becomes the file name")
    parser.add_argument("--root", type=Path, default=ROOT, help="the handbook folder (default: this repository)")
    args = parser.parse_args(argv)

    plural = next(k for k in KINDS if kind_name(k) == args.kind)
    path = args.root / "data" / plural / f"{args.id}.yaml"
    try:
        text = scaffold(args.kind, args.id, root=args.root)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if path.exists():
        print(f"error: {path.relative_to(args.root)} already exists: edit it, or choose another id", file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"Created {path.relative_to(args.root)}. Fill in the fields marked Required, then run `make serve`.")
    return 0
