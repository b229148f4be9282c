"""Checks of redirects.yaml against the pages the data gives rise to."""
from __future__ import annotations

from macros.core.catalog import Catalog
from macros.core.site_map import site_map


def redirects_lead_to_pages(catalog: Catalog, report) -> None:
    file = catalog.shared_files.get("redirects.yaml")
    if not file or not file.redirects:
        return
    pages = site_map(catalog).paths
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

