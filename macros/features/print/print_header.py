"""Give every themed page a print-only header: site, plan and status, the date the information is
current to, and the page's canonical URL with a QR code that leads back to it (inline SVG, no request).

The canonical URL is the one MkDocs wrote into the page (site_url + the page's path), so the printed
code and the page always agree. assets/print.css hides the header on screen.
"""
from __future__ import annotations

from macros.core.as_of import information_date
from macros.core.formats import chinese_date
from macros.core.html_pass import HtmlPage, fragment
from macros.features.leaflets.queries import leaflet_list
from macros.theme import material

from .qr import qr_svg


def plans_of_page(catalog, path: str) -> list:
    """The plans a page belongs to: its own plan, a leaflet's plan, else every plan of the site."""
    parts = path.strip("/").split("/")
    if len(parts) >= 2 and parts[0] == "plans" and parts[1] in catalog.plans:
        return [catalog.plan(parts[1]).plan]
    if len(parts) == 2 and parts[0] == "leaflets":
        entry = next((e for e in leaflet_list(catalog) if e.id == parts[1]), None)
        if entry:
            return [catalog.plan(entry.plan).plan]
    return [bundle.plan for bundle in catalog.plans.values()]


def add_print_header(page: HtmlPage) -> None:
    article = material.article(page.tree)
    url = material.canonical_url(page.tree)
    if article is None or url is None:
        return  # not a themed page with a canonical URL (an embeddable card, a redirect)
    context = page.context
    plans = plans_of_page(context.catalog, page.path)
    header = context.renderer.render(
        "print_header.html", site_name=context.site_name, plans=plans, url=url,
        site_status=context.catalog.status_line,
        as_of=chinese_date(information_date(context.catalog)), qr=qr_svg(url, "本页网址的二维码"),
    )
    block = fragment(str(header))
    block.tail, article.text = article.text, None  # right after the article's start tag
    article.insert(0, block)
