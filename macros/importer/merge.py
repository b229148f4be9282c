"""Re-import: a new version of the source into an existing plan, keeping every hand-written field.

Official fields (titles, texts, labels, units and 完成时限 as printed) come from the new version; ids (they
are in URLs and in explanations.yaml), themes and part themes, summary, level, status, the source's URL,
references, reviewed targets, milestones, deadlines and units, short titles, metadata filled by hand, every
other field the importer does not write and every file it does not write (explanations.yaml, …) are kept,
in the order of the existing file. Tasks are matched by number and text similarity (difflib); the changes
are listed. The status is kept unless the new version shows the plan issued (文号 and date) while the
old status says otherwise.
"""
from __future__ import annotations

import difflib
import re
from typing import Any, Optional

from .yamlout import Commented

OFFICIAL_PLAN_FIELDS = ("title", "status_line", "preamble", "goal", "tasks_heading", "requirements_heading", "requirements")
# Written by the importer and replaced by the new version (the official fields, the parts and the provenance).
IMPORTED_PLAN_FIELDS = OFFICIAL_PLAN_FIELDS + ("id", "parts", "metadata", "status", "source")
TASK_ORDER = ["id", "number", "label", "part", "parent", "heading", "theme", "title", "text", "targets", "milestones",
              "deadline", "measures", "references", "responsibility"]
# Fields of a task or part that the importer writes (from the source): the rest was added by hand and is kept.
IMPORTED_ITEM_FIELDS = ("id", "number", "label", "part", "parent", "heading", "title", "text", "targets", "milestones",
                        "deadline", "measures", "responsibility")
SAME_NUMBER_RATIO = 0.5
MOVED_RATIO = 0.6


def plain(value: Any) -> Any:
    """The value without review comments."""
    if isinstance(value, Commented):
        return plain(value.value)
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def similarity(a: str, b: str) -> float:
    a, b = re.sub(r"\s+", "", a), re.sub(r"\s+", "", b)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return matcher.ratio() if matcher.real_quick_ratio() >= MOVED_RATIO / 2 else 0.0


def _body(item: dict) -> str:
    return f"{item.get('title') or item.get('heading') or ''}。{item.get('text') or ''}"


class Merge:
    def __init__(self, old_plan: dict, old_tasks: dict, new_plan: dict, new_tasks: dict, explained: set[str]) -> None:
        self.old_plan, self.old_tasks = old_plan, old_tasks.get("tasks", [])
        self.new_plan, self.new_tasks = new_plan, new_tasks["tasks"]
        self.explained = explained
        self.changes: list[str] = []
        self.orphans: list[str] = []

    def run(self) -> tuple[dict, dict]:
        part_ids = self._parts()
        tasks = self._tasks(part_ids)
        plan = dict(self.new_plan)
        for key, value in self.old_plan.items():
            if key not in IMPORTED_PLAN_FIELDS:
                plan[key] = value  # hand-written or reviewed: short_title, level, themes, summary, implements, …
        plan["metadata"] = self._metadata()
        plan["status"] = self._status()
        if "source" in plan:
            old_source = {key: value for key, value in (self.old_plan.get("source") or {}).items() if key in ("url", "retrieved")}
            plan["source"] = old_source | plain(plan["source"])
        if not plan.get("parts"):
            plan.pop("parts", None)
        for key in OFFICIAL_PLAN_FIELDS:
            if plain(self.old_plan.get(key)) != plain(self.new_plan.get(key)):
                self.changes.append(f"方案的 {key} 有改动")
        return _in_order(plan, list(self.old_plan), list(self.new_plan)), {"tasks": tasks}

    def _status(self) -> Any:
        old, new = self.old_plan.get("status"), self.new_plan["status"]
        if not old:
            return new
        guessed = plain(new)
        if guessed["stage"] == "issued" and old.get("stage") in ("consultation", "submitted"):
            self.changes.append(f"状态：原为 {old.get('stage')}，新版本有发文字号 {guessed.get('doc_number')} 和日期 "
                                f"{guessed.get('issued_on')}，改为 issued（请核对）")
            return new
        return old  # reviewed by hand

    def _metadata(self) -> dict:
        old, new = self.old_plan.get("metadata") or {}, plain(self.new_plan["metadata"])
        return {key: old.get(key) if old.get(key) not in (None, []) else new.get(key) for key in new}

    def _parts(self) -> dict[str, str]:
        """New part id -> the id kept from the old plan (matched by label and heading)."""
        old_parts = list(self.old_plan.get("parts", []))
        mapping: dict[str, str] = {}
        parts = []
        used = {part["id"] for part in old_parts}
        for new in self.new_plan.get("parts", []):
            new = plain(new)
            old = next((p for p in old_parts if p.get("label") == new["label"]
                        and similarity(p.get("heading", ""), new["heading"]) >= SAME_NUMBER_RATIO), None)
            if old is None:
                part_id = _free_id("p", used)
                self.changes.append(f"新增部分 {part_id}：{new['label']}{new['heading']}")
                merged = {**new, "id": part_id}
            else:
                old_parts.remove(old)
                part_id = old["id"]
                merged = self._keep_hand_fields(old, {**new, "id": part_id}, "部分")
            mapping[new["id"]] = part_id
            if new.get("parent"):
                merged["parent"] = mapping.get(new["parent"], new["parent"])
            parts.append(merged)
        for old in old_parts:
            self.changes.append(f"删除部分 {old['id']}：{old.get('label', '')}{old.get('heading', '')}")
        self.new_plan = {**self.new_plan, "parts": parts}
        return mapping

    def _tasks(self, part_ids: dict[str, str]) -> list[dict]:
        old_tasks = list(self.old_tasks)
        used = {task["id"] for task in old_tasks}
        matched: list[Optional[dict]] = []
        for new in map(plain, self.new_tasks):
            old = next((t for t in old_tasks if t.get("number") == new["number"]
                        and similarity(_body(t), _body(new)) >= SAME_NUMBER_RATIO), None)
            if old is None:
                scored = [(similarity(_body(t), _body(new)), t) for t in old_tasks]
                ratio, best = max(scored, key=lambda pair: pair[0], default=(0.0, None))
                old = best if ratio >= MOVED_RATIO else None
            if old is not None:
                old_tasks.remove(old)
            matched.append(old)
        tasks = []
        for new, old in zip(map(plain, self.new_tasks), matched):
            if new.get("part"):
                new = {**new, "part": part_ids.get(new["part"], new["part"])}
            if old is None:
                task_id = _free_id("t", used, width=len(new["id"]) - 1)
                self.changes.append(f"新增任务 {task_id}（第 {new['number']} 项）：{new['title']}")
                tasks.append(_renumber_ids({**new, "id": task_id}, new["id"], task_id))
                continue
            merged = self._keep_hand_fields(old, _renumber_ids({**new, "id": old["id"]}, new["id"], old["id"]), "任务")
            if "label" not in old and merged.get("label") == f"{merged['number']}.":
                del merged["label"]  # written by hand without it: the default label says the same
            if old.get("number") != new["number"]:
                self.changes.append(f"任务 {old['id']} 从第 {old.get('number')} 项移到第 {new['number']} 项")
            tasks.append(merged)
        for old in old_tasks:
            note = "（explanations.yaml 中有它的解读）" if old["id"] in self.explained else ""
            self.changes.append(f"删除任务 {old['id']}（原第 {old.get('number')} 项）：{old.get('title', '')}{note}")
        return tasks

    def _keep_hand_fields(self, old: dict, new: dict, what: str) -> dict:
        item_id = new["id"]
        if (old.get("title") or old.get("heading")) != (new.get("title") or new.get("heading")):
            self.changes.append(f"{what} {item_id} 的标题有改动：{_diff(old.get('title') or old.get('heading', ''), new.get('title') or new.get('heading', ''))}")
        if (old.get("text") or "") != (new.get("text") or ""):
            self.changes.append(f"{what} {item_id} 的原文有改动：{_diff(old.get('text') or '', new.get('text') or '')}")
        merged = dict(new)
        text = re.sub(r"\s+", "", new.get("text") or "")
        for kind in ("targets", "milestones"):
            if kind not in old:
                continue  # none reviewed yet: keep the new suggestions
            kept = [entry for entry in old[kind] if re.sub(r"\s+", "", entry.get("source", "")) in text]
            for entry in old[kind]:
                if entry not in kept:
                    self.orphans.append(f"{what} {item_id} 的 {kind} {entry.get('id')}：原句“{entry.get('source')}”已不在新原文中，"
                                        "没有写入，请按新原文重写")
            merged.pop(kind, None)
            if kept:
                merged[kind] = kept
        old_deadline, new_deadline = old.get("deadline"), plain(new.get("deadline"))
        if old_deadline and new_deadline and old_deadline.get("text") == new_deadline.get("text"):
            merged["deadline"] = old_deadline  # the value as reviewed by hand
        elif old_deadline != new_deadline:
            self.changes.append(f"{what} {item_id} 的完成时限有改动：{(old_deadline or {}).get('text')} → "
                                f"{(new_deadline or {}).get('text')}")
        for key, value in old.items():
            if key not in IMPORTED_ITEM_FIELDS:
                merged[key] = value  # added by hand: references, a part's theme, …
        old_units, new_units = old.get("responsibility"), new.get("responsibility")
        if old_units and new_units and old_units.get("source") == new_units.get("source"):
            merged["responsibility"] = old_units  # the units as reviewed by hand
        elif plain(old_units) != plain(new_units):
            self.changes.append(f"{what} {item_id} 的责任单位有改动：{(old_units or {}).get('source')} → {(new_units or {}).get('source')}")
        return {key: merged[key] for key in TASK_ORDER if key in merged} | {k: v for k, v in merged.items() if k not in TASK_ORDER}


def _in_order(merged: dict, old_order: list[str], new_order: list[str]) -> dict:
    """The keys in the order of the existing file; a key it lacks goes after the key it follows in the new one."""
    order = [key for key in old_order if key in merged]
    for index, key in enumerate(new_order):
        if key in merged and key not in order:
            before = next((k for k in reversed(new_order[:index]) if k in order), None)
            order.insert(order.index(before) + 1 if before else 0, key)
    order += [key for key in merged if key not in order]
    return {key: merged[key] for key in order}


def _renumber_ids(task: dict, old_id: str, new_id: str) -> dict:
    """Suggested targets and milestones are named after their task: follow the kept id."""
    for kind in ("targets", "milestones"):
        if kind in task:
            task[kind] = [{**entry, "id": entry["id"].replace(old_id, new_id, 1)} for entry in task[kind]]
    return task


def _free_id(prefix: str, used: set[str], width: int = 0) -> str:
    number = 1
    while f"{prefix}{number:0{width}d}" in used:
        number += 1
    used.add(f"{prefix}{number:0{width}d}")
    return f"{prefix}{number:0{width}d}"


def _diff(old: str, new: str) -> str:
    """The changed stretch of a text, short: “…旧…” → “…新…”."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    pieces = []
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag != "equal":
            pieces.append(f"“{old[max(0, a1 - 6):a2 + 6]}” → “{new[max(0, b1 - 6):b2 + 6]}”")
    return "；".join(pieces[:3]) + ("…" if len(pieces) > 3 else "")
