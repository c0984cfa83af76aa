"""Accessible: axe-core finds no serious or critical violation (WCAG 2.1 A and AA, and axe's best practices) on
each kind of page in the light and the dark scheme; everything works from the keyboard; images have alt text.
"""

from __future__ import annotations

import typing

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browsing import page_kinds, search

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
FAILING = {"serious", "critical"}


def violations(page) -> list[str]:
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    out = []
    for v in result.response["violations"]:
        if v["impact"] in FAILING:
            targets = ", ".join(str(n["target"]) for n in v["nodes"][:3])
            out.append(f"{v['id']} ({v['impact']}, {len(v['nodes'])} element(s): {targets}): {v['help']}")
    return out


@pytest.fixture(scope="module", params=["light", "dark"])
def scheme_page(request, browser):
    context = browser.new_context(color_scheme=request.param)
    page = context.new_page()
    yield request.param, page
    context.close()


def test_axe_finds_no_serious_violation(scheme_page, server, site):
    scheme, page = scheme_page
    found = []
    for name, path in page_kinds(site).items():
        page.goto(server + path, wait_until="networkidle")
        expected = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.dataset.mdColorScheme") == expected
        found += [f"{name} ({path or '/'}), {scheme}: {v}" for v in violations(page)]
    page.goto(server, wait_until="networkidle")
    search(page, "back")
    found += [f"search results, {scheme}: {v}" for v in violations(page)]
    assert not found, "\n".join(found)


def test_axe_catches_a_broken_page(browser, server, site):
    """Break rules on purpose: an image without alt text, a nameless button, grey text on grey."""
    html = (site / "index.html").read_text(encoding="utf-8").replace(
        "</article>", '<img src="assets/images/favicon.png"><button></button>'
        '<p class="lh-grey">faint</p></article>', 1
    ).replace("</head>", "<link rel=\"stylesheet\" href=\"data:text/css,.lh-grey{color:%23bbb;background:%23ccc}\"></head>")
    context = browser.new_context()
    context.route(server + "broken.html", lambda route: route.fulfill(body=html, content_type="text/html"))
    page = context.new_page()
    try:
        page.goto(server + "broken.html", wait_until="networkidle")
        found = " ".join(violations(page))
    finally:
        context.close()
    for rule in ("image-alt", "button-name"):
        assert rule in found, found


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
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    page.keyboard.press("ArrowDown")
    result = focused(page)
    assert result["tag"] == "A" and result["href"], result
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # A link in the content: reach it with Tab and follow it with Enter.
    page.goto(server + kinds["routine"], wait_until="networkidle")
    link = tab_to(page, lambda f: f["inContent"] and f["tag"] == "A" and not f["href"].startswith(("#", "http"))
                  and "headerlink" not in f["cls"] and "md-content__button" not in f["cls"])
    before = page.url
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url != before and page.url.startswith(server)
    # The colour scheme switches from the keyboard.
    page.goto(server + kinds["routine"], wait_until="networkidle")
    tab_to(page, lambda f: f["tag"] == "INPUT" and "md-option" in f["cls"], limit=10)
    scheme = page.evaluate("document.body.dataset.mdColorScheme")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.body.dataset.mdColorScheme") != scheme


def test_keyboard_test_catches_a_hidden_skip_link(page, server, site):
    """The skip link removed on purpose: the keyboard test must fail."""
    page.route(server, lambda route: route.fulfill(
        body=(site / "index.html").read_text(encoding="utf-8").replace('class="md-skip"', 'class="md-skip" hidden'),
        content_type="text/html"))
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
                    problems.append(f"{where}:{line}: <img src=\"{a.get('src')}\"> has no alt text")
            if tag == "svg":
                if self.svg_depth == 0:
                    self.svg_named = bool(a.get("aria-label") or a.get("aria-labelledby")) or a.get("aria-hidden") == "true"
                    self.svg_line, self.svg_role = line, a.get("role")
                self.svg_depth += 1
            if tag == "title" and self.svg_depth:
                self.svg_named = True

        def handle_endtag(self, tag):
            if tag == "svg" and self.svg_depth:
                self.svg_depth -= 1
                if self.svg_depth == 0 and self.svg_role == "img" and not self.svg_named:
                    problems.append(f"{where}:{self.svg_line}: <svg role=\"img\"> has no <title> or label")

    Images().feed(html)
    return problems


def test_image_check_catches_missing_alt():
    html = '<img src="a.png"><img src="b.png" alt=""><img src="c.png" alt="" role="presentation">' \
           '<svg role="img"><path d=""/></svg><svg role="img"><title>Cat pose</title></svg>'
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
                        assert alt is not None and alt.is_required(), f"{cls.__name__}.{name}: its type needs a required alt"
                    else:
                        pytest.fail(f"{cls.__name__}.{name} is a bare {t.__name__}: make it a model with a required alt")
