"""Search: task pages rank first, readers' pages only, and a compact index (Material's search runs it)."""
from macros.core.catalog import Catalog
from macros.core.feature import Feature
from macros.core.site_map import Page

from .search_index import compact_search_index

# Everyday words should lead to the task itself, not to the pages that list or quote many tasks: a task
# page (or a part with text) ranks higher. tests/search/ measures the result.
ITEM_BOOST = 8


def boost_items(catalog: Catalog, page: Page) -> dict:
    return {"search": {"boost": ITEM_BOOST}} if page.subject is not None else {}


FEATURE = Feature(name="search", doc=__doc__, page_meta=boost_items, outputs=compact_search_index)
