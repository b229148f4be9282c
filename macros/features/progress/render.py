"""What the public sees of the progress reports: a task's latest status, history, bars and charts; a plan's
progress page; a department's tasks past their deadline; the columns on the data and data-format pages."""
from __future__ import annotations

from markupsafe import Markup

from macros.core import urls
from macros.core.formats import chinese_date, number, target_value
from macros.core.render import Renderer

from . import charts, queries
from .models import COLUMN_NAMES, COLUMNS, NO_REPORT, STATUSES, ProgressExport
from .reading import FOLDER


def _value_text(value, unit: str) -> str:
    return f"{number(value)}{'' if unit == '%' else ' '}{unit}"


def met(target, value: float) -> bool:
    """Whether a value meets the target's comparator (a plain comparison of the two numbers)."""
    if target.comparator == "range":
        return target.min <= value <= target.max
    return {">=": value >= target.value, "<=": value <= target.value, "=": value == target.value}[target.comparator]


def _target_entry(index: queries.Index, plan_id: str, task, target) -> dict:
    history = index.target_history(plan_id, task.id, target.id)
    entry = {"target": target, "history": history, "latest": history[-1] if history else None, "bar": None, "chart": None}
    if history:
        latest = history[-1]
        goal = target_value(target)
        entry["latest_text"] = _value_text(latest.value, target.unit)
        entry["met"] = met(target, latest.value)
        entry["bar"] = charts.goal_bar(
            target, latest.value, f"pp-hatch-{target.id}",
            f"{target.metric}：{latest.period.label}为 {entry['latest_text']}，目标{goal}")
        if len(history) > 1:
            points = [(r.period.label, r.value) for r in history]
            entry["chart"] = charts.history_chart(
                target, points, f"{target.metric}各时段的数值：" + "；".join(f"{p} {number(v)}" for p, v in points)
                + f"。目标{goal}")
    return entry


def task_progress(r: Renderer, plan_id: str, task_id: str) -> Markup:
    """The 进展 section of a task page."""
    index = queries.index(r.catalog)
    bundle = r.catalog.plan(plan_id)
    task = bundle.task(task_id)
    history = index.history(plan_id, task_id)
    overdue = next((o for o in index.overdue(bundle) if o.task.id == task_id), None)
    targets = {target.id: target for target in task.targets}
    return r.render("_progress_task.html", bundle=bundle, plan=bundle.plan, task=task, history=[(rep, targets.get(rep.target)) for rep in reversed(history)],
                    latest=history[-1] if history else None, targets=[_target_entry(index, plan_id, task, t) for t in task.targets],
                    overdue=overdue, today=chinese_date(index.today), no_report=NO_REPORT, date=chinese_date)


def progress_page(r: Renderer, plan_id: str) -> Markup:
    index = queries.index(r.catalog)
    bundle = r.catalog.plan(plan_id)
    reports = index.plan_reports(plan_id)
    tasks = bundle.tasks
    by_status = index.rollup(bundle, [("全部任务", tasks)])[0]
    parts = [part for part in bundle.parts if bundle.tasks_in(part.id)]
    by_part = index.rollup(bundle, [(f"{p.label}{p.heading}", bundle.tasks_in(p.id)) for p in parts])
    for row, part in zip(by_part, parts):
        row["href"] = urls.part(plan_id, part.id)
    units = bundle.responsible_units()
    by_unit = index.rollup(bundle, [(r.org(u).short_name, [t for t in tasks if u in index.units_of(bundle, t)]) for u in units])
    for row, unit in zip(by_unit, units):
        row["href"] = urls.department(unit)
    latest = [{"task": t, "latest": index.latest(plan_id, t.id)} for t in tasks]
    batches = _batches(bundle, reports)
    targets = [{"task": task, **_target_entry(index, plan_id, task, target)} for task, target in
               ((t, target) for t in tasks for target in t.targets)]
    return r.render("progress_page.html", bundle=bundle, plan=bundle.plan, reports=reports, by_status=by_status,
                    by_part=by_part, by_unit=by_unit, statuses=(*STATUSES, NO_REPORT), latest=latest,
                    overdue=[(o, index.units_of(bundle, o.task)) for o in index.overdue(bundle)], today=chinese_date(index.today), batches=batches,
                    targets=[t for t in targets if t["latest"]], no_report=NO_REPORT, date=chinese_date)


def _batches(bundle, reports) -> list[dict]:
    """Reports grouped as they were sent: one department, one day; newest first (anchors for the feed)."""
    groups: dict[tuple, list] = {}
    for report in reports:
        groups.setdefault((report.reported_on, report.reported_by), []).append((report, bundle.task(report.task)))
    return [{"day": day, "org": org, "reports": items, "anchor": batch_anchor(org, day)}
            for (day, org), items in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1]), reverse=True)]


def batch_anchor(org_id: str, day) -> str:
    return f"reports-{org_id}-{day.isoformat()}"


def department_progress(r: Renderer, org_id: str) -> Markup:
    """On a department's page: its tasks past their deadline with no 已完成 report, plan by plan."""
    index = queries.index(r.catalog)
    plans = []
    for bundle in r.catalog.plans.values():
        if not bundle.items_of(org_id):
            continue
        overdue = [o for o in index.overdue(bundle) if org_id in index.units_of(bundle, o.task)]
        plans.append({"bundle": bundle, "overdue": overdue})
    return r.render("_progress_department.html", org=r.org(org_id), plans=plans, today=chinese_date(index.today),
                    no_report=NO_REPORT, date=chinese_date)


def progress_data_files(r: Renderer) -> Markup:
    """On the open-data page: the progress files of each plan and their columns."""
    index = queries.index(r.catalog)
    schema = ProgressExport.model_json_schema()
    fields = [(name, spec.get("description", "")) for name, spec in schema["properties"].items()]
    plans = [{"bundle": b, "count": len(index.plan_reports(b.id))} for b in r.catalog.plans.values()]
    return r.render("_progress_data.html", plans=plans, fields=fields)


def progress_format(r: Renderer) -> Markup:
    """On the data-format page: the columns of a progress file, an example and the template command."""
    example = example_csv(r.catalog)
    return r.render("_progress_format.html", columns=COLUMNS, statuses=STATUSES, folder=FOLDER, example=example)


def example_csv(catalog) -> str:
    """An example file (marked 示例) with ids that exist: the first plan's first task that has a target."""
    bundle = next(iter(catalog.plans.values()))
    task = next((t for t in bundle.tasks if t.targets), bundle.tasks[0])
    responsibility = bundle.responsibility(task)
    org = (responsibility.lead or responsibility.units)[0] if responsibility else next(iter(catalog.organizations))
    lines = [",".join(COLUMN_NAMES),
             f"{bundle.id},{task.id},,2024-Q3,进行中,,示例：这里写本季度做了什么。,https://example.org/notice.html,{org},2024-10-08"]
    if task.targets:
        lines.append(f"{bundle.id},{task.id},{task.targets[0].id},2024-Q3,进行中,8,示例：数值写到本季度末的累计数。,,{org},2024-10-08")
    return "\n".join(lines)
