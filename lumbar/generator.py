"""The site generator's side, and the only module that runs it: stage, then MkDocs builds the staged source,
then the post-build passes. `python -m lumbar build | serve | offline`.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
import threading
from pathlib import Path

from lumbar.config import site_config
from lumbar.content.handwritten import as_extra
from lumbar.stage import ROOT, Options, options_from_config, stage, staged

CONFIG = ROOT / "mkdocs.yml"
STAGE = ROOT / "build" / "stage"


def _raw_config(config_file: Path = CONFIG) -> dict:
    """mkdocs.yml, as every command reads it (lumbar/config.py)."""
    return site_config(config_file)


def variant_settings(opts: Options, raw: dict | None = None) -> dict:
    """The generator's settings for one build variant, from the one reading of mkdocs.yml (lumbar/config.py): its
    language (Material's interface and search: lumbar/i18n/config.py), its address and URL style as the stage used
    them, the offline plugin for the offline copy, and the variant itself (extra.variant), where macros.py reads it.
    MkDocs (build, serve) and Zensical all take their settings from here."""
    from lumbar.i18n.config import language_changes

    raw = raw if raw is not None else _raw_config()
    changes: dict = language_changes(raw, opts.lang)
    changes.update(site_url=opts.site_url, use_directory_urls=opts.directory_urls)
    changes["extra"]["variant"] = as_extra(opts)
    if opts.offline_copy:
        plugins = changes.get("plugins") or raw.get("plugins") or ["search"]
        changes["plugins"] = {**plugins, "offline": {}} if isinstance(plugins, dict) else [*plugins, "offline"]
        # The search worker runs in an iframe from file:// (lumbar/web/js/iframe-worker.js).
        changes["extra"] = {**changes["extra"], "polyfills": ["assets/javascripts/iframe-worker.js"], "languages": []}
    return changes


def mkdocs_build(docs_dir: Path, site_dir: Path, opts: Options | None = None) -> None:
    """MkDocs builds the staged source of the variant opts (by default the one staged last) with its settings."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from lumbar.web.offline_zip import source_date_epoch

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    source_date_epoch(_sources())
    opts = opts or staged() or options_from_config()
    changes = {"docs_dir": str(docs_dir), "site_dir": str(site_dir), **variant_settings(opts)}
    config = load_config(str(CONFIG), **changes)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def _changes(data: Path | None, docs: Path | None) -> dict:
    return {**({"data": data} if data else {}), **({"docs": docs} if docs else {})}


def _search_names(data: Path | None, code: str) -> dict:
    """The language's other names for its pages' search entries (data/i18n/<lang>/search-names.yaml)."""
    from lumbar.i18n.search_names import load_search_names

    return load_search_names(data or options_from_config().data, code)


def offline_copy(out: Path, data: Path | None = None, docs: Path | None = None, lang: str = "en") -> None:
    """The offline copy in one language: plain .html addresses that open from a folder, search included."""
    from lumbar.offline_modules import classic_pages
    from lumbar.stage import DRAWINGS
    from lumbar.web.postbuild import csp_pass, drawings_pass, search_names

    with tempfile.TemporaryDirectory() as tmp:
        changes = {"directory_urls": False, "offline_copy": True, "lang": lang, **_changes(data, docs)}
        opts = options_from_config(**changes, inline_drawings=False)
        stage(Path(tmp), opts)
        mkdocs_build(Path(tmp), out, opts)
        missing = drawings_pass(out, Path(tmp) / DRAWINGS)
        search_names(out, _search_names(data, lang))  # the copy searches the same names as the site
    for name in ("404.html", "sitemap.xml", "sitemap.xml.gz", "sw.js"):  # of no use from a folder
        (out / name).unlink(missing_ok=True)
    classic_pages(out)  # Chromium runs no ES module from file://: each page's modules as one classic script
    problems = missing + csp_pass(out)
    if problems:
        raise SystemExit("\n".join(problems))


def build(
    site: Path,
    stage_dir: Path = STAGE,
    data: Path | None = None,
    offline: bool = True,
    docs: Path | None = None,
    languages: tuple[str, ...] = ("en",),
) -> int:
    """Stage, build into a fresh folder, post-process, add the offline zips, then swap it in: a failed build
    leaves the last good site as it was."""
    from mkdocs.exceptions import Abort

    from lumbar.loader import DataError
    from lumbar.stage import DRAWINGS, written
    from lumbar.web.offline_zip import folder, write_zip, zip_path
    from lumbar.web.postbuild import alternate_sitemaps, postbuild

    fresh = site.with_name(site.name + ".new")
    shutil.rmtree(fresh, ignore_errors=True)
    try:
        opts = options_from_config(**_changes(data, docs), inline_drawings=False)
        stage(stage_dir, opts)
        mkdocs_build(stage_dir, fresh, opts)
        problems = postbuild(fresh, stage_dir / DRAWINGS, langs=languages[1:], written=written(stage_dir))
        for code in languages[1:]:  # each other language: a whole handbook under /<code>/
            lang_stage = stage_dir.with_name(f"{stage_dir.name}-{code}")
            opts = options_from_config(**_changes(data, docs), lang=code, inline_drawings=False)
            stage(lang_stage, opts)
            mkdocs_build(lang_stage, fresh / code, opts)
            names = _search_names(data, code)
            problems += postbuild(fresh / code, lang_stage / DRAWINGS, names, code, languages[1:], written(lang_stage))
        alternate_sitemaps(fresh, languages, options_from_config(**_changes(data, docs)).site_url)
        if problems:
            raise Abort("\n".join(problems))
        for code in languages if offline else ():  # a zip per language: a reader downloads the handbook they read
            with tempfile.TemporaryDirectory() as tmp:
                offline_copy(Path(tmp) / "copy", data, docs, code)
                write_zip(Path(tmp) / "copy", fresh / zip_path(code), folder(code))
    except DataError as err:
        lines = "\n".join(f"  {p}" for p in err.problems)
        print(f"The data has {len(err.problems)} problem(s); nothing was built:\n{lines}", file=sys.stderr)
        return 1
    except Abort as err:
        print(f"The build stopped: {err}", file=sys.stderr)
        return 1
    except SystemExit as err:  # mkdocs-macros (on_error_fail) exits on a page's failed macro call, logged above
        print(
            f"The build stopped: a page's macro call failed (exit {err.code}; the page and error are above)",
            file=sys.stderr,
        )
        return 1
    shutil.rmtree(site, ignore_errors=True)
    fresh.rename(site)
    return 0


def _sources() -> list[Path]:
    return [
        ROOT / "data",
        ROOT / "docs",
        ROOT / "lumbar" / "templates",
        ROOT / "lumbar" / "web" / "js",
        ROOT / "lumbar" / "i18n" / "ui",
    ]


def _stamp(folders: list[Path]) -> tuple:
    return tuple(sorted((str(p), p.stat().st_mtime_ns) for f in folders for p in f.rglob("*") if p.is_file()))


def watch_and_stage(stage_dir: Path, stop: threading.Event, changes: dict, every: float = 0.2) -> None:
    """Stage again whenever a file under data/, docs/, the templates or the JavaScript changes; MkDocs then
    rebuilds (--dirty) only the staged files that changed."""
    from lumbar.loader import DataError

    folders = [changes.get("data", ROOT / "data"), changes.get("docs", ROOT / "docs"), *_sources()[2:]]
    seen = _stamp(folders)
    while not stop.wait(every):
        now = _stamp(folders)
        if now == seen:
            continue
        seen = now
        try:
            changed = stage(stage_dir, options_from_config(**changes))
            logging.getLogger("mkdocs").info("lumbar: staged %d changed file(s)", len(changed))
        except DataError as err:
            for problem in err.problems:
                logging.getLogger("mkdocs").error("%s", problem)


def serve(
    addr: str = "127.0.0.1:8000",
    stage_dir: Path = STAGE,
    data: Path | None = None,
    docs: Path | None = None,
    lang: str = "en",
) -> int:
    """Stage, serve, and stage again on every edit; one language at a time (`--lang es` for the Spanish)."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    from lumbar.loader import DataError

    changes = {**_changes(data, docs), "lang": lang}
    opts = options_from_config(**changes)
    try:
        stage(stage_dir, opts)
    except DataError as err:
        print("\n".join(map(str, err.problems)), file=sys.stderr)
        return 1
    settings = variant_settings(opts)
    settings["extra"]["preview"] = True  # main.html lets the live-reload script run
    stop = threading.Event()
    threading.Thread(target=watch_and_stage, args=(stage_dir, stop, changes), daemon=True).start()
    try:
        # Not strict: MkDocs warns about every --dirty build; `make build` and `make test` stay strict.
        mkdocs_serve(str(CONFIG), dev_addr=addr, build_type="dirty", docs_dir=str(stage_dir), strict=False, **settings)
    finally:
        stop.set()
    return 0


def build_argv(
    site_dir: Path,
    stage_dir: Path,
    data: Path | None = None,
    docs: Path | None = None,
    offline: bool = False,
    languages: bool = True,
) -> list[str]:
    """The command that builds a site as `make build` does, for the tests, the bench and the picture script
    (without the offline zip, and English only, unless asked)."""
    cmd = [sys.executable, "-m", "lumbar", "build", "--site-dir", str(site_dir), "--stage-dir", str(stage_dir)]
    cmd += ["--data", str(data)] * bool(data) + ["--docs", str(docs)] * bool(docs)
    return cmd + ["--no-offline"] * (not offline) + ["--lang", "en"] * (not languages)


def main_build(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m lumbar build", description="Stage, build and post-process the site."
    )
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--stage-dir", type=Path, default=STAGE)
    parser.add_argument("--data", type=Path, help="another data folder (tests, benchmarks)")
    parser.add_argument("--docs", type=Path, help="another folder of hand-written pages (tests)")
    parser.add_argument("--no-offline", action="store_true", help="leave out the offline zip")
    parser.add_argument("--lang", action="append", help="build only these languages (default: every one)")
    args = parser.parse_args(argv)
    from lumbar.i18n.ui import codes

    langs = tuple(c for c in codes() if not args.lang or c in args.lang or c == "en")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)-7s -  %(message)s")
    site, stage_dir = args.site_dir.resolve(), args.stage_dir.resolve()
    return build(site, stage_dir, args.data, offline=not args.no_offline, docs=args.docs, languages=langs)


def main_serve(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m lumbar serve", description="Serve the handbook while you edit.")
    parser.add_argument("--dev-addr", default="127.0.0.1:8000")
    parser.add_argument("--stage-dir", type=Path, default=STAGE)
    parser.add_argument("--data", type=Path, help="another data folder (benchmarks)")
    parser.add_argument("--docs", type=Path, help="another folder of hand-written pages")
    parser.add_argument("--lang", default="en", help="the language to serve (default en)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    return serve(args.dev_addr, args.stage_dir.resolve(), args.data, args.docs, args.lang)


def main_offline(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m lumbar offline", description="Zip the offline copy into a site.")
    parser.add_argument("site", type=Path)
    parser.add_argument("--copy", type=Path, help="keep the unzipped offline copy here")
    parser.add_argument("--data", type=Path)
    parser.add_argument("--lang", action="append", help="only this language's copy (default: every language)")
    args = parser.parse_args(argv)
    from lumbar.i18n.ui import codes
    from lumbar.web.offline_zip import folder, write_zip, zip_path

    langs = args.lang or codes()
    if args.copy and len(langs) > 1:
        parser.error("--copy keeps one language's copy: add --lang CODE")
    for lang in langs:
        zip_file = args.site / zip_path(lang)
        with tempfile.TemporaryDirectory() as tmp:
            copy = args.copy or Path(tmp) / "copy"
            shutil.rmtree(copy, ignore_errors=True)
            offline_copy(copy, args.data, lang=lang)
            write_zip(copy, zip_file, folder(lang))
        print(f"{zip_file}: {zip_file.stat().st_size // 1024} KB")
    return 0
