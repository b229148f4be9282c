"""iCalendar feeds of the deadlines: calendar/<plan>.ics and calendar/departments/<org>.ics."""
from __future__ import annotations

from pathlib import Path

from macros import calendars, urls
from macros.render.linking import standalone

from .open_data import write

ORDER = 40


def run(catalog, site: Path) -> None:
    canonical = standalone(catalog, "").canonical
    for bundle in catalog.plans.values():
        write(site, urls.plan_calendar(bundle.id), calendars.plan_calendar(catalog, bundle, canonical).to_ical())
    for org_id in catalog.organizations:
        if calendars.has_calendar(catalog, org_id):
            write(site, urls.department_calendar(org_id),
                  calendars.department_calendar(catalog, org_id, canonical).to_ical())
