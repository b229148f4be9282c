"""Pages for reusing the site: the open-data page and the change log."""
from __future__ import annotations

from . import urls
from .catalog import Catalog
from .pages import NavEntry, Page, _call, _file


def linking_pages(catalog: Catalog) -> tuple[list[Page], list[NavEntry]]:
    pages = [Page(_file(urls.data(), index=True), "开放数据", _call("data_page"))]
    if catalog.shared_files.get("changes.yaml"):
        pages.append(Page(_file(urls.changes(), index=True), "更新记录", _call("changes_page")))
    return pages, [{"数据和更新": [page.file for page in pages]}]
