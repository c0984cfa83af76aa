"""Command line: `python -m lumbar check|schema|export`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lumbar.loader import DataError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lumbar", description="Check and export the handbook's data.")
    parser.add_argument("command", choices=["check", "schema", "export"])
    parser.add_argument("--data", default="data", help="the data folder (default: data)")
    parser.add_argument("--out", default="site/api/handbook.json", help="where export writes")
    args = parser.parse_args(argv)
    if args.command == "schema":
        from lumbar import schema

        return schema.main() or 0
    from lumbar.handbook import load_handbook

    try:
        hb = load_handbook(args.data)
    except DataError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        print(f"{len(err.problems)} problem(s) in the data.", file=sys.stderr)
        return 1
    if args.command == "export":
        from lumbar.export import write

        write(hb, Path(args.out))
        print(f"wrote {args.out}")
        return 0
    print(f"data OK: {len(hb.exercises)} exercises, {len(hb.routines)} routines, {len(hb.conditions)} conditions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
