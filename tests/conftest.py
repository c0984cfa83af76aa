"""Shared fixtures: the real site built once, served on loopback, and a headless Chromium."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from lumbar.generator import build_argv
from lumbar.localweb import launch, serve

ROOT = Path(__file__).resolve().parent.parent


def lumbar_build(
    site_dir: Path,
    data: Path | None = None,
    docs: Path | None = None,
    offline: bool = False,
    env: dict | None = None,
    languages: bool = False,
) -> subprocess.CompletedProcess:
    """`python -m lumbar build` (what make build runs), staged next to the site, without the offline zip and in
    English only unless asked."""
    cmd = build_argv(site_dir, site_dir.parent / f"{site_dir.name}-stage", data, docs, offline, languages)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    return subprocess.run(cmd, check=False, cwd=ROOT, env=env, capture_output=True, text=True)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real handbook in every language, built once for the whole run."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = lumbar_build(out, languages=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def server(site) -> str:
    """The built site served on 127.0.0.1, as a static host would."""
    with serve(site) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        try:
            b = launch(p)
        except FileNotFoundError as e:
            pytest.fail(str(e))
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    pg = context.new_page()
    yield pg
    context.close()


@pytest.fixture(scope="session")
def handbook():
    from lumbar.load import load_handbook

    return load_handbook(ROOT / "data")


# The fast tier (`make check-fast`: pytest -m "not slow"): the tests that need no built site, browser, Lighthouse
# or Zensical run, and build nothing themselves. `make test` runs them all.
SLOW_FIXTURES = {
    "site",
    "browser",
    "server",
    "zensical_site",
    "hostile_site",
    "synthetic",
    "small",
    "offline_copy",
    "partly_translated",
}
SLOW_CALLS = (
    "lumbar_build(",
    "build(data",
    "build_argv(",
    '"bench"',
    "zensical(",
    '"pip", "install"',
    "build(tmp_path",
)


def pytest_collection_modifyitems(config, items):
    import inspect

    for item in items:
        fn = getattr(item, "function", None)
        source = inspect.getsource(fn) if fn else ""
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())) or any(c in source for c in SLOW_CALLS):
            item.add_marker(pytest.mark.slow)
