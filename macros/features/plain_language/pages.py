"""The plain-language section of the site: audience guides, questions and answers, glossary."""
from __future__ import annotations

from macros.core import urls
from macros.core.catalog import Catalog
from macros.core.site_map import NavEntry, Page, call, page_file

from . import queries as plain


def plain_pages(catalog: Catalog) -> tuple[list[Page], list[NavEntry]]:
    pages: list[Page] = []
    nav: list[NavEntry] = []
    guides = plain.guides(catalog)
    if guides:
        index = Page(page_file(urls.guides()), "读者指南", call("guides_index"))
        data = plain.guide_list(catalog)
        guide_pages = [Page(page_file(urls.guide(g.id)), g.title, call("guide_page", g.id), plan=plain.plan_of(g, data))
                       for g in guides]
        pages += [index, *guide_pages]
        nav.append({"读者指南": [page.file for page in (index, *guide_pages)]})
    if plain.questions(catalog):
        pages.append(Page(page_file(urls.questions()), "常见问题", call("questions_page")))
        nav.append(pages[-1].file)
    if plain.glossary(catalog):
        pages.append(Page(page_file(urls.glossary()), "词语解释", call("glossary_page")))
        nav.append(pages[-1].file)
    return pages, nav
