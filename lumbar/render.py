"""Turn the data into page Markdown and HTML fragments, through the Jinja templates in templates/.

Everything from data is escaped; the light Markdown allowed in text fields is converted here and
sanitised with nh3, so what reaches the page is only what these templates write.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import markdown
import nh3
import yaml
from jinja2 import (
    BytecodeCache,
    Environment,
    FileSystemBytecodeCache,
    PackageLoader,
    StrictUndefined,
    select_autoescape,
)
from markupsafe import Markup, escape

from lumbar.handbook import Handbook
from lumbar.i18n.ui import UI, load_ui
from lumbar.model import Dose
from lumbar.qr import TITLE as QR_TITLE
from lumbar.qr import qr_svg
from lumbar.review import review_due
from lumbar.sheet import emergency_signs, row_room, same_day_signs, sheet_pages, sheet_row

KIND_TITLES = {"exercises": "Exercises", "routines": "Routines", "conditions": "Conditions and goals"}

_md = markdown.Markdown(extensions=[], output_format="html")
_ALLOWED = {"p", "em", "strong", "a", "code", "br"}


# Text with no Markdown syntax and nothing to escape comes out of Python-Markdown and nh3 as it went
# in. Most text in the data is like that, and the full path costs about 0.15 ms a string.
_PLAIN = re.compile(r"[^\W_](?:[^\W_]|[ ,.;:'\"?()%/\u2018\u2019\u201c\u201d\u2013\u2014-])*")
_BLOCK_START = re.compile(r"\d+\.\s|[-+*]\s")


@cache
def md(text: str) -> Markup:
    """Light Markdown (emphasis, links, code) from data, as safe inline HTML."""
    if _PLAIN.fullmatch(text) and not text.endswith(" ") and not _BLOCK_START.match(text):
        return Markup(text)
    html = _md.reset().convert(text)
    html = nh3.clean(html, tags=_ALLOWED, attributes={"a": {"href"}}, url_schemes={"http", "https"}, link_rel=None)
    html = re.sub(r"^<p>(.*)</p>$", r"\1", html.strip(), flags=re.S)
    return Markup(html)


# Only what Python-Markdown can escape (with tables: "|"); before any other character a backslash would show.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|-])")


def heading(text: str) -> Markup:
    """Text for a Markdown heading or table cell: HTML-escaped and Markdown-escaped."""
    # Markdown-escaped first: a backslash inside an entity (&\#34;) would leave "&#34;" as text in the contents
    return escape(_MD_SPECIAL.sub(r"\\\1", text))


# What PyYAML's double-quoted style writes as it is (allow_unicode, no line width): printable characters but
# '"', '\\', U+2028, U+2029 and U+FEFF; it escapes the others, emoji among them.
_YAML_AS_IS = re.compile(r"[\x20\x21\x23-\x5b\x5d-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*")


def front_matter_value(value) -> Markup:
    """A value for a page's YAML front matter, written by the YAML dumper (double-quoted, on one line), so no text
    can end the string or the front matter. Not `tojson`: PyYAML reads its escapes of emoji as two lone surrogates."""
    if isinstance(value, str):
        value = str(value)  # a Markup (the interface words, _()) is written as the plain string it is
        if _YAML_AS_IS.fullmatch(value):  # what the dumper would write, without its 1 ms a value
            return Markup(f'"{value}"')
    return Markup(yaml.safe_dump(value, default_style='"', allow_unicode=True, width=float("inf")).rstrip("\n"))


def long_date(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


def _section(hb: Handbook, routine_id: str) -> str:
    """The article section a routine's items are numbered in: its own (same id), else its first article section."""
    own = hb.sources.get(routine_id)
    if own is None or own.kind != "article-section":
        sections = [hb.sources[s] for s in hb.routines[routine_id].sources if hb.sources[s].kind == "article-section"]
        own = sections[0] if sections else None
    return own.section if own and own.section else ""


def count(value, ui: UI | None = None) -> str:
    """A count as the data gives it (12, "10-30", "up to 20"), its "up to" in the page's language."""
    text = str(value)
    if text.startswith("up to "):
        return f"{(ui or load_ui('en')).t('up to')} {text.removeprefix('up to ')}"
    return text


def dosage(dose: Dose, ui: UI | None = None) -> str:
    """The dosage line of a routine item: '10-30 repetitions x 3 sets, hold 15 s, rest 3 min, each side'."""
    ui = ui or load_ui("en")
    t = ui.t
    parts = []
    if dose.reps is not None:
        parts.append(f"{count(dose.reps, ui)} {ui.plural(dose.reps, 'repetition')}")
    elif dose.reps_text:
        parts.append(dose.reps_text)
    if dose.sets is not None:
        sets = f"{count(dose.sets, ui)} {ui.plural(dose.sets, 'set')}"
        parts = [f"{parts[0]} × {sets}"] if parts else [sets]
    if dose.hold_seconds is not None:
        parts.append(f"{t('hold')} {seconds(dose.hold_seconds, ui)}")
    elif dose.hold:
        parts.append(f"{t('hold')} {dose.hold}")
    if dose.rest_seconds is not None:
        parts.append(f"{t('rest')} {seconds(dose.rest_seconds, ui)}")
    elif dose.rest:
        parts.append(f"{t('rest:')} {dose.rest}")
    line = ", ".join(parts) or t("as comfortable")
    if dose.per_side:
        line += ", " + t("each side")
    return line


def row_ranges(rows) -> str:
    """Row numbers as short ranges: [1, 2, 4, 5, 6, 7, 8] -> '1, 2, 4-8' (three or more in a row make a range)."""
    out, run = [], []
    for n in [*sorted(rows), None]:
        if run and n == run[-1] + 1:
            run.append(n)
            continue
        if run:
            out.append(f"{run[0]}\u2013{run[-1]}" if len(run) > 2 else ", ".join(map(str, run)))
        run = [n] if n is not None else []
    return ", ".join(out)


def units_together(line: str) -> str:
    """A dosage line with each number kept on one line with its unit ("15\u00a0s", "3\u00a0min")."""
    return re.sub(r"(\d) (s|min|с|мин)(?!\w)", "\\1\u00a0\\2", line)


def seconds(value, ui: UI | None = None) -> str:
    t = (ui or load_ui("en")).t
    if isinstance(value, int) and value >= 60 and value % 60 == 0:
        return f"{value // 60} {t('min')}"
    return f"{count(value, ui)} {t('s')}"


@dataclass(frozen=True)
class Links:
    """Relative links from one page to the others, for directory URLs or plain .html files."""

    prefix: str = "../../"
    directory_urls: bool = True

    def page(self, path: str, index: bool = False) -> str:
        """A page by its source path without '.md': 'routines/back-pain', or an index: 'routines', index=True."""
        if self.directory_urls:
            return f"{self.prefix}{path}/" if path else self.prefix or "./"
        return f"{self.prefix}{path}/index.html" if index else f"{self.prefix}{path}.html"

    def item(self, kind: str, item_id: str) -> str:
        return self.page(f"{kind}/{item_id}")

    def index(self, kind: str) -> str:
        return self.page(kind, index=True)

    def asset(self, path: str) -> str:
        return f"{self.prefix}{path}"

    @classmethod
    def for_url(cls, url: str, directory_urls: bool = True) -> Links:
        """Links for a page served at `url`, as MkDocs gives it ('exercises/cat/' or 'exercises/cat.html')."""
        return cls("../" * url.count("/"), directory_urls)


@cache
def _bytecode_cache() -> BytecodeCache | None:
    """Compiled templates kept between builds (a per-user folder in the temp dir, checked against each
    template's source), so a build or a `make serve` rebuild does not compile them again."""
    try:
        return FileSystemBytecodeCache()
    except (OSError, RuntimeError):  # no safe temp folder: compile each time
        return None


def _qr_folder() -> Path | None:
    """Where the QR codes are kept between builds: the compiled templates' folder (made private by Jinja)."""
    cache = _bytecode_cache()
    return Path(cache.directory) if isinstance(cache, FileSystemBytecodeCache) else None


class Renderer:
    def __init__(self, hb: Handbook, site_url: str = "", repo: str = "", ui: UI | None = None):
        self.hb = hb
        self.ui = ui = ui or load_ui("en")
        self.site_url = site_url.rstrip("/") + "/" if site_url else ""
        self.repo = repo.rstrip("/")
        self.env = Environment(
            loader=PackageLoader("lumbar", "templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            bytecode_cache=_bytecode_cache(),
        )
        self.env.filters.update(md=md, heading=heading, long_date=ui.long_date, row_ranges=row_ranges)
        self.env.filters.update(dosage=lambda d: dosage(d, ui), seconds=lambda v: seconds(v, ui))
        self.env.filters.update(yaml=front_matter_value, units_together=units_together)
        self.env.tests["contains"] = lambda seq, value: value in seq
        self.env.filters["source"] = lambda source_id: hb.sources[source_id]
        self.env.filters["source_section"] = lambda routine_id: _section(hb, routine_id)
        self.env.globals.update(hb=hb, review_due=review_due, renderer=self, ui=ui)
        # The interface words in the page's language. Like the templates' own text (and Jinja's i18n extension),
        # a catalogue's words are written as they are, not escaped: `_("The handbook's own suggestion")` gives
        # what the template wrote before, and `.format(title=...)` on it escapes the values put in.
        self.env.globals.update(_=lambda text: Markup(ui.t(text)), plural_of=ui.plural)
        self.env.globals["qr_svg"] = self._qr_svg  # the printed sheet's QR code
        self.env.globals.update(sheet_row=sheet_row, row_room=row_room, sheet_pages=sheet_pages)
        self.env.globals["emergency_signs"] = lambda: emergency_signs(hb)
        self.env.globals["same_day_signs"] = lambda: same_day_signs(hb)
        self.extras: dict = {}  # other parts (figures, QR codes) register template globals here

    def _qr_svg(self, url: str) -> Markup:
        """The QR code with its title (what a screen reader says) in the page's language."""
        title = f"<title>{escape(QR_TITLE)}</title>"
        return Markup(str(qr_svg(url, _qr_folder())).replace(title, f"<title>{escape(self.ui.t(QR_TITLE))}</title>", 1))

    def render(self, template: str, links: Links, **context) -> str:
        return self.env.get_template(template).render(links=links, **context)

    def online_url(self, kind: str, item_id: str) -> str:
        return f"{self.site_url}{kind}/{item_id}/"

    def edit_url(self, kind: str, item_id: str) -> str:
        return f"{self.repo}/edit/main/{self.hb.source_path(kind, item_id)}"

    # Whole generated pages.
    def item_page(self, kind: str, item_id: str, directory_urls: bool = True) -> str:
        item = self.hb.kind(kind)[item_id]
        template = {"exercises": "exercise.md", "routines": "routine.md", "conditions": "condition.md"}[kind]
        url = f"{kind}/{item_id}/" if directory_urls else f"{kind}/{item_id}.html"
        return self.render(template, Links.for_url(url, directory_urls), item=item, id=item_id, kind=kind)

    def index_page(self, kind: str, directory_urls: bool = True) -> str:
        url = f"{kind}/" if directory_urls else f"{kind}/index.html"
        title = self.ui.t(KIND_TITLES[kind])
        return self.render(f"{kind}-index.md", Links.for_url(url, directory_urls), kind=kind, title=title)

    def gallery_page(self, page: int, pages: int, cards, directory_urls: bool = True) -> str:
        """Page `page` (2, 3, ...) of the drawings gallery; page 1 is docs/gallery.md. cards(links): its cards."""
        url = f"gallery/{page}/" if directory_urls else f"gallery/{page}.html"
        links = Links.for_url(url, directory_urls)
        gallery = self.fragment("gallery.html", links, cards=Markup(cards(links)), page=page, pages=pages)
        return self.render("gallery-page.md", links, page=page, gallery=gallery)

    # Fragments for hand-written pages (the macros).
    def fragment(self, template: str, links: Links, **context) -> Markup:
        return Markup(self.render(f"fragments/{template}", links, **context))
