"""Search: a search of our own, on every page and at /search/, over a chunked index (Pagefind) built from
the finished pages, so a reader downloads only the small pieces of the index that a query needs.

- ``index.py``: in the one HTML pass, marks what is searched (the article of readers' pages), the words
  that weigh most (a task's everyday words, 相关说法), and each page's plan and status (read from the
  page); adds the search form to the header. After the pass, Pagefind indexes the finished pages.
- ``assets/search.js``: the search box (no Pagefind UI, nothing from another host): starts on ``input``
  and ``compositionend`` (IME, paste, voice), ``?q=`` on any page, one plan only (``plan=``) and, from a
  plan's pages, that plan first. Result links carry ``data-search-result``.
"""
from macros.core.feature import Feature, here

from . import index, pages

FEATURE = Feature(
    name="search",
    doc=__doc__,
    pages=pages.search_pages,
    macros={"search_page": pages.search_page},
    templates=here(__file__, "templates"),
    assets=here(__file__, "assets"),
    transform=index.mark_page,
    finish=index.build_index,
)
