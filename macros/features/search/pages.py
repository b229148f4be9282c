"""The search page, /search/: the search box with a choice of plan; ``?q=`` and ``&plan=`` fill it in."""
from __future__ import annotations

from markupsafe import Markup

from macros.core import urls
from macros.core.catalog import Catalog
from macros.core.render import Renderer
from macros.core.site_map import NavEntry, Page, call, page_file


def search_pages(catalog: Catalog) -> tuple[list[Page], list[NavEntry]]:
    return [Page(page_file(urls.search()), "搜索", call("search_page"))], []


def search_page(r: Renderer) -> Markup:
    plans = [(bundle.id, bundle.plan.short_title) for bundle in r.catalog.plans.values()]
    return r.render("search_page.html", plans=plans)
