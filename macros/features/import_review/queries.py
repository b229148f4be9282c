"""Open review items of the plans, the mark on their pages and the lines a release build prints."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from macros.core.catalog import Catalog, PlanBundle
    from macros.core.site_map import Page

    from .models import ReviewItem

REVIEW_FILE = "review.yaml"
MARK = "导入待审核：本方案由程序从原文导入，还有 {count} 项待人工核对"


def open_items(bundle: "PlanBundle") -> list["ReviewItem"]:
    review = bundle.files.get(REVIEW_FILE)
    return list(review.open_items) if review is not None else []


def review_mark(catalog: "Catalog", page: "Page") -> dict:
    """``pp_review`` for every page of a plan that still has open items (nothing for other pages)."""
    if not page.plan or page.plan not in catalog.plans:
        return {}
    count = len(open_items(catalog.plan(page.plan)))
    return {"pp_review": MARK.format(count=count)} if count else {}


def release_problems(catalog: "Catalog") -> list[str]:
    """One line per open item of every plan (file, item, source line, note), for the release build."""
    lines = []
    for bundle in catalog.plans.values():
        file = bundle.file(REVIEW_FILE)
        for index, item in enumerate(open_items(bundle)):
            where = f"原文第 {item.source_line} 行" if item.source_line else "全文"
            lines.append(f"{file}: open_items[{index}]: {item.what} · {where}" + (f" · {item.note}" if item.note else ""))
    return lines
