"""Queries on the contacts: an organization's published contact, the hotlines for a set of
organizations, and the organizations whose contact is not published here yet."""
from __future__ import annotations

from macros.core import urls
from macros.core.catalog import Catalog

CONTACTS = "contacts.yaml"
HOTLINES = "hotlines.yaml"


def contacts_by_org(catalog: Catalog) -> dict:
    file = catalog.shared_files.get(CONTACTS)
    return {contact.organization: contact for contact in file.contacts} if file else {}


def hotlines(catalog: Catalog) -> list:
    file = catalog.shared_files.get(HOTLINES)
    return list(file.hotlines) if file else []


def hotlines_for(catalog: Catalog, org_ids: list[str]) -> list:
    """The hotlines for everyone plus those of the given organizations, in the order of the file."""
    return [line for line in hotlines(catalog) if not line.organizations or set(line.organizations) & set(org_ids)]


def missing_contacts(catalog: Catalog) -> list:
    """Organizations without a published contact. Each has a department page that sends readers to it
    (and the task, guide and leaflet pages name it), so each is a gap a release must not have."""
    known = contacts_by_org(catalog)
    return [org for org in catalog.organizations.values() if org.id not in known]


def release_problems(catalog: Catalog) -> list[str]:
    """One line per organization a page sends readers to without a published contact (file, field, found,
    expected), for the release build."""
    file = catalog.file(CONTACTS)
    return [f"{file}: contacts: found no entry for {org.id} ({org.name}; its page /{urls.department(org.id)} and the "
            f"task, guide and leaflet pages name it); expected its phone, address or website with source and checked date"
            for org in missing_contacts(catalog)]
