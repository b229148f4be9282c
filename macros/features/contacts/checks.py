"""Cross-reference checks of ``contacts.yaml`` and ``hotlines.yaml``."""
from __future__ import annotations

from macros.core.catalog import Catalog
from macros.core.checks import duplicates, one_of

from .queries import CONTACTS, HOTLINES, hotlines


def contacts_refer_to_organizations(catalog: Catalog, report) -> None:
    file = catalog.shared_files.get(CONTACTS)
    seen: set[str] = set()
    for index, contact in enumerate(file.contacts if file else []):
        path = ("contacts", index, "organization")
        if contact.organization not in catalog.organizations:
            report(catalog.file(CONTACTS), path, repr(contact.organization),
                   "an organization id of organizations.yaml, " + one_of(catalog.organizations))
        elif contact.organization in seen:
            report(catalog.file(CONTACTS), path, f"{contact.organization!r} a second time",
                   "one entry per organization (put every phone number in its phones list)")
        seen.add(contact.organization)
    lines = hotlines(catalog)
    duplicates(report, catalog.file(HOTLINES), lines, ("hotlines",), "hotline")
    for index, line in enumerate(lines):
        for position, org_id in enumerate(line.organizations):
            if org_id not in catalog.organizations:
                report(catalog.file(HOTLINES), ("hotlines", index, "organizations", position), repr(org_id),
                       "an organization id of organizations.yaml, " + one_of(catalog.organizations))
