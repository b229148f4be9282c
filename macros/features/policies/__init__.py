"""Related policies and named campaigns: one page listing each, with where the plans cite it."""
from macros.core import urls
from macros.core.catalog import Catalog
from macros.core.feature import Feature, here
from macros.core.site_map import NavEntry, Page, call, page_file

from .render import references_page


def reference_pages(catalog: Catalog) -> tuple[list[Page], list[NavEntry]]:
    page = Page(page_file(urls.references()), "相关政策和活动", call("references_page"))
    return [page], [page.file]


FEATURE = Feature(
    name="policies",
    doc=__doc__,
    pages=reference_pages,
    macros={"references_page": references_page},
    templates=here(__file__, "templates"),
)
