"""Give every themed page a print-only header: site, plan and status, the date the information is
current to, and the page's canonical URL with a QR code that leads back to it (inline SVG, no request).

The canonical URL is the one MkDocs wrote into the page (site_url + the page's path), so the printed
code and the page always agree. assets/print.css hides the header on screen.
"""
from __future__ import annotations

from macros.core.as_of import information_date
from macros.core.formats import chinese_date
from macros.core.html_pass import HtmlPage, fragment
from macros.core.site_map import site_map
from macros.theme import material

from .qr import qr_svg


def add_print_header(page: HtmlPage) -> None:
    article = material.article(page.tree)
    url = material.canonical_url(page.tree)
    if article is None or url is None:
        return  # not a themed page with a canonical URL (an embeddable card, a redirect)
    context = page.context
    plan_id = site_map(context.catalog).plan_of(page.path)
    header = context.renderer.render(
        "print_header.html", site_name=context.site_name, url=url,
        plan=context.catalog.plan(plan_id).plan if plan_id else None,
        as_of=chinese_date(information_date(context.catalog)), qr=qr_svg(url, "本页网址的二维码"),
    )
    block = fragment(str(header))
    block.tail, article.text = article.text, None  # right after the article's start tag
    article.insert(0, block)
