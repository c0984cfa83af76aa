"""QR codes for the printed sheets: inline SVG, made at build time by segno (no network).

segno tries its eight masks and keeps the one that scans best (about 7 ms a code, and importing segno pulls in
urllib and ssl): a code is a pure function of its address and of segno, so with a `folder` each is kept there
between builds (lumbar.render gives the per-user folder of the compiled templates).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from functools import cache
from pathlib import Path

from markupsafe import Markup

TITLE = "QR code: scan it to open this routine online"
_FORMAT = "lumbar-qr-1 error=m micro=False scale=1 border=4 svgclass=lh-qr omitsize role=img"  # change with _make


def _make(url: str) -> str:
    import segno

    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=1, border=4, svgclass="lh-qr", lineclass=None, omitsize=True, title=TITLE)
    return svg.replace("<svg ", '<svg role="img" ', 1)


@cache
def _segno_version() -> str:
    """segno's installed files, without importing it: a new segno makes new cache names."""
    spec = importlib.util.find_spec("segno")
    origin = Path(spec.origin) if spec and spec.origin else None
    stat = origin.stat() if origin else None
    return f"{origin}:{stat.st_mtime_ns}:{stat.st_size}" if stat else "?"


def _kept(url: str, folder: Path) -> str:
    name = hashlib.sha256(f"{_FORMAT}\0{_segno_version()}\0{TITLE}\0{url}".encode()).hexdigest()[:32]
    path = folder / f"lumbar-qr-{name}.svg"
    try:
        head, svg = path.read_text(encoding="utf-8").split("\n", 1)
        if head == url and svg.startswith('<svg role="img" ') and svg.endswith("</svg>"):
            return svg
    except (OSError, ValueError, UnicodeDecodeError):
        pass
    svg = _make(url)
    try:
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(f"{url}\n{svg}", encoding="utf-8")
        os.replace(tmp, path)
    except OSError:  # a read-only cache: made again next time
        pass
    return svg


@cache
def qr_svg(url: str, folder: Path | None = None) -> Markup:
    """The QR code of `url` as an inline <svg> (no size, no style attributes; CSS sizes it); with `folder`, kept
    there between builds.

    Only the URL goes in, and segno writes it into the code's pixels, not into the markup.
    """
    if not url.startswith(("https://", "http://")):
        raise ValueError(f"QR code for '{url}': only http(s) addresses")
    return Markup(_kept(url, folder) if folder is not None else _make(url))
