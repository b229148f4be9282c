"""The validated data, cross-referenced: what templates and exports ask questions of."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Union

from pydantic import BaseModel

from . import models, urls
from .deadlines import Period

if TYPE_CHECKING:
    from .feature import Feature, FileSpec

Item = Union[models.Task, models.Part]


@dataclass(frozen=True)
class DatedEntry:
    """A target or milestone with a deadline, and the task or part it belongs to."""

    item: Item
    anchor: str
    what: str
    deadline: models.Deadline

    @property
    def period(self) -> Period:
        return self.deadline.period


@dataclass
class PlanBundle:
    folder: str
    files: dict[str, BaseModel]

    @property
    def plan(self) -> models.Plan:
        return self.files["plan.yaml"]

    @property
    def id(self) -> str:
        return self.plan.id

    @property
    def tasks(self) -> list[models.Task]:
        return list(self.files["tasks.yaml"].tasks)

    @property
    def documents(self) -> list[models.Document]:
        documents = self.files.get("documents.yaml")
        return list(documents.documents) if documents else []

    @property
    def parts(self) -> list[models.Part]:
        return list(self.plan.parts)

    def file(self, name: str) -> str:
        return f"{self.folder}/{name}"

    @cached_property
    def _parts_by_id(self) -> dict[str, models.Part]:
        return {part.id: part for part in self.parts}

    def part(self, part_id: str) -> models.Part:
        return self._parts_by_id[part_id]

    def task(self, task_id: str) -> models.Task:
        return next(task for task in self.tasks if task.id == task_id)

    def tasks_in(self, part_id: str) -> list[models.Task]:
        return [task for task in self.tasks if task.part == part_id]

    def part_of(self, task: models.Task) -> models.Part:
        return self.part(task.part)

    def document(self, document_id: str) -> models.Document:
        return next(document for document in self.documents if document.id == document_id)

    def responsibility(self, item: Item) -> models.Responsibility:
        """A task's own responsibility, else its part's: the seed gives responsibility per part."""
        if isinstance(item, models.Task):
            return item.responsibility or self.part_of(item).responsibility
        return item.responsibility

    def items(self) -> list[Item]:
        """Every task, and every part that has text of its own, in the order of the plan."""
        result: list[Item] = []
        for part in self.parts:
            result.extend(self.tasks_in(part.id))
            if part.text:
                result.append(part)
        return result

    def items_of(self, org_id: str) -> list[tuple[Item, str]]:
        """What a unit is responsible for, with its role: 牵头 or 责任单位."""
        result = []
        for item in self.items():
            responsibility = self.responsibility(item)
            if org_id in responsibility.units:
                result.append((item, "牵头" if org_id in responsibility.lead else "责任单位"))
        return result

    def responsible_units(self) -> list[str]:
        """Every unit named as responsible anywhere in the plan, in order of first mention."""
        seen: dict[str, None] = {}
        for item in self.items():
            for unit in self.responsibility(item).units:
                seen.setdefault(unit, None)
        return list(seen)

    def dated_entries(self) -> list[DatedEntry]:
        """Targets and milestones that have a deadline, soonest first."""
        entries = []
        for item in self.items():
            for target in item.targets:
                if target.deadline:
                    entries.append(DatedEntry(item, urls.target_anchor(target.id), target.metric, target.deadline))
            for milestone in item.milestones:
                entries.append(DatedEntry(item, urls.milestone_anchor(milestone.id), milestone.what, milestone.deadline))
        return sorted(entries, key=lambda entry: entry.period.sort_key)

    def targets(self) -> list[tuple[Item, models.Target]]:
        return [(item, target) for item in self.items() for target in item.targets]


@dataclass(eq=False)  # compared and hashed by identity: one catalog per build
class Catalog:
    root: str
    shared_files: dict[str, BaseModel]
    plans: dict[str, PlanBundle]
    features: tuple["Feature", ...] = ()  # the site's features, in order (macros/registry.py)
    file_specs: tuple["FileSpec", ...] = ()  # every file the loader knows, core and features

    @cached_property
    def organizations(self) -> dict[str, models.Organization]:
        return {org.id: org for org in self.shared_files["organizations.yaml"].organizations}

    @cached_property
    def references(self) -> dict[str, models.Reference]:
        return {ref.id: ref for ref in self.shared_files["references.yaml"].references}

    def file(self, name: str) -> str:
        return f"{self.root}/{name}"

    def plan(self, plan_id: str) -> PlanBundle:
        return self.plans[plan_id]

    def changes(self) -> list:
        """The site's change log, newest first (empty without changes.yaml)."""
        file = self.shared_files.get("changes.yaml")
        return sorted(file.changes, key=lambda change: change.date, reverse=True) if file else []

    def responsible_organizations(self) -> list[str]:
        """Organizations responsible for something in at least one plan, in the order of the file."""
        return [org_id for org_id in self.organizations
                if any(bundle.items_of(org_id) for bundle in self.plans.values())]

    def plans_citing(self, reference_id: str) -> list[tuple[PlanBundle, list[Item]]]:
        """Where a policy or campaign is referred to, plan by plan."""
        result = []
        for bundle in self.plans.values():
            items = [item for item in bundle.items() if reference_id in item.references]
            documents = [d for d in bundle.documents if reference_id in d.implements]
            if reference_id in bundle.plan.implements or items or documents:
                result.append((bundle, items))
        return result
