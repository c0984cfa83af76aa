"""Accessible: axe-core finds no serious or critical violation (WCAG 2.1 A and AA, and axe's best practices) on
each kind of page in the light and the dark scheme; everything works from the keyboard; images have alt text.
"""

from __future__ import annotations

import typing
from urllib.parse import urljoin

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browsing import Recorder, page_kinds, search, settle, settled_results

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
FAILING = {"serious", "critical"}
# The handbook's own floor for text contrast, above WCAG AA's 4.5:1 (3:1 for large text): a margin, so that
# a panel fading in or a colour nudged by the theme does not drop text below AA.
MARGIN = 5.0
QUERY = "back"


def scan(page, context=None, passes: bool = False) -> dict:
    """axe-core in the page, with the colour-contrast check asking MARGIN for all text."""
    page.evaluate(Axe().axe_script)
    page.evaluate(
        """(ratio) => axe.configure({checks: [{id: "color-contrast",
      options: {contrastRatio: {normal: {expected: ratio}, large: {expected: ratio}}}}]})""",
        MARGIN,
    )
    options = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}
    if passes:  # every measured element, with its ratio
        options = {"runOnly": {"type": "rule", "values": ["color-contrast"]}, "resultTypes": ["violations", "passes"]}
    return page.evaluate("([context, options]) => axe.run(context || document, options)", [context, options])


def ratio_of(node) -> float:
    return float(node["any"][0]["data"]["contrastRatio"])


def below_aa(node) -> bool:
    """A colour-contrast node that WCAG AA itself fails: under 4.5:1, or 3:1 for large text (18pt, 14pt bold)."""
    data = node["any"][0]["data"]
    points = float(str(data.get("fontSize", "0pt")).split("pt")[0] or 0)
    large = points >= 18 or (points >= 14 and str(data.get("fontWeight")) in ("bold", "bolder", "700", "800", "900"))
    return ratio_of(node) < (3 if large else 4.5)


def describe(v: dict, nodes: list) -> str:
    targets = ", ".join(str(n["target"]) for n in nodes[:3])
    return f"{v['id']} ({v['impact']}, {len(nodes)} element(s): {targets}): {v['help']}"


def violations(result: dict) -> list[str]:
    """Serious and critical violations of WCAG and axe's best practices (contrast judged at AA, not the margin)."""
    out = []
    for v in result["violations"]:
        nodes = [n for n in v["nodes"] if v["id"] != "color-contrast" or not n["any"] or below_aa(n)]
        if v["impact"] in FAILING and nodes:
            out.append(describe(v, nodes))
    return out


def under_margin(result: dict) -> list[str]:
    """Text under MARGIN: the colour-contrast nodes, each with its ratio and colours."""
    out = []
    for v in result["violations"]:
        if v["id"] == "color-contrast":
            for n in v["nodes"]:
                d = n["any"][0]["data"] if n["any"] else {}
                out.append(
                    f"{d.get('contrastRatio')}:1 {d.get('fgColor')} on {d.get('bgColor')} ({d.get('fontSize')}): "
                    f"{n['target']} {n['html'][:60]}"
                )
    return out


@pytest.fixture(scope="module", params=["light", "dark"])
def scans(request, browser, server, site) -> dict:
    """Every kind of page and the search results, in one scheme, each scanned once when at rest:
    {(name, path): axe result}, and ("search", QUERY + " measured") for the contrast of each result element."""
    scheme = request.param
    # Reduced motion: Material then fades nothing in; settle() waits for whatever still moves.
    context = browser.new_context(color_scheme=scheme, reduced_motion="reduce")
    page = context.new_page()
    out = {}
    try:
        for name, path in page_kinds(site).items():
            page.goto(server + path, wait_until="networkidle")
            assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
            settle(page)
            out[name, path or "/"] = scan(page)
        page.goto(server, wait_until="networkidle")
        assert search(page, QUERY) > 0
        out["search results", QUERY] = scan(page)
        out["search results", QUERY + " measured"] = scan(page, ".md-search-result", passes=True)
    finally:
        context.close()
    return out


def test_axe_finds_no_serious_violation(scans):
    found = [f"{name} ({where}): {v}" for (name, where), result in scans.items() for v in violations(result)]
    assert not found, "\n".join(found)


def test_text_contrast_has_a_margin(scans):
    """All text at MARGIN or more, measured by axe in the real browser: the search highlights and the
    "more on this page" links (measured, not only absent from the failures) and every other text."""
    found = [f"{name} ({where}): {v}" for (name, where), result in scans.items() for v in under_margin(result)]
    assert not found, f"text under {MARGIN}:1:\n" + "\n".join(found)
    measured = scans["search results", QUERY + " measured"]
    nodes = [n for v in measured["passes"] if v["id"] == "color-contrast" for n in v["nodes"]]
    marks = [ratio_of(n) for n in nodes if n["html"].startswith("<mark")]
    more = [ratio_of(n) for n in nodes if "more on this page" in n["html"]]
    assert marks and more, f"not measured: {len(marks)} highlights, {len(more)} 'more on this page' links"
    assert min(marks + more) >= MARGIN, (min(marks), min(more))


BROKEN_CSS = ".lh-grey { color: #bbb; background: #ccc; } .lh-near { color: #767676; background: #fff; }"


def test_axe_catches_a_broken_page(browser, server, site):
    """Break rules on purpose: an image without alt text, a nameless button, grey text on grey (2:1), and text
    at 4.5:1 (AA, but under the margin). The stylesheet is same-origin, so the page's own policy lets it in."""
    html = (
        (site / "index.html")
        .read_text(encoding="utf-8")
        .replace(
            "</article>",
            '<img src="assets/images/favicon.png"><button></button>'
            '<p class="lh-grey">faint</p><p class="lh-near">near</p></article>',
            1,
        )
        .replace("</head>", '<link rel="stylesheet" href="assets/stylesheets/broken.css"></head>', 1)
    )
    context = browser.new_context(reduced_motion="reduce")
    rec = Recorder(context)
    context.route(server + "broken.html", lambda route: route.fulfill(body=html, content_type="text/html"))
    context.route(
        server + "assets/stylesheets/broken.css", lambda route: route.fulfill(body=BROKEN_CSS, content_type="text/css")
    )
    page = context.new_page()
    try:
        rec.visit(page, server + "broken.html")
        settle(page)
        assert page.locator(".lh-grey").evaluate("e => getComputedStyle(e).color") == "rgb(187, 187, 187)"
        result = scan(page)
    finally:
        context.close()
    assert not rec.refused(), rec.refused()
    found = " ".join(violations(result))
    for rule in ("image-alt", "button-name"):
        assert rule in found, found
    assert "color-contrast" in found and "lh-grey" in found and "lh-near" not in found, found
    near = " ".join(under_margin(result))
    assert "lh-near" in near and "lh-grey" in near, near


def test_waits_are_for_states(page, server):
    """settle() returns only when a fade has finished; settled_results() does not take a list that answers
    another query, or the first result of the right one, for the settled list."""
    page.goto(server, wait_until="networkidle")
    page.evaluate("""() => { document.querySelector("article").animate([{opacity: 0.2}, {opacity: 1}], 400); }""")
    assert page.evaluate("document.getAnimations().length") == 1  # the fade runs
    settle(page)
    assert page.evaluate(
        "[document.getAnimations().length, getComputedStyle(document.querySelector('article')).opacity]"
    ) == [0, "1"]
    assert search(page, "bridg") > 0
    with pytest.raises(Exception, match="not settled"):
        settled_results(page, "bridge", timeout_ms=1500)


def focused(page) -> dict[str, typing.Any]:
    return page.evaluate("""(() => { const e = document.activeElement;
      return {tag: e.tagName, cls: String(e.className), href: e.getAttribute('href') || '',
              inContent: !!e.closest('article.md-content__inner'), visible: e.getClientRects().length > 0}; })()""")


def tab_to(page, wanted: typing.Callable[[dict], bool], limit: int = 300) -> dict:
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        if wanted(now):
            return now
    raise AssertionError(f"not reached with the Tab key in {limit} presses")


def test_keyboard_skip_link_search_and_content_link(page, server, site):
    kinds = page_kinds(site)
    page.goto(server + kinds["exercise"], wait_until="networkidle")
    # The first Tab reaches the skip link; Enter jumps to the content.
    skip = tab_to(page, lambda f: "md-skip" in f["cls"], limit=1)
    assert skip["visible"] and skip["href"].startswith("#")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == skip["href"]
    # Search: reach the search box, type, go down to a result and open it.
    page.goto(server + kinds["exercise"], wait_until="networkidle")
    tab_to(page, lambda f: "md-search__input" in f["cls"], limit=10)
    page.keyboard.type("bridge")
    assert settled_results(page, "bridge") > 0
    page.keyboard.press("ArrowDown")
    result = focused(page)
    assert result["tag"] == "A" and result["href"], result
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # A link in the content: reach it with Tab and follow it with Enter.
    page.goto(server + kinds["routine"], wait_until="networkidle")
    link = tab_to(
        page,
        lambda f: (
            f["inContent"]
            and f["tag"] == "A"
            and not f["href"].startswith(("#", "http"))
            and "headerlink" not in f["cls"]
            and "md-content__button" not in f["cls"]
        ),
    )
    before = page.url
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url != before and page.url == urljoin(before, link["href"]), (page.url, link)
    # The colour scheme switches from the keyboard.
    page.goto(server + kinds["routine"], wait_until="networkidle")
    tab_to(page, lambda f: f["tag"] == "INPUT" and "md-option" in f["cls"], limit=10)
    scheme = page.evaluate("document.body.dataset.mdColorScheme")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.body.dataset.mdColorScheme") != scheme


def test_keyboard_test_catches_a_hidden_skip_link(page, server, site):
    """The skip link removed on purpose: the keyboard test must fail."""
    page.route(
        server,
        lambda route: route.fulfill(
            body=(site / "index.html").read_text(encoding="utf-8").replace('class="md-skip"', 'class="md-skip" hidden'),
            content_type="text/html",
        ),
    )
    page.goto(server, wait_until="networkidle")
    with pytest.raises(AssertionError):
        tab_to(page, lambda f: "md-skip" in f["cls"], limit=1)


def test_images_have_alt_text(site):
    """Every <img> has alt text (alt="" only when marked decorative); every inline drawing has a title."""
    problems = []
    for path in sorted(site.rglob("*.html")):
        problems += image_problems(path.read_text(encoding="utf-8"), path.relative_to(site).as_posix())
    assert not problems, "\n".join(problems[:50])


def image_problems(html: str, where: str) -> list[str]:
    from html.parser import HTMLParser

    problems: list[str] = []

    class Images(HTMLParser):
        svg_depth, svg_named, svg_line, svg_role = 0, False, 0, None

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            line = self.getpos()[0]
            if tag == "img":
                alt = a.get("alt")
                decorative = a.get("role") in ("presentation", "none") or a.get("aria-hidden") == "true"
                if alt is None or (not alt.strip() and not decorative):
                    problems.append(f'{where}:{line}: <img src="{a.get("src")}"> has no alt text')
            if tag == "svg":
                if self.svg_depth == 0:
                    self.svg_named = (
                        bool(a.get("aria-label") or a.get("aria-labelledby")) or a.get("aria-hidden") == "true"
                    )
                    self.svg_line, self.svg_role = line, a.get("role")
                self.svg_depth += 1
            if tag == "title" and self.svg_depth:
                self.svg_named = True

        def handle_endtag(self, tag):
            if tag == "svg" and self.svg_depth:
                self.svg_depth -= 1
                if self.svg_depth == 0 and self.svg_role == "img" and not self.svg_named:
                    problems.append(f'{where}:{self.svg_line}: <svg role="img"> has no <title> or label')

    Images().feed(html)
    return problems


def test_image_check_catches_missing_alt():
    html = (
        '<img src="a.png"><img src="b.png" alt=""><img src="c.png" alt="" role="presentation">'
        '<svg role="img"><path d=""/></svg><svg role="img"><title>Cat pose</title></svg>'
    )
    problems = image_problems(html, "x.html")
    assert len(problems) == 3, problems


def test_data_images_need_alt_text():
    """When the data model gains an image field, its type must require alt text."""
    import pydantic

    from lumbar import model

    def models():
        for value in vars(model).values():
            if isinstance(value, type) and issubclass(value, pydantic.BaseModel):
                yield value

    def types(annotation):
        args = typing.get_args(annotation)
        if not args:
            return [annotation] if isinstance(annotation, type) and annotation is not type(None) else []
        return [t for arg in args for t in types(arg)]

    for cls in models():
        for name, f in cls.model_fields.items():
            if any(word in name.lower() for word in ("image", "photo", "picture", "video", "illustration")):
                for t in types(f.annotation):
                    if issubclass(t, pydantic.BaseModel):
                        alt = t.model_fields.get("alt")
                        assert alt is not None and alt.is_required(), (
                            f"{cls.__name__}.{name}: its type needs a required alt"
                        )
                    else:
                        pytest.fail(
                            f"{cls.__name__}.{name} is a bare {t.__name__}: make it a model with a required alt"
                        )
