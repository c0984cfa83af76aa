"""`python -m lumbar review-due`: list the items whose clinical review is overdue or due soon; exit 1 if there are any.

A review lasts 12 months from the item's `reviewed:` date. Run weekly by .github/workflows/review.yml.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from lumbar.loader import parse

ROOT = Path(__file__).resolve().parent.parent
MONTHS = 12


def _load(path: Path) -> object:
    """The file's content, read as the site reads it (YAML 1.2: dates stay text)."""
    return parse(path.read_text(encoding="utf-8"), str(path)).value


@dataclass(frozen=True)
class Due:
    path: str
    reviewed: date
    due: date

    def line(self, today: date) -> str:
        days = (self.due - today).days
        when = "overdue" if days < 0 else f"in {days} days"
        return f"{self.path}: reviewed {self.reviewed.isoformat()}, due {self.due.isoformat()} ({when})"


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def review_due(reviewed: date) -> date:
    """The one review rule: an item's review falls due MONTHS after its `reviewed:` date (pages and this check)."""
    return add_months(reviewed, MONTHS)


def _as_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def reviews(data: Path, root: Path) -> list[Due]:
    """Every data file with a top-level `reviewed:` date, with the date its review falls due."""
    out = []
    for path in sorted(data.rglob("*.yaml")):
        name = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
        try:
            content = _load(path)
        except Exception as error:  # any unreadable file is reported, not skipped
            raise SystemExit(f"{name}: cannot read it: {error}") from None
        if not isinstance(content, dict) or "reviewed" not in content:
            continue
        reviewed = _as_date(content["reviewed"])
        if reviewed is None:
            raise SystemExit(f"{name}: reviewed is {content['reviewed']!r}, not a date written YYYY-MM-DD")
        out.append(Due(name, reviewed, review_due(reviewed)))
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m lumbar review-due",
        description="List the items whose clinical review is overdue or due soon; exit 1 if there are any.",
    )
    parser.add_argument("--days", type=int, default=60, help="also list reviews due within this many days (default 60)")
    parser.add_argument("--today", type=date.fromisoformat, default=date.today(), help="YYYY-MM-DD (default: today)")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="the data folder (default: data/)")
    args = parser.parse_args(argv)

    data = args.data.resolve()
    root = data.parent
    limit = args.today + timedelta(days=args.days)
    items = reviews(data, root)
    due = sorted((d for d in items if d.due <= limit), key=lambda d: (d.due, d.path))
    for item in due:
        print(item.line(args.today))
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for item in due:
            print(f"::error file={item.path},title=Review due::{item.line(args.today)}")
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary and due:
            with open(summary, "a", encoding="utf-8") as out:
                out.write(f"## Reviews due by {limit.isoformat()}\n\n")
                out.writelines(f"- `{item.line(args.today)}`\n" for item in due)
    if due:
        print(f"{len(due)} of {len(items)} items need a review by {limit.isoformat()}.", file=sys.stderr)
        return 1
    print(f"All {len(items)} reviewed items are current until after {limit.isoformat()}.")
    return 0
