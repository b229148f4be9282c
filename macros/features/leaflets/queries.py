"""Queries on the leaflets (明白纸): each with the tasks, questions and contacts it carries."""
from __future__ import annotations

from macros.core.catalog import Catalog

FILE = "leaflets.yaml"


def leaflet_list(catalog: Catalog) -> list:
    leaflets = catalog.shared_files.get(FILE)
    return list(leaflets.leaflets) if leaflets else []



def questions_by_id(catalog: Catalog):
    """The questions of questions.yaml by id, or None while that file does not exist."""
    questions = catalog.shared_files.get("questions.yaml")
    return None if questions is None else {question.id: question for question in questions.questions}


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

