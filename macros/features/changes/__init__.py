"""The change log: the 更新记录 page and its Atom feed (the log itself, changes.yaml, is core: every
feature that dates something reads it)."""
from macros.core import urls
from macros.core.catalog import Catalog
from macros.core.feature import Feature, here
from macros.core.site_map import NavEntry, Page, call, page_file

from .checks import changes_name_known_items
from .feed import write_feed
from .render import changes_page


def change_pages(catalog: Catalog) -> tuple[list[Page], list[NavEntry]]:
    if not catalog.shared_files.get("changes.yaml"):
        return [], []
    page = Page(page_file(urls.changes()), "更新记录", call("changes_page"))
    return [page], [{"数据和更新": [page.file]}]


FEATURE = Feature(
    name="changes",
    doc=__doc__,
    checks=(changes_name_known_items,),
    pages=change_pages,
    macros={"changes_page": changes_page},
    templates=here(__file__, "templates"),
    outputs=write_feed,
)
