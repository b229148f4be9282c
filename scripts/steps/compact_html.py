"""Drop the indentation that the theme's templates leave in every page.

About a fifth of a page's bytes are the spaces that indent Material's template output. Browsers
ignore them everywhere except in ``<pre>`` and ``<textarea>`` (and we leave scripts alone too), so
they are removed: less to download on a phone and less to store.
"""
from __future__ import annotations

import re
from pathlib import Path

ORDER = 92  # after every step that writes HTML
KEEP = re.compile(r"(<pre\b.*?</pre>|<textarea\b.*?</textarea>|<script\b.*?</script>)", re.S | re.I)
INDENT = re.compile(r"\n[ \t]+")
BLANK_LINES = re.compile(r"\n{2,}")


def compact(html: str) -> str:
    pieces = KEEP.split(html)
    for index in range(0, len(pieces), 2):  # even pieces lie outside the kept elements
        pieces[index] = BLANK_LINES.sub("\n", INDENT.sub("\n", pieces[index]))
    return "".join(pieces)


def run(catalog, site: Path) -> None:
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        page.write_text(compact(text), encoding="utf-8")
