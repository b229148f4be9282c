"""Print: leaflet pages, the leaflets index and the downloads page."""
from __future__ import annotations

from markupsafe import Markup

from .. import leaflets as queries
from .. import urls
from ..as_of import chinese_date, information_date
from . import Renderer


def leaflet_page(r: Renderer, leaflet_id: str) -> Markup:
    return r.render("leaflet.html", **queries.leaflet_view(r.catalog, leaflet_id),
                    as_of=chinese_date(information_date(r.catalog)), pdf=urls.leaflet_pdf(leaflet_id))


def leaflets_index(r: Renderer) -> Markup:
    return r.render("leaflets_index.html", leaflets=queries.leaflets(r.catalog))


def downloads_page(r: Renderer) -> Markup:
    return r.render("downloads.html", downloads=queries.downloads(r.catalog),
                    as_of=chinese_date(information_date(r.catalog)))


MACROS = {"leaflet_page": leaflet_page, "leaflets_index": leaflets_index, "downloads_page": downloads_page}
