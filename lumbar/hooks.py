"""The one MkDocs hook (named in mkdocs.yml): front matter text escaped for the theme, and a generated page's
edit link to its data file. Everything else is staged before the build or done after it (lumbar/stage.py,
lumbar/web/postbuild.py)."""

from mkdocs.plugins import event_priority

from lumbar.web.meta import escape_meta  # the package is installed (make: pip install -e .)


@event_priority(-40)  # the tags plugin reads the tags at -50
def on_page_markdown(markdown, page, config, files):
    page.meta = escape_meta(page.meta)
    if isinstance(vars(page).get("title"), str):  # a title MkDocs took from the front matter
        page.title = escape_meta({"title": page.title})["title"]
    if "edit_url" in page.meta:  # a generated page: its data file, or nothing to edit
        page.edit_url = str(page.meta["edit_url"]) or None
    return markdown
