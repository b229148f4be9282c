"""The print section of the site: one page per leaflet, the leaflets index and the downloads page."""
from __future__ import annotations

from . import urls
from .catalog import Catalog
from .leaflets import leaflets
from .pages import NavEntry, Page, _call, _file


def print_pages(catalog: Catalog) -> tuple[list[Page], list[NavEntry]]:
    index = Page(_file(urls.leaflets(), index=True), "明白纸", _call("leaflets_index"))
    pages = [index] + [Page(_file(urls.leaflet(entry.id)), entry.title, _call("leaflet_page", entry.id))
                       for entry in leaflets(catalog)]
    downloads = Page(_file(urls.downloads(), index=True), "下载和打印", _call("downloads_page"))
    return pages + [downloads], [{"明白纸": [page.file for page in pages]}, downloads.file]
