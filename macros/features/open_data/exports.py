"""Open data: the whole plan as JSON, tasks and targets as CSV, and the JSON Schema of the JSON.

The export models are views of the data models (``macros.core.models.view``): the same fields with the
same descriptions, deadlines with their worked-out period, plus the URLs. ``plan_export`` fills them from
the validated catalog, so the JSON always matches the published schema. The CSV columns are declared once (name + meaning) and used
both to write the files and to document them on the data page.
"""
from __future__ import annotations

import csv
import io
from typing import Callable, Optional

from pydantic import Field

from macros.core import models, urls
from macros.core.catalog import Catalog, PlanBundle
from macros.core.formats import target_value
from macros.core.models import ExportModel, view
from macros.features.plain_language.models import Explanation
from macros.features.plain_language.queries import explanation_list

Canonical = Callable[[str], str]


class Period(ExportModel):
    """How we read a deadline: a period with a first and a last day, not forced into one date."""

    kind: str = Field(description="year（全年）、year-end（年底）、quarter（季度）、day（某天）、time（某时刻）、recurring（每年重复，没有日期）")
    first_day: Optional[str] = Field(description="时段的第一天（YYYY-MM-DD）；recurring 为 null")
    last_day: Optional[str] = Field(description="时段的最后一天（YYYY-MM-DD）；recurring 为 null")
    time: Optional[str] = Field(description="时刻（HH:MM，北京时间），只有 time 类才有")
    iso: Optional[str] = Field(description="ISO 8601 写法：日期、日期区间（first/last）或日期时间")
    label: str = Field(description="我们的中文理解，如“2023年第一季度”")


def _url(description: str) -> tuple:
    return (str, Field(description=description))


# The export views: the data models' own fields (and descriptions), deadlines with their period, plus URLs.
Deadline = view(models.Deadline, add={"period": (Period, Field(description="我们对时间的理解"))})
Target = view(models.Target, replace={"deadline": Optional[Deadline]},
              add={"url": _url("目标在任务网页上的完整网址"),
                   "reading": (str, Field(description="网页上的写法，如“不少于 5357 人”"))})
Milestone = view(models.Milestone, replace={"deadline": Deadline},
                 add={"url": _url("时间节点在网页上的完整网址"),
                      "in_calendar": (bool, Field(description="是否在日历（.ics）里：没有具体日期的（如每年“春节前后”）不在日历里"))})
Responsibility = view(models.Responsibility, add={"inherited_from_part": (bool, Field(
    description="true：原文按部分列出责任单位，这里是所属部分的责任单位"))})
_item_fields = {"targets": list[Target], "milestones": list[Milestone], "responsibility": Optional[Responsibility]}
Task = view(models.Task, replace={**_item_fields, "deadline": Optional[Deadline]},
            add={"url": _url("任务网页的完整网址"), "embed_url": _url("可嵌入其他网站的任务卡片网址（用于 iframe）"),
                 "plain": (Optional[Explanation], Field(description="本站写的通俗解读（不是原文）；还没有写的为 null"))})
Part = view(models.Part, replace=_item_fields,
            add={"url": _url("部分网页的完整网址"), "tasks": (list[str], Field(description="这一部分的任务 id")),
                 "plain": (Optional[Explanation], Field(description="本站写的通俗解读（只有有正文的部分才可能有）"))})
Organization = view(models.Organization, add={
    "url": _url("单位网页的完整网址"),
    "calendar_url": (Optional[str], Field(description="本单位时间节点日历（.ics）的完整网址；没有时间节点的为 null"))})
Reference = view(models.Reference, add={"url": _url("相关政策页面上这一条的完整网址")})
Status = view(models.Status, replace={"consultation_until": Optional[Deadline]})
Metadata = view(models.DocumentMetadata, replace={"written_date": Optional[Deadline], "published_date": Optional[Deadline]})
Document = view(models.Document, replace={"metadata": Metadata, "deadline": Optional[Deadline], "status": Optional[Status]},
                add={"url": _url("文件网页的完整网址")})
Plan = view(models.Plan, omit=("parts",), replace={"metadata": Metadata, "coordination": Optional[Responsibility],
                                                    "status": Status},
            add={"status_label": (str, Field(description="方案现在的状态（网页上的说法）")),
                 "url": _url("方案总览网页的完整网址"),
                 "full_text_url": _url("方案全文网页的完整网址"),
                 "calendar_url": _url("方案时间节点日历（.ics）的完整网址")})


class PlanExport(ExportModel):
    """``data/<方案>/plan.json``：一个方案的全部内容。"""

    schema_url: str = Field(alias="$schema", description="本文件的 JSON Schema 的网址")
    status: str = Field(description="方案现在的状态（网页上的说法，见数据格式页的“状态的说法”）")
    status_note: str = Field(description="关于状态的说明（与网页上的说法相同）")
    plan: Plan
    parts: list[Part]
    tasks: list[Task]
    documents: list[Document]
    organizations: list[Organization] = Field(description="本方案提到的单位")
    references: list[Reference] = Field(description="本方案提到的政策和活动")


# ---------------------------------------------------------------- filling the models


def _deadline(deadline: Optional[models.Deadline]):
    if deadline is None:
        return None
    period = deadline.period
    return Deadline(
        **deadline.model_dump(),
        period=Period(
            kind=period.kind,
            first_day=period.first_day.isoformat() if period.first_day else None,
            last_day=period.last_day.isoformat() if period.last_day else None,
            time=period.time.strftime("%H:%M") if period.time else None,
            iso=period.iso(), label=period.label,
        ),
    )


def _responsibility(responsibility: Optional[models.Responsibility], inherited: bool):
    if responsibility is None:
        return None
    return Responsibility(**responsibility.model_dump(), inherited_from_part=inherited)


def _status(status: Optional[models.Status]):
    if status is None:
        return None
    return Status(**dict(status.model_dump(), consultation_until=_deadline(status.consultation_until)))


def _metadata(metadata: models.DocumentMetadata):
    return Metadata(**dict(metadata.model_dump(), written_date=_deadline(metadata.written_date),
                           published_date=_deadline(metadata.published_date)))


def explanations(bundle: PlanBundle) -> dict:
    """The plain-language explanations of the plan's items, by item id (empty if none are written)."""
    return {entry.item: entry for entry in explanation_list(bundle)}


def plan_export(catalog: Catalog, bundle: PlanBundle, canonical: Canonical,
                has_calendar: Callable[[str], bool] = lambda org_id: False) -> PlanExport:
    plan, plan_id = bundle.plan, bundle.id
    plain = explanations(bundle)

    def item_fields(item, responsibility, inherited: bool) -> dict:
        page = urls.item(plan_id, item)
        extra = {"deadline": _deadline(item.deadline)} if isinstance(item, models.Task) else {}
        return dict(
            item.model_dump(), **extra,
            url=canonical(page), plain=plain.get(item.id),
            responsibility=_responsibility(responsibility, inherited),
            targets=[Target(**dict(t.model_dump(), deadline=_deadline(t.deadline)),
                            url=canonical(f"{page}#{urls.target_anchor(t.id)}"), reading=target_value(t))
                     for t in item.targets],
            milestones=[Milestone(**dict(m.model_dump(), deadline=_deadline(m.deadline)),
                                  url=canonical(f"{page}#{urls.milestone_anchor(m.id)}"),
                                  in_calendar=m.deadline.period.first_day is not None)
                        for m in item.milestones],
        )

    mentioned: dict[str, None] = {}
    for org_id in [*plan.metadata.issuers, *bundle.responsible_units(),
                   *(plan.coordination.units if plan.coordination else []),
                   *(o for d in bundle.documents for o in (*d.metadata.issuers, *d.recipients, *d.signatories))]:
        mentioned.setdefault(org_id, None)
    cited = [*plan.implements, *(ref for item in bundle.items() for ref in item.references)]
    plan_fields = {name: value for name, value in plan.model_dump().items() if name != "parts"}
    plan_fields["status"] = _status(plan.status)
    return PlanExport.model_validate({
        "$schema": canonical(urls.export_schema()),
        "status": bundle.status.label,
        "status_note": bundle.status.sentence,
        "plan": Plan(**dict(
            plan_fields, metadata=_metadata(plan.metadata),
            coordination=_responsibility(plan.coordination, False) if plan.coordination else None,
            status_label=bundle.status.label, url=canonical(urls.plan(plan_id)),
            full_text_url=canonical(urls.plan_text(plan_id)), calendar_url=canonical(urls.plan_calendar(plan_id)),
        )),
        "parts": [Part(**item_fields(part, part.responsibility, False), tasks=[t.id for t in bundle.tasks_in(part.id)])
                  for part in bundle.parts],
        "tasks": [Task(**item_fields(task, bundle.responsibility(task), task.responsibility is None),
                       embed_url=canonical(urls.embed_task(plan_id, task.id)))
                  for task in bundle.tasks],
        "documents": [Document(**dict(d.model_dump(), metadata=_metadata(d.metadata), deadline=_deadline(d.deadline),
                                      status=_status(d.status)),
                               url=canonical(urls.document(plan_id, d.id)))
                      for d in bundle.documents],
        "organizations": [
            Organization(**org.model_dump(), url=canonical(urls.department(org.id)),
                         calendar_url=canonical(urls.department_calendar(org.id)) if has_calendar(org.id) else None)
            for org in (catalog.organizations[org_id] for org_id in mentioned)
        ],
        "references": [Reference(**ref.model_dump(), url=canonical(urls.reference(ref.id)))
                       for ref in (catalog.references[ref_id] for ref_id in dict.fromkeys(cited))],
    })


def export_schema(canonical: Canonical) -> dict:
    schema = PlanExport.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = canonical(urls.export_schema())
    schema["title"] = "data/<方案>/plan.json"
    return schema


# ---------------------------------------------------------------- CSV


def _names(catalog: Catalog, ids: list[str]) -> str:
    return "、".join(catalog.organizations[org_id].short_name for org_id in ids)


def _plain(entry, field: str) -> str:
    return getattr(entry, field, "") if entry is not None else ""


def _task_row(catalog: Catalog, bundle: PlanBundle, task: models.Task, canonical: Canonical) -> dict:
    part, responsibility = bundle.part_of(task), bundle.responsibility(task)
    themes = {theme.id: theme.label for theme in bundle.plan.themes}
    entry = explanations(bundle).get(task.id)
    return {
        "plan_id": bundle.id, "plan_status": bundle.status.label, "plan_doc_number": bundle.plan.status.doc_number or "",
        "task_id": task.id, "number": task.number, "label": task.printed_label,
        "part_id": part.id if part else "", "part": f"{part.label}{part.heading}" if part else "",
        "theme": themes.get(part.theme, "") if part and part.theme else "", "title": task.title, "text": task.text,
        "plain_what": _plain(entry, "what"), "plain_for_you": _plain(entry, "for_you"),
        "plain_how_to": _plain(entry, "how_to"),
        "responsible_units": _names(catalog, responsibility.units), "responsible_unit_ids": ";".join(responsibility.units),
        "lead_units": _names(catalog, responsibility.lead), "support_units": _names(catalog, responsibility.support),
        "responsibility_source": responsibility.source,
        "deadline_text": task.deadline.text if task.deadline else "",
        "deadline_reading": task.deadline.period.label if task.deadline else "",
        "deadline_last_day": (task.deadline.period.last_day or "") if task.deadline and task.deadline.period.dated else "",
        "targets": ";".join(target.id for target in task.targets),
        "deadlines": "；".join(f"{m.what}：{m.deadline.text}" for m in task.milestones),
        "references": ";".join(task.references), "url": canonical(urls.task(bundle.id, task.id)),
    }


def _target_row(catalog: Catalog, bundle: PlanBundle, item, target: models.Target, canonical: Canonical) -> dict:
    deadline = _deadline(target.deadline)
    is_task = isinstance(item, models.Task)
    return {
        "plan_id": bundle.id, "target_id": target.id, "item_id": item.id,
        "task_number": item.number if is_task else "", "item_title": item.title if is_task else item.heading,
        "metric": target.metric, "comparator": target.comparator, "value": _number(target.value),
        "min": _number(target.min), "max": _number(target.max), "unit": target.unit, "reading": target_value(target),
        "scope": target.scope,
        "deadline_text": deadline.text if deadline else "", "deadline_first_day": deadline.period.first_day if deadline else "",
        "deadline_last_day": deadline.period.last_day if deadline else "",
        "deadline_inferred": (deadline.inferred or "") if deadline else "",
        "responsible_units": _names(catalog, bundle.responsibility(item).units if bundle.responsibility(item) else []),
        "year": target.year or "", "baseline": _number(target.baseline.value) if target.baseline else "",
        "source": target.source or target.table_row, "url": canonical(f"{urls.item(bundle.id, item)}#{urls.target_anchor(target.id)}"),
    }


def _number(value: Optional[float]) -> str:
    return "" if value is None else f"{value:g}"


TASK_COLUMNS = [
    ("plan_id", "方案 id"), ("plan_status", "方案现在的状态"), ("plan_doc_number", "方案的发文字号（印发后才有）"),
    ("task_id", "任务 id"), ("number", "顺序号"), ("label", "原文序号（照录）"),
    ("part_id", "所属部分 id（不分部分的方案为空）"),
    ("part", "所属部分（原文序号和标题）"), ("theme", "所属主题（方案写明主题时才有）"), ("title", "任务标题（原文）"),
    ("text", "任务正文（逐字照录原文）"), ("plain_what", "通俗解读：这条说的是什么（本站写的，不是原文；未写为空）"),
    ("plain_for_you", "通俗解读：对您有什么用"), ("plain_how_to", "通俗解读：怎么办"),
    ("responsible_units", "责任单位简称，用“、”分隔"), ("responsible_unit_ids", "责任单位 id，用“;”分隔"),
    ("lead_units", "牵头单位（原文写明时才有）"), ("support_units", "配合单位（原文写明时才有）"),
    ("responsibility_source", "原文中的责任单位一行"), ("deadline_text", "任务的完成时限（原文说法）"),
    ("deadline_reading", "完成时限：我们的理解，如“2024年6月底前”“长期持续，没有截止日期”"),
    ("deadline_last_day", "完成时限所指时段的最后一天（有日期的才有）"),
    ("targets", "目标 id，用“;”分隔（详见 targets.csv）"), ("deadlines", "时间节点：要做的事和原文时间"),
    ("references", "提到的政策或活动 id"), ("url", "任务网页的完整网址"),
]
TARGET_COLUMNS = [
    ("plan_id", "方案 id"), ("target_id", "目标 id（网页锚点 #target-<id>）"), ("item_id", "所在任务（或部分）的 id"),
    ("task_number", "任务序号"), ("item_title", "任务标题"), ("metric", "指标"),
    ("comparator", ">=、<=、= 或 range"), ("value", "数值（range 时为空）"), ("min", "区间下限"), ("max", "区间上限"),
    ("unit", "单位"), ("reading", "网页上的写法，如“不少于 5357 人”"), ("scope", "范围"),
    ("deadline_text", "时限：原文说法（没有写时限为空）"), ("deadline_first_day", "时限所指时段的第一天"),
    ("deadline_last_day", "时限所指时段的最后一天"), ("deadline_inferred", "由我们推定的部分及依据"),
    ("responsible_units", "责任单位简称"), ("year", "目标年份（原文写明时）"), ("baseline", "基数（原文写明时）"),
    ("source", "目标所在的原文句子，或任务分工表中的一行"), ("url", "目标的完整网址"),
]


def _csv(columns: list[tuple[str, str]], rows: list[dict]) -> bytes:
    """UTF-8 with a byte-order mark and CRLF line ends, so that Excel opens the Chinese correctly."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=[name for name, _ in columns], lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return "\ufeff".encode("utf-8") + out.getvalue().encode("utf-8")


def tasks_csv(catalog: Catalog, bundle: PlanBundle, canonical: Canonical) -> bytes:
    return _csv(TASK_COLUMNS, [_task_row(catalog, bundle, task, canonical) for task in bundle.tasks])


def targets_csv(catalog: Catalog, bundle: PlanBundle, canonical: Canonical) -> bytes:
    return _csv(TARGET_COLUMNS, [_target_row(catalog, bundle, item, target, canonical)
                                 for item, target in bundle.targets()])
