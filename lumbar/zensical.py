"""`python -m lumbar zensical`: the staged source built with Zensical (the successor of MkDocs + Material) into
site-zensical/, from mkdocs.yml less what Zensical does not run (the MkDocs hook). Its macros support runs
macros.py's define_env from the same `macros` plugin block, with the build variant in extra.variant."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from lumbar.generator import CONFIG, STAGE, _changes, _raw_config, variant_settings
from lumbar.stage import ROOT, Options, options_from_config, stage


def zensical_config(opts: Options, config_file: Path = CONFIG) -> str:
    """mkdocs.yml for Zensical: the same, less the MkDocs hook (Zensical runs none) and into site-zensical/."""
    import yaml

    raw = _raw_config(config_file)
    raw.pop("hooks", None)
    raw["site_dir"] = "site-zensical"
    # Zensical checks a page's links in its source, before its macros render it: a link made with
    # {{ repository }} reads as a missing page there. MkDocs (strict) checks the rendered links; so does `lumbar check`.
    raw["validation"] = {**(raw.get("validation") or {}), "not_found": "ignore"}
    settings = variant_settings(opts, raw)  # the variant's settings, as the MkDocs build takes them
    settings["extra"]["languages"] = []  # the English site alone
    raw.update(settings)
    return "# Written by `python -m lumbar zensical` from mkdocs.yml: do not edit.\n" + yaml.safe_dump(
        raw, sort_keys=False, allow_unicode=True
    )


def main_zensical(argv: list[str]) -> int:
    import subprocess

    parser = argparse.ArgumentParser(
        prog="python -m lumbar zensical", description="Build the staged source with Zensical into site-zensical/."
    )
    parser.add_argument("--zensical", default="zensical", help="the zensical command (make zensical gives its own)")
    parser.add_argument("--docs", type=Path, help="another folder of hand-written pages (tests)")
    args = parser.parse_args(argv)
    from lumbar.loader import DataError

    opts = options_from_config(**_changes(None, args.docs))
    try:
        stage(STAGE, opts)
    except DataError as err:
        print("\n".join(map(str, err.problems)), file=sys.stderr)
        return 1
    config = ROOT / "zensical.yml"  # Zensical wants its docs and site folders under its config's folder
    config.write_text(zensical_config(opts), encoding="utf-8")
    # macros.py imports this package: Zensical's own venv finds it here, as `python -m lumbar` does.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    return subprocess.run([args.zensical, "build", "--clean", "-f", str(config)], cwd=ROOT, env=env).returncode
