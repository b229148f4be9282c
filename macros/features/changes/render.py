"""The change log page (更新记录) and how a change's items are named for readers."""
from __future__ import annotations

from markupsafe import Markup

from macros.core.catalog import Catalog
from macros.core.changes import pages_of_item
from macros.core.formats import chinese_date, item_name
from macros.core.render import Renderer
from macros.core.site_map import site_map


def changes_page(r: Renderer) -> Markup:
    pages = site_map(r.catalog).paths
    entries = []
    for change in r.catalog.changes():
        items = []
        for ref in change.items:
            affected = sorted(pages_of_item(r.catalog, ref, pages))
            items.append({"ref": ref, "pages": affected, "all": ref == "site",
                          "label": item_label(r.catalog, ref)})
        entries.append({"change": change, "date": chinese_date(change.date), "affected": items})
    return r.render("changes_page.html", entries=entries)


def item_label(catalog: Catalog, ref: str) -> str:
    kind, _, rest = ref.partition(":")
    if kind == "site":
        return "全站所有网页"
    if kind == "department":
        return catalog.organizations[rest].short_name
    if kind == "page":
        return rest or "首页"
    plan_id, _, item_id = rest.partition("/")
    bundle = catalog.plan(plan_id)
    if kind == "plan":
        return f"{bundle.plan.short_title}的所有网页"
    if kind in ("task", "part"):
        return item_name(bundle.task(item_id) if kind == "task" else bundle.part(item_id))
    return "方案全文" if item_id == "plan-text" else bundle.document(item_id).short_title
