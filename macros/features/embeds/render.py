"""Embeddable cards: stand-alone pages (inline style, no script, no theme) that another site can show in
an iframe: one per task and one per responsible department."""
from __future__ import annotations

from macros.core import urls
from macros.core.render import Renderer


def embed_task(r: Renderer, plan_id: str, task_id: str) -> str:
    bundle = r.catalog.plan(plan_id)
    task = bundle.task(task_id)
    responsibility = bundle.responsibility(task)
    key = task.targets[0] if task.targets else None
    deadline = next((m for m in task.milestones), None)
    return r.render("embed_task.html", bundle=bundle, plan=bundle.plan, task=task, responsibility=responsibility,
                    key=key, milestone=deadline, page=urls.task(plan_id, task_id))


def embed_department(r: Renderer, org_id: str) -> str:
    org = r.org(org_id)
    plans = []
    for bundle in r.catalog.plans.values():
        items = bundle.items_of(org_id)
        if items:
            targets = [(item, target) for item, _ in items for target in item.targets]
            plans.append({"bundle": bundle, "entries": items, "targets": targets[:3], "more": len(targets) - 3})
    return r.render("embed_department.html", org=org, plans=plans, page=urls.department(org_id),
                    )
