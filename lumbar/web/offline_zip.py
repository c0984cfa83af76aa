"""The offline copy as a zip whose bytes the same files always give: one per language, each in its language
(downloads/lumbar-handbook-offline.zip, -es.zip, -ru.zip), unpacking to a folder of its own."""

from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path

FOLDER = "lumbar-handbook"  # the folder the English zip unpacks to
# zlib's default level: level 9 took 2-3 s on the Russian copy's pages (Cyrillic text) against 0.45 s, for a
# zip 3% smaller (English: 0.4 s against 0.2 s).
LEVEL = 6


def source_date_epoch(sources: list[Path]) -> None:
    """SOURCE_DATE_EPOCH dates the site (make: the last commit's). Without git (a ZIP) it is empty, which MkDocs
    cannot read: then the newest source file's time, which a ZIP keeps: the same download builds the same bytes."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").strip().isdigit():
        return
    newest = max((p.stat().st_mtime for f in sources for p in f.rglob("*") if p.is_file()), default=0)
    os.environ["SOURCE_DATE_EPOCH"] = str(int(newest))


def zip_path(lang: str = "en") -> str:
    """Where a language's zip sits in the site: the downloads/ folder at the root, beside the English one."""
    return "downloads/lumbar-handbook-offline.zip" if lang == "en" else f"downloads/lumbar-handbook-offline-{lang}.zip"


def folder(lang: str = "en") -> str:
    """The folder a language's zip unpacks to: two languages unzipped side by side do not mix."""
    return FOLDER if lang == "en" else f"{FOLDER}-{lang}"


def zip_date() -> tuple[int, int, int, int, int, int]:
    """Every entry's date: SOURCE_DATE_EPOCH (make build sets the commit's time), else 1980-01-01, zip's first day."""
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or 0)
    return max(time.gmtime(epoch)[:6], (1980, 1, 1, 0, 0, 0))


def write_zip(copy: Path, zip_file: Path, top: str = FOLDER) -> None:
    """The same files give the same bytes: sorted names, one date, one mode, no file system metadata."""
    zip_file.parent.mkdir(parents=True, exist_ok=True)
    tmp = zip_file.with_suffix(".zip.part")
    date = zip_date()
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=LEVEL) as z:
        for path in sorted(p for p in copy.rglob("*") if p.is_file() and not p.name.endswith(".map")):
            info = zipfile.ZipInfo(f"{top}/{path.relative_to(copy).as_posix()}", date_time=date)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, path.read_bytes(), compresslevel=LEVEL)
    tmp.replace(zip_file)
