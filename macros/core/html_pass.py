"""The one HTML pass: after MkDocs, every page is parsed once, every feature's transform changes the tree
in the order of ``macros/registry.py``, and the page is written once. No regex or string replacement
on HTML anywhere: a transform works on elements, so a stray end tag cannot move a change elsewhere.

Pages are independent of each other, so on a machine with two cores or more a forked helper process
transforms every other page while this one does the rest: the same bytes, in about half the time.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional, Sequence

import lxml.html
from lxml import etree

from .build_context import BuildContext
from .progress import step

DOCTYPE = "<!doctype html>"
HELPER_FROM = 500  # pages: below this a helper process costs more than it saves
CHUNK = 100  # pages the helper does between two reports of its progress


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
    files = sorted(context.site.rglob("*.html")) if files is None else list(files)
    with step("HTML pass", len(files), quiet) as advance:
        if len(files) < HELPER_FROM or not _can_help():
            _transform_files(files, context, transforms, advance)
        else:
            _with_helper(files, context, transforms, advance)
    return len(files)


def _transform_files(files: Sequence[Path], context: BuildContext, transforms: Sequence[Transform],
                     advance: Callable[[int], None] = lambda n=1: None) -> int:
    for file in files:
        tree = lxml.html.document_fromstring(file.read_bytes(), parser=_PARSER)
        page = HtmlPage(site_path(context.site, file), tree, context)
        for transform in transforms:
            transform(page)
        file.write_text(lxml.html.tostring(tree, encoding="unicode", doctype=DOCTYPE) + "\n", encoding="utf-8")
        advance()
    return len(files)


def _can_help() -> bool:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return cores > 1 and "fork" in multiprocessing.get_all_start_methods()


def _with_helper(files: list[Path], context: BuildContext, transforms: Sequence[Transform],
                 advance: Callable[[int], None]) -> None:
    theirs = files[1::2]
    # Forked, the helper shares this process's catalog and renderer (nothing is pickled but file names);
    # frozen, their objects are not copied into it by its garbage collector.
    gc.freeze()
    try:
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"),
                                 initializer=_adopt, initargs=(context, transforms)) as helper:
            pending = [helper.submit(_helper_files, theirs[i:i + CHUNK]) for i in range(0, len(theirs), CHUNK)]

            def advance_both(n: int = 1) -> None:
                advance(n)
                while pending and pending[0].done():  # the helper does its chunks in order
                    advance(pending.pop(0).result())

            _transform_files(files[0::2], context, transforms, advance_both)
            for future in pending:
                advance(future.result())  # a transform's failure in the helper stops the build here
    finally:
        gc.unfreeze()


_adopted: tuple = ()


def _adopt(context: BuildContext, transforms: Sequence[Transform]) -> None:
    global _adopted
    _adopted = (context, transforms)


def _helper_files(files: Sequence[Path]) -> int:
    return _transform_files(files, *_adopted)


_PARSER = lxml.html.HTMLParser(encoding="utf-8", remove_comments=False)
# Every element an HtmlElement, chosen in C: lxml.html's own lookup (a call into Python for each element
# a transform touches, for form classes no transform uses) took a tenth of the pass.
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity))


def fragment(markup: str) -> lxml.html.HtmlElement:
    """One element parsed from markup that our own autoescaped templates made."""
    return lxml.html.fragment_fromstring(markup)
