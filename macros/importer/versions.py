"""Import a new version of an existing plan: the plan folder's current plan.yaml and tasks.yaml are frozen
into ``versions/<previous id>/``, the source is imported as the current text (a re-import, so hand-written
fields and files are kept), and the new version is appended to ``versions.yaml``.

Everything happens in a copy of the data folder, which the project's validator checks (through
``import_plan``); only then are the files moved into place. Like the rest of the importer, this module imports
nothing else from ``macros``.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import yaml

from .problems import ImportProblem
from .run import ImportResult, import_plan

VERSION_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
VERSIONS_FILE, VERSIONS_FOLDER = "versions.yaml", "versions"
FROZEN = ("plan.yaml", "tasks.yaml")


@dataclass(frozen=True)
class VersionEntry:
    id: str
    label: str
    date: dt.date
    note: Optional[str] = None

    def yaml(self) -> str:
        lines = [f"  - id: {_quoted(self.id)}", f"    label: {_quoted(self.label)}", f"    date: {self.date.isoformat()}"]
        if self.note:
            lines.append(f"    note: {_quoted(self.note)}")
        return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    return yaml.safe_dump(text, allow_unicode=True, default_style='"', width=10_000).strip()


def _check_id(option: str, value: str) -> None:
    if not VERSION_ID.match(value) or "-to-" in value:
        raise ImportProblem(option, None, repr(value), "a version id of lower-case ASCII letters, digits and hyphens, "
                            "without “-to-”, such as issued or rev-2025")


def import_version(source: Path, plan_id: str, data_dir: Path, new: VersionEntry,
                   previous: Optional[VersionEntry] = None, dry_run: bool = False) -> ImportResult:
    """``previous``: the version the plan folder holds now, needed only while the plan has no versions.yaml."""
    source, data_dir = Path(source), Path(data_dir)
    plan_dir = data_dir / "plans" / plan_id
    if not (plan_dir / "plan.yaml").is_file() or not (plan_dir / "tasks.yaml").is_file():
        raise ImportProblem("--plan", None, f"{plan_id!r} (no {plan_dir}/plan.yaml and tasks.yaml)",
                            "the id of a plan already in policy_data/plans/ (import a first version without --new-version)")
    _check_id("--new-version", new.id)
    versions_path = plan_dir / VERSIONS_FILE
    if versions_path.is_file():
        listed = (yaml.safe_load(versions_path.read_text(encoding="utf-8")) or {}).get("versions") or []
        if not listed:
            raise ImportProblem(str(versions_path), None, "no versions", "the plan's versions, oldest first")
        last = listed[-1]
        current = VersionEntry(str(last["id"]), str(last.get("label", "")), last.get("date"))
        known = [str(entry.get("id")) for entry in listed]
        prefix = ""
    else:
        if previous is None:
            raise ImportProblem(str(versions_path), None, "no such file (the plan has no versions yet)",
                                "--previous-version, --previous-label and --previous-date: the version the plan folder "
                                "holds now, which becomes the first entry of versions.yaml")
        _check_id("--previous-version", previous.id)
        current, known = previous, [previous.id]
        prefix = ("# yaml-language-server: $schema=../../schema/versions.schema.json\n"
                  "# 方案的各版本，按时间先后；最后一项是现在的版本（本文件夹的 plan.yaml、tasks.yaml）。\nversions:\n"
                  + previous.yaml())
    if new.id in known:
        raise ImportProblem("--new-version", None, repr(new.id), "an id not used by an earlier version: " + ", ".join(known))
    if isinstance(current.date, dt.date) and new.date < current.date:
        raise ImportProblem("--date", None, new.date.isoformat(),
                            f"a date not before the current version's ({current.date.isoformat()})")
    if (plan_dir / VERSIONS_FOLDER / current.id).exists():
        raise ImportProblem(str(plan_dir / VERSIONS_FOLDER / current.id), None, "a folder already there",
                            "no folder yet for the version the plan folder holds now")
    with tempfile.TemporaryDirectory(prefix=".import-version-", dir=data_dir.parent) as scratch:
        staged = Path(scratch) / data_dir.name
        shutil.copytree(data_dir, staged, ignore=shutil.ignore_patterns(".*"))
        staged_plan = staged / "plans" / plan_id
        frozen = staged_plan / VERSIONS_FOLDER / current.id
        frozen.mkdir(parents=True)
        for name in FROZEN:  # byte for byte, but for the editor's schema hint, two folders deeper
            text = (plan_dir / name).read_text(encoding="utf-8")
            (frozen / name).write_text(text.replace("$schema=../../schema/", "$schema=../../../../schema/"), encoding="utf-8")
        before = versions_path.read_text(encoding="utf-8") if versions_path.is_file() else prefix
        (staged_plan / VERSIONS_FILE).write_text(before + ("" if before.endswith("\n") else "\n") + new.yaml(),
                                                  encoding="utf-8")
        # The staged data is valid as it stands (the new version still holds the previous text); the import
        # then replaces the current text and the validator checks the whole, versions included.
        result = import_plan(source, plan_id, staged, force=True, dry_run=dry_run)
        if dry_run:
            return result
        (plan_dir / VERSIONS_FOLDER).mkdir(exist_ok=True)
        os.replace(frozen, plan_dir / VERSIONS_FOLDER / current.id)  # one folder, at once
        for name in result.files:
            if (staged_plan / name).exists():
                os.replace(staged_plan / name, plan_dir / name)
        os.replace(staged_plan / VERSIONS_FILE, versions_path)
        if result.new_organizations:
            os.replace(staged / "organizations.yaml", data_dir / "organizations.yaml")
    result.plan_dir = plan_dir
    result.written = True
    return result
