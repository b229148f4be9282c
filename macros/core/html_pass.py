"""The one HTML pass: after MkDocs, every page is parsed once, every feature's transform changes the tree
in the order of ``macros/registry.py``, and the page is written once. No regex or string replacement
on HTML anywhere: a transform works on elements, so a stray end tag cannot move a change elsewhere.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional, Sequence

import lxml.html

from .build_context import BuildContext
from .progress import step

DOCTYPE = "<!doctype html>"


@dataclass
class HtmlPage:
    path: str  # site path: "" for the home page, "plans/daye-2023/tasks/t01/", "404.html"
    tree: lxml.html.HtmlElement  # the <html> element
    context: BuildContext


Transform = Callable[[HtmlPage], None]


def site_path(site: Path, file: Path) -> str:
    """The site path a file is published at: its folder for an index.html, else the file."""
    relative = file.relative_to(site).as_posix()
    if relative == "index.html":
        return ""
    return relative[: -len("index.html")] if relative.endswith("/index.html") else relative


def run(context: BuildContext, transforms: Sequence[Transform], quiet: bool = False,
        files: Optional[Sequence[Path]] = None) -> int:
    """Apply ``transforms`` to every HTML file of the new site (or to ``files``); returns how many pages were written."""
    files = sorted(context.site.rglob("*.html")) if files is None else files
    with step("HTML pass", len(files), quiet) as advance:
        for file in files:
            tree = lxml.html.document_fromstring(file.read_bytes(), parser=_PARSER)
            page = HtmlPage(site_path(context.site, file), tree, context)
            for transform in transforms:
                transform(page)
            file.write_text(lxml.html.tostring(tree, encoding="unicode", doctype=DOCTYPE) + "\n", encoding="utf-8")
            advance()
    return len(files)


_PARSER = lxml.html.HTMLParser(encoding="utf-8", remove_comments=False)


def fragment(markup: str) -> lxml.html.HtmlElement:
    """One element parsed from markup that our own autoescaped templates made."""
    return lxml.html.fragment_fromstring(markup)
