"""Helpers for the trust tests: the kinds of page, a recorder of requests and CSP refusals, the offline copy."""

from __future__ import annotations

import functools
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
ZIP_PATH = "downloads/lumbar-handbook-offline.zip"

# Requests that stay on this machine; anything else is a request to another host.
LOCAL = re.compile(r"^(http://127\.0\.0\.1[:/]|file:|data:|blob:|about:|chrome-error:)")
# Blocked in the browser tests, so nothing leaves the machine even when a rule is broken.
OFF_HOST = re.compile(r"^(?!http://127\.0\.0\.1[:/])(https?|wss?|ftp)://")

WATCH_CSP = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} ${e.sample || ""}`.trim()));
"""


@functools.cache
def config() -> dict:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


def first_item(site: Path, kind: str) -> str:
    """The first item of a kind from data/ that has a page, as a site path: 'exercises/bird-dog/'."""
    for path in sorted((ROOT / "data" / kind).glob("*.yaml")):
        if (site / kind / path.stem / "index.html").is_file():
            return f"{kind}/{path.stem}/"
    raise AssertionError(f"no {kind} page in the built site")


def page_kinds(site: Path) -> dict[str, str]:
    """One page of each kind, as site paths."""
    kinds = {
        "home": "",
        "exercise": first_item(site, "exercises"),
        "routine": first_item(site, "routines"),
        "condition": first_item(site, "conditions"),
        "exercise index": "exercises/",
        "routine index": "routines/",
        "red flags": "safety/red-flags/",
        "offline": "offline/",
    }
    if (site / "find" / "index.html").is_file():
        kinds["find"] = "find/"
    return kinds


class Recorder:
    """Records every request of a browser context, the failed ones, and the CSP's refusals."""

    def __init__(self, context, block: bool = True):
        self.requests: list[str] = []
        self.failed: list[str] = []
        self.console: list[str] = []
        self.csp: list[str] = []
        context.on("request", lambda r: self.requests.append(r.url))
        context.on("requestfailed", lambda r: self.failed.append(f"{r.url} ({r.failure})"))
        context.on("console", lambda m: self.console.append(m.text) if m.type == "error" else None)
        context.add_init_script(WATCH_CSP)
        if block:
            context.route(OFF_HOST, lambda route: route.abort("blockedbyclient"))

    def visit(self, page, url: str, idle: bool = True) -> None:
        page.goto(url, wait_until="networkidle" if idle else "load")
        self.collect(page)

    def collect(self, page) -> None:
        """Read the page's CSP refusals (call before leaving the page)."""
        self.csp += page.evaluate("window.__csp || []")
        page.evaluate("window.__csp = []")

    def off_host(self) -> list[str]:
        return sorted({u for u in self.requests if not LOCAL.match(u)})

    def refused(self) -> list[str]:
        said = [m for m in self.console if "Content Security Policy" in m or m.startswith("Refused to")]
        return said + self.csp


def tour(browser, server: str, site: Path, query: str) -> Recorder:
    """Visit every kind of page (a routine also as printed), then search from home and open the first result."""
    context = browser.new_context()
    rec = Recorder(context)
    page = context.new_page()
    try:
        for name, path in page_kinds(site).items():
            rec.visit(page, server + path)
            if name == "routine":
                page.emulate_media(media="print")
                assert page.evaluate("matchMedia('print').matches")
                settle(page)
                page.emulate_media(media="screen")
                rec.collect(page)
        rec.visit(page, server)
        assert search(page, query) > 0
        rec.collect(page)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        page.wait_for_load_state("networkidle")
        rec.collect(page)
    finally:
        context.close()
    return rec


# Resolves when the page is at rest: every finite animation and transition finished, two frames drawn, and
# the browser idle once. Infinite animations are left out (they never finish); under reduced motion there are none.
SETTLE = """async () => {
  const finite = () => document.getAnimations().filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity);
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  for (let round = 0; round < 50; round++) {
    await Promise.all(finite().map((a) => a.finished.catch(() => null)));
    await frame();
    await frame();
    await new Promise((resolve) => requestIdleCallback(() => resolve(), {timeout: 1000}));
    if (!finite().some((a) => a.playState === "running")) return round;
  }
  throw new Error("animations still running: " + finite().map((a) => a.transitionProperty || a.animationName));
}"""

# Resolves with the number of results once Material's search has answered `query` and the result list is at
# rest: the box holds the query, the meta line counts the matches (not "Initializing" or "Type to start"),
# nothing animates, and list and meta stay the same for five frames in a row.
SETTLED_RESULTS = """async ([query, timeout, answer]) => {
  const input = document.querySelector("[data-md-component=search-query]");
  const meta = document.querySelector(".md-search-result__meta");
  const list = document.querySelector(".md-search-result__list");
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const moving = () => document.getAnimations().filter((a) => a.playState === "running");
  const state = () => [input.value, meta.textContent, list.children.length, list.textContent.length].join("|");
  const deadline = performance.now() + timeout;
  let last = "", same = 0;
  while (performance.now() < deadline) {
    await Promise.all(moving().map((a) => a.finished.catch(() => null)));
    await frame();
    const now = state();
    const answered = input.value === query && new RegExp(answer, "i").test(meta.textContent) && !moving().length;
    same = answered && now === last ? same + 1 : 0;
    if (same >= 5) return list.querySelectorAll(".md-search-result__item").length;
    last = now;
  }
  throw new Error(`search for ${JSON.stringify(query)} not settled: ${state()}, moving: ${moving().length}`);
}"""


def settle(page) -> None:
    """Wait until nothing on the page moves (evaluate, not wait_for_function: the CSP refuses a string function)."""
    page.evaluate(SETTLE)


def settled_results(page, query: str, timeout_ms: int = 10_000, answer: str = "matching|no match") -> int:
    """Wait for the settled result list of `query` (not its first result) and return how many results it lists.
    `answer`: what the meta line says once search has answered (in English; another language passes its own)."""
    return page.evaluate(SETTLED_RESULTS, [query, timeout_ms, answer])


def type_query(page, query: str) -> None:
    """Type into the open search box as a reader would, so that exactly one search runs: all but the last
    character at once, then the last one as a key press (Material searches on keyup)."""
    box = page.locator("input.md-search__input")
    box.wait_for(state="visible")
    box.fill(query[:-1])
    if query[-1].isascii():
        box.press(query[-1])
    else:  # a key a US keyboard lacks (Cyrillic): typed as text, then a key press for Material's keyup
        box.press_sequentially(query[-1])
        box.press("End")
    assert box.input_value() == query


def search(page, query: str) -> int:
    """Open Material's search with its shortcut, type a query, and return how many results the settled list shows."""
    page.keyboard.press("/")
    type_query(page, query)
    return settled_results(page, query)


@functools.cache
def build_offline(site: Path, lang: str = "en") -> Path:
    """Build the offline copy in a language next to the site and zip it into the site; return the unzipped copy."""
    copy = site.parent / ("offline-copy" if lang == "en" else f"offline-copy-{lang}")
    result = subprocess.run(
        [sys.executable, "-m", "lumbar", "offline", str(site), "--copy", str(copy), "--lang", lang],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return copy


@pytest.fixture(scope="session")
def offline_copy(site) -> Path:
    """The offline copy (plain .html files), with its zip put into the session's site."""
    return build_offline(site)


@pytest.fixture(scope="session")
def offline_copies(site, offline_copy) -> dict[str, Path]:
    """The offline copy of every language by its code, each with its zip put into the session's site."""
    from lumbar.i18n.ui import codes

    return {"en": offline_copy, **{code: build_offline(site, code) for code in codes() if code != "en"}}
