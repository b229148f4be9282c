"""Progress reports: the columns of a report file, the periods and statuses a row may name, one row read.

Departments fill in a CSV (or .xlsx) with exactly the columns of ``COLUMNS``. The open data
(``ProgressExport``) is a view of the same fields, so the data-format page, the open-data page and the
JSON Schema all come from these definitions.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional

from pydantic import Field

from macros.core.deadlines import parse_period
from macros.core.models import ExportModel

STATUSES = ("未开始", "进行中", "已完成", "滞后", "已取消")
DONE = "已完成"
NO_REPORT = "尚无进展报告"

# (column, what it holds, what is accepted): one definition for the reader's errors and the documentation.
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("plan", "方案 id，即网址 /plans/<方案>/ 中的部分", "a plan id"),
    ("task", "任务 id，即网址 /plans/<方案>/tasks/<任务>/ 中的部分", "a task id of that plan"),
    ("target", "目标 id（任务网页上 #target-<目标> 的部分）；报告整项任务时留空", "a target id of that task, or nothing"),
    ("period", "报告所说的时段：2024（全年）、2024-H1（上半年）、2024-H2、2024-Q3（第三季度）、2024-05（5月）",
     "a period: 2024, 2024-H1, 2024-H2, 2024-Q1 … 2024-Q4 or 2024-01 … 2024-12"),
    ("status", "状态：" + "、".join(STATUSES), "one of " + ", ".join(STATUSES)),
    ("value", "填了 target 时必填：到这个时段末的数值，单位与目标相同，只写数字（如 9 或 87.5）；没填 target 时留空",
     "a number in the target's unit (such as 9 or 87.5) when `target` is set, else nothing"),
    ("note", "进展说明，会原样显示给公众：用通俗的中文写清做了什么", "plain text"),
    ("source_url", "部门发布这项进展的网址（可不填）", "an http:// or https:// address, or nothing"),
    ("reported_by", "填报单位的 id（见“责任单位”页面的网址）", "an organization id"),
    ("reported_on", "填报日期，写成 2024-10-08", "an ISO date YYYY-MM-DD, not after the build date"),
)
COLUMN_NAMES = tuple(name for name, _, _ in COLUMNS)
HALVES = {1: "上半年", 2: "下半年"}
PERIOD_FORMS = COLUMNS[3][2].removeprefix("a period: ")


@dataclass(frozen=True, order=False)
class ReportPeriod:
    """A reporting period: a year, a half year, a quarter or a month."""

    value: str  # as written: 2024, 2024-H1, 2024-Q3, 2024-05
    kind: str  # year | half | quarter | month
    first_day: dt.date
    last_day: dt.date
    label: str  # 2024年, 2024年上半年, 2024年第三季度, 2024年5月

    @property
    def sort_key(self) -> tuple:
        """Later end first…; of two periods that end together the shorter (the more recent start) is later."""
        return (self.last_day, self.first_day)


REPORT_KINDS = ("year", "half", "quarter", "month")  # of the deadline forms (core/deadlines.py), the reporting ones


def parse_report_period(text: str) -> ReportPeriod:
    """``2024``, ``2024-H1``, ``2024-Q3`` or ``2024-05`` (read as deadlines are); raises ValueError otherwise."""
    try:
        period = parse_period(text)
    except ValueError:
        period = None
    if period is None or period.kind not in REPORT_KINDS:
        raise ValueError(PERIOD_FORMS)
    year, first = period.year, period.first_day
    label = {"year": f"{year}年", "half": f"{year}年{HALVES[1 if first.month == 1 else 2]}",
             "quarter": period.label, "month": f"{year}年{first.month}月"}[period.kind]
    return ReportPeriod(text, period.kind, first, period.last_day, label)


@dataclass(frozen=True)
class ProgressReport:
    """One row of a progress file, checked: every id exists, the value fits the target."""

    file: str  # policy_data/progress/rsj-2024.csv
    line: int
    plan: str
    task: str
    target: Optional[str]
    period: ReportPeriod
    status: str
    value: Optional[float]
    note: str
    source_url: Optional[str]
    reported_by: str
    reported_on: dt.date

    @property
    def order(self) -> tuple:
        """How reports of one task or target are ordered in time: by period, then by the day of the report;
        at equal period and day a report on the whole task comes after a report on one of its targets."""
        return (*self.period.sort_key, self.reported_on, self.target is None)


@dataclass(frozen=True)
class ProgressData:
    """Every report read from ``policy_data/progress/``, and the files they came from."""

    reports: tuple[ProgressReport, ...] = ()
    files: tuple[tuple[str, str], ...] = ()  # (file, encoding or "xlsx")
    build_date: Optional[dt.date] = None


class ProgressExport(ExportModel):
    """``data/<方案>/progress.json``：各部门报告的工作进展（部门填报，不是原文）。每一行是一份报告。"""

    plan: str = Field(description=COLUMNS[0][1])
    task: str = Field(description=COLUMNS[1][1])
    target: Optional[str] = Field(description="目标 id；报告整项任务时为 null")
    period: str = Field(description=COLUMNS[3][1])
    period_first_day: str = Field(description="时段的第一天（YYYY-MM-DD）")
    period_last_day: str = Field(description="时段的最后一天（YYYY-MM-DD）")
    status: str = Field(description=COLUMNS[4][1], json_schema_extra={"enum": list(STATUSES)})
    value: Optional[float] = Field(description="数值，单位见 unit；报告整项任务时为 null")
    unit: Optional[str] = Field(description="数值的单位（目标的单位）")
    note: str = Field(description=COLUMNS[6][1])
    source_url: Optional[str] = Field(description=COLUMNS[7][1])
    reported_by: str = Field(description=COLUMNS[8][1])
    reported_on: str = Field(description="填报日期（YYYY-MM-DD）")
    task_url: str = Field(description="任务网页的完整网址")


class ProgressFileExport(ExportModel):
    """``data/<方案>/progress.json`` 的整个文件。"""

    schema_url: str = Field(alias="$schema", description="本文件的 JSON Schema 的网址")
    plan: str = Field(description="方案 id")
    note: str = Field(description="关于数据来源的说明")
    build_date: str = Field(description="生成本文件的日期（YYYY-MM-DD）：判断“已过时限”以这一天为准")
    reports: list[ProgressExport] = Field(description="全部报告，按任务、目标和时段排列")
