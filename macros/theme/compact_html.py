"""Drop the indentation that the theme's templates leave in every page.

About a fifth of a page's bytes are the spaces that indent Material's template output. Browsers
ignore them everywhere except in ``<pre>``, ``<textarea>`` and inline ``<code>`` (and we leave scripts
and styles alone too), so they are removed: less to download on a phone and less to store. Runs last
in the HTML pass, on the text of the tree, never on markup.
"""
from __future__ import annotations

import re

from macros.core.html_pass import HtmlPage

KEEP = {"pre", "textarea", "code", "script", "style"}
INDENT = re.compile(r"\n[ \t]+")
BLANK_LINES = re.compile(r"\n{2,}")


def _compact(text):
    if not text or "\n" not in text:
        return text
    return BLANK_LINES.sub("\n", INDENT.sub("\n", text))


def compact(page: HtmlPage) -> None:
    _compact_inside(page.tree, keep=False)


def _compact_inside(element, keep: bool) -> None:
    keep = keep or (isinstance(element.tag, str) and element.tag in KEEP)
    if not keep:
        element.text = _compact(element.text)
    for child in element:
        _compact_inside(child, keep)
        if not keep:
            child.tail = _compact(child.tail)
