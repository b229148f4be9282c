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
        file = bundle.file("tasks.yaml")
        for index, task in enumerate(bundle.tasks):
            if not part_ids and task.part is not None:
                report(file, ("tasks", index, "part"), repr(task.part), "no `part`: plan.yaml has no parts")
            elif part_ids and task.part not in part_ids:
                report(file, ("tasks", index, "part"), repr(task.part), one_of(part_ids))
        order = [part_ids.index(task.part) for task in bundle.tasks if task.part in part_ids]
        for index in range(1, len(order)):
            if order[index] < order[index - 1]:
                report(file, ("tasks", index, "part"), repr(bundle.tasks[index].part),
                       "tasks grouped by part, in the order of the parts in plan.yaml")
                break


def parts_nest_and_name_themes(catalog: Catalog, report) -> None:
    for bundle in catalog.plans.values():
        file, part_ids = bundle.file("plan.yaml"), [part.id for part in bundle.parts]
        themes = [theme.id for theme in bundle.plan.themes]
        for index, part in enumerate(bundle.parts):
            if part.parent is not None and part.parent not in part_ids[:index]:
                report(file, ("parts", index, "parent"), repr(part.parent),
                       "the id of a part listed before this one, " + one_of(part_ids[:index]))
            if part.theme is not None and part.theme not in themes:
                report(file, ("parts", index, "theme"), repr(part.theme), "a theme id from `themes`, " + one_of(themes))
        duplicates(report, file, bundle.plan.themes, ("themes",), "theme")


def tasks_have_units(catalog: Catalog, report) -> None:
    """Every task names its units, or its part (or an enclosing part) does."""
    for bundle in catalog.plans.values():
        part_ids = {part.id for part in bundle.parts}
        for index, task in enumerate(bundle.tasks):
            if (task.part is None or task.part in part_ids) and bundle.responsibility(task) is None:
                report(bundle.file("tasks.yaml"), ("tasks", index, "responsibility"), "nothing",
                       "the task's responsible units (`responsibility`), or units for its part in plan.yaml")


def organizations_exist(catalog: Catalog, report) -> None:
    known = catalog.organizations

    def verify(file: str, path: tuple, ids: list[str]) -> None:
        for position, org_id in enumerate(ids):
            if org_id not in known:
                report(file, path + (position,), repr(org_id), "an organization id from organizations.yaml, " + one_of(known))

    def verify_roles(file: str, path: tuple, responsibility) -> None:
        if responsibility:
            for role in ("units", "lead", "support"):
                verify(file, path + (role,), getattr(responsibility, role))

    for bundle in catalog.plans.values():
        plan_file, tasks_file = bundle.file("plan.yaml"), bundle.file("tasks.yaml")
        verify(plan_file, ("metadata", "issuers"), bundle.plan.metadata.issuers)
        for index, part in enumerate(bundle.parts):
            verify_roles(plan_file, ("parts", index, "responsibility"), part.responsibility)
        verify_roles(plan_file, ("coordination",), bundle.plan.coordination)
        for index, task in enumerate(bundle.tasks):
            verify_roles(tasks_file, ("tasks", index, "responsibility"), task.responsibility)
        for index, document in enumerate(bundle.documents):
            path = ("documents", index)
            for field in ("recipients", "signatories"):
                verify(bundle.file("documents.yaml"), path + (field,), getattr(document, field))
            verify(bundle.file("documents.yaml"), path + ("metadata", "issuers"), document.metadata.issuers)


def plans_implement_known_plans(catalog: Catalog, report) -> None:
    """``implements_plans`` names other plans of this site, and no chain of them leads back to the plan."""
    for bundle in catalog.plans.values():
        for position, plan_id in enumerate(bundle.plan.implements_plans):
            if plan_id not in catalog.plans or plan_id == bundle.id:
                report(bundle.file("plan.yaml"), ("implements_plans", position), repr(plan_id),
                       "the id of another plan of this site, " + one_of(set(catalog.plans) - {bundle.id}))
    for bundle in catalog.plans.values():
        for position, upper in enumerate(bundle.plan.implements_plans):
            chain = [bundle.id, upper]
            while chain[-1] in catalog.plans and chain[-1] != bundle.id:
                following = [p for p in catalog.plans[chain[-1]].plan.implements_plans if p not in chain[1:]]
                if not following:
                    break
                chain.append(bundle.id if bundle.id in following else following[0])
            if len(chain) > 2 and chain[-1] == bundle.id:
                report(bundle.file("plan.yaml"), ("implements_plans", position), repr(upper),
                       "plans that do not implement each other in a circle (" + " → ".join(chain) + ")")


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
CORE_CHECKS = (unique_ids, plan_folder_matches_id, task_numbers_in_order, tasks_belong_to_parts, parts_nest_and_name_themes,
               tasks_have_units, organizations_exist, references_exist, attachments_are_plans,
               plans_implement_known_plans)
