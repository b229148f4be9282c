"""The plain-language section of the site: audience guides, questions and answers, glossary."""
from __future__ import annotations

from . import plain, urls
from .catalog import Catalog
from .pages import NavEntry, Page, _call, _file


def plain_pages(catalog: Catalog) -> tuple[list[Page], list[NavEntry]]:
    pages: list[Page] = []
    nav: list[NavEntry] = []
    guides = plain.guides(catalog)
    if guides:
        index = Page(_file(urls.guides(), index=True), "读者指南", _call("guides_index"))
        guide_pages = [Page(_file(urls.guide(g.id)), g.title, _call("guide_page", g.id)) for g in guides]
        pages += [index, *guide_pages]
        nav.append({"读者指南": [page.file for page in (index, *guide_pages)]})
    if plain.questions(catalog):
        pages.append(Page(_file(urls.questions(), index=True), "常见问题", _call("questions_page")))
        nav.append(pages[-1].file)
    if plain.glossary(catalog):
        pages.append(Page(_file(urls.glossary(), index=True), "词语解释", _call("glossary_page")))
        nav.append(pages[-1].file)
    return pages, nav


# Everyday words should lead to the task itself, not to the pages that list or quote many tasks. A task
# page (or a part with text) ranks higher, and its everyday keywords (shown on it as 相关说法) are also
# its search tags, which Material weighs most. tests/test_search.py measures the result.
ITEM_BOOST = 8


def item_search_meta(bundle, item) -> dict:
    explanation = plain.explanation(bundle, item.id)
    meta: dict = {"search": {"boost": ITEM_BOOST}}
    if explanation and explanation.keywords:
        meta["tags"] = list(explanation.keywords)
    return meta
