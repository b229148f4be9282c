"""Questions asked of the progress reports: the latest report of a task or target, its history, what is
past its deadline, and roll-ups per part, per department and per status. Computed once per catalog."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from macros.core import models, urls
from macros.core.catalog import Catalog, PlanBundle
from macros.core.status import build_date

from .models import DONE, NO_REPORT, STATUSES, ProgressData, ProgressReport

FEATURE_NAME = "progress"


def data(catalog: Catalog) -> ProgressData:
    found = catalog.loaded.get(FEATURE_NAME)
    return found if isinstance(found, ProgressData) else ProgressData(build_date=build_date())


@dataclass(frozen=True)
class PassedDeadline:
    what: str  # the target's metric or the milestone's words
    anchor: str  # target-… or milestone-…
    deadline: models.Deadline
    last_day: dt.date


@dataclass(frozen=True)
class Overdue:
    """A task with a dated deadline before the build date and no report that says 已完成 as its latest."""

    bundle: PlanBundle
    task: models.Task
    passed: tuple[PassedDeadline, ...]
    latest: Optional[ProgressReport]


class Index:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.data = data(catalog)
        self.today = self.data.build_date or build_date()
        by_task: dict[tuple[str, str], list[ProgressReport]] = defaultdict(list)
        by_target: dict[tuple[str, str, str], list[ProgressReport]] = defaultdict(list)
        for report in self.data.reports:
            by_task[(report.plan, report.task)].append(report)
            if report.target:
                by_target[(report.plan, report.task, report.target)].append(report)
        self.by_task = {key: sorted(value, key=lambda r: r.order) for key, value in by_task.items()}
        self.by_target = {key: sorted(value, key=lambda r: r.order) for key, value in by_target.items()}

    def history(self, plan_id: str, task_id: str) -> list[ProgressReport]:
        """Every report on a task (its targets' included), oldest first."""
        return self.by_task.get((plan_id, task_id), [])

    def latest(self, plan_id: str, task_id: str) -> Optional[ProgressReport]:
        history = self.history(plan_id, task_id)
        return history[-1] if history else None

    def target_history(self, plan_id: str, task_id: str, target_id: str) -> list[ProgressReport]:
        return self.by_target.get((plan_id, task_id, target_id), [])

    def plan_reports(self, plan_id: str) -> list[ProgressReport]:
        return [r for r in self.data.reports if r.plan == plan_id]

    def status_of(self, plan_id: str, task_id: str) -> str:
        latest = self.latest(plan_id, task_id)
        return latest.status if latest else NO_REPORT

    def overdue(self, bundle: PlanBundle) -> list[Overdue]:
        """Tasks with a deadline whose last day is before the build date, whose latest report is not 已完成.
        A deadline without a date (recurring, continuous, none) is never overdue, and neither is anything of a
        plan that is not in force: a draft binds nobody yet, a repealed plan no longer."""
        result = []
        if not bundle.status.in_force:
            return result
        for task in bundle.tasks:
            passed = []
            entries = [(t.metric, urls.target_anchor(t.id), t.deadline) for t in task.targets]
            entries += [(m.what, urls.milestone_anchor(m.id), m.deadline) for m in task.milestones]
            if getattr(task, "deadline", None):  # the task's own 完成时限, where the plan gives one
                entries.append(("完成时限", "task", task.deadline))
            for what, anchor, deadline in entries:
                last_day = deadline.period.last_day if deadline else None
                if deadline is not None and deadline.period.overdue(self.today):
                    passed.append(PassedDeadline(what, anchor, deadline, last_day))
            latest = self.latest(bundle.id, task.id)
            if passed and (latest is None or latest.status != DONE):
                result.append(Overdue(bundle, task, tuple(sorted(passed, key=lambda p: p.last_day)), latest))
        return result

    def units_of(self, bundle: PlanBundle, task: models.Task) -> list[str]:
        responsibility = bundle.responsibility(task)
        return list(responsibility.units) if responsibility else []

    def rollup(self, bundle: PlanBundle, groups: list[tuple[str, list[models.Task]]]) -> list[dict]:
        """Per group of tasks, how many tasks have each latest status (and how many have no report)."""
        rows = []
        for label, tasks in groups:
            counts = {status: 0 for status in (*STATUSES, NO_REPORT)}
            for task in tasks:
                counts[self.status_of(bundle.id, task.id)] += 1
            rows.append({"label": label, "counts": counts, "total": len(tasks)})
        return rows


@lru_cache(maxsize=4)
def index(catalog: Catalog) -> Index:
    return Index(catalog)


def template_rows(catalog: Catalog, org_id: str) -> list[dict]:
    """What a department reports on: each task it leads (or, where the plan names no lead, is responsible
    for), once for the whole task and once per target."""
    rows = []
    for bundle in catalog.plans.values():
        for task in bundle.tasks:
            responsibility = bundle.responsibility(task)
            if responsibility is None:
                continue
            if not (org_id in responsibility.lead or (not responsibility.lead and org_id in responsibility.units)):
                continue
            role = "牵头" if org_id in responsibility.lead else "责任单位"
            rows.append({"bundle": bundle, "task": task, "target": None, "role": role})
            rows += [{"bundle": bundle, "task": task, "target": target, "role": role} for target in task.targets]
    return rows
