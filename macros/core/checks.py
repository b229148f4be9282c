"""Cross-reference checks: what no single file can know about itself."""
from __future__ import annotations

import re
from typing import Iterable

from .catalog import Catalog

NUMBER = re.compile(r"\d+(?:\.\d+)?")


def allowed_figures(bundle, tasks: list) -> set[str]:
    """The numbers a plain text may print for these tasks: their targets and the years of their deadlines."""
    figures: set[str] = set()
    for task in tasks:
        for target in task.targets:
            figures.update(f"{value:g}" for value in (target.value, target.min, target.max) if value is not None)
        for entry in [*task.targets, *task.milestones]:
            if entry.deadline and entry.deadline.period.year is not None:
                figures.add(str(entry.deadline.period.year))
    return figures


def one_of(ids: Iterable[str]) -> str:
    ids = sorted(ids)
    return "one of: " + ", ".join(ids) if ids else "(none defined)"


def duplicates(report, file: str, entries: list, path: tuple, what: str) -> None:
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        if entry.id in seen:
            report(file, path + (index, "id"), repr(entry.id), f"a {what} id not used before in this file")
        seen.add(entry.id)


def unique_ids(catalog: Catalog, report) -> None:
    orgs = catalog.shared_files["organizations.yaml"].organizations
    duplicates(report, catalog.file("organizations.yaml"), orgs, ("organizations",), "organization")
    refs = catalog.shared_files["references.yaml"].references
    duplicates(report, catalog.file("references.yaml"), refs, ("references",), "reference")
    for bundle in catalog.plans.values():
        duplicates(report, bundle.file("tasks.yaml"), bundle.tasks, ("tasks",), "task")
        duplicates(report, bundle.file("plan.yaml"), bundle.parts, ("parts",), "part")
        duplicates(report, bundle.file("documents.yaml"), bundle.documents, ("documents",), "document")
        seen: dict[str, str] = {}
        for index, task in enumerate(bundle.tasks):
            for kind in ("targets", "milestones"):
                for position, entry in enumerate(getattr(task, kind)):
                    anchor = f"{kind}:{entry.id}"
                    if anchor in seen:
                        report(bundle.file("tasks.yaml"), ("tasks", index, kind, position, "id"), repr(entry.id),
                               f"an id not used before in this plan (already used in {seen[anchor]})")
                    seen[anchor] = task.id


def plan_folder_matches_id(catalog: Catalog, report) -> None:
    for folder_name, bundle in catalog.plans.items():
        if bundle.plan.id != folder_name:
            report(bundle.file("plan.yaml"), ("id",), repr(bundle.plan.id),
                   f"the name of the plan's folder, {folder_name!r}")


def task_numbers_in_order(catalog: Catalog, report) -> None:
    for bundle in catalog.plans.values():
        for index, task in enumerate(bundle.tasks):
            if task.number != index + 1:
                report(bundle.file("tasks.yaml"), ("tasks", index, "number"), str(task.number),
                       f"{index + 1}: tasks are numbered 1, 2, 3 … in the order of the file")
                break


def tasks_belong_to_parts(catalog: Catalog, report) -> None:
    for bundle in catalog.plans.values():
        part_ids = [part.id for part in bundle.parts]
        for index, task in enumerate(bundle.tasks):
            if task.part not in part_ids:
                report(bundle.file("tasks.yaml"), ("tasks", index, "part"), repr(task.part), one_of(part_ids))
        order = [part_ids.index(task.part) for task in bundle.tasks if task.part in part_ids]
        for index in range(1, len(order)):
            if order[index] < order[index - 1]:
                report(bundle.file("tasks.yaml"), ("tasks", index, "part"), repr(bundle.tasks[index].part),
                       "tasks grouped by part, in the order of the parts in plan.yaml")
                break


def organizations_exist(catalog: Catalog, report) -> None:
    known = catalog.organizations

    def verify(file: str, path: tuple, ids: list[str]) -> None:
        for position, org_id in enumerate(ids):
            if org_id not in known:
                report(file, path + (position,), repr(org_id), "an organization id from organizations.yaml, " + one_of(known))

    for bundle in catalog.plans.values():
        plan_file, tasks_file = bundle.file("plan.yaml"), bundle.file("tasks.yaml")
        verify(plan_file, ("metadata", "issuers"), bundle.plan.metadata.issuers)
        for index, part in enumerate(bundle.parts):
            verify(plan_file, ("parts", index, "responsibility", "units"), part.responsibility.units)
            verify(plan_file, ("parts", index, "responsibility", "lead"), part.responsibility.lead)
        if bundle.plan.coordination:
            verify(plan_file, ("coordination", "units"), bundle.plan.coordination.units)
            verify(plan_file, ("coordination", "lead"), bundle.plan.coordination.lead)
        for index, task in enumerate(bundle.tasks):
            if task.responsibility:
                verify(tasks_file, ("tasks", index, "responsibility", "units"), task.responsibility.units)
                verify(tasks_file, ("tasks", index, "responsibility", "lead"), task.responsibility.lead)
        for index, document in enumerate(bundle.documents):
            path = ("documents", index)
            for field in ("recipients", "signatories"):
                verify(bundle.file("documents.yaml"), path + (field,), getattr(document, field))
            verify(bundle.file("documents.yaml"), path + ("metadata", "issuers"), document.metadata.issuers)


def leads_are_responsible(catalog: Catalog, report) -> None:
    for bundle in catalog.plans.values():
        places = [(bundle.file("plan.yaml"), ("parts", i, "responsibility"), p.responsibility) for i, p in enumerate(bundle.parts)]
        places += [(bundle.file("tasks.yaml"), ("tasks", i, "responsibility"), t.responsibility)
                   for i, t in enumerate(bundle.tasks) if t.responsibility]
        for file, path, responsibility in places:
            for position, lead in enumerate(responsibility.lead):
                if lead not in responsibility.units:
                    report(file, path + ("lead", position), repr(lead), "a lead unit that is also listed in `units`")


def references_exist(catalog: Catalog, report) -> None:
    known = catalog.references
    expected = "a reference id from references.yaml, " + one_of(known)
    for bundle in catalog.plans.values():
        for position, ref in enumerate(bundle.plan.implements):
            if ref not in known:
                report(bundle.file("plan.yaml"), ("implements", position), repr(ref), expected)
        for index, part in enumerate(bundle.parts):
            for position, ref in enumerate(part.references):
                if ref not in known:
                    report(bundle.file("plan.yaml"), ("parts", index, "references", position), repr(ref), expected)
        for index, task in enumerate(bundle.tasks):
            for position, ref in enumerate(task.references):
                if ref not in known:
                    report(bundle.file("tasks.yaml"), ("tasks", index, "references", position), repr(ref), expected)
        for index, document in enumerate(bundle.documents):
            for position, ref in enumerate(document.implements):
                if ref not in known:
                    report(bundle.file("documents.yaml"), ("documents", index, "implements", position), repr(ref), expected)


def attachments_are_plans(catalog: Catalog, report) -> None:
    for bundle in catalog.plans.values():
        for index, document in enumerate(bundle.documents):
            for position, plan_id in enumerate(document.attachments):
                if plan_id not in catalog.plans:
                    report(bundle.file("documents.yaml"), ("documents", index, "attachments", position),
                           repr(plan_id), "a plan id, " + one_of(catalog.plans))


# Run first, in this order: the feature checks may then rely on every id being sound.
CORE_CHECKS = (unique_ids, plan_folder_matches_id, task_numbers_in_order, tasks_belong_to_parts, organizations_exist, leads_are_responsible, references_exist, attachments_are_plans,)
