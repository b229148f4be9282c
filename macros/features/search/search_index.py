"""Keep Material's search index small: readers' pages only, written compactly.

Material loads search/search_index.json when a page opens (not when search is used), so on a first
visit it is the largest file a reader on slow mobile data downloads. Two changes, both checked by
the page-weight test of the accessibility tests:

- Pages that are not for readers looking for help are left out of search: the data format and URL
  scheme (for editors and departments), the open-data and downloads pages (files, not text), and the
  official full text of each plan, whose every item is also on its task or part page (where the search
  result lands beside the plain-language explanation).
- The index is written as UTF-8 without spaces; Material writes every Chinese character as a
  six-byte \\uXXXX escape. Same data (checked here), about 20% smaller after gzip.
"""
from __future__ import annotations

import json
from macros.core import urls
from macros.core.build_context import BuildContext, StepFailed
from macros.theme import material

NOT_SEARCHED = ("about/data-format/", "about/urls/", "about/benchmark/", "data/", "downloads/")


def not_searched(catalog) -> tuple[str, ...]:
    return NOT_SEARCHED + tuple(urls.plan_text(plan_id) for plan_id in catalog.plans)


def compact_search_index(context: BuildContext) -> None:
    catalog, path = context.catalog, context.site / material.SEARCH_INDEX
    if not path.exists():
        raise StepFailed("search/search_index.json is missing; is the search plugin on?")
    data = json.loads(path.read_text(encoding="utf-8"))
    skipped = not_searched(catalog)
    data["docs"] = [doc for doc in data["docs"] if not doc["location"].startswith(skipped)]
    compact = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    if json.loads(compact) != data:
        raise StepFailed("the compact search index differs from the index it was made from")
    path.write_text(compact, encoding="utf-8")
