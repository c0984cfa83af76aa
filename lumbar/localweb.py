"""A built site served on loopback and headless Chromium with the house flags: the one copy that the tests,
the bench and the picture scripts share.

    with serve(site) as base:            # "http://127.0.0.1:PORT/"
        with sync_playwright() as p:
            browser = launch(p)
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# No sandbox (containers), no GPU, and nothing that talks to Google's servers.
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def chromium_path() -> str | None:
    """$CHROMIUM, else chromium on the PATH, else Debian's /usr/bin/chromium; None when there is none."""
    for candidate in (os.environ.get("CHROMIUM"), shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


class QuietHandler(SimpleHTTPRequestHandler):
    """A static host's answers, without a log line per request."""

    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path | str, handler: type[SimpleHTTPRequestHandler] = QuietHandler) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 (a free port) for the length of the block; yields the base address."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def launch(playwright, *extra_args: str):
    """Headless Chromium from the machine (Playwright's own download is not used)."""
    path = chromium_path()
    if path is None:
        raise FileNotFoundError("No chromium: run scripts/ensure-chromium.sh or set CHROMIUM")
    return playwright.chromium.launch(executable_path=path, args=[*CHROMIUM_ARGS, *extra_args])
