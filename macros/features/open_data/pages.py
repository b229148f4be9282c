"""The open-data page: what can be downloaded, with every field and column explained."""
from __future__ import annotations

from markupsafe import Markup

from macros.core import urls
from macros.core.catalog import Catalog
from macros.core.render import Renderer
from macros.core.schema_docs import fields_of
from macros.core.site_map import NavEntry, Page, call, page_file
from macros.features.calendars.calendars import events, has_calendar

from . import exports


def data_pages(catalog: Catalog) -> tuple[list[Page], list[NavEntry]]:
    page = Page(page_file(urls.data()), "开放数据", call("data_page"))
    return [page], [{"数据和更新": [page.file]}]


def data_page(r: Renderer) -> Markup:
    plans = []
    for bundle in r.catalog.plans.values():
        counts = {"tasks": len(bundle.tasks), "parts": len(bundle.parts), "targets": len(bundle.targets()),
                  "documents": len(bundle.documents), "explained": len(exports.explanations(bundle))}
        found = events(bundle)
        plans.append({"bundle": bundle, "counts": counts,
                      "dated": [e for e in found if e.dated], "undated": [e for e in found if not e.dated]})
    departments = [org for org in r.catalog.organizations.values() if has_calendar(r.catalog, org.id)]
    schema = exports.PlanExport.model_json_schema(by_alias=True)
    definitions = [{"name": name, "doc": spec.get("description", ""), "fields": fields_of(spec)}
                   for name, spec in [("PlanExport", schema), *schema.get("$defs", {}).items()]]
    return r.render("data_page.html", plans=plans, departments=departments, definitions=definitions,
                    task_columns=exports.TASK_COLUMNS, target_columns=exports.TARGET_COLUMNS)
