"""The fill-in template for one department: a CSV and an .xlsx with one row per task (and per target of it)
that the department leads, or is responsible for where the plan names no lead. ``scripts/progress_template.py``
(``make progress-template DEPT=<org>``) writes them."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from macros.core.catalog import Catalog
from macros.core.formats import item_name, target_value

from .models import COLUMN_NAMES, COLUMNS, STATUSES
from .queries import template_rows

TEXT = "@"  # the cell format 文本: Excel keeps 2024-05 and 2024 as typed, not as a date or a number


def _cells(catalog: Catalog, org_id: str) -> list[dict]:
    return [{"plan": row["bundle"].id, "task": row["task"].id, "target": row["target"].id if row["target"] else "",
             "reported_by": org_id, **{name: "" for name in COLUMN_NAMES if name not in ("plan", "task", "target", "reported_by")}}
            for row in template_rows(catalog, org_id)]


def template_csv(catalog: Catalog, org_id: str) -> bytes:
    """UTF-8 with a BOM and CRLF line ends: Excel and WPS open it with the Chinese intact."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=list(COLUMN_NAMES), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(_cells(catalog, org_id))
    return "\ufeff".encode("utf-8") + out.getvalue().encode("utf-8")


def template_xlsx(catalog: Catalog, org_id: str, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "进展报告"
    sheet.append(list(COLUMN_NAMES))
    rows = _cells(catalog, org_id)
    for row in rows:
        sheet.append([row[name] for name in COLUMN_NAMES])
    last = max(len(rows) + 1, 200)
    for index, name in enumerate(COLUMN_NAMES, start=1):
        column = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[column].width = 14 if name != "note" else 40
        if name != "value":
            for number in range(2, last + 1):
                sheet.cell(row=number, column=index).number_format = TEXT
    statuses = DataValidation(type="list", formula1='"' + ",".join(STATUSES) + '"', allow_blank=True,
                              error="状态只能是：" + "、".join(STATUSES), errorTitle="状态")
    sheet.add_data_validation(statuses)
    status_column = sheet.cell(row=1, column=COLUMN_NAMES.index("status") + 1).column_letter
    statuses.add(f"{status_column}2:{status_column}{last}")
    sheet.freeze_panes = "A2"
    guide = workbook.create_sheet("对照说明")
    guide.append(["plan", "task", "target", "任务", "指标", "目标", "单位", "本单位的角色"])
    for row in template_rows(catalog, org_id):
        target = row["target"]
        guide.append([row["bundle"].id, row["task"].id, target.id if target else "", item_name(row["task"]),
                      target.metric if target else "（整项任务：value 留空）", target_value(target) if target else "",
                      target.unit if target else "", row["role"]])
    guide.append([])
    guide.append(["各列的填法"])
    for name, meaning, _ in COLUMNS:
        guide.append([name, meaning])
    workbook.save(path)


def write_templates(catalog: Catalog, org_id: str, folder: Path) -> tuple[Path, Path, int]:
    folder.mkdir(parents=True, exist_ok=True)
    csv_path, xlsx_path = folder / f"progress-template-{org_id}.csv", folder / f"progress-template-{org_id}.xlsx"
    csv_path.write_bytes(template_csv(catalog, org_id))
    template_xlsx(catalog, org_id, xlsx_path)
    return csv_path, xlsx_path, len(template_rows(catalog, org_id))
