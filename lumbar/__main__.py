"""Command line: `python -m lumbar VERB [options]`; `python -m lumbar VERB --help` explains one verb.

Every chore goes through here: the Makefile targets and the weekly workflow call these verbs.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from pathlib import Path

Verb = Callable[[list[str]], int]


def _load(data: str):
    """The handbook, or None after printing every problem in the data."""
    from lumbar.load import load_handbook
    from lumbar.loader import DataError

    try:
        return load_handbook(data)
    except DataError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        print(f"{len(err.problems)} problem(s) in the data.", file=sys.stderr)
        return None


def _data_parser(verb: str, description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"python -m lumbar {verb}", description=description)
    parser.add_argument("--data", default="data", help="the data folder (default: data)")
    return parser


def check(argv: list[str]) -> int:
    parser = _data_parser("check", "Load and check the handbook's data and its translations.")
    parser.add_argument("--docs", default="docs", help="the hand-written pages (default: docs)")
    args = parser.parse_args(argv)
    hb = _load(args.data)
    if hb is None:
        return 1
    print(f"data OK: {len(hb.exercises)} exercises, {len(hb.routines)} routines, {len(hb.conditions)} conditions")
    from lumbar.i18n.load import languages, load_language
    from lumbar.loader import DataError

    failed = 0
    for code in languages(Path(args.data)):
        try:
            lang = load_language(Path(args.data), code)
        except DataError as err:
            print("\n".join(map(str, err.problems)), file=sys.stderr)
            failed += len(err.problems)
            continue
        print(f"{code}: {len(lang.files)} file(s) translated, {len(lang.missing)} not yet")
        from lumbar.i18n.terms import term_problems
        from lumbar.i18n.ui import FOLDER

        terms = term_problems(Path(args.data), code, Path(args.docs), FOLDER / f"{code}.yaml")
        for problem in terms:
            print(problem, file=sys.stderr)
        failed += len(terms)
        for rel in lang.stale():
            print(f"  {code}: data/i18n/{code}/{rel}: may be out of date: the English changed since it was translated")
        from lumbar.i18n.pages import page_fingerprint, stale_pages

        for page in stale_pages(Path(args.docs), code):
            english = Path(args.docs).parent / (page.removesuffix(f".{code}.md") + ".md")
            now = page_fingerprint(english.read_bytes())
            print(f'  {code}: {page}: may be out of date: the English page changed (now translated_from: "{now}")')
    from lumbar.i18n.catalogue import problems

    for problem in problems():
        print(problem, file=sys.stderr)
        failed += 1
    if failed:
        print(f"{failed} problem(s) in the translations.", file=sys.stderr)
    return 1 if failed else 0


def export(argv: list[str]) -> int:
    parser = _data_parser("export", "Write the handbook as open data (JSON).")
    parser.add_argument("--out", default="site/api/handbook.json", help="where export writes")
    args = parser.parse_args(argv)
    hb = _load(args.data)
    if hb is None:
        return 1
    from lumbar.export import write
    from lumbar.stage import options_from_config

    write(hb, Path(args.out), options_from_config().site_url)
    print(f"wrote {args.out}")
    return 0


# (verb, function or "module:function", what it does). A function takes the verb's own arguments and returns the
# exit code; a module named by text is imported only when its verb runs (the model takes a second to import).
VERBS: tuple[tuple[str, Verb | str, str], ...] = (
    ("check", check, "load and check the data"),
    ("stage", "lumbar.stage:main", "write the site source (pages, drawings, open data) into a folder"),
    ("build", "lumbar.generator:main_build", "stage, build with MkDocs, post-process, zip the offline copy: site/"),
    ("serve", "lumbar.generator:main_serve", "serve the handbook on 127.0.0.1:8000, staged again on every edit"),
    ("postbuild", "lumbar.web.postbuild:main", "the passes over a built site (CSP hashes, search names, sw.js)"),
    ("offline", "lumbar.generator:main_offline", "zip the offline copy into a built site"),
    ("zensical", "lumbar.zensical:main_zensical", "build the staged source with Zensical into site-zensical/"),
    ("site-diff", "lumbar.web.sitediff:main", "what changed between two built sites, page by page"),
    ("export", export, "write the open data (default site/api/handbook.json)"),
    ("schema", "lumbar.reference.commands:schema", "write schema/*.json and the field reference in CONTRIBUTING.md"),
    ("new", "lumbar.reference.commands:new", "start a new data file, e.g. new exercise side-plank"),
    ("i18n-new", "lumbar.i18n.scaffold:main", "start the translation files of a language, e.g. i18n-new es"),
    ("bench", "lumbar.bench.main:main", "the build-speed, page-weight and search benchmark (make bench)"),
    ("synth", "lumbar.bench.synth:main", "write a synthetic handbook of N exercises (the benchmark's data)"),
    ("lighthouse", "lumbar.bench.lighthouse:main", "Lighthouse scores of pages of a built site"),
    ("pictures", "lumbar.chores.sheet_png:main", "the picture of a printed sheet for the README and how-to page"),
    ("figure-png", "lumbar.chores.figure_png:main", "an exercise's drawings as PNG, e.g. figure-png cat"),
    ("check-site", "lumbar.chores.check_site:main", "check a built site's links and policy, list its external links"),
    ("review-due", "lumbar.review:main", "list the items whose clinical review is due, e.g. review-due --days 60"),
)


def _function(target: Verb | str) -> Verb:
    if callable(target):
        return target
    module, name = target.split(":")
    return getattr(importlib.import_module(module), name)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    verbs = {name: target for name, target, _ in VERBS}
    if argv and argv[0] in verbs:
        return _function(verbs[argv[0]])(argv[1:])
    asked = bool(argv) and argv[0] in ("-h", "--help")
    out = sys.stdout if asked else sys.stderr
    if argv and not asked:
        print(f"python -m lumbar: unknown verb {argv[0]!r}", file=out)
    print("usage: python -m lumbar VERB [options]   (python -m lumbar VERB --help for more)\n", file=out)
    for name, _, what in VERBS:
        print(f"  {name:<11} {what}", file=out)
    return 0 if asked else 2


if __name__ == "__main__":
    sys.exit(main())
