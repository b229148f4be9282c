"""The responsibility matrix reads on any screen: sticky header row and first column on wide screens, a list
per department on a phone, roles as the plan names them (issue 12, item 7)."""
from __future__ import annotations

from macros.core import urls

PLAN = "daye-2023"


def test_on_a_phone_a_list_per_department_replaces_the_wide_table(server, browser, catalog):
    context = browser.new_context(locale="zh-CN", viewport={"width": 375, "height": 667}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(server + urls.responsibilities(PLAN))
        assert not page.locator(".pp-matrix-wrap").is_visible()
        assert page.locator(".pp-matrix-list").is_visible()
        units = catalog.plan(PLAN).responsible_units()
        headings = page.locator(".pp-matrix-list h3").all_inner_texts()
        assert headings == [catalog.organizations[unit].short_name for unit in units]
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    finally:
        context.close()


def test_on_a_wide_screen_the_header_row_and_first_column_stay_in_view(server, browser):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 700})
    page = context.new_page()
    try:
        page.goto(server + urls.responsibilities(PLAN))
        wrap = page.locator(".pp-matrix-wrap")
        assert wrap.is_visible() and not page.locator(".pp-matrix-list").is_visible()
        header = page.locator(".pp-matrix thead th").nth(1)
        first_cell = page.locator(".pp-matrix tbody th").first
        top_before, left_before = header.bounding_box()["y"], first_cell.bounding_box()["x"]
        wrap.evaluate("box => { box.scrollTop = 400; box.scrollLeft = 300; }")
        page.wait_for_timeout(100)
        assert abs(header.bounding_box()["y"] - top_before) < 2, "the header row stays at the top of the table box"
        assert abs(first_cell.bounding_box()["x"] - left_before) < 2, "the task column stays at the left"
    finally:
        context.close()


def test_roles_are_written_as_the_plan_names_them(fixture_site, fixture_data):
    from tests.support import load_catalog

    catalog = load_catalog(fixture_data)
    bundle = catalog.plan("test-lanxi-district-2024")
    html = (fixture_site / urls.responsibilities(bundle.id) / "index.html").read_text(encoding="utf-8")
    table = html.split("<tbody>")[1].split("</tbody>")[0]
    leads = sum(len(bundle.responsibility(task).lead) for task in bundle.tasks)
    supports = sum(len(bundle.responsibility(task).support) for task in bundle.tasks)
    assert leads and supports, "the fixture names both roles"
    assert table.count(">牵头<") == leads and table.count(">配合<") == supports
    assert ">●<" not in table, "every unit of this plan has a named role"
