"""Import a plan: source → document model → schema → validated → moved into ``policy_data``.

Everything is written into a temporary copy of the data folder and checked there with the project's
validator (run as a subprocess, so this package depends on no other code of the project); only a plan
that validates is moved into place. Bad input raises ``ImportProblem`` before anything is written.
Besides the data it writes the review list twice: ``import-review.md`` and ``review.yaml`` (open items).
"""
from __future__ import annotations

import difflib
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import cleanup, structure
from .merge import Merge
from .model import SourceDocument
from .organizations import NewOrganization
from .problems import ImportProblem
from .readers import read_source
from .review import REVIEW_DATA, REVIEW_FILE, review_markdown, review_yaml
from .writer import REVIEW, write_plan
from .yamlout import dump

ROOT = Path(__file__).resolve().parents[2]
PLAN_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
WRITTEN_FILES = ("plan.yaml", "tasks.yaml", "documents.yaml")


@dataclass
class ImportResult:
    plan_id: str
    plan_dir: Path
    document: SourceDocument
    counts: dict
    new_organizations: list[NewOrganization]
    files: dict[str, str]  # file name in the plan folder -> new content
    diff: str = ""  # against the files already there (re-import)
    changes: list[str] = field(default_factory=list)
    reimport: bool = False
    written: bool = False


class NeedsForce(ImportProblem):
    """A re-import that would change files: shown as a diff, written only with --force."""

    def __init__(self, result: ImportResult) -> None:
        self.result = result
        super().__init__(str(result.plan_dir), None, f"plan {result.plan_id!r} already exists and the new version changes "
                         f"{len(result.changes)} thing(s) (diff above)", "--force (make import … FORCE=1) to write them; "
                         "hand-written fields and files are kept")


def validator_command(data_dir: Path) -> list[str]:
    script = os.environ.get("PLAN_IMPORT_VALIDATOR") or str(ROOT / "scripts" / "validate.py")
    return [sys.executable, script, str(data_dir)]


def import_plan(source: Path, plan_id: str, data_dir: Path, force: bool = False, dry_run: bool = False,
                validate: bool = True) -> ImportResult:
    source, data_dir = Path(source), Path(data_dir)
    if not PLAN_ID.match(plan_id):
        raise ImportProblem("--plan", None, repr(plan_id), "a plan id of lower-case ASCII letters, digits and hyphens, "
                            "such as daye-2023")
    if not source.is_file():
        raise ImportProblem(str(source), None, "no such file" if not source.exists() else "a folder",
                            "the path of a .docx, .pdf, .txt or .html file")
    organizations_file = data_dir / "organizations.yaml"
    if not organizations_file.is_file():
        raise ImportProblem(str(data_dir), None, "no organizations.yaml", "the policy_data folder")
    result = prepare(source, plan_id, data_dir)
    if result.reimport and not result.changes and not result.diff:
        return result
    if result.reimport and not force:
        raise NeedsForce(result)
    if dry_run:
        return result
    with tempfile.TemporaryDirectory(prefix=".import-", dir=data_dir.parent) as scratch:
        staged = Path(scratch) / data_dir.name
        shutil.copytree(data_dir, staged, ignore=shutil.ignore_patterns(".*"))
        _write_files(staged, result)
        if validate:
            _validate(staged, result)
        _move_into_place(staged, data_dir, result)
    result.written = True
    return result


def prepare(source: Path, plan_id: str, data_dir: Path) -> ImportResult:
    """Read, structure and map a source; merge with an existing plan. Writes nothing."""
    data = source.read_bytes()
    file_format, lines, encoding, page_metadata = read_source(source, data)
    document = SourceDocument(source.name, file_format, hashlib.sha256(data).hexdigest(), encoding, lines,
                              page_metadata=page_metadata)
    if encoding:
        document.note(None, "来源", f"文本编码识别为 {encoding}")
    structure.build(document, cleanup.repair(document))
    organizations = (yaml.safe_load((data_dir / "organizations.yaml").read_text(encoding="utf-8")) or {}).get("organizations") or []
    output = write_plan(document, plan_id, organizations)
    plan_dir = data_dir / "plans" / plan_id
    plan, tasks, changes, reimport = output.plan, output.tasks, [], plan_dir.is_dir()
    if reimport:
        old = {name: _load(plan_dir / name) for name in WRITTEN_FILES}
        explained = {entry.get("item") for entry in (_load(plan_dir / "explanations.yaml").get("explanations") or [])}
        merge = Merge(old["plan.yaml"], old["tasks.yaml"], plan, tasks, explained)
        plan, tasks = merge.run()
        changes = merge.changes
        dropped = explained - {task["id"] for task in tasks["tasks"]} - {part["id"] for part in plan.get("parts", [])}
        if dropped:
            gone = [task for task in old["tasks.yaml"].get("tasks", []) if task["id"] in dropped]
            raise ImportProblem(str(plan_dir / "explanations.yaml"), None, "explanations of "
                                + "、".join(f"{t['id']}（原第 {t.get('number')} 项 {t.get('title', '')}）" for t in gone)
                                + ", which the new version of the source no longer has",
                                "to move or delete those explanations first (nothing was written)")
        for orphan in merge.orphans:
            document.note(None, "重新导入", orphan)
    counts = {"部分": len(plan.get("parts", [])), "任务": len(tasks["tasks"]),
              "新单位": len(output.new_organizations), "待核对": len(document.review) + len(output.new_organizations)}
    provenance = [f"导入自 {source.name}（{file_format}{'，' + encoding if encoding else ''}，SHA-256 {document.sha256}）",
                  f"由 scripts/import_plan.py 生成；标有“{REVIEW}”的内容是推测的，见 {REVIEW_FILE}。正文逐字照录原文。"]
    files = {
        "plan.yaml": dump(plan, ["yaml-language-server: $schema=../../schema/plan.schema.json"] + provenance),
        "tasks.yaml": dump(tasks, ["yaml-language-server: $schema=../../schema/tasks.schema.json"] + provenance),
    }
    if output.documents and not (reimport and (plan_dir / "documents.yaml").exists()):
        files["documents.yaml"] = dump(output.documents, ["yaml-language-server: $schema=../../schema/documents.schema.json"] + provenance)
    result = ImportResult(plan_id, plan_dir, document, counts, output.new_organizations, files, changes=changes,
                          reimport=reimport)
    if reimport:
        result.diff = _diff(plan_dir, files)
    files[REVIEW_FILE] = review_markdown(document, plan_id, output.new_organizations, changes, counts)
    files[REVIEW_DATA] = review_yaml(document, plan_id, output.new_organizations)
    return result


def _load(path: Path) -> dict:
    if not path.exists():
        return {}
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ImportProblem(str(path), mark.line + 1 if mark else None, "YAML that cannot be read",
                            "the plan's files as the validator accepts them; fix them before re-importing") from None


def _diff(plan_dir: Path, files: dict[str, str]) -> str:
    pieces = []
    for name, text in files.items():
        path = plan_dir / name
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        if _comparable(name, old) != _comparable(name, text):
            pieces += difflib.unified_diff(old.splitlines(keepends=True), text.splitlines(keepends=True),
                                           f"a/{path}", f"b/{path}", n=1)
    return "".join(pieces)


def _comparable(name: str, text: str) -> str:
    """A file without what is provenance only: comments, and plan.yaml's ``source`` (file name and checksum).
    A re-import that changes nothing else writes nothing."""
    lines, in_source = [], False
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            continue
        if name == "plan.yaml" and (line.startswith("source:") or (in_source and line.startswith(" "))):
            in_source = True
            continue
        in_source = False
        lines.append(line)
    return "\n".join(lines)


def _organizations_block(result: ImportResult) -> str:
    lines = [f"  # {REVIEW}（{result.plan_id}，导入自 {result.document.path}）：以下单位由导入程序新建，全称、层级和类别是推测的。"]
    for org in result.new_organizations:
        lines += [f"  - id: \"{org.id}\"", f"    name: \"{org.name}\"", f"    short_name: \"{org.short_name}\"",
                  f"    level: \"{org.level}\"", f"    kind: \"{org.kind}\""]
    return "\n".join(lines) + "\n"


def _write_files(staged: Path, result: ImportResult) -> None:
    plan_dir = staged / "plans" / result.plan_id
    plan_dir.mkdir(parents=True, exist_ok=True)
    for name, text in result.files.items():
        (plan_dir / name).write_text(text, encoding="utf-8")
    if result.new_organizations:
        organizations = staged / "organizations.yaml"
        text = organizations.read_text(encoding="utf-8")
        organizations.write_text(text + ("" if text.endswith("\n") else "\n") + _organizations_block(result), encoding="utf-8")


def _validate(staged: Path, result: ImportResult) -> None:
    try:
        run = subprocess.run(validator_command(staged), capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise ImportProblem("scripts/validate.py", None, f"the validator could not run ({error})",
                            "a working .venv (make validate)") from None
    if run.returncode != 0:
        errors = [line.strip() for line in run.stderr.splitlines() if ": found " in line] or [run.stderr.strip()[-2000:]]
        raise ImportProblem(str(result.plan_dir), None, "data that the validator refuses (nothing was written)",
                            "valid data: if an error below names a hand-written file, it refers to something the new "
                            "version no longer has — update that file first", tuple(errors[:20]))


def _move_into_place(staged: Path, data_dir: Path, result: ImportResult) -> None:
    """Replace the real files by the staged ones, file by file (os.replace is atomic on one file system)."""
    staged_plan = staged / "plans" / result.plan_id
    if result.new_organizations:
        os.replace(staged / "organizations.yaml", data_dir / "organizations.yaml")
    if not result.reimport:
        os.replace(staged_plan, result.plan_dir)  # the whole folder at once: never a half-written plan
        return
    for name in result.files:
        os.replace(staged_plan / name, result.plan_dir / name)
