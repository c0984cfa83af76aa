"""What a pull request does to the handbook, for its CI job: `python -m lumbar site-diff BEFORE AFTER --preview DIR`
prints a Markdown summary (the job summary) and writes into DIR the printed sheet of every changed routine page,
as PDF and PNG, for the job's artifact.

The summary lists the pages whose text changed, with the lines removed and added (the text a reader sees in the
page's article, not its markup), the pages added and removed, and the sheets whose page count or rows changed."""

from __future__ import annotations

import difflib
import html
import re
from pathlib import Path

ROUTINE = re.compile(r"^(?:([a-z]{2})/)?routines/([a-z0-9-]+)/index\.html$")
MAX_SHEETS = 20  # a pull request that touches more prints the first ones (the CI job stays short)
MAX_LINES = 30  # changed lines shown per page


def page_text(data: bytes) -> list[str]:
    """The words of a page's article, a line per block, as a reader sees them."""
    text = data.decode("utf-8", "replace")
    start, end = text.find("<article"), text.rfind("</article>")
    text = text[start:end] if start >= 0 < end else text
    text = re.sub(r"<(script|style|svg)\b.*?</\1>", "", text, flags=re.S)
    text = re.sub(r'<a class="headerlink".*?</a>', "", text, flags=re.S)
    text = re.sub(r"</?(p|li|h\d|tr|div|dt|dd|table|ul|ol|section|details|summary)\b[^>]*>", "\n", text)
    lines = (re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", line))).strip() for line in text.split("\n"))
    return [line for line in lines if line]


def pages(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*.html"))}


def changes(before: Path, after: Path) -> tuple[list[str], list[str], dict[str, list[str]]]:
    """(pages added, pages removed, {page: its changed lines}) between two built sites."""
    a, b = pages(before), pages(after)
    changed = {}
    for rel in sorted(a.keys() & b.keys()):
        old, new = a[rel].read_bytes(), b[rel].read_bytes()
        if old == new:
            continue
        lines = [line for line in difflib.unified_diff(page_text(old), page_text(new), n=0, lineterm="")][2:]
        lines = [line for line in lines if not line.startswith("@@")]
        if lines:
            changed[rel] = lines
    return sorted(b.keys() - a.keys()), sorted(a.keys() - b.keys()), changed


def sheet(site: Path, rel: str, pdf: Path) -> tuple[int, int]:
    """Print a routine page as a reader's browser would; returns (pages, table rows printed)."""
    from playwright.sync_api import sync_playwright
    from pypdf import PdfReader

    from lumbar.localweb import launch, serve

    with serve(site) as base, sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page()
        page.goto(base + rel.removesuffix("index.html"), wait_until="load")
        page.emulate_media(media="print")
        rows = page.evaluate("() => [...document.querySelectorAll('article tr')].filter(r => r.offsetParent).length")
        page.pdf(path=str(pdf), format="A4", print_background=False)
        browser.close()
    return len(PdfReader(str(pdf)).pages), rows


def sheets(before: Path, after: Path, routines: list[str], out: Path) -> list[tuple[str, str, str]]:
    """Each changed routine's sheet printed from both sites into out/ (after: PDF and PNG); the rows of the
    summary's table for those whose page count or rows changed."""
    from lumbar.chores.sheet_png import to_png

    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for rel in routines[:MAX_SHEETS]:
        name = rel.removesuffix("/index.html").replace("/", "-")
        new = sheet(after, rel, out / f"{name}.pdf")
        to_png(out / f"{name}.pdf", out / f"{name}.png")
        old = sheet(before, rel, out / f"{name}.before.pdf") if (before / rel).is_file() else None
        if old != new:
            was = [str(n) for n in old] if old else ["new", "new"]
            rows.append((rel.removesuffix("index.html"), f"{was[0]} → {new[0]}", f"{was[1]} → {new[1]}"))
    return rows


def summary(before: Path, after: Path, out: Path) -> str:
    added, removed, changed = changes(before, after)
    routines = [rel for rel in [*added, *changed] if ROUTINE.match(rel)]
    table = sheets(before, after, routines, out) if routines else []
    md = ["## What this pull request does to the handbook", ""]
    md.append(f"{len(changed)} page(s) with changed text, {len(added)} added, {len(removed)} removed (the text of")
    md.append("each page's article, in every language; the header, navigation and footer are left out).")
    md.append("The job's artifact `handbook-preview` holds the built site and each changed routine's printed sheet")
    md.append(f"(PDF and PNG, {len(routines[:MAX_SHEETS])} sheet(s)).")
    if table:
        md += [
            "",
            "### Printed sheets whose page count or rows changed",
            "",
            "| Sheet | Pages | Rows |",
            "|---|---|---|",
        ]
        md += [f"| `{rel}` | {pages_} | {rows} |" for rel, pages_, rows in table]
    for title, items in (("Pages added", added), ("Pages removed", removed)):
        if items:
            md += ["", f"### {title}", "", *(f"- `{rel}`" for rel in items)]
    if changed:
        md += ["", "### Text changed, page by page"]
    for rel, lines in changed.items():
        shown = "\n".join(line[:300] for line in lines[:MAX_LINES])
        more = f"\n... and {len(lines) - MAX_LINES} more line(s)" if len(lines) > MAX_LINES else ""
        md += ["", f"<details><summary><code>{rel}</code>: {len(lines)} line(s)</summary>", "", "```diff"]
        md += [shown + more, "```", "", "</details>"]
    return "\n".join(md) + "\n"
