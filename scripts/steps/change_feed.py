"""The change log's Atom feed: changes/feed.xml."""
from __future__ import annotations

from pathlib import Path

from macros import feed, urls
from macros.render import linking as render

from .open_data import write

ORDER = 40


def run(catalog, site: Path) -> None:
    if not catalog.shared_files.get("changes.yaml"):
        return
    canonical = render.standalone(catalog, "").canonical
    write(site, urls.changes_feed(), feed.atom_feed(catalog, canonical, lambda ref: render.item_label(catalog, ref)))
