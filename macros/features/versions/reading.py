"""Reading the frozen versions of each plan (``plans/<plan>/versions/<version id>/``), as the feature's
``load`` hook: with the loader's own reader and models, so every error names the file, the line, the field,
what was found and what is expected, exactly as for the current plan.yaml and tasks.yaml.

``versions.yaml`` itself is a ``FileSpec`` of this feature (read by the loader); its cross-checks are in
checks.py, which runs after this hook.
"""
from __future__ import annotations

from pathlib import Path

from macros.core import checks as core_checks
from macros.core.catalog import Catalog, PlanBundle
from macros.core.load import CORE_FILES, Reader

from .queries import FILE, FOLDER, History, VersionEntry

FROZEN_FILES = tuple(spec for spec in CORE_FILES if spec.name in ("plan.yaml", "tasks.yaml"))
# The core checks of a plan's own references, run on each frozen version as on the current text.
CORE_CHECKS = (core_checks.unique_ids, core_checks.task_numbers_in_order, core_checks.tasks_belong_to_parts,
               core_checks.parts_nest_and_name_themes, core_checks.tasks_have_units,
               core_checks.organizations_exist, core_checks.references_exist)


def load_versions(root: Path, catalog: Catalog, report_line) -> dict[str, History]:
    """Each plan's versions (plans with a versions.yaml), the frozen ones read and checked."""
    reader = Reader(root)
    histories: dict[str, History] = {}
    for plan_id, bundle in catalog.plans.items():
        plan_dir = root / "plans" / Path(bundle.folder).name
        listed = bundle.files.get(FILE)
        folders = sorted(p for p in (plan_dir / FOLDER).iterdir() if p.is_dir()) if (plan_dir / FOLDER).is_dir() else []
        ids = [version.id for version in listed.versions] if listed else []
        for folder in folders:
            if folder.name not in ids[:-1]:
                report_line(reader.relative(folder), 1, "(the folder)", "a version folder not listed in versions.yaml"
                            if folder.name not in ids else "a folder for the current version",
                            f"a folder per earlier version listed in {bundle.file(FILE)}, "
                            + (("one of: " + ", ".join(ids[:-1])) if ids[:-1] else "(none listed)")
                            + "; the current version's files are the plan folder's own")
        if listed is None:
            continue
        entries, missing = [], []
        for index, version in enumerate(listed.versions):
            current = index == len(listed.versions) - 1
            folder = plan_dir / FOLDER / version.id
            if not current and not folder.is_dir():
                missing.append(index)
                continue
            frozen = bundle if current else _read_frozen(reader, folder, catalog, plan_id)
            if frozen is not None:
                entries.append(VersionEntry(version, frozen, current))
        histories[plan_id] = History(plan_id, bundle.file(FILE), entries, missing)
    for error in reader.errors:
        report_line(error.file, error.line, error.path, error.found, error.expected)
    return histories


def _read_frozen(reader: Reader, folder: Path, catalog: Catalog, plan_id: str):
    """A frozen version as a PlanBundle, or None (its errors reported)."""
    errors_before = len(reader.errors)
    files = {spec.name: reader.read(folder / spec.name, spec) for spec in FROZEN_FILES}
    if len(reader.errors) > errors_before or None in files.values():
        return None
    frozen = PlanBundle(folder=reader.relative(folder), files=files)
    if frozen.plan.id != plan_id:
        reader.report(frozen.file("plan.yaml"), ("id",), repr(frozen.plan.id), f"the id of the plan, {plan_id!r}")
    for position, other in enumerate(frozen.plan.implements_plans):
        if other not in catalog.plans or other == plan_id:
            reader.report(frozen.file("plan.yaml"), ("implements_plans", position), repr(other),
                          "the id of another plan of this site, " + core_checks.one_of(set(catalog.plans) - {plan_id}))
    alone = Catalog(root=catalog.root, shared_files=catalog.shared_files, plans={plan_id: frozen})
    for check in CORE_CHECKS:
        check(alone, reader.report)
    return frozen if len(reader.errors) == errors_before else None
