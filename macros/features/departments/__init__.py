"""Departments: one page per organization with what it is responsible for in every plan."""
from macros.core import urls
from macros.core.catalog import Catalog
from macros.core.feature import Feature, here
from macros.core.site_map import NavEntry, Page, call, page_file

from . import render


def department_pages(catalog: Catalog) -> tuple[list[Page], list[NavEntry]]:
    index = Page(page_file(urls.departments()), "责任单位", call("department_index"))
    pages = [index] + [
        Page(page_file(urls.department(org.id)), org.short_name, call("department_page", org.id))
        for org in catalog.organizations.values()
    ]
    return pages, [{"责任单位": [page.file for page in pages]}]


FEATURE = Feature(
    name="departments",
    doc=__doc__,
    pages=department_pages,
    macros={"department_index": render.department_index, "department_page": render.department_page},
    templates=here(__file__, "templates"),
)
