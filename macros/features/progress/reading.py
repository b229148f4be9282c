"""Reading ``policy_data/progress/*.csv`` and ``*.xlsx``: every bad cell is an error naming the file, the
line, the column, what was found and what is accepted; nothing is guessed.

Runs as the feature's ``load`` hook (macros/core/feature.py), after the core checks: plan, task, target
and organization ids of the YAML are then known to be sound.
"""
from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import sys
from pathlib import Path
from typing import Callable, Iterator, Optional

from macros.core.catalog import Catalog
from macros.core.status import build_date

from .models import COLUMN_NAMES, COLUMNS, STATUSES, ProgressData, ProgressReport, parse_report_period

FOLDER = "progress"
MAX_BYTES = 5_000_000
NUMBER = re.compile(r"-?\d+(\.\d+)?")
URL = re.compile(r"https?://[^\s<>\"']+")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Cells a department fills in: a template row with none of them is not a report yet, and is skipped.
FILLED_IN = ("period", "status", "value", "note", "source_url", "reported_on")
EXPECTED_FILE = "a CSV saved as UTF-8 (with or without BOM) or GB18030/GBK (Excel's “CSV (逗号分隔)”), or an .xlsx workbook"


class FileProblem(Exception):
    def __init__(self, line: int, found: str, expected: str) -> None:
        super().__init__(found)
        self.line, self.found, self.expected = line, found, expected


def shown(value: object) -> str:
    if value is None or value == "":
        return "nothing"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "...'"


def one_of(ids) -> str:
    ids = list(ids)
    return "one of: " + ", ".join(ids) if ids else "(none defined)"


# ---------------------------------------------------------------- files → rows of cells


Cell = tuple[object, str]  # (the value as read: text, or a number/date from a workbook; where: "column" label)
Row = tuple[int, dict[str, Cell]]  # (line or row number, cells by column name)


def decode(raw: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding found: UTF-8 (with or without BOM) or GB18030 (GBK)."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise FileProblem(1, "a UTF-16 file (Excel's “Unicode 文本”)", EXPECTED_FILE)
    if raw.startswith(codecs.BOM_UTF8):
        try:
            return raw[3:].decode("utf-8"), "UTF-8 (BOM)"
        except UnicodeDecodeError as error:
            raise _not_decodable(raw, error.start + 3, "UTF-8 (it starts with a UTF-8 BOM)") from None
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030"), "GB18030"
    except UnicodeDecodeError as error:
        raise _not_decodable(raw, error.start, "UTF-8 nor GB18030/GBK") from None


def _not_decodable(raw: bytes, start: int, what: str) -> FileProblem:
    line = raw.count(b"\n", 0, start) + 1
    return FileProblem(line, f"bytes that are not {what} ({raw[start:start + 4]!r} at byte {start})", EXPECTED_FILE)


def csv_rows(raw: bytes) -> tuple[str, Iterator[tuple[int, list[object]]]]:
    text, encoding = decode(raw)
    if "\0" in text:
        raise FileProblem(text.count("\n", 0, text.index("\0")) + 1, "a NUL character (a binary file?)", EXPECTED_FILE)

    def rows() -> Iterator[tuple[int, list[object]]]:
        reader = csv.reader(io.StringIO(text, newline=""), strict=True)
        start = 1
        try:
            for cells in reader:
                yield start, cells
                start = reader.line_num + 1
        except csv.Error as error:
            raise FileProblem(reader.line_num or start, f"a line that is not CSV ({error})",
                              "cells separated by commas; a cell with a comma, quote or line break in double quotes") from None

    return encoding, rows()


def xlsx_rows(path: Path) -> Iterator[tuple[int, list[object]]]:
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise FileProblem(1, f"a file that is not an .xlsx workbook ({type(error).__name__})", EXPECTED_FILE) from None
    try:
        sheet = workbook.worksheets[0]
        for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, list(cells)
    finally:
        workbook.close()


def letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


# ---------------------------------------------------------------- rows → reports


class _FileReader:
    def __init__(self, catalog: Catalog, report: Callable, today: dt.date) -> None:
        self.catalog, self.report, self.today = catalog, report, today
        self.reports: list[ProgressReport] = []
        self.seen: dict[tuple, tuple[str, int]] = {}

    def read(self, file: str, rows: Iterator[tuple[int, list[object]]], workbook: bool) -> None:
        header_seen = False
        for line, cells in rows:
            if all(_text(cell) == "" for cell in cells):
                continue  # an empty line, or a row Excel left blank
            if not header_seen:
                header_seen = True
                if not self._header(file, line, cells):
                    return
                continue
            while workbook and len(cells) > len(COLUMN_NAMES) and _text(cells[-1]) == "":
                cells = cells[:-1]  # a workbook's empty cells right of the table
            if len(cells) != len(COLUMN_NAMES):
                self.report(file, line, "(the row)", f"{len(cells)} cells",
                            f"{len(COLUMN_NAMES)} cells, one per column ({','.join(COLUMN_NAMES)}); "
                            "a note with a comma must be in double quotes")
                continue
            where = {name: (f"{name} ({letter(i)}{line})" if workbook else name) for i, name in enumerate(COLUMN_NAMES)}
            self._row(file, line, dict(zip(COLUMN_NAMES, cells)), where)
        if not header_seen:
            self.report(file, 1, "(the header)", "an empty file", "a header line with the columns " + ",".join(COLUMN_NAMES))

    def _header(self, file: str, line: int, cells: list[object]) -> bool:
        names = [_text(cell) for cell in cells]
        while names and names[-1] == "":
            names.pop()
        if tuple(names) == COLUMN_NAMES:
            return True
        missing = [name for name in COLUMN_NAMES if name not in names]
        unknown = [name for name in names if name not in COLUMN_NAMES]
        detail = "; ".join(part for part in (
            f"missing {', '.join(missing)}" if missing else "",
            f"unknown {', '.join(repr(n) for n in unknown)}" if unknown else "",
            "the columns in another order" if not missing and not unknown else "") if part)
        self.report(file, line, "(the header)", f"{shown(','.join(names))} ({detail})",
                    "exactly the columns " + ",".join(COLUMN_NAMES) + ", in this order (the rows of this file were not read)")
        return False

    def _row(self, file: str, line: int, raw: dict[str, object], where: dict[str, str]) -> None:
        cell = {name: _text(value) for name, value in raw.items()}
        if not any(cell[name] for name in FILLED_IN):
            return  # a template row not filled in: not a report
        problems: list[str] = []

        def bad(column: str, found: str, expected: str) -> None:
            problems.append(column)
            self.report(file, line, where[column], found, expected)

        catalog = self.catalog
        bundle = task = None
        target = None
        if cell["plan"] not in catalog.plans:
            bad("plan", shown(cell["plan"]), "a plan id, " + one_of(catalog.plans))
        else:
            bundle = catalog.plan(cell["plan"])
            tasks = {t.id: t for t in bundle.tasks}
            if cell["task"] not in tasks:
                bad("task", shown(cell["task"]), f"a task id of plan {bundle.id}, " + one_of(tasks))
            else:
                task = tasks[cell["task"]]
                targets = {t.id: t for t in task.targets}
                if cell["target"] and cell["target"] not in targets:
                    bad("target", shown(cell["target"]),
                        f"a target id of task {task.id}, " + one_of(targets) + ", or nothing (a report on the whole task)"
                        if targets else f"nothing: task {task.id} has no target")
                target = targets.get(cell["target"])
        period = None
        if isinstance(raw["period"], (dt.date, dt.datetime)):
            bad("period", f"a date ({raw['period']:%Y-%m-%d}): the spreadsheet turned the period into a date",
                "a period written as text (format the cells as 文本): " + COLUMNS[3][2].removeprefix("a period: "))
        else:
            try:
                period = parse_report_period(cell["period"])
            except ValueError as error:
                bad("period", shown(cell["period"]), f"a period, one of the forms {error}")
        if cell["status"] not in STATUSES:
            bad("status", shown(cell["status"]), "one of " + "、".join(STATUSES))
        value = None
        if cell["target"]:
            unit = f" in the target's unit ({target.unit})" if target else ""
            if isinstance(raw["value"], bool) or not (isinstance(raw["value"], (int, float)) or NUMBER.fullmatch(cell["value"])):
                bad("value", shown(cell["value"]),
                    f"a number{unit}, such as 9 or 87.5, with no unit, thousands separator or words "
                    "(a report on a target has a value)")
            else:
                value = float(raw["value"]) if isinstance(raw["value"], (int, float)) else float(cell["value"])
        elif cell["value"]:
            bad("value", shown(cell["value"]), "nothing: a value belongs to a target; fill in `target` or leave `value` empty")
        if cell["source_url"] and not URL.fullmatch(cell["source_url"]):
            bad("source_url", shown(cell["source_url"]), "an address that starts with http:// or https:// and has no spaces, or nothing")
        reporter = cell["reported_by"]
        if reporter not in catalog.organizations:
            bad("reported_by", shown(reporter), "an organization id from organizations.yaml, " + one_of(catalog.organizations))
        reported_on = self._date(raw["reported_on"], cell["reported_on"], bad)
        if problems or bundle is None or task is None or period is None or reported_on is None:
            return
        units = bundle.responsibility(task).units
        if reporter not in units:
            self.report(file, line, where["reported_by"],
                        f"{shown(reporter)} ({catalog.organizations[reporter].short_name}), which is not responsible for task {task.id}",
                        "a unit responsible for it, " + one_of(units) + " (a warning: the report is published as sent)",
                        warning=True)
        key = (bundle.id, task.id, cell["target"], period.value)
        if key in self.seen:
            first_file, first_line = self.seen[key]
            bad("period", f"a second report on task {task.id}" + (f", target {cell['target']}" if cell["target"] else "")
                + f" for period {period.value} (the first: {first_file}:{first_line})",
                "one row per task, target and period: correct the earlier row or delete one of them")
            return
        self.seen[key] = (file, line)
        self.reports.append(ProgressReport(
            file=file, line=line, plan=bundle.id, task=task.id, target=cell["target"] or None, period=period,
            status=cell["status"], value=value, note=cell["note"], source_url=cell["source_url"] or None,
            reported_by=reporter, reported_on=reported_on,
        ))

    def _date(self, raw: object, text: str, bad) -> Optional[dt.date]:
        if isinstance(raw, dt.datetime):
            day = raw.date()
        elif isinstance(raw, dt.date):
            day = raw
        else:
            try:
                if not ISO_DATE.fullmatch(text):
                    raise ValueError
                day = dt.date.fromisoformat(text)
            except ValueError:
                bad("reported_on", shown(text), "an ISO date YYYY-MM-DD such as 2024-10-08")
                return None
        if day > self.today:
            bad("reported_on", f"{day.isoformat()}, after the build date {self.today.isoformat()}",
                "the day the report was made, not in the future")
            return None
        return day


def _text(value: object) -> str:
    """A cell as text: numbers from a workbook without a needless “.0”, dates as ISO dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value).strip()


def load_progress(root: Path, catalog: Catalog, report: Callable) -> ProgressData:
    """The ``load`` hook: every report of ``policy_data/progress/``, checked against the catalog."""
    today = build_date()
    folder = root / FOLDER
    if not folder.is_dir():
        return ProgressData(build_date=today)
    reader = _FileReader(catalog, report, today)
    files: list[tuple[str, str]] = []
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.name.startswith(("~$", ".")):
            continue  # Excel's lock files, hidden files
        file = _relative(path, root)
        suffix = path.suffix.lower()
        if suffix in (".xls", ".et", ".ods", ".numbers"):
            report(file, 1, "(the whole file)", f"a {suffix} file", "a .csv or .xlsx file: save it as “CSV UTF-8” or “Excel 工作簿 (.xlsx)”")
            continue
        if suffix not in (".csv", ".xlsx"):
            continue
        size = path.stat().st_size
        if size > MAX_BYTES:
            report(file, 1, "(the whole file)", f"a file of {size / 1e6:.1f} MB", f"at most {MAX_BYTES // 1_000_000} MB")
            continue
        try:
            if suffix == ".csv":
                encoding, rows = csv_rows(path.read_bytes())
                reader.read(file, rows, workbook=False)
            else:
                encoding = "xlsx"
                reader.read(file, xlsx_rows(path), workbook=True)
        except FileProblem as problem:
            report(file, problem.line, "(the whole file)", problem.found, problem.expected)
            continue
        files.append((file, encoding))
        count = sum(1 for r in reader.reports if r.file == file)
        print(f"{file}: {'an .xlsx workbook' if encoding == 'xlsx' else encoding + ' text'}, {count} report{'s' if count != 1 else ''}",
              file=sys.stderr)  # which encoding was found: a GBK file is read as GB18030, its superset
    return ProgressData(reports=tuple(reader.reports), files=tuple(files), build_date=today)


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)
