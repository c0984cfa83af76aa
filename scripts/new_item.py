#!/usr/bin/env python3
"""Start a new exercise, routine or condition file, every field present and explained.

    python scripts/new_item.py exercise side-plank   ->  data/exercises/side-plank.yaml
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lumbar.model import KINDS  # noqa: E402
from lumbar.schema import kind_name, scaffold  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    kinds = [kind_name(k) for k in KINDS]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=kinds, help="what to create")
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


if __name__ == "__main__":
    sys.exit(main())
