"""Queries for print: the leaflets with everything they carry, and the PDFs the build makes."""
from __future__ import annotations

from dataclasses import dataclass

from . import urls
from .catalog import Catalog
from .checks_leaflets import leaflet_list, questions_by_id


@dataclass(frozen=True)
class Download:
    kind: str  # "leaflet" or "document"
    url: str  # site path of the PDF
    page: str  # site path of the page it prints
    title: str
    note: str


def leaflets(catalog: Catalog) -> list:
    return leaflet_list(catalog)


def leaflet(catalog: Catalog, leaflet_id: str):
    return next(entry for entry in leaflet_list(catalog) if entry.id == leaflet_id)


def leaflet_view(catalog: Catalog, leaflet_id: str) -> dict:
    """A leaflet with its tasks, questions and contacts resolved, in the order of the data."""
    entry = leaflet(catalog, leaflet_id)
    bundle = catalog.plan(entry.plan)
    sections = [{"section": section, "tasks": [bundle.task(task_id) for task_id in section.tasks]}
                for section in entry.sections]
    tasks = list({task.id: task for s in sections for task in s["tasks"]}.values())
    by_id = questions_by_id(catalog) or {}
    return {
        "leaflet": entry, "bundle": bundle, "plan": bundle.plan, "sections": sections, "tasks": tasks,
        "questions": [by_id[question_id] for question_id in entry.questions if question_id in by_id],
        "contacts": [catalog.organizations[org_id] for org_id in entry.contacts],
    }


def downloads(catalog: Catalog) -> list[Download]:
    """Every PDF the build writes: leaflets, then each plan's text and source documents."""
    result = [
        Download("leaflet", urls.leaflet_pdf(entry.id), urls.leaflet(entry.id), entry.title,
                 f"写给{entry.audience}")
        for entry in leaflet_list(catalog)
    ]
    for bundle in catalog.plans.values():
        plan = bundle.plan
        result.append(Download("document", urls.document_pdf(plan.id, "plan-text"), urls.plan_text(plan.id),
                               plan.title, f"方案全文 · {plan.metadata.status} · 公文格式"))
        for document in bundle.documents:
            result.append(Download("document", urls.document_pdf(plan.id, document.id),
                                   urls.document(plan.id, document.id), document.title,
                                   f"{document.short_title} · {document.metadata.status} · 公文格式"))
    return result
