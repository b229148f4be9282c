"""The plan itself: home page, plans index, plan overview, part and task pages, responsibility matrix."""
from __future__ import annotations

from markupsafe import Markup

from macros.core.render import Renderer

THEMES = ("安业", "安薪", "安身")


def home(r: Renderer) -> Markup:
    plans = [_summary(r, bundle) for bundle in r.catalog.plans.values()]
    return r.render("home.html", plans=plans)


def _summary(r: Renderer, bundle) -> dict:
    """What the home page and the plan overview show of a plan at a glance."""
    themes = []
    for theme in THEMES:
        parts = [part for part in bundle.parts if part.theme == theme]
        tasks = [task for part in parts for task in bundle.tasks_in(part.id)]
        themes.append({"name": theme, "parts": parts, "tasks": tasks})
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
    return r.render("plans_index.html", plans=[bundle.plan for bundle in r.catalog.plans.values()])


def plan_overview(r: Renderer, plan_id: str) -> Markup:
    bundle = r.catalog.plan(plan_id)
    parts = [{"part": part, "tasks": bundle.tasks_in(part.id)} for part in bundle.parts]
    return r.render("plan.html", **_summary(r, bundle), parts=parts,
                    implements=[r.catalog.references[ref] for ref in bundle.plan.implements])


def part_page(r: Renderer, plan_id: str, part_id: str) -> Markup:
    bundle = r.catalog.plan(plan_id)
    part = bundle.part(part_id)
    return r.render("part.html", bundle=bundle, plan=bundle.plan, part=part, tasks=bundle.tasks_in(part_id),
                    references=[r.catalog.references[ref] for ref in part.references])


def task_page(r: Renderer, plan_id: str, task_id: str) -> Markup:
    bundle = r.catalog.plan(plan_id)
    task = bundle.task(task_id)
    tasks = bundle.tasks
    position = tasks.index(task)
    return r.render(
        "task.html",
        bundle=bundle, plan=bundle.plan, task=task, part=bundle.part_of(task),
        responsibility=bundle.responsibility(task),
        inherited=task.responsibility is None,
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
        cells = ["牵头" if unit in responsibility.lead else ("●" if unit in responsibility.units else "") for unit in units]
        rows.append({"item": item, "cells": cells})
    return r.render("matrix.html", bundle=bundle, plan=bundle.plan, units=units, rows=rows,
                    any_lead=any(p.responsibility.lead for p in bundle.parts))
