"""Timings in a browser or a server: search in Chromium, Lighthouse, a data edit under `make serve`."""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
import time
from pathlib import Path

import yaml

from lumbar.bench import ROOT
from lumbar.bench.runs import PYTHON, _ConfigLoader, log, project_args
from lumbar.localweb import launch, serve

_OBSERVE = """() => {
  const input = document.querySelector("[data-md-component=search-query]");
  const result = document.querySelector("[data-md-component=search-result]");
  const lh = window.__lh = {t0: 0, pending: false, times: []};
  input.addEventListener("keydown", () => { lh.t0 = performance.now(); lh.pending = true; }, true);
  new MutationObserver(() => {
    if (!lh.pending) return;
    const items = result.querySelectorAll(".md-search-result__item").length;
    const meta = result.querySelector(".md-search-result__meta");
    if (items > 0 || (meta && /no matching/i.test(meta.textContent))) {
      lh.times.push(performance.now() - lh.t0);
      lh.pending = false;
    }
  }).observe(result, {childList: true, subtree: true, characterData: true});
}"""
_READY = """() => {
  const meta = document.querySelector(".md-search-result__meta");
  return meta && !/initializ/i.test(meta.textContent);
}"""


def search_latency(site: Path, queries: list[str]) -> dict:
    """Open a page, note whether it fetched the search index, focus the search box and time until search
    is ready, then time each keystroke of each query until its results are in the DOM (performance.now()
    in the page, from keydown to the MutationObserver seeing results or "no matching documents")."""
    from playwright.sync_api import sync_playwright

    out: dict = {}
    with serve(site) as base, sync_playwright() as p:
        browser = launch(p)
        try:
            context = browser.new_context(service_workers="block")  # what the page itself fetches
            page = context.new_page()
            loaded: list[str] = []
            page.on("request", lambda r: loaded.append(r.url))
            page.goto(base + "exercises/", wait_until="load")
            page.wait_for_timeout(1500)
            out["index_at_load"] = any("search_index.json" in u for u in loaded)
            start = time.perf_counter()
            page.focus("[data-md-component=search-query]")
            while not page.evaluate(_READY):  # evaluate, not wait_for_function: the page's CSP forbids eval
                if time.perf_counter() - start > 180:
                    raise TimeoutError("search never became ready")
                page.wait_for_timeout(20)
            out["ready_s"] = time.perf_counter() - start
            page.evaluate(_OBSERVE)
            keys, words = [], []
            for query in queries:
                page.fill("[data-md-component=search-query]", "")
                page.wait_for_timeout(300)
                for ch in query:
                    page.evaluate("() => { window.__lh.times = []; }")
                    page.keyboard.press(ch)
                    waited = time.perf_counter()
                    while not page.evaluate("() => window.__lh.times.length") and time.perf_counter() - waited < 5:
                        page.wait_for_timeout(10)
                    got = page.evaluate("() => window.__lh.times")
                    keys.append(got[0] if got else None)
                words.append(keys[-1])
            out["keystroke_ms"] = keys
            out["word_ms"] = words
            out["results"] = page.evaluate("() => document.querySelectorAll('.md-search-result__item').length")
            context.close()
        finally:
            browser.close()
    return out


# --- Lighthouse's performance score ---------------------------------------------------------------


def lighthouse_scores(site: Path, runs: int) -> dict[str, list[int]]:
    """Lighthouse's mobile performance score of one page of every kind, `runs` times each (the runs of
    one page in a row; one Chromium per run), the site served as GitHub Pages serves it."""
    from lumbar.bench import lighthouse

    out: dict[str, list[int]] = {}
    with lighthouse.serve(site) as base:
        for kind, path in lighthouse.PAGES.items():
            if not (site / path / "index.html").is_file():
                continue
            for _ in range(runs):
                lhr = lighthouse.run(base + path)
                out.setdefault(kind, []).append(lighthouse.scores(lhr)["performance"])
                tbt = lhr["audits"]["total-blocking-time"]["numericValue"]
                cls = lhr["audits"]["cumulative-layout-shift"]["numericValue"]
                log(f"bench: lighthouse {kind}: performance {out[kind][-1]}, TBT {tbt:.0f} ms, CLS {cls:.3f}")
    return out


# --- A data edit under `mkdocs serve` -------------------------------------------------------------


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _edit_title(text: str, marker: str) -> str:
    return re.sub(r"^title: .+$", f"title: {marker}", text, count=1, flags=re.MULTILINE)


def _edit_step(text: str, marker: str) -> str:
    return re.sub(r"^(steps:\n  - ).+$", rf"\g<1>{marker}.", text, count=1, flags=re.MULTILINE)


SERVE_EDITS = {"a step's text": _edit_step, "the title": _edit_title}


def serve_latency(project: Path, repeat: int = 3, timeout: float = 120) -> dict[str, list[float]]:
    """Start `python -m lumbar serve` on a copy of the real handbook, edit an exercise's data file (a step's text,
    then its title, `repeat` times each) and time from the write until the served page shows the change
    (polled every 20 ms)."""
    import urllib.parse
    import urllib.request

    exercise = next(
        p
        for p in sorted((project / "data" / "exercises").glob("*.yaml"))
        if re.search(r"^steps:\n  - ", p.read_text(encoding="utf-8"), re.MULTILINE)
    )
    original = exercise.read_text(encoding="utf-8")
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    mount = "/" + urllib.parse.urlsplit(config.get("site_url") or "").path.strip("/")  # serve mounts it there
    port = _free_port()
    url = f"http://127.0.0.1:{port}{mount.rstrip('/')}/exercises/{exercise.stem}/"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    log_file = tempfile.TemporaryFile()  # noqa: SIM115 (closed in the finally below, after the server)
    proc = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "lumbar",
            "serve",
            "--dev-addr",
            f"127.0.0.1:{port}",
            *project_args(project),
            "--stage-dir",
            str(project / "build-stage"),
        ],
        cwd=ROOT,
        env=env,
        stdout=log_file,
        stderr=subprocess.STDOUT,
    )

    def page() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8", errors="replace")
        except OSError:
            return ""

    times: dict[str, list[float]] = {label: [] for label in SERVE_EDITS}
    try:
        deadline = time.monotonic() + timeout
        while "</html>" not in page():
            if proc.poll() is not None or time.monotonic() > deadline:
                log_file.seek(0)
                raise RuntimeError("mkdocs serve did not start: " + log_file.read().decode(errors="replace")[-2000:])
            time.sleep(0.2)
        for i in range(repeat):
            for label, edit in SERVE_EDITS.items():
                time.sleep(1.5)  # let the watcher and the last rebuild settle
                marker = f"Bench edit {label.split()[-1]} {i + 1} {os.getpid()}"
                start = time.perf_counter()
                exercise.write_text(edit(original, marker), encoding="utf-8")
                while marker not in page():
                    if time.perf_counter() - start > timeout:
                        raise RuntimeError(f"the edit of {label} never showed")
                    time.sleep(0.02)
                times[label].append(time.perf_counter() - start)
    finally:
        exercise.write_text(original, encoding="utf-8")
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log_file.close()
    return times
