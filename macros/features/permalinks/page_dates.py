"""首次发布 / 最近更新 on every page that the change log names (policy_data/changes.yaml).

Task, part, department, document and plan pages show the line with their permalink actions; this
transform adds it under the title of every other themed page (home, guides, glossary, about, …).
"""
from __future__ import annotations

from macros.core.html_pass import HtmlPage, fragment
from macros.theme import material

from .render import dates_of


def add_page_dates(page: HtmlPage) -> None:
    if page.path.endswith(".html") or not page.context.catalog.changes():
        return  # not a page of its own folder (404.html), or no change log
    article = material.article(page.tree)
    if article is None or any(material.has_class(e, "pp-dates") for e in article.iter()):
        return  # not a themed page (an embeddable card, a redirect), or it has the line already
    renderer = page.context.render_at(page.path)
    dates = dates_of(renderer, page.path)
    if not dates:
        return
    line = fragment(str(renderer.render("_page_dates.html", dates=dates)))
    heading = next(article.iter("h1"), None)
    if heading is None:
        article.insert(0, line)
    else:
        line.tail, heading.tail = heading.tail, None
        heading.addnext(line)
