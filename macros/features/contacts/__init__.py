"""Contacts: how to reach each organization (``contacts.yaml``) and the national hotlines
(``hotlines.yaml``), every value with its source and the date it was checked; shown as “找谁、怎么找” on the
task, department, guide and leaflet pages through the template global ``contact_points(org_ids)``.
A release build (scripts/build.py --release) stops while an organization has no published contact."""
from macros.core.feature import Feature, FileSpec, here

from . import models, render
from .checks import contacts_refer_to_organizations

FEATURE = Feature(
    name="contacts",
    doc=__doc__,
    files=(FileSpec("contacts.yaml", models.ContactList), FileSpec("hotlines.yaml", models.HotlineList)),
    checks=(contacts_refer_to_organizations,),
    template_globals={"contact_points": render.contact_points, "hotline_details": render.hotline_details},
    templates=here(__file__, "templates"),
    assets=here(__file__, "assets"),
)
