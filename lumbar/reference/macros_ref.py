"""The list of page functions in CONTRIBUTING.md ("Page functions"), made from macros.py by `make schema`:
each macro with its arguments, what it shows and an example, so a new page can be written from the data by id."""

from __future__ import annotations

import inspect

START, END = "<!-- macros:start -->", "<!-- macros:end -->"


def registered() -> dict:
    """Every macro define_env registers, by name (nothing is built or rendered)."""
    from lumbar.content.handwritten import PageEnv

    return PageEnv().macros


def example(fn) -> str:
    doc = inspect.getdoc(fn) or ""
    return doc.rsplit("Example:", 1)[1].strip() if "Example:" in doc else ""


def reference() -> str:
    rows = ["| Call | What it puts in the page | Example |", "|---|---|---|"]
    for name, fn in sorted(registered().items()):
        what = (inspect.getdoc(fn) or "").split("Example:")[0].strip().replace("\n", " ").replace("|", "\\|")
        call = f"{name}{inspect.signature(fn)}"
        rows.append(f"| `{call}` | {what} | `{example(fn)}` |")
    values = (
        "\nValues a page may read: `{{ repository }}` (the repository's address), `{{ config.site_url }}` (the"
        ' site\'s address), and `{% if config.extra.get("offline_copy") %}...{% else %}...{% endif %}` for text'
        " that differs in the offline copy.\n"
    )
    return "\n".join(rows) + "\n" + values


def embed(text: str) -> str:
    """The list between the markers (a copy without them, as some tests write, is left as it is)."""
    start, end = text.find(START), text.find(END)
    if start < 0 or end < start:
        return text
    return text[: start + len(START)] + "\n\n" + reference() + "\n" + text[end:]
