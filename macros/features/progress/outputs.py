"""Open data and the feed: data/<plan>/progress.csv and progress.json (with data/progress.schema.json),
and one Atom entry per batch of reports (one department, one day)."""
from __future__ import annotations

import csv
import io
import json

from macros.core import urls
from macros.core.build_context import BuildContext
from macros.core.feature import FeedEntry
from macros.core.formats import item_name

from . import queries
from .models import ProgressExport, ProgressFileExport
from .render import _batches, batch_anchor

NOTE = "各责任单位报告的工作进展，由部门填报，本站照登，不是方案原文。没有报告的任务不在这里，不代表没有进展。"


def _rows(context: BuildContext, bundle) -> list[ProgressExport]:
    index = queries.index(context.catalog)
    rows = []
    for task in bundle.tasks:
        units = {target.id: target.unit for target in task.targets}
        history = sorted(index.history(bundle.id, task.id), key=lambda r: (r.target or "", r.period.sort_key))
        for report in history:
            rows.append(ProgressExport(
                plan=report.plan, task=report.task, target=report.target, period=report.period.value,
                period_first_day=report.period.first_day.isoformat(), period_last_day=report.period.last_day.isoformat(),
                status=report.status, value=report.value, unit=units.get(report.target), note=report.note,
                source_url=report.source_url, reported_by=report.reported_by, reported_on=report.reported_on.isoformat(),
                task_url=context.canonical(urls.task(bundle.id, task.id)),
            ))
    return rows


def progress_csv(rows: list[ProgressExport]) -> bytes:
    """UTF-8 with a byte-order mark and CRLF line ends, like the other CSV files (Excel opens them)."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=list(ProgressExport.model_fields), lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: "" if value is None else (f"{value:g}" if isinstance(value, float) else value)
                         for key, value in row.model_dump().items()})
    return "\ufeff".encode("utf-8") + out.getvalue().encode("utf-8")


def progress_schema(canonical) -> dict:
    schema = ProgressFileExport.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = canonical(urls.progress_schema())
    schema["title"] = "data/<方案>/progress.json"
    return schema


def write_progress(context: BuildContext) -> None:
    index = queries.index(context.catalog)
    for bundle in context.catalog.plans.values():
        rows = _rows(context, bundle)
        context.write(urls.progress_csv(bundle.id), progress_csv(rows))
        export = ProgressFileExport.model_validate({
            "$schema": context.canonical(urls.progress_schema()), "plan": bundle.id, "note": NOTE,
            "build_date": index.today.isoformat(), "reports": rows})
        context.write(urls.progress_json(bundle.id),
                      json.dumps(export.model_dump(mode="json", by_alias=True), ensure_ascii=False, indent=2) + "\n")
    context.write(urls.progress_schema(), json.dumps(progress_schema(context.canonical), ensure_ascii=False, indent=2) + "\n")


def feed_entries(context: BuildContext) -> list[FeedEntry]:
    """One entry per batch of reports: what a department sent on one day, for one plan."""
    index = queries.index(context.catalog)
    entries = []
    for bundle in context.catalog.plans.values():
        for batch in _batches(bundle, index.plan_reports(bundle.id)):
            org = context.catalog.organizations[batch["org"]]
            link = context.canonical(urls.progress(bundle.id) + "#" + batch_anchor(batch["org"], batch["day"]))
            lines = [f"{org.short_name}报告了《{bundle.plan.short_title}》{len(batch['reports'])} 条工作进展（部门填报，不是方案原文）："]
            for report, task in batch["reports"]:
                what = item_name(task) + (f"，目标 {report.target}" if report.target else "")
                value = "" if report.value is None else f"，数值 {report.value:g}"
                lines.append(f"- {what}（{report.period.label}）：{report.status}{value}（{context.canonical(urls.task(bundle.id, task.id))}）")
            entries.append(FeedEntry(id=link, title=f"工作进展：{org.short_name}（{bundle.plan.short_title}）", date=batch["day"],
                                     link=link, category="工作进展", content="\n".join(lines)))
    return entries
