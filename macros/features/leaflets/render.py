"""Print: leaflet pages, the leaflets index and the downloads page."""
from __future__ import annotations

from markupsafe import Markup

from macros.core import urls
from macros.core.as_of import information_date
from macros.core.formats import chinese_date
from macros.core.render import Renderer

from . import queries


def leaflet_page(r: Renderer, leaflet_id: str) -> Markup:
    return r.render("leaflet.html", **queries.leaflet_view(r.catalog, leaflet_id),
                    as_of=chinese_date(information_date(r.catalog)), pdf=urls.leaflet_pdf(leaflet_id))


def leaflets_index(r: Renderer) -> Markup:
    return r.render("leaflets_index.html", leaflets=queries.leaflet_list(r.catalog))

