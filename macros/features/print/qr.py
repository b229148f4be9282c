"""QR codes as inline SVG (segno): printed pages and PDFs lead back to their online page."""
from __future__ import annotations

import segno
from markupsafe import Markup

# A fixed mask pattern: choosing the best of the eight costs about 4 ms per code, a quarter of the
# build time of a page, and every mask decodes reliably on paper (tests/print/test_print.py decodes them).
MASK = 2


def qr_svg(url: str, label: str = "") -> Markup:
    """An inline SVG QR code of ``url``, scalable with CSS (no width/height of its own)."""
    code = segno.make(url, error="m", micro=False, mask=MASK)
    svg = code.svg_inline(border=2, omitsize=True, svgclass="pp-qr", lineclass=None, dark="#000", light="#fff")
    title = str(Markup("<title>{}</title>").format(label or url))
    return Markup(svg.replace(">", ' role="img">' + title, 1))
