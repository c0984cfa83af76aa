"""The site generator's settings for one language, from mkdocs.yml: Material's interface and search in that
language, the site's address under /<code>/, the navigation's section names translated, and what the language
switcher and the hreflang links need (overrides/main.html)."""

from __future__ import annotations

import copy

from lumbar.i18n.ui import codes, load_ui


def languages_list() -> list[dict]:
    return [
        {"code": c, "name": load_ui(c).site["language_name"], "prefix": "" if c == "en" else f"{c}/"} for c in codes()
    ]


def _nav(nav, ui):
    """Section names translated; page titles left to the page (its own, translated, title)."""
    out = []
    for entry in nav:
        if isinstance(entry, dict):
            ((title, value),) = entry.items()
            out.append({ui.t(title): _nav(value, ui)} if isinstance(value, list) else value)
        else:
            out.append(entry)
    return out


def language_changes(raw: dict, code: str) -> dict:
    ui = load_ui(code)
    site_url = raw.get("site_url") or ""
    extra = {
        **(raw.get("extra") or {}),
        "lang": code,
        "languages": languages_list(),
        "site_root": site_url,
        "switcher": ui.site["switcher"],
        "ui": ui.site,  # the words overrides/main.html writes
        "ui_scripts": ui.scripts,  # and the scripts' words, as a JSON block the scripts read (lib/i18n.js)
    }
    changes: dict = {"extra": extra}
    if code == "en":
        return changes
    theme = copy.deepcopy(raw.get("theme") or {})
    theme["language"] = code
    for palette in theme.get("palette") or []:
        if isinstance(palette.get("toggle"), dict):
            palette["toggle"]["name"] = ui.t(palette["toggle"]["name"])
    plugins = []
    for plugin in raw.get("plugins") or []:
        if isinstance(plugin, dict) and "search" in plugin:
            # Whole words in the index, trimmed by the language's rules: the query's words are stemmed instead
            # (lumbar/web/js/workers/search-worker.js), so "грыжи" looks for every word that starts with "грыж".
            plugin = {"search": {**(plugin["search"] or {}), "lang": code, "pipeline": ["stopWordFilter", "trimmer"]}}
        plugins.append(plugin)
    extensions = []
    for ext in raw.get("markdown_extensions") or []:
        if isinstance(ext, dict) and "toc" in ext:
            ext = {"toc": {**(ext["toc"] or {}), "permalink_title": ui.t("Permanent link")}}
        extensions.append(ext)
    changes.update(
        markdown_extensions=extensions,
        theme=theme,
        plugins=plugins,
        nav=_nav(raw.get("nav") or [], ui),
        copyright=ui.t(raw.get("copyright") or ""),
        site_name=ui.t(raw.get("site_name") or ""),
        site_description=ui.t(raw.get("site_description") or ""),
    )
    return changes
