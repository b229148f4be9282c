"""Leaflets (明白纸): printable one-sheet summaries for one audience each, as pages (their PDFs are made
by the print feature)."""
from macros.core import urls
from macros.core.catalog import Catalog
from macros.core.feature import Feature, FileSpec, here
from macros.core.site_map import NavEntry, Page, call, page_file

from . import models, render
from .checks import leaflets_refer_to_data
from .queries import leaflet_list


def leaflet_pages(catalog: Catalog) -> tuple[list[Page], list[NavEntry]]:
    index = Page(page_file(urls.leaflets()), "明白纸", call("leaflets_index"))
    pages = [index] + [Page(page_file(urls.leaflet(entry.id)), entry.title, call("leaflet_page", entry.id), plan=entry.plan)
                       for entry in leaflet_list(catalog)]
    return pages, [{"明白纸": [page.file for page in pages]}]


FEATURE = Feature(
    name="leaflets",
    doc=__doc__,
    files=(FileSpec("leaflets.yaml", models.LeafletList),),
    checks=(leaflets_refer_to_data,),
    pages=leaflet_pages,
    macros={"leaflet_page": render.leaflet_page, "leaflets_index": render.leaflets_index},
    templates=here(__file__, "templates"),
)
