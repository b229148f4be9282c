"""One 工作进展 page per plan, in a navigation section of its own."""
from __future__ import annotations

from macros.core import urls
from macros.core.catalog import Catalog
from macros.core.site_map import NavEntry, Page, call, page_file


def progress_pages(catalog: Catalog) -> tuple[list[Page], list[NavEntry]]:
    pages = [Page(page_file(urls.progress(bundle.id)), f"{bundle.plan.short_title}：工作进展",
                  call("progress_page", bundle.id), plan=bundle.id) for bundle in catalog.plans.values()]
    return pages, [{"工作进展": [page.file for page in pages]}]
