"""What changed between two versions of a plan: tasks matched, added, removed, renumbered and reworded.

Tasks are matched by id first (an id is the task's address, kept by editors), unless the texts have nothing
in common; the others by the similarity of their words (difflib), the most similar pair first and, between
equally similar ones, the nearest number. An importer that numbers ids t01, t02 … afresh therefore does not
pair a removed task's id with the next task.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import cached_property
from typing import Optional

from macros.core.catalog import PlanBundle
from macros.core.models import Measure, Task

from . import diff
from .models import Version

FILE = "versions.yaml"
FOLDER = "versions"
SAME_ID_AT_LEAST = 0.25  # a task keeping its id is the same task unless its text was all but replaced
SIMILAR_AT_LEAST = 0.6  # two tasks with different ids are the same task when their texts are this similar


def measures_text(measures: list[Measure]) -> str:
    return "".join(f"\n{m.label}{m.text}{measures_text(m.measures)}" for m in measures)


def task_text(task: Task) -> str:
    return f"{task.title}。{task.text}{measures_text(task.measures)}"


def similarity(a: str, b: str) -> float:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return matcher.ratio() if matcher.real_quick_ratio() >= SAME_ID_AT_LEAST else 0.0


@dataclass(frozen=True)
class Pair:
    """The same task in two versions."""

    old: Task
    new: Task

    @property
    def renumbered(self) -> bool:
        return self.old.number != self.new.number or self.old.printed_label != self.new.printed_label

    @property
    def reworded(self) -> bool:
        return task_text(self.old) != task_text(self.new)

    @property
    def id_changed(self) -> bool:
        return self.old.id != self.new.id

    @property
    def changed(self) -> bool:
        return self.renumbered or self.reworded or self.id_changed or self.old.part != self.new.part

    @cached_property
    def title_diff(self) -> list[diff.Segment]:
        return diff.diff(self.old.title, self.new.title)

    @cached_property
    def text_diff(self) -> list[diff.Segment]:
        return diff.diff(self.old.text, self.new.text)

    @cached_property
    def measures_diff(self) -> list[diff.Segment]:
        return diff.diff(measures_text(self.old.measures).strip(), measures_text(self.new.measures).strip())


def match(old: list[Task], new: list[Task]) -> tuple[list[Pair], list[Task], list[Task]]:
    """(pairs in the new version's order, tasks removed in the old order, tasks added in the new order)."""
    texts = {id(task): task_text(task) for task in [*old, *new]}
    old_by_id = {task.id: task for task in old}
    paired: dict[int, Task] = {}  # id(new task) -> old task
    for task in new:
        before = old_by_id.get(task.id)
        if before is not None and similarity(texts[id(before)], texts[id(task)]) >= SAME_ID_AT_LEAST:
            paired[id(task)] = before
    used = {id(task) for task in paired.values()}
    candidates = []
    for task in (t for t in new if id(t) not in paired):
        for before in (t for t in old if id(t) not in used):
            score = similarity(texts[id(before)], texts[id(task)])
            if score >= SIMILAR_AT_LEAST:
                candidates.append((-score, abs(before.number - task.number), before.number, task.number, before, task))
    for _, _, _, _, before, task in sorted(candidates, key=lambda c: c[:4]):
        if id(task) not in paired and id(before) not in used:
            paired[id(task)] = before
            used.add(id(before))
    pairs = [Pair(paired[id(task)], task) for task in new if id(task) in paired]
    removed = [task for task in old if id(task) not in used]
    added = [task for task in new if id(task) not in paired]
    return pairs, removed, added


@dataclass(frozen=True)
class TextChange:
    """A piece of the plan's own text outside the tasks (title, preamble, goal …) that changed."""

    what: str
    segments: list[diff.Segment]


@dataclass(eq=False)
class VersionEntry:
    meta: Version  # its entry in versions.yaml
    bundle: PlanBundle  # its plan.yaml and tasks.yaml (the plan's own for the current version)
    current: bool

    @property
    def id(self) -> str:
        return self.meta.id


@dataclass(eq=False)
class Comparison:
    old: VersionEntry
    new: VersionEntry
    pairs: list[Pair]
    removed: list[Task]
    added: list[Task]
    texts: list[TextChange]

    @property
    def reworded(self) -> list[Pair]:
        return [pair for pair in self.pairs if pair.reworded]

    @property
    def renumbered(self) -> list[Pair]:
        return [pair for pair in self.pairs if pair.renumbered]

    @property
    def unchanged(self) -> list[Pair]:
        return [pair for pair in self.pairs if not pair.changed]

    @property
    def changed_ids(self) -> set[str]:
        """The ids a summary in versions.yaml may name: tasks of the new version that changed or were added,
        tasks of the old version that were removed."""
        return ({p.new.id for p in self.pairs if p.changed} | {t.id for t in self.added} | {t.id for t in self.removed})

    def summary(self, task: Task, removed: bool = False) -> Optional[str]:
        """The editor's one line about this task: by the new version's id (the old one's for a removed task
        whose id the new version does not use)."""
        new_ids = {t.id for t in self.new.bundle.tasks}
        if removed and task.id in new_ids:
            return None
        return self.new.meta.changes.get(task.id)


def _text_changes(old: PlanBundle, new: PlanBundle) -> list[TextChange]:
    a, b = old.plan, new.plan

    def requirements(plan) -> str:
        return "\n".join(f"{r.label}{r.heading}。{r.text}" for r in plan.requirements)

    def parts(plan) -> str:
        return "\n".join(f"{p.label}{p.heading}" + (f"。{p.text}" if p.text else "") for p in plan.parts)

    fields = [("标题", a.title, b.title), ("标题下的一行", a.status_line or "", b.status_line or ""),
              ("前言", a.preamble or "", b.preamble or ""),
              ("目标", f"{a.goal.heading}。{a.goal.text or ''}" if a.goal else "", f"{b.goal.heading}。{b.goal.text or ''}" if b.goal else ""),
              ("各部分的标题", parts(a), parts(b)), ("任务一节的标题", a.tasks_heading or "", b.tasks_heading or ""),
              ("保障措施", requirements(a), requirements(b))]
    return [TextChange(what, diff.diff(before, after)) for what, before, after in fields if before != after]


@dataclass(eq=False)
class History:
    plan_id: str
    file: str  # the plan's versions.yaml, for errors
    versions: list[VersionEntry]
    missing: list[int] = field(default_factory=list)  # positions in versions.yaml of earlier versions without a folder
    _comparisons: dict = field(default_factory=dict, repr=False)

    def version(self, version_id: str) -> VersionEntry:
        return next(v for v in self.versions if v.id == version_id)

    @property
    def current(self) -> VersionEntry:
        return self.versions[-1]

    def previous(self, entry: VersionEntry) -> Optional[VersionEntry]:
        index = self.versions.index(entry)
        return self.versions[index - 1] if index else None

    def pairs(self) -> list[tuple[VersionEntry, VersionEntry]]:
        """Each version with the one before it."""
        return list(zip(self.versions, self.versions[1:]))

    def compare(self, old: VersionEntry, new: VersionEntry) -> Comparison:
        key = (old.id, new.id)
        if key not in self._comparisons:
            pairs, removed, added = match(old.bundle.tasks, new.bundle.tasks)
            self._comparisons[key] = Comparison(old, new, pairs, removed, added, _text_changes(old.bundle, new.bundle))
        return self._comparisons[key]


def histories(catalog) -> dict[str, History]:
    """Every plan that has versions (a versions.yaml), by plan id."""
    return catalog.loaded.get("versions") or {}


def history(catalog, plan_id: str) -> Optional[History]:
    return histories(catalog).get(plan_id)
