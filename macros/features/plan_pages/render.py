"""The plan itself: home page, plans index, plan overview, part and task pages, responsibility matrix."""
from __future__ import annotations

import datetime as dt

from markupsafe import Markup

from macros.core.render import Renderer

STAGE_ORDER = ("issued", "revised", "consultation", "submitted", "repealed", "expired")


def by_region_status_date(bundles) -> list:
    """Plans in the order readers look for them: by region, in force before drafts before past, newest first."""
    def key(bundle):
        status = bundle.plan.status
        day = status.issued_on or dt.date(bundle.plan.year, 1, 1)
        return (bundle.plan.region, STAGE_ORDER.index(status.stage), -day.toordinal())
    return sorted(bundles, key=key)


def home(r: Renderer) -> Markup:
    plans = [_summary(r, bundle) for bundle in by_region_status_date(r.catalog.plans.values())]
    return r.render("home.html", plans=plans)


def _summary(r: Renderer, bundle) -> dict:
    """What the home page and the plan overview show of a plan at a glance."""
    themes = []
    for theme in bundle.plan.themes:
        parts = [part for part in bundle.parts if part.theme == theme.id]
        tasks = [task for part in parts for task in bundle.tasks_in(part.id)]
        themes.append({"label": theme.label, "summary": theme.summary, "parts": parts, "tasks": tasks})
    consultation = next((d for d in bundle.documents if d.deadline), None)
    return {
        "bundle": bundle,
        "plan": bundle.plan,
        "themes": themes,
        "targets": bundle.targets(),
        "units": bundle.responsible_units(),
        "consultation": consultation,
        "task_count": len(bundle.tasks),
    }


def plans_index(r: Renderer) -> Markup:
    return r.render("plans_index.html", plans=[bundle.plan for bundle in by_region_status_date(r.catalog.plans.values())])


def plan_overview(r: Renderer, plan_id: str) -> Markup:
    bundle = r.catalog.plan(plan_id)
    parts = [{"part": entry.value, "depth": entry.depth, "tasks": bundle.tasks_in(entry.value.id)}
             for entry in bundle.outline() if entry.kind == "part"]
    plans = r.catalog.plans
    return r.render("plan.html", **_summary(r, bundle), parts=parts,
                    flat=[task for task in bundle.tasks if task.part is None],
                    upper=[plans[other] for other in bundle.plan.implements_plans],
                    lower=[other for other in plans.values() if plan_id in other.plan.implements_plans],
                    implements=[r.catalog.references[ref] for ref in bundle.plan.implements])


def part_page(r: Renderer, plan_id: str, part_id: str) -> Markup:
    bundle = r.catalog.plan(plan_id)
    part = bundle.part(part_id)
    themes = {theme.id: theme for theme in bundle.plan.themes}
    return r.render("part.html", bundle=bundle, plan=bundle.plan, part=part, tasks=bundle.tasks_in(part_id),
                    parents=list(reversed(bundle.parents(part))), subparts=bundle.subparts(part.id),
                    theme=themes.get(part.theme), responsibility=bundle.responsibility(part),
                    references=[r.catalog.references[ref] for ref in part.references])


def task_page(r: Renderer, plan_id: str, task_id: str) -> Markup:
    bundle = r.catalog.plan(plan_id)
    task = bundle.task(task_id)
    tasks = bundle.tasks
    position = tasks.index(task)
    return r.render(
        "task.html",
        bundle=bundle, plan=bundle.plan, task=task, part=bundle.part_of(task),
        parts=[*reversed(bundle.parents(bundle.part_of(task))), bundle.part_of(task)] if task.part else [],
        responsibility=bundle.responsibility(task),
        inherited=bundle.inherits_responsibility(task),
        references=[r.catalog.references[ref] for ref in task.references],
        previous=tasks[position - 1] if position > 0 else None,
        next=tasks[position + 1] if position + 1 < len(tasks) else None,
    )


def responsibility_matrix(r: Renderer, plan_id: str) -> Markup:
    bundle = r.catalog.plan(plan_id)
    units = bundle.responsible_units()
    rows = []
    for item in bundle.items():
        responsibility = bundle.responsibility(item)
        roles = {unit: responsibility.role(unit) for unit in responsibility.units} if responsibility else {}
        rows.append({"item": item, "cells": [MATRIX_MARK.get(roles.get(unit), "") for unit in units],
                     "roles": roles})
    by_unit = [{"unit": unit, "entries": [(row["item"], row["roles"][unit]) for row in rows if unit in row["roles"]]}
               for unit in units]
    used = {role for row in rows for role in row["roles"].values()}
    return r.render("matrix.html", bundle=bundle, plan=bundle.plan, units=units, rows=rows, by_unit=by_unit,
                    roles_named=bool(used & {"牵头", "配合"}), unnamed="责任单位" in used,
                    inherited=any(bundle.inherits_responsibility(row["item"]) for row in rows))


MATRIX_MARK = {"牵头": "牵头", "配合": "配合", "责任单位": "●"}


def about_plans(r: Renderer) -> Markup:
    return r.render("about_plans.html", plans=by_region_status_date(r.catalog.plans.values()))
