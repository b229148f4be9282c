"""Open data: data/<plan>/plan.json, tasks.csv and targets.csv, and data/plan.schema.json.

Written from the same validated catalog as the pages (see macros/open_data.py for the fields).
"""
from __future__ import annotations

import json
from pathlib import Path

from macros import calendars, open_data, urls
from macros.render.linking import standalone

ORDER = 40


def write(site: Path, path: str, content: str | bytes) -> None:
    target = site / path
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        target.write_text(content, encoding="utf-8")
    else:
        target.write_bytes(content)


def as_json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def run(catalog, site: Path) -> None:
    canonical = standalone(catalog, "").canonical
    for bundle in catalog.plans.values():
        export = open_data.plan_export(catalog, bundle, canonical,
                                       has_calendar=lambda org_id: calendars.has_calendar(catalog, org_id))
        write(site, urls.plan_json(bundle.id), as_json(export.model_dump(mode="json", by_alias=True)))
        write(site, urls.tasks_csv(bundle.id), open_data.tasks_csv(catalog, bundle, canonical))
        write(site, urls.targets_csv(bundle.id), open_data.targets_csv(catalog, bundle, canonical))
    write(site, urls.export_schema(), as_json(open_data.export_schema(canonical)))
