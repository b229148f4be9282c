"""QR codes as inline SVG (segno): printed pages and PDFs lead back to their online page."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import segno
from lxml import etree
from markupsafe import Markup

# Every page's code again on every build costs about 2 ms a page; the codes of unchanged URLs are kept
# here, keyed by a hash of what makes them (segno's version, the mask, the URL).
CACHE = Path(__file__).resolve().parents[3] / ".build" / "qr-cache"

# A fixed mask pattern: choosing the best of the eight costs about 4 ms per code, a quarter of the
# build time of a page, and every mask decodes reliably on paper (tests/print/test_print.py decodes them).
MASK = 2


def qr_svg(url: str, label: str = "") -> Markup:
    """An inline SVG QR code of ``url``, scalable with CSS (no width/height of its own), named for screen
    readers: ``role="img"`` and a ``<title>``, set on the parsed SVG."""
    svg = etree.fromstring(_code_svg(url))
    svg.set("role", "img")
    title = etree.Element(f"{{{svg.nsmap[None]}}}title" if None in svg.nsmap else "title")
    title.text = label or url
    svg.insert(0, title)
    return Markup(etree.tostring(svg, encoding="unicode"))


def _code_svg(url: str) -> str:
    key = hashlib.sha256(f"{segno.__version__}|{MASK}|m|2|{url}".encode()).hexdigest()[:40]
    cached = CACHE / key[:2] / f"{key}.svg"
    try:
        return cached.read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        pass
    code = segno.make(url, error="m", micro=False, mask=MASK)
    svg = code.svg_inline(border=2, omitsize=True, svgclass="pp-qr", lineclass=None, dark="#000", light="#fff")
    try:  # written whole, then renamed: builds side by side never read half a file
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
        partial.write_text(svg, encoding="utf-8")
        os.replace(partial, cached)
    except OSError:
        pass  # a read-only checkout builds all the same
    return svg
