"""Write the iCalendar feeds: calendar/<plan>.ics and calendar/departments/<org>.ics."""
from __future__ import annotations

from macros.core import urls
from macros.core.build_context import BuildContext

from . import calendars


def write_calendars(context: BuildContext) -> None:
    catalog, canonical = context.catalog, context.canonical
    for bundle in catalog.plans.values():
        context.write(urls.plan_calendar(bundle.id), calendars.plan_calendar(catalog, bundle, canonical).to_ical())
    for org_id in catalog.organizations:
        if calendars.has_calendar(catalog, org_id):
            context.write(urls.department_calendar(org_id),
                          calendars.department_calendar(catalog, org_id, canonical).to_ical())
