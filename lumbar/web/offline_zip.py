"""The offline copy as a zip whose bytes the same files always give (downloads/lumbar-handbook-offline.zip)."""

from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path

FOLDER = "lumbar-handbook"  # the folder the zip unpacks to


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
