"""Clickjacking (issue 29): a page framed by another site hides itself, so a hidden click cannot reach the
diary's "Delete all" or the builder; framed by the handbook itself (or not framed) it works as ever."""

from __future__ import annotations

import pytest

from lumbar.localweb import serve


@pytest.fixture(scope="module")
def other_site(tmp_path_factory):
    """Another website: another port on this machine is another origin."""
    folder = tmp_path_factory.mktemp("other")
    (folder / "index.html").write_text("<!doctype html><title>Another site</title><p>Win a prize!</p>")
    with serve(folder) as base:
        yield base


def _framed(browser, server: str, outer: str, inner: str):
    page = browser.new_page()
    page.goto(outer)
    page.evaluate(
        """(src) => new Promise((done) => {
             const frame = document.createElement("iframe");
             frame.width = 800; frame.height = 600; frame.src = src;
             frame.onload = () => done();
             document.body.prepend(frame);
           })""",
        inner,
    )
    frame = next(f for f in page.frames if f != page.main_frame)
    frame.wait_for_load_state("load")
    return page, frame


@pytest.mark.parametrize("path", ["diary/", "builder/", "es/diary/"])
def test_a_page_framed_by_another_site_takes_no_click(browser, server, other_site, path):
    page, frame = _framed(browser, server, other_site, server + path)
    assert frame.evaluate("document.documentElement.classList.contains('lh-framed')")
    link = frame.locator(".lh-framed-note a")
    assert link.is_visible() and link.get_attribute("target") == "_top"
    if path.startswith("es/"):
        assert "otro sitio web" in link.inner_text()
    # Every button the page drew is hidden: a hidden element takes no click.
    buttons = frame.locator("button")
    assert buttons.count() > 0
    assert not any(buttons.nth(i).is_visible() for i in range(buttons.count()))
    page.close()


def test_a_page_framed_by_the_handbook_itself_works(browser, server):
    page, frame = _framed(browser, server, server + "about/", server + "diary/")
    assert not frame.evaluate("document.documentElement.classList.contains('lh-framed')")
    assert frame.locator(".lh-framed-note").count() == 0
    assert frame.locator("button").first.is_visible()
    page.close()
