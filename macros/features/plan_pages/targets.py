"""Targets and deadlines: the targets table and the timeline."""
from __future__ import annotations

from markupsafe import Markup

from macros.core import urls
from macros.core.render import Renderer


def targets_table(r: Renderer, plan_id: str, items=None) -> Markup:
    bundle = r.catalog.plan(plan_id)
    rows = [(item, target) for item, target in bundle.targets() if items is None or item in items]
    return r.render("targets_table.html", bundle=bundle, rows=rows)


def timeline(r: Renderer, plan_id: str) -> Markup:
    """Deadlines of targets, milestones and documents (the consultation), soonest first."""
    bundle = r.catalog.plan(plan_id)
    rows = [
        {"deadline": d.deadline, "href": urls.document(plan_id, d.id), "what": f"{d.short_title}：反馈修改意见截止", "item": None}
        for d in bundle.documents if d.deadline
    ] + [
        {"deadline": e.deadline, "href": urls.item(plan_id, e.item) + "#" + e.anchor, "what": e.what, "item": e.item}
        for e in bundle.dated_entries()
    ]
    rows.sort(key=lambda row: row["deadline"].period.sort_key)
    return r.render("timeline.html", bundle=bundle, rows=rows)


def targets_page(r: Renderer, plan_id: str) -> Markup:
    bundle = r.catalog.plan(plan_id)
    undated = [(item, target) for item, target in bundle.targets() if not target.deadline and not target.year]
    return r.render("targets_page.html", bundle=bundle, plan=bundle.plan,
                    table=targets_table(r, plan_id), timeline=timeline(r, plan_id), undated=undated)
