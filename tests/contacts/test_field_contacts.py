"""Contacts as data (issue 12): “找谁、怎么找” on task, department, guide and leaflet pages from
contacts.yaml and hotlines.yaml; nothing invented (every entry has a source and a checked date, a missing
contact is named as not yet published); a release build stops while an organization has no contact.
"""
from __future__ import annotations

import re

import pytest

from macros.core import urls
from macros.core.load import DataErrors
from macros.core.render import Renderer
from macros.features.contacts.queries import contacts_by_org, hotlines, missing_contacts
from macros.features.leaflets.queries import leaflet_list
from tests.support import load_catalog, page_html

NATIONAL = {"12345", "12333", "12348", "010-12351"}


def _block(html: str) -> str:
    """The text of the page's “找谁、怎么找” section."""
    match = re.search(r'<section class="pp-contacts" aria-labelledby="contact-points">(.*?)</section>', html, re.S)
    assert match, "no 找谁、怎么找 section"
    return match.group(1)


def test_every_hotline_has_its_source_and_checked_date(catalog):
    lines = hotlines(catalog)
    assert {line.number for line in lines} == NATIONAL
    for line in lines:
        assert line.source.strip() and line.checked.year >= 2026, line.id


def test_task_pages_name_every_responsible_unit_and_the_hotlines(site, catalog):
    known = contacts_by_org(catalog)
    for bundle in catalog.plans.values():
        for task in bundle.tasks:
            block = _block(page_html(site, urls.task(bundle.id, task.id)))
            assert "找谁、怎么找" in block
            responsibility = bundle.responsibility(task)
            for org_id in responsibility.units if responsibility else []:
                assert catalog.organizations[org_id].short_name in block, (task.id, org_id)
            if any(org_id not in known for org_id in re.findall(r'departments/([a-z0-9-]+)/', block)):
                assert "待公布" in block and "本站还没有有出处的电话和地址" in block, task.id
            assert 'href="tel:12345"' in block, task.id


def test_department_guide_and_leaflet_pages_show_the_block(site, catalog):
    for org in catalog.organizations.values():
        block = _block(page_html(site, urls.department(org.id)))
        assert org.short_name in block and "tel:12345" in block, org.id
        if org.id in {"rsj", "mohrss"}:
            assert "tel:12333" in block
        if org.id == "zgh":
            assert "tel:010-12351" in block
    guides = catalog.shared_files["guides.yaml"].guides
    for guide in guides:
        block = _block(page_html(site, urls.guide(guide.id)))
        for org_id in {org for section in guide.sections for org in section.ask}:
            assert catalog.organizations[org_id].short_name in block, (guide.id, org_id)
    for leaflet in leaflet_list(catalog):
        block = _block(page_html(site, urls.leaflet(leaflet.id)))
        for org_id in leaflet.contacts:
            assert catalog.organizations[org_id].short_name in block, (leaflet.id, org_id)


def test_the_hotlines_are_explained_with_their_sources_once(site, catalog):
    html = page_html(site, urls.departments())
    text = re.sub(r"<[^>]+>", "", html)  # glossary marks may wrap words of the text
    for line in hotlines(catalog):
        assert f'id="{line.id}"' in html and line.source in text and line.serves in text, line.id


def test_a_published_contact_shows_with_its_source(data_copy):
    (data_copy / "contacts.yaml").write_text(
        "contacts:\n  - organization: zgh\n    phones:\n      - label: 测试电话\n        number: 0000-1234567\n"
        "    address: 测试地址\n    hours: 测试时间\n    source: 测试出处\n    checked: 2026-12-01\n", encoding="utf-8")
    catalog = load_catalog(data_copy)
    assert [org.id for org in missing_contacts(catalog)] == [o for o in catalog.organizations if o != "zgh"]
    renderer = Renderer(catalog, site={}).at(urls.department("zgh"))
    html = str(renderer.env.globals["contact_points"](["zgh", "rsj"]))
    assert 'href="tel:0000-1234567">0000-1234567</a>' in html and "测试地址" in html and "测试时间" in html
    assert "出处：测试出处；2026年12月1日核对" in html
    missing = html.split("pp-contacts__missing", 1)[1]
    assert "市人社局" in missing and "待公布" in missing and "市总工会" not in missing
    pdf = str(renderer.env.globals["contact_points"](["zgh", "rsj"], pdf=True))
    assert "0000-1234567" in pdf and "大冶市人力资源和社会保障局" in pdf and "href" not in pdf


@pytest.mark.parametrize("entry, found, expected", [
    ("  - organization: zgh\n    address: 测试\n    checked: 2026-12-01\n", "contacts[0].source: found nothing", "this required field"),
    ("  - organization: zgh\n    address: 测试\n    source: 测试\n", "contacts[0].checked: found nothing", "this required field"),
    ("  - organization: zgh\n    source: 测试\n    checked: 2026-12-01\n", "contacts[0]: found this entry", "at least one of phones"),
    ("  - organization: nobody\n    address: 测试\n    source: 测试\n    checked: 2026-12-01\n",
     "contacts[0].organization: found 'nobody'", "an organization id"),
    ("  - organization: zgh\n    phones:\n      - label: 测试\n        number: 打电话\n    source: 测试\n    checked: 2026-12-01\n",
     "contacts[0].phones[0].number: found '打电话'", "digits and hyphens"),
])
def test_a_contact_without_source_or_value_is_an_error_with_its_line(data_copy, entry, found, expected):
    (data_copy / "contacts.yaml").write_text("contacts:\n" + entry, encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_catalog(data_copy)
    line = next(line for line in str(caught.value).splitlines() if "contacts.yaml" in line)
    assert re.match(r"policy_data/contacts\.yaml:\d+: ", line) and found in line and expected in line, line


def test_release_stops_listing_organizations_without_a_contact(data_copy, capsys):
    from scripts.build import contacts_published

    assert contacts_published(data_copy) is False
    report = capsys.readouterr().err
    catalog = load_catalog(data_copy)
    for org in catalog.organizations.values():
        assert f"found no entry for {org.id} ({org.name}" in report
    (data_copy / "contacts.yaml").write_text("contacts:\n" + "".join(
        f"  - organization: {org_id}\n    website: https://www.gov.cn/\n    source: 测试出处\n    checked: 2026-12-01\n"
        for org_id in catalog.organizations), encoding="utf-8")
    assert contacts_published(data_copy) is True
