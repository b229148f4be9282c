"""Checks of redirects.yaml and changes.yaml against the pages the data gives rise to."""
from __future__ import annotations

from .catalog import Catalog
from .linking import UnknownItem, page_paths, pages_of_item
from .load import check


def _pages(catalog: Catalog) -> set[str] | None:
    try:
        return page_paths(catalog)
    except Exception:  # noqa: BLE001 - an earlier check has reported what is wrong with the data
        return None


@check
def redirects_lead_to_pages(catalog: Catalog, report) -> None:
    file = catalog.shared_files.get("redirects.yaml")
    pages = _pages(catalog) if file and file.redirects else None
    if pages is None:
        return
    name = catalog.file("redirects.yaml")
    sources = [redirect.from_ for redirect in file.redirects]
    for index, redirect in enumerate(file.redirects):
        if redirect.from_ in pages:
            report(name, ("redirects", index, "from"), repr(redirect.from_),
                   "an address that is no longer a page (this one is still built; a redirect would hide the page)")
        if sources.index(redirect.from_) != index:
            report(name, ("redirects", index, "from"), repr(redirect.from_), "each old address once")
        target = redirect.to.partition("#")[0]
        if target in sources:
            report(name, ("redirects", index, "to"), repr(redirect.to),
                   "the final page, not another old address (redirects do not chain)")
        elif target not in pages:
            near = sorted(page for page in pages if page.startswith(target.rsplit("/", 2)[0]))[:8]
            report(name, ("redirects", index, "to"), repr(redirect.to),
                   "a page that the site builds" + (", such as " + ", ".join(near) if near else ""))


@check
def changes_name_known_items(catalog: Catalog, report) -> None:
    file = catalog.shared_files.get("changes.yaml")
    pages = _pages(catalog) if file else None
    if pages is None:
        return
    name = catalog.file("changes.yaml")
    seen: set[str] = set()
    for index, change in enumerate(file.changes):
        if change.id in seen:
            report(name, ("changes", index, "id"), repr(change.id), "a change id not used before in this file")
        seen.add(change.id)
        for position, ref in enumerate(change.items):
            try:
                pages_of_item(catalog, ref, pages)
            except UnknownItem as unknown:
                report(name, ("changes", index, "items", position), repr(ref), str(unknown))
