"""The only code that reads ``policy_data/``: parse, validate, cross-check, report.

``load_catalog(root)`` returns a ``Catalog`` or raises ``DataErrors`` whose lines each name the file,
the line, the field path, what was found and what is expected.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Sequence

from pydantic import BaseModel, ValidationError

from . import changes, models
from .catalog import Catalog, PlanBundle
from .checks import CORE_CHECKS
from .feature import Feature, FileSpec
from .yaml_lines import YamlProblem, format_path, line_of, read_yaml


@dataclass(frozen=True)
class DataError:
    file: str
    line: int
    path: str
    found: str
    expected: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.path}: found {self.found}; expected {self.expected}"


class DataErrors(Exception):
    def __init__(self, errors: list[DataError]) -> None:
        self.errors = errors
        super().__init__("\n".join(map(str, errors)))

    def report(self) -> str:
        count = len(self.errors)
        return f"policy_data has {count} error{'s' if count > 1 else ''}:\n" + "\n".join(
            f"  {error}" for error in self.errors
        )


# The files of the shared concepts; each feature declares its own files too.
CORE_FILES = (
    FileSpec("organizations.yaml", models.OrganizationList, required=True),
    FileSpec("references.yaml", models.ReferenceList, required=True),
    FileSpec("changes.yaml", changes.ChangeList),
    FileSpec("plan.yaml", models.Plan, required=True, per_plan=True),
    FileSpec("tasks.yaml", models.TaskList, required=True, per_plan=True),
    FileSpec("documents.yaml", models.DocumentList, per_plan=True),
)


def file_specs(features: Sequence[Feature]) -> list[FileSpec]:
    return [*CORE_FILES, *(spec for feature in features for spec in feature.files)]


MAX_FILE_BYTES = 5_000_000  # a policy_data file; the largest today is far below 1 MB


class Reader:
    """Collects errors while reading; remembers each file's line map for later checks."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.errors: list[DataError] = []
        self.warnings: list[DataError] = []  # printed, not fatal (Feature.load's warnings)
        self.lines: dict[str, dict] = {}

    def relative(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root.parent))
        except ValueError:
            return str(path)

    def report(self, file: str, path: tuple, found: str, expected: str) -> None:
        line = line_of(self.lines.get(file, {}), path)
        self.errors.append(DataError(file, line, format_path(path), found, expected))

    def report_line(self, file: str, line: int, column: str, found: str, expected: str, warning: bool = False) -> None:
        """An error (or a warning, printed but not fatal) in a data file that is not YAML, such as a CSV."""
        (self.warnings if warning else self.errors).append(DataError(file, line, column, found, expected))

    def read(self, path: Path, spec: FileSpec) -> Optional[BaseModel]:
        file = self.relative(path)
        if not path.exists():
            if spec.required:
                self.errors.append(DataError(file, 1, "(the whole file)", "no such file", f"a {spec.name} file"))
            return None
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:  # refused before reading: a huge file must not stall the build
            self.errors.append(DataError(file, 1, "(the whole file)", f"a file of {size / 1e6:.1f} MB",
                                         f"at most {MAX_FILE_BYTES // 1_000_000} MB; split the data or check that this is the right file"))
            return None
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            line = raw.count(b"\n", 0, error.start) + 1
            self.errors.append(DataError(file, line, "(the whole file)",
                                         f"bytes that are not UTF-8 ({raw[error.start:error.start + 4]!r}: {error.reason})",
                                         "a UTF-8 text file: save it as UTF-8 (not GBK/GB18030) in the editor"))
            return None
        try:
            data, lines = read_yaml(text)
        except YamlProblem as problem:
            self.errors.append(DataError(file, problem.line, format_path(problem.path), problem.found, problem.expected))
            return None
        self.lines[file] = lines
        try:
            return spec.model.model_validate(data)
        except ValidationError as error:
            for detail in error.errors(include_url=False):
                self._report_validation(file, detail)
            return None

    def _report_validation(self, file: str, detail: dict) -> None:
        path = tuple(detail["loc"])
        cause = (detail.get("ctx") or {}).get("error")
        found, expected = describe(detail)
        if isinstance(cause, models.SourceNotInText):
            path += (cause.kind, cause.index, "source")
            found = _show(cause.source)
        self.report(file, path, found, expected)


def describe(detail: dict) -> tuple[str, str]:
    """Turn one pydantic error into (what was found, what is expected)."""
    kind, message, given = detail["type"], detail["msg"], detail.get("input")
    shown = _show(given)
    if kind == "missing":
        return "nothing", "this required field"
    if kind == "extra_forbidden":
        return f"an unknown field (value {shown})", "only the fields of the data format (see docs/data-format page); check the spelling"
    if kind == "value_error":
        return shown if not isinstance(given, dict) else "this entry", message.removeprefix("Value error, ")
    if kind == "string_pattern_mismatch":
        return shown, "an id of lower-case ASCII letters, digits and hyphens, such as t01 or daye-2023"
    return shown, message.removeprefix("Input should be ").removeprefix("Value should be ")


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return f"a list of {len(value)}"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "...'"


_CACHE: dict[tuple, Catalog] = {}


def load_catalog(root: Path | str, features: Sequence[Feature]) -> Catalog:
    """The validated catalog of ``root``; read once per process while its files stay unchanged."""
    root = Path(root).resolve()
    key = (root, tuple(features),
           *((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(root.rglob("*"))))  # YAML, CSV, …
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = _load(root, tuple(features))
    return _CACHE[key]


def _load(root: Path, features: tuple[Feature, ...]) -> Catalog:
    reader = Reader(root)
    if not root.is_dir():
        raise DataErrors([DataError(str(root), 1, "(the folder)", "no such folder", "the policy_data folder")])
    specs = file_specs(features)
    shared = {spec.name: reader.read(root / spec.name, spec) for spec in specs if not spec.per_plan}
    bundles: dict[str, PlanBundle] = {}
    plans_dir = root / "plans"
    plan_dirs = sorted(p for p in plans_dir.iterdir() if p.is_dir()) if plans_dir.is_dir() else []
    if not plan_dirs:
        reader.errors.append(DataError(reader.relative(plans_dir), 1, "(the folder)", "no plan folder", "at least one plans/<plan-id>/ folder"))
    for plan_dir in plan_dirs:
        files = {spec.name: reader.read(plan_dir / spec.name, spec) for spec in specs if spec.per_plan}
        files = {name: model for name, model in files.items() if model is not None}
        if "plan.yaml" in files and "tasks.yaml" in files:
            bundles[plan_dir.name] = PlanBundle(
                folder=reader.relative(plan_dir), files=files,
            )
    if reader.errors:
        raise DataErrors(reader.errors)
    catalog = Catalog(shared_files={n: m for n, m in shared.items() if m is not None}, plans=bundles,
                      root=reader.relative(root), features=features, file_specs=tuple(specs))
    # The plan's own references first: the feature checks (leaflets, plain language, …) may then
    # rely on every task, part and organization id being sound.
    feature_checks = [check for feature in features for check in feature.checks]

    def load_other_files(catalog: Catalog, report) -> None:  # features' files that are not YAML (Feature.load)
        for feature in features:
            if feature.load:
                catalog.loaded[feature.name] = feature.load(root, catalog, reader.report_line)

    for group in (CORE_CHECKS, (load_other_files,), feature_checks):
        for run_check in group:
            run_check(catalog, reader.report)
        if reader.errors:
            raise DataErrors(reader.errors)
    for warning in reader.warnings:  # printed once: the catalog is cached while the files stay unchanged
        print(f"WARNING {warning}", file=sys.stderr)
    return catalog
