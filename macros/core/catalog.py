"""The validated data, cross-referenced: what templates and exports ask questions of."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Optional, Union

from pydantic import BaseModel

from . import models, urls
from .deadlines import Period
from .status import StatusView, document_status, plan_status, site_status

if TYPE_CHECKING:
    from .feature import Feature, FileSpec

TaskOrPart = Union[models.Task, models.Part]  # what explanations, questions, targets and responsibilities rest on


@dataclass(frozen=True)
class DatedEntry:
    """A target or milestone with a deadline, and the task or part it belongs to."""

    item: TaskOrPart
    anchor: str
    what: str
    deadline: models.Deadline

    @property
    def period(self) -> Period:
        return self.deadline.period


@dataclass(frozen=True)
class OutlineEntry:
    kind: str  # part | task | part_text | responsibility
    depth: int  # 0 for the top level
    value: object  # the part, the task or the responsibility


@dataclass(eq=False)  # compared and hashed by identity
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

    @cached_property
    def status(self) -> StatusView:
        """Where the plan stands, in the words of the status wording table (macros/core/status.py)."""
        return plan_status(self)

    def document_status(self, document: models.Document) -> StatusView:
        return document_status(self, document)

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

    def part_of(self, task: models.Task):
        """The part a task belongs to, or None in a plan without parts."""
        return self.part(task.part) if task.part else None

    def parents(self, part: models.Part) -> list[models.Part]:
        """The part's enclosing parts, nearest first (一、 holds （一） holds the tasks)."""
        chain, seen = [], {part.id}
        while part.parent and part.parent in self._parts_by_id and part.parent not in seen:
            part = self.part(part.parent)
            seen.add(part.id)
            chain.append(part)
        return chain

    def subparts(self, part_id: Optional[str]) -> list[models.Part]:
        """Parts directly inside ``part_id`` (None: the top-level parts)."""
        return [part for part in self.parts if part.parent == part_id]

    def document(self, document_id: str) -> models.Document:
        return next(document for document in self.documents if document.id == document_id)

    def responsibility(self, item: TaskOrPart) -> Optional[models.Responsibility]:
        """An item's own responsibility, else its part's, else the enclosing parts' (the source may give
        responsibility per part); None where the source names no unit."""
        part = item if isinstance(item, models.Part) else self.part_of(item)
        if isinstance(item, models.Task) and item.responsibility:
            return item.responsibility
        for candidate in ([part, *self.parents(part)] if part else []):
            if candidate.responsibility:
                return candidate.responsibility
        return None

    def inherits_responsibility(self, item: TaskOrPart) -> bool:
        return isinstance(item, models.Task) and item.responsibility is None

    def outline(self) -> list["OutlineEntry"]:
        """The body of the plan in reading order, any shape: tasks of a plan without parts; else each part
        with its tasks (each followed by its own responsibility line, if the source gives one), its own
        text, its sub-parts and, last, its responsibility line."""
        entries: list[OutlineEntry] = []

        def add_tasks(tasks: list, depth: int) -> None:
            for task in tasks:
                entries.append(OutlineEntry("task", depth, task))
                if task.responsibility:
                    entries.append(OutlineEntry("responsibility", depth, task.responsibility))

        def add_part(part: models.Part, depth: int) -> None:
            entries.append(OutlineEntry("part", depth, part))
            add_tasks(self.tasks_in(part.id), depth + 1)
            if part.text:
                entries.append(OutlineEntry("part_text", depth + 1, part))
            for sub in self.subparts(part.id):
                add_part(sub, depth + 1)
            if part.responsibility:
                entries.append(OutlineEntry("responsibility", depth + 1, part.responsibility))

        add_tasks([task for task in self.tasks if task.part is None], 0)
        for part in self.subparts(None):
            add_part(part, 0)
        return entries

    def items(self) -> list[TaskOrPart]:
        """Every task, and every part that has text of its own, in the order of the plan."""
        result: list[TaskOrPart] = [task for task in self.tasks if task.part is None]
        for part in self.parts:
            result.extend(self.tasks_in(part.id))
            if part.text:
                result.append(part)
        return result

    def items_of(self, org_id: str) -> list[tuple[TaskOrPart, str]]:
        """What a unit is responsible for, with its role: 牵头 or 责任单位."""
        result = []
        for item in self.items():
            responsibility = self.responsibility(item)
            if responsibility and org_id in responsibility.units:
                result.append((item, responsibility.role(org_id)))
        return result

    def responsible_units(self) -> list[str]:
        """Every unit named as responsible anywhere in the plan, in order of first mention."""
        seen: dict[str, None] = {}
        for item in self.items():
            for unit in (self.responsibility(item).units if self.responsibility(item) else []):
                seen.setdefault(unit, None)
        return list(seen)

    def dated_entries(self) -> list[DatedEntry]:
        """Targets, milestones and tasks' own 完成时限 that have a deadline, soonest first."""
        entries = []
        for item in self.items():
            if isinstance(item, models.Task) and item.deadline:
                entries.append(DatedEntry(item, "task", f"完成：{item.title}", item.deadline))
            for target in item.targets:
                if target.deadline:
                    entries.append(DatedEntry(item, urls.target_anchor(target.id), target.metric, target.deadline))
            for milestone in item.milestones:
                entries.append(DatedEntry(item, urls.milestone_anchor(milestone.id), milestone.what, milestone.deadline))
        return sorted(entries, key=lambda entry: entry.period.sort_key)

    def targets(self) -> list[tuple[TaskOrPart, models.Target]]:
        return [(item, target) for item in self.items() for target in item.targets]


@dataclass(eq=False)  # compared and hashed by identity: one catalog per build
class Catalog:
    root: str
    shared_files: dict[str, BaseModel]
    plans: dict[str, PlanBundle]
    features: tuple["Feature", ...] = ()  # the site's features, in order (macros/registry.py)
    file_specs: tuple["FileSpec", ...] = ()  # every file the loader knows, core and features
    loaded: dict[str, object] = field(default_factory=dict)  # what features' `load` read (not YAML), by feature name

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

    @cached_property
    def status_line(self) -> str:
        """The status line of pages that belong to no single plan."""
        return site_status(self)

    def changes(self) -> list:
        """The site's change log, newest first (empty without changes.yaml)."""
        file = self.shared_files.get("changes.yaml")
        return sorted(file.changes, key=lambda change: change.date, reverse=True) if file else []

    def responsible_organizations(self) -> list[str]:
        """Organizations responsible for something in at least one plan, in the order of the file."""
        return [org_id for org_id in self.organizations
                if any(bundle.items_of(org_id) for bundle in self.plans.values())]

    def plans_citing(self, reference_id: str) -> list[tuple[PlanBundle, list[TaskOrPart]]]:
        """Where a policy or campaign is referred to, plan by plan."""
        result = []
        for bundle in self.plans.values():
            items = [item for item in bundle.items() if reference_id in item.references]
            documents = [d for d in bundle.documents if reference_id in d.implements]
            if reference_id in bundle.plan.implements or items or documents:
                result.append((bundle, items))
        return result
