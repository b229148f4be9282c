"""Every dependency on Material for MkDocs' HTML, CSS classes and built files, named once.

Features ask this module where the article is, what the canonical URL and site name of a page are,
and where Material's scripts live; they never match Material's markup themselves. Each constant has
a test in tests/theme/ that fails by name when a Material release changes it: this is also the list
a move to Zensical must go through.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from lxml.html import HtmlElement

from macros.core.build_context import StepFailed
from macros.core.html_pass import HtmlPage

ARTICLE_CLASS = "md-content__inner"  # <article class="md-content__inner md-typeset">: the page's content
TYPESET_CLASS = "md-typeset"
JAVASCRIPTS = "assets/javascripts"
BUNDLE_GLOB = "bundle.*.min.js"
# Material's own search (its worker and lunr's language files), published with the theme's files even while
# its search plugin is off; the site's search is features/search.
SEARCH_FILES = ("workers/search.*.min.js", "lunr")
ZENSICAL_SEARCH = "search.json"
# <nav class="md-header__inner md-grid">: the header bar; the site's own search form goes at its end, where
# Material's search (switched off: mkdocs.yml) would sit.
HEADER_BAR_CLASS = "md-header__inner"
# Classes our print stylesheet hides that Material only renders with features this site leaves off
# (navigation tabs, the edit button): hidden in case a publisher turns them on.
OPTIONAL_CLASSES = {"md-tabs", "md-content__button"}
# <label class="md-overlay" for="__drawer">: Zensical 0.0.73 adds aria-hidden, which HTML does not allow on the
# label of a control.
OVERLAY_CLASS = "md-overlay"


def has_class(element: HtmlElement, name: str) -> bool:
    return name in (element.get("class") or "").split()


def valid_markup(page: HtmlPage) -> None:
    """What the theme writes that HTML does not allow, put right (in the one HTML pass)."""
    for label in page.tree.iter("label"):
        if label.get("aria-hidden") is not None and has_class(label, OVERLAY_CLASS):
            del label.attrib["aria-hidden"]


def article(tree: HtmlElement) -> Optional[HtmlElement]:
    """The themed page's article, or None for a page without exactly one (embeds, redirects)."""
    found = [e for e in tree.iter("article") if has_class(e, ARTICLE_CLASS) and has_class(e, TYPESET_CLASS)]
    return found[0] if len(found) == 1 else None


def canonical_url(tree: HtmlElement) -> Optional[str]:
    link = next((e for e in tree.iter("link") if e.get("rel") == "canonical"), None)
    return link.get("href") if link is not None else None


def header_bar(tree: HtmlElement) -> Optional[HtmlElement]:
    """The header bar of a themed page, or None for a page without Material's header (embeds, redirects)."""
    header = next((e for e in tree.iter("header") if has_class(e, "md-header")), None)
    if header is None:
        return None
    return next((e for e in header.iter("nav") if has_class(e, HEADER_BAR_CLASS)), None)


def bundles(site: Path) -> list[Path]:
    found = list((site / JAVASCRIPTS).glob(BUNDLE_GLOB))
    if not found:
        raise StepFailed("Material's JavaScript bundle was not found; the theme may have changed")
    return found


def search_files(site: Path) -> list[Path]:
    """The theme's search files in the built site (removed by theme/local_only.py); Zensical writes an empty
    ``search.json`` even with its search off."""
    found = [path for pattern in SEARCH_FILES for path in (site / JAVASCRIPTS).glob(pattern)]
    return found + list(site.glob(ZENSICAL_SEARCH))
