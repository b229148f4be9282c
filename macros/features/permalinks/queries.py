"""What each citable page or target is called in a citation, and how to cite it.

Computed from the validated catalog; the permalink controls, embeds and tests ask this module.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from macros.core import models, urls
from macros.core.catalog import Catalog, PlanBundle
from macros.core.formats import book_title, item_name, target_phrase


# ---------------------------------------------------------------- citations


@dataclass(frozen=True)
class Citable:
    """A page or anchor that a department may cite, and how to cite it."""

    path: str  # site path, with #anchor for a target
    label: str  # what it is, for the buttons' accessible names: "第13项任务"
    citation: str  # the citation without the URL
    embed: Optional[str] = None  # the path of its embeddable card
    status: str = ""  # where the plans it belongs to stand (the status label): in the embed's iframe title


def plan_reference(bundle: PlanBundle) -> str:
    """大冶市《关于实施……实施方案》 and the plan's status label in brackets."""
    plan = bundle.plan
    return f"{plan.region}{book_title(plan.title)}{bundle.status.citation}"


def citables(catalog: Catalog) -> dict[str, Citable]:
    result: dict[str, Citable] = {}

    def add(citable: Citable) -> None:
        result[citable.path] = citable

    for bundle in catalog.plans.values():
        plan_id, source = bundle.id, plan_reference(bundle)
        add(Citable(urls.plan(plan_id), "本方案", f"{source}。"))
        add(Citable(urls.plan_text(plan_id), "方案全文", f"{source}全文。"))
        for part in bundle.parts:
            add(Citable(urls.part(plan_id, part.id), f"{part.label}{part.heading}",
                        f"{source}，{bundle.plan.tasks_heading or ''}{part.label}{part.heading}。"))
        for item in bundle.items():
            if isinstance(item, models.Task):
                add(Citable(urls.task(plan_id, item.id), f"第{item.number}项任务", f"{source}，{item_name(item)}。",
                            embed=urls.embed_task(plan_id, item.id), status=bundle.status.label))
            for target in item.targets:
                when = f"，{target.deadline.text}" if target.deadline else ""
                add(Citable(
                    f"{urls.item(plan_id, item)}#{urls.target_anchor(target.id)}", f"目标：{target.metric}",
                    f"{source}，{item_name(item)}；目标：{target_phrase(target)}（{target.scope}{when}）。",
                ))
        for document in bundle.documents:
            issuers = "、".join(catalog.organizations[org].name for org in document.metadata.issuers)
            add(Citable(urls.document(plan_id, document.id), document.short_title,
                        f"{issuers}{book_title(document.title)}（文件状态：{bundle.document_status(document).label}）。"))
    embedded = catalog.responsible_organizations()
    for org in catalog.organizations.values():
        plans = [bundle for bundle in catalog.plans.values() if bundle.items_of(org.id)]
        where = "、".join(plan_reference(bundle) for bundle in plans)
        add(Citable(urls.department(org.id), org.short_name,
                    f"{org.name}在{where}中负责的任务。" if plans else f"{org.name}（{org.short_name}）。",
                    embed=urls.embed_department(org.id) if org.id in embedded else None,
                    status="、".join(dict.fromkeys(bundle.status.label for bundle in plans))))
    return result

