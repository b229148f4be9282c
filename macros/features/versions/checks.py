"""Cross-checks of versions.yaml: what the model of one entry cannot know (runs after reading.py)."""
from __future__ import annotations

from macros.core.catalog import Catalog
from macros.core.checks import duplicates, one_of

from .queries import FILE, FOLDER, history


def versions_are_sound(catalog: Catalog, report) -> None:
    for plan_id, bundle in catalog.plans.items():
        listed = bundle.files.get(FILE)
        if listed is None:
            continue
        file, versions = bundle.file(FILE), listed.versions
        duplicates(report, file, versions, ("versions",), "version")
        for index, version in enumerate(versions):
            path = ("versions", index)
            if "-to-" in version.id:
                report(file, path + ("id",), repr(version.id),
                       "an id without “-to-” (the address of a “what changed” page joins two version ids with it)")
            if index and version.date < versions[index - 1].date:
                report(file, path + ("date",), version.date.isoformat(),
                       f"a date not before the previous version's ({versions[index - 1].date.isoformat()}): oldest first")
            if index == 0 and version.changes:
                report(file, path + ("changes",), f"a mapping of {len(version.changes)}",
                       "no `changes` for the first version: there is nothing before it to compare with")
        plan_history = history(catalog, plan_id)
        for index in (plan_history.missing if plan_history else ()):
            report(file, ("versions", index, "id"), repr(versions[index].id),
                   f"an earlier version kept in {bundle.folder}/{FOLDER}/{versions[index].id}/ (plan.yaml and tasks.yaml); "
                   "no such folder")
        if plan_history is None or len(plan_history.versions) != len(versions):
            continue  # a version could not be read: reported above or by reading.py
        for index, (old, new) in enumerate(plan_history.pairs(), 1):
            changed = plan_history.compare(old, new).changed_ids
            for task_id in new.meta.changes:
                if task_id not in changed:
                    report(file, ("versions", index, "changes", task_id), repr(task_id),
                           f"the id of a task added, removed, renumbered or reworded since {old.id!r}, " + one_of(changed))
