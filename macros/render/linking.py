"""Linking to the site and building on it: permalink actions, the data page, the change log, embeddable
cards and redirect pages."""
from __future__ import annotations

from typing import Optional

from markupsafe import Markup, escape

from .. import calendars, linking, open_data, urls
from ..catalog import Catalog
from . import Renderer
from .schema_docs import _fields

EMBED_HEIGHT = {"task": 320, "department": 340}


def _index(r: Renderer) -> dict:
    """What the permalink actions need, computed once per renderer."""
    cache = r.__dict__.get("_linking")
    if cache is None:
        pages = linking.page_paths(r.catalog)
        cache = r.__dict__["_linking"] = {
            "citables": linking.citables(r.catalog),
            "dates": linking.page_dates(r.catalog, pages),
        }
    return cache


def permalink(r: Renderer, path: str) -> Optional[dict]:
    """The canonical URL, citation and (for tasks and departments) embed code of a page or target."""
    citable = _index(r)["citables"].get(path)
    if citable is None:
        return None
    url = r.canonical(citable.path)
    result = {"url": url, "label": citable.label, "citation": f"{citable.citation}网址：{url}",
              "embed": None, "calendar": None, "dates": None}
    if citable.embed:
        kind = "task" if "/tasks/" in citable.embed else "department"
        title = escape(f"{citable.label}（{_status(r)}）")
        result["embed"] = (f'<iframe src="{r.canonical(citable.embed)}" title="{title}" '
                           f'width="100%" height="{EMBED_HEIGHT[kind]}" style="border:0" loading="lazy"></iframe>')
    org_id = path.removeprefix(urls.departments()).strip("/")
    if path == urls.department(org_id) and calendars.has_calendar(r.catalog, org_id):
        result["calendar"] = urls.department_calendar(org_id)
    result["dates"] = dates_of(r, path)
    return result


def dates_of(r: Renderer, path: str) -> Optional[dict]:
    """首次发布 / 最近更新 of a page, as _page_dates.html shows them; None if no change names the page."""
    dates = _index(r)["dates"].get(path)
    if not dates:
        return None
    return {"first": linking.chinese_date(dates.first), "last": linking.chinese_date(dates.last),
            "first_iso": dates.first.isoformat(), "last_iso": dates.last.isoformat()}


def page_dates_line(catalog: Catalog, path: str) -> str:
    """The 首次发布 / 最近更新 line for a page MkDocs built without one ("" if no change names it)."""
    r = standalone(catalog, path)
    dates = dates_of(r, path)
    return str(r.render("_page_dates.html", dates=dates)) if dates else ""


def _status(r: Renderer) -> str:
    statuses = dict.fromkeys(bundle.plan.metadata.status for bundle in r.catalog.plans.values())
    return "、".join(statuses)


# ---------------------------------------------------------------- pages


def data_page(r: Renderer) -> Markup:
    plans = []
    for bundle in r.catalog.plans.values():
        counts = {"tasks": len(bundle.tasks), "parts": len(bundle.parts), "targets": len(bundle.targets()),
                  "documents": len(bundle.documents), "explained": len(open_data.explanations(bundle))}
        events = calendars.events(bundle)
        plans.append({"bundle": bundle, "counts": counts,
                      "dated": [e for e in events if e.dated], "undated": [e for e in events if not e.dated]})
    departments = [org for org in r.catalog.organizations.values() if calendars.has_calendar(r.catalog, org.id)]
    schema = open_data.PlanExport.model_json_schema(by_alias=True)
    definitions = [{"name": name, "doc": spec.get("description", ""), "fields": _fields(spec)}
                   for name, spec in [("PlanExport", schema), *schema.get("$defs", {}).items()]]
    return r.render("data_page.html", plans=plans, departments=departments, definitions=definitions,
                    task_columns=open_data.TASK_COLUMNS, target_columns=open_data.TARGET_COLUMNS)


def changes_page(r: Renderer) -> Markup:
    pages = linking.page_paths(r.catalog)
    entries = []
    for change in linking.changes(r.catalog):
        items = []
        for ref in change.items:
            affected = sorted(linking.pages_of_item(r.catalog, ref, pages))
            items.append({"ref": ref, "pages": affected, "all": ref == "site",
                          "label": item_label(r.catalog, ref)})
        entries.append({"change": change, "date": linking.chinese_date(change.date), "affected": items})
    return r.render("changes_page.html", entries=entries)


def item_label(catalog: Catalog, ref: str) -> str:
    kind, _, rest = ref.partition(":")
    if kind == "site":
        return "全站所有网页"
    if kind == "department":
        return catalog.organizations[rest].short_name
    if kind == "page":
        return rest or "首页"
    plan_id, _, item_id = rest.partition("/")
    bundle = catalog.plan(plan_id)
    if kind == "plan":
        return f"{bundle.plan.short_title}的所有网页"
    if kind in ("task", "part"):
        return linking.item_name(bundle.task(item_id) if kind == "task" else bundle.part(item_id))
    return "方案全文" if item_id == "plan-text" else bundle.document(item_id).short_title


# ---------------------------------------------------------------- stand-alone pages written by build steps


def embed_task(r: Renderer, plan_id: str, task_id: str) -> str:
    bundle = r.catalog.plan(plan_id)
    task = bundle.task(task_id)
    responsibility = bundle.responsibility(task)
    key = task.targets[0] if task.targets else None
    deadline = next((m for m in task.milestones), None)
    return r.render("embed_task.html", bundle=bundle, plan=bundle.plan, task=task, responsibility=responsibility,
                    key=key, milestone=deadline, page=urls.task(plan_id, task_id))


def embed_department(r: Renderer, org_id: str) -> str:
    org = r.org(org_id)
    plans = []
    for bundle in r.catalog.plans.values():
        items = bundle.items_of(org_id)
        if items:
            targets = [(item, target) for item, _ in items for target in item.targets]
            plans.append({"bundle": bundle, "entries": items, "targets": targets[:3], "more": len(targets) - 3})
    return r.render("embed_department.html", org=org, plans=plans, page=urls.department(org_id),
                    status=_status(r))


def redirect_page(r: Renderer, redirect) -> str:
    return r.render("redirect.html", redirect=redirect, target=redirect.to)


def standalone(catalog: Catalog, path: str) -> Renderer:
    """A renderer for a page that MkDocs does not build (embeds, redirects), at site path ``path``.

    One renderer serves every such page of a build, so its templates are compiled once.
    """
    renderer = catalog.extra.get("standalone_renderer")
    if renderer is None:
        renderer = Renderer(catalog, current_url=lambda: "", site={}, site_url=catalog.extra.get("site_url", ""))
        catalog.extra["standalone_renderer"] = renderer
    renderer.current_url = lambda: path
    return renderer


GLOBALS = {"permalink": permalink}
MACROS = {"data_page": data_page, "changes_page": changes_page}
