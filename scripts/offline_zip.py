"""Build the offline copy of the handbook and zip it into a built site, as downloads/lumbar-handbook-offline.zip.

The offline copy is mkdocs.yml plus Material's offline plugin: plain .html URLs that open from a folder or a
saved zip, with search (the search index as a script, the search worker in an iframe: see
overrides/assets/javascripts/iframe-worker.js). The plugins are read from mkdocs.yml, so the two never differ.

    python scripts/offline_zip.py SITE_DIR [--copy DIR]

--copy keeps the unzipped offline copy in DIR (the tests open it from file://).
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ZIP_PATH = "downloads/lumbar-handbook-offline.zip"
FOLDER = "lumbar-handbook"  # the folder the zip unpacks to


def offline_config(site_dir: Path):
    """mkdocs.yml with the offline plugin added and the local iframe-worker as its polyfill."""
    from mkdocs.config import load_config
    from mkdocs.utils.yaml import yaml_load

    with open(ROOT / "mkdocs.yml", "rb") as f:
        raw = yaml_load(f)
    plugins = raw.get("plugins") or ["search"]
    plugins = {**plugins, "offline": {}} if isinstance(plugins, dict) else [*plugins, "offline"]
    extra = {**(raw.get("extra") or {}), "offline_copy": True, "polyfills": ["assets/javascripts/iframe-worker.js"]}
    return load_config(str(ROOT / "mkdocs.yml"), plugins=plugins, extra=extra, site_dir=str(site_dir))


def build_offline(out: Path) -> None:
    from mkdocs.commands.build import build

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = offline_config(out)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    for name in ("404.html", "sitemap.xml", "sitemap.xml.gz", "sw.js"):  # of no use from a folder
        (out / name).unlink(missing_ok=True)
    # Chromium runs no ES module from file://: each page's modules joined into one classic script.
    sys.path.insert(0, str(ROOT))
    from lumbar.offline_modules import classic_pages

    classic_pages(out)


def zip_date() -> tuple[int, int, int, int, int, int]:
    """Every entry's date: SOURCE_DATE_EPOCH (make build sets the commit's time), else 1980-01-01, zip's first day."""
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or 0)
    return max(time.gmtime(epoch)[:6], (1980, 1, 1, 0, 0, 0))


def write_zip(copy: Path, zip_file: Path) -> None:
    """The same files give the same bytes: sorted names, one date, one mode, no file system metadata."""
    zip_file.parent.mkdir(parents=True, exist_ok=True)
    tmp = zip_file.with_suffix(".zip.part")
    date = zip_date()
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for path in sorted(p for p in copy.rglob("*") if p.is_file() and not p.name.endswith(".map")):
            info = zipfile.ZipInfo(f"{FOLDER}/{path.relative_to(copy).as_posix()}", date_time=date)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, path.read_bytes(), compresslevel=9)
    tmp.replace(zip_file)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path, help="the built site to put the zip into")
    parser.add_argument("--copy", type=Path, help="keep the unzipped offline copy here")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)-7s -  %(message)s")
    from mkdocs.exceptions import Abort

    with tempfile.TemporaryDirectory() as tmp:
        copy = args.copy or Path(tmp) / FOLDER
        if copy.exists():
            shutil.rmtree(copy)
        try:
            build_offline(copy)
        except Abort as err:
            print(f"The offline copy was not built: {err}", file=sys.stderr)
            return 1
        write_zip(copy, args.site_dir / ZIP_PATH)
    print(f"{args.site_dir / ZIP_PATH}: {(args.site_dir / ZIP_PATH).stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
