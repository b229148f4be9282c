"""“找谁、怎么找”: the published contacts of some organizations and the national hotlines for them.

A template global, called from the task, department, guide and leaflet templates (and the leaflet PDF):
``{{ contact_points(org_ids) }}``. An organization without a published contact is named with the words
that its contact is not yet published here; nothing is made up.
"""
from __future__ import annotations

from markupsafe import Markup

from macros.core.formats import chinese_date
from macros.core.render import Renderer

from .queries import contacts_by_org, hotlines, hotlines_for


def contact_points(r: Renderer, org_ids, pdf: bool = False, heading_level: int = 2) -> Markup:
    ids = list(dict.fromkeys(org_ids))  # each once, in the order given
    known = contacts_by_org(r.catalog)
    orgs = [r.org(org_id) for org_id in ids]
    return r.render("contact_points_pdf.html" if pdf else "contact_points.html",
                    published=[(org, known[org.id]) for org in orgs if org.id in known],
                    unpublished=[org for org in orgs if org.id not in known],
                    hotlines=hotlines_for(r.catalog, ids), level=heading_level, date=chinese_date)


def hotline_details(r: Renderer) -> Markup:
    """Every national hotline with what it serves, its source and the date it was checked."""
    return r.render("hotline_details.html", hotlines=hotlines(r.catalog), date=chinese_date)
