"""QR codes for the printed sheets: inline SVG, made at build time by segno (no network)."""

from __future__ import annotations

from functools import cache

import segno
from markupsafe import Markup

TITLE = "QR code: scan it to open this routine online"


@cache
def qr_svg(url: str) -> Markup:
    """The QR code of `url` as an inline <svg> (no size, no style attributes; CSS sizes it).

    Only the URL goes in, and segno writes it into the code's pixels, not into the markup.
    """
    if not url.startswith(("https://", "http://")):
        raise ValueError(f"QR code for '{url}': only http(s) addresses")
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=1, border=4, svgclass="lh-qr", lineclass=None, omitsize=True, title=TITLE)
    return Markup(svg.replace("<svg ", '<svg role="img" ', 1))
