"""Checks of changes.yaml against the pages the data gives rise to."""
from __future__ import annotations

from macros.core.catalog import Catalog
from macros.core.changes import UnknownItem, pages_of_item
from macros.core.site_map import site_map


def changes_name_known_items(catalog: Catalog, report) -> None:
    file = catalog.shared_files.get("changes.yaml")
    if not file:
        return
    pages = site_map(catalog).paths
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
