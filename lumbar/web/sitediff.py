"""`python -m lumbar site-diff BEFORE AFTER`: what a change did to the built site, page by page.

Lists the files only in one of the two trees, then, for each file that differs, the lines that changed
(HTML split at tags, so a changed attribute shows on its own line). The offline zip is compared by the names
and contents of its entries.
"""

from __future__ import annotations

import argparse
import difflib
import re
import zipfile
from pathlib import Path

TEXT = {".html", ".xml", ".json", ".js", ".css", ".svg", ".txt", ".md"}


def _lines(data: bytes, suffix: str) -> list[str]:
    text = data.decode("utf-8", "replace")
    if suffix in (".html", ".svg", ".xml"):
        text = re.sub(r">\s*<", ">\n<", text)
    elif suffix == ".json":
        text = re.sub(r"([,{\[])", r"\1\n", text)
    return text.splitlines()


def _files(root: Path) -> dict[str, bytes]:
    out = {}
    for p in sorted(root.rglob("*")):
        if not p.is_file():
            continue
        rel = p.relative_to(root).as_posix()
        if p.suffix == ".zip":
            with zipfile.ZipFile(p) as z:
                out.update({f"{rel}!{n}": z.read(n) for n in z.namelist()})
        else:
            out[rel] = p.read_bytes()
    return out


def diff(before: Path, after: Path, context: int = 0, limit: int = 40) -> list[str]:
    a, b = _files(before), _files(after)
    out = [f"only before: {p}" for p in sorted(a.keys() - b.keys())]
    out += [f"only after: {p}" for p in sorted(b.keys() - a.keys())]
    for path in sorted(a.keys() & b.keys()):
        if a[path] == b[path]:
            continue
        suffix = Path(path.split("!")[-1]).suffix
        if suffix not in TEXT:
            out.append(f"changed (binary): {path}")
            continue
        lines = list(difflib.unified_diff(_lines(a[path], suffix), _lines(b[path], suffix), n=context, lineterm=""))[2:]
        shown = [line[:200] for line in lines if not line.startswith("@@")]
        out.append(f"changed: {path} ({len(shown)} line(s))" if shown else f"changed: {path} (white space only)")
        out += [f"    {line}" for line in shown[:limit]]
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m lumbar site-diff", description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--limit", type=int, default=40, help="changed lines shown per file")
    parser.add_argument(
        "--preview",
        type=Path,
        metavar="DIR",
        help="print a Markdown summary for a pull request instead, and the changed sheets (PDF, PNG) into DIR",
    )
    args = parser.parse_args(argv)
    if args.preview:
        from lumbar.chores.pr_preview import summary  # needs the test tools (Playwright, pypdf)

        print(summary(args.before, args.after, args.preview), end="")
        return 0
    lines = diff(args.before, args.after, limit=args.limit)
    print("\n".join(lines) or "no difference")
    return 0
