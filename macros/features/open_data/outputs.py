"""Open data: data/<plan>/plan.json, tasks.csv and targets.csv, and data/plan.schema.json.

Written from the same validated catalog as the pages (see exports.py for the fields).
"""
from __future__ import annotations

import json

from macros.core import urls
from macros.core.build_context import BuildContext
from macros.features.calendars.calendars import has_calendar

from . import exports as open_data


def as_json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_open_data(context: BuildContext) -> None:
    catalog, canonical, write = context.catalog, context.canonical, context.write
    for bundle in catalog.plans.values():
        export = open_data.plan_export(catalog, bundle, canonical,
                                       has_calendar=lambda org_id: has_calendar(catalog, org_id))
        write(urls.plan_json(bundle.id), as_json(export.model_dump(mode="json", by_alias=True)))
        write(urls.tasks_csv(bundle.id), open_data.tasks_csv(catalog, bundle, canonical))
        write(urls.targets_csv(bundle.id), open_data.targets_csv(catalog, bundle, canonical))
    write(urls.export_schema(), as_json(open_data.export_schema(canonical)))
