"""Every page kind, for every invented fixture plan of tests/fixtures/ (issue 10, item 7).

The fixture plans have shapes Daye does not: a county plan with parts (test-qinghe-2024), a flat issued
district plan with 牵头/配合 and dated, recurring and continuous deadlines (test-lanxi-district-2024), a
three-level provincial plan that was later repealed (test-provincial-2022). For each of them and each page
kind — overview, parts, tasks, targets, responsibilities, documents and full text, department pages of its
units, embeds, its calendar, the official-text PDF, plan.json and tasks.csv — the tests check its own status
wording and 文号 (from macros/core/status.py), that no other plan's status wording is there, that the
official text is verbatim, units with their roles, deadlines as printed with their reading, that an issued
or repealed plan is never called a draft, and that a repealed plan says 已废止.
"""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

import lxml.html
import pytest

from macros.core import models, urls
from macros.core.models import squash
from tests.fixtures.combine import FIXTURE_PLANS
from tests.support import load_catalog

DRAFT_WORDS = ("征求意见稿", "尚未正式印发")
LANXI, PROVINCIAL = "test-lanxi-district-2024", "test-provincial-2022"

pytestmark = pytest.mark.parametrize("plan_id", FIXTURE_PLANS)


# ---------------------------------------------------------------- helpers


@pytest.fixture(scope="module")
def catalog(fixture_data):
    return load_catalog(fixture_data)


@lru_cache(maxsize=None)
def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def _tree(path: Path):
    return lxml.html.fromstring(_read(path))


def html(site: Path, url_path: str) -> str:
    return _read(site / url_path / "index.html")


def tree(site: Path, url_path: str):
    return _tree(site / url_path / "index.html")


def text(node) -> str:
    """The text of a page or element, squashed (no whitespace): how official text is compared."""
    return squash(node.text_content())


def announce(site: Path, url_path: str) -> list[str]:
    return [p.text_content().strip() for p in tree(site, url_path).xpath('//p[@class="pp-announce"]')]


def plan_pages(site: Path, plan_id: str) -> list[str]:
    """Every HTML page under the plan's folder, as URL paths."""
    root = site / urls.plan(plan_id)
    return sorted(str(path.parent.relative_to(site)) + "/" for path in root.rglob("index.html"))


def embed_pages(bundle) -> list[str]:
    return [urls.embed_task(bundle.id, task.id) for task in bundle.tasks]


def own_units(catalog, bundle) -> list[str]:
    """The plan's responsible units that are responsible in no other plan (their pages are the plan's)."""
    return [unit for unit in bundle.responsible_units()
            if not any(other.items_of(unit) for other in catalog.plans.values() if other is not bundle)]


def org_short(catalog, unit: str) -> str:
    return catalog.organizations[unit].short_name


def all_measures(measures) -> list[models.Measure]:
    result = []
    for measure in measures:
        result.append(measure)
        result.extend(all_measures(measure.measures))
    return result


def pdf_text(pdf: Path, header: str) -> str:
    """The text of a PDF without its page furniture (the status header and the page numbers), squashed."""
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext is missing: apt-get install poppler-utils")
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    lines = [line for line in out.replace("\f", "\n").splitlines()
             if line.strip() != header and not re.fullmatch(r"\s*—\s*\d+\s*—\s*", line)]
    return squash("\n".join(lines))


def raw_pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def calendar(site: Path, plan_id: str):
    from icalendar import Calendar

    return Calendar.from_ical((site / urls.plan_calendar(plan_id)).read_bytes())


def role_spans(node) -> dict[str, str]:
    """``牵头：…`` / ``配合：…`` / ``责任单位：…`` spans of ``units_by_role``, by role."""
    spans = {}
    for span in node.xpath('.//span[@class="pp-role"]'):
        role, _, names = span.text_content().partition("：")
        spans[role.strip()] = names
    return spans


def expected_roles(responsibility: models.Responsibility) -> dict[str, list[str]]:
    others = [unit for unit in responsibility.units if unit not in responsibility.lead + responsibility.support]
    return {"牵头": responsibility.lead, "配合": responsibility.support, "责任单位": others}


def check_roles(catalog, node, responsibility, where: str) -> None:
    if responsibility.lead or responsibility.support:
        spans = role_spans(node)
        for role, units in expected_roles(responsibility).items():
            if units:
                names = [org_short(catalog, unit) for unit in units]
                assert role in spans, (where, role, spans)
                assert re.findall(r"[^、]+", spans[role]) == names, (where, role, spans[role], names)
            else:
                assert role not in spans, (where, role, spans)
    else:
        body = node.text_content()
        for unit in responsibility.units:
            assert org_short(catalog, unit) in body, (where, unit)


def deadline_words(deadline: models.Deadline) -> list[str]:
    """What a page shows of a deadline: the words as printed, their reading when it differs, the note."""
    words = [deadline.text]
    if deadline.period.label and deadline.period.label != deadline.text:
        words.append(f"（即{deadline.period.label}）")
    if deadline.inferred:
        words.append(deadline.inferred)
    return words


# ---------------------------------------------------------------- every page exists, with its own status


def test_the_fixture_plan_has_every_page_kind(plan_id, fixture_site, catalog):
    bundle = catalog.plan(plan_id)
    expected = [urls.plan(plan_id), urls.targets(plan_id), urls.responsibilities(plan_id), urls.plan_text(plan_id),
                urls.plan(plan_id) + "documents/",
                *(urls.part(plan_id, part.id) for part in bundle.parts),
                *(urls.task(plan_id, task.id) for task in bundle.tasks),
                *(urls.document(plan_id, document.id) for document in bundle.documents),
                *embed_pages(bundle),
                *(urls.department(unit) for unit in bundle.responsible_units()),
                *(urls.embed_department(unit) for unit in bundle.responsible_units())]
    missing = [path for path in expected if not (fixture_site / path / "index.html").is_file()]
    assert not missing
    files = [urls.plan_calendar(plan_id), urls.plan_json(plan_id), urls.tasks_csv(plan_id),
             urls.document_pdf(plan_id, "plan-text"),
             *(urls.document_pdf(plan_id, document.id) for document in bundle.documents)]
    assert not [path for path in files if not (fixture_site / path).is_file()]


def test_each_plan_page_announces_its_own_status(plan_id, fixture_site, catalog):
    status = catalog.plan(plan_id).status
    pages = [path for path in plan_pages(fixture_site, plan_id) if path != urls.progress(plan_id)]  # see below
    assert len(pages) >= 8, pages
    for path in pages:
        assert announce(fixture_site, path) == [status.line], path


def test_the_progress_page_announces_its_plans_status(plan_id, fixture_site, catalog):
    assert announce(fixture_site, urls.progress(plan_id)) == [catalog.plan(plan_id).status.line]


def test_each_plan_page_states_the_status_sentence_and_doc_number(plan_id, fixture_site, catalog):
    bundle = catalog.plan(plan_id)
    doc_number = bundle.plan.status.doc_number
    assert doc_number and doc_number in bundle.status.sentence
    for path in plan_pages(fixture_site, plan_id):
        page = text(tree(fixture_site, path))
        assert squash(bundle.status.sentence) in page, path
        assert squash(doc_number) in page, path


def test_no_other_plans_status_wording_on_its_pages(plan_id, fixture_site, catalog):
    bundle = catalog.plan(plan_id)
    others = [other.status for other in catalog.plans.values() if other is not bundle]
    assert len(others) == len(catalog.plans) - 1 >= 3
    for path in [*plan_pages(fixture_site, plan_id), *embed_pages(bundle),
                 *(urls.department(unit) for unit in own_units(catalog, bundle)),
                 *(urls.embed_department(unit) for unit in own_units(catalog, bundle))]:
        page = html(fixture_site, path)
        for other in others:
            if other.line != bundle.status.line:
                assert other.line not in page, (path, other.line)
                assert other.sentence not in page, (path, other.sentence)


SITE_DESCRIPTION = re.compile(r'<meta name="description" content="[^"]*">')


def test_an_issued_or_repealed_plan_is_never_called_a_draft(plan_id, fixture_site, catalog):
    bundle = catalog.plan(plan_id)
    assert bundle.status.final, "every fixture plan is issued or was (repealed)"
    sources: dict[str, str] = {}

    def page(path: str) -> str:
        return html(fixture_site, path)

    for path in [*plan_pages(fixture_site, plan_id), *embed_pages(bundle),
                 *(urls.embed_department(unit) for unit in own_units(catalog, bundle))]:
        sources[path] = page(path)
    for unit in own_units(catalog, bundle):  # pages of no single plan: the site's summary line counts every plan
        sources[urls.department(unit)] = page(urls.department(unit)).replace(catalog.status_line, "")
    for path in [urls.plan_calendar(plan_id), urls.plan_json(plan_id), urls.tasks_csv(plan_id),
                 urls.targets_csv(plan_id)]:
        sources[path] = _read(fixture_site / path)
    for document_id in ["plan-text", *(document.id for document in bundle.documents)]:
        path = urls.document_pdf(plan_id, document_id)
        sources[path] = raw_pdf_text(fixture_site / path)
    for path, content in sources.items():
        for word in DRAFT_WORDS:
            assert word not in content, (path, word)


def test_no_page_description_calls_the_plan_a_draft(plan_id, fixture_site, catalog):
    for path in plan_pages(fixture_site, plan_id):
        descriptions = SITE_DESCRIPTION.findall(html(fixture_site, path))
        assert not [d for d in descriptions if any(word in d for word in DRAFT_WORDS)], path


def test_a_repealed_plan_says_so_everywhere(plan_id, fixture_site, catalog):
    bundle = catalog.plan(plan_id)
    if bundle.plan.status.stage != "repealed":
        pytest.skip("not repealed")
    assert bundle.status.label == "已废止" and "已废止" in bundle.status.line
    for path in [*plan_pages(fixture_site, plan_id), *embed_pages(bundle),
                 *(urls.embed_department(unit) for unit in own_units(catalog, bundle))]:
        assert "已废止" in tree(fixture_site, path).text_content(), path
    for document_id in ["plan-text", *(document.id for document in bundle.documents)]:
        pdf = raw_pdf_text(fixture_site / urls.document_pdf(plan_id, document_id))
        assert pdf.lstrip().startswith("已废止") and "现行有效" not in pdf, document_id
    ics = calendar(fixture_site, plan_id)
    assert "已废止" in str(ics.get("X-WR-CALDESC")) and "现行有效" not in str(ics.get("X-WR-CALDESC"))
    for event in ics.walk("VEVENT"):
        assert squash(bundle.status.sentence) in squash(str(event.get("DESCRIPTION"))), event.get("UID")
    export = json.loads(_read(fixture_site / urls.plan_json(plan_id)))
    assert export["status"] == "已废止" and export["plan"]["status"]["stage"] == "repealed"
    assert export["plan"]["status"]["ended_by"] == bundle.plan.status.ended_by


# ---------------------------------------------------------------- overview, parts, tasks


def test_overview_lists_the_plan_as_printed(plan_id, fixture_site, catalog):
    bundle = catalog.plan(plan_id)
    page = tree(fixture_site, urls.plan(plan_id))
    body = text(page)
    assert squash(bundle.plan.title) in body and squash(bundle.status.sentence) in body
    links = page.xpath("//article//a[@href]")
    for task in bundle.tasks:
        link = [a for a in links if a.get("href").endswith(f"tasks/{task.id}/")]
        assert link and squash(link[0].text_content()) == squash(f"{task.printed_label}{task.title}"), task.id
    for part in bundle.parts:
        assert squash(part.label + part.heading) in body, part.id
    if bundle.plan.goal:
        assert squash(bundle.plan.goal.text or bundle.plan.goal.heading) in body
    for upper in bundle.plan.implements_plans:  # shown on both pages
        other = catalog.plan(upper)
        assert f"本方案落实上位方案：{other.plan.region}《{other.plan.title}》（{other.status.label}）" in page.text_content()
        lower_page = tree(fixture_site, urls.plan(upper)).text_content()
        assert f"落实本方案的方案：{bundle.plan.region}《{bundle.plan.title}》（{bundle.status.label}）" in lower_page


def test_part_pages_show_heading_parents_tasks_text_and_roles(plan_id, fixture_site, catalog):
    bundle = catalog.plan(plan_id)
    if not bundle.parts:
        assert not (fixture_site / urls.plan(plan_id) / "parts").exists(), "a flat plan has no part pages"
        return
    for part in bundle.parts:
        page = tree(fixture_site, urls.part(plan_id, part.id))
        assert squash(page.xpath("//h1")[0].text_content()) == squash(part.label + part.heading), part.id
        kicker = text(page.xpath('//p[@class="pp-kicker"]')[0])
        for parent in bundle.parents(part):
            assert squash(parent.label + parent.heading) in kicker, (part.id, parent.id)
        theme = next((t for t in bundle.plan.themes if t.id == part.theme), None)
        if theme:
            assert theme.label in kicker, part.id
        body = text(page)
        for sub in bundle.subparts(part.id):
            assert squash(sub.label + sub.heading) in body, (part.id, sub.id)
        for task in bundle.tasks_in(part.id):
            assert squash(f"{task.printed_label}{task.title}") in body, (part.id, task.id)
        if part.text:
            quote = page.xpath('//blockquote[@class="pp-official"]')
            assert quote and squash(part.text) in text(quote[0]), part.id
        if part.responsibility:
            check_roles(catalog, page.xpath('//h2[@id="responsible"]/following-sibling::p[1]')[0], part.responsibility,
                        part.id)


def test_task_pages_quote_the_text_with_measures_units_roles_and_deadlines(plan_id, fixture_site, catalog):
    bundle = catalog.plan(plan_id)
    for task in bundle.tasks:
        path = urls.task(plan_id, task.id)
        page = tree(fixture_site, path)
        assert squash(page.xpath("//h1")[0].text_content()) == squash(f"{task.printed_label}{task.title}"), task.id
        quote = page.xpath('//blockquote[@class="pp-official"]')
        assert quote and text(quote[0]) == squash(f"{task.printed_label} {task.title}。{task.text}"), task.id
        measures = page.xpath('//ol[@class="pp-measures"]')
        for measure in all_measures(task.measures):
            assert measures and squash(measure.label + measure.text) in text(measures[0]), (task.id, measure.label)
        responsibility = bundle.responsibility(task)
        check_roles(catalog, page.xpath('//h2[@id="responsible"]/following-sibling::p[1]')[0], responsibility, task.id)
        assert squash(f"原文：{responsibility.source}") in text(page), task.id
        body = page.text_content()
        if task.deadline:
            assert "完成时限" in body, task.id
            for words in deadline_words(task.deadline):
                assert words in body, (task.id, words)
        for target in task.targets:
            row = page.xpath(f'//tr[@id="{urls.target_anchor(target.id)}"]')
            assert row and target.metric in row[0].text_content(), (task.id, target.id)
            for words in deadline_words(target.deadline) if target.deadline else []:
                assert words in row[0].text_content(), (task.id, target.id, words)
        for milestone in task.milestones:
            item = page.xpath(f'//li[@id="{urls.milestone_anchor(milestone.id)}"]')
            assert item and milestone.what in item[0].text_content(), (task.id, milestone.id)
            for words in deadline_words(milestone.deadline):
                assert words in item[0].text_content(), (task.id, milestone.id, words)


def test_the_shapes_the_fixtures_were_made_for(plan_id, catalog):
    """The fixtures keep the shapes these tests are about (so a test above cannot pass on an empty list)."""
    bundle = catalog.plan(plan_id)
    kinds = {task.deadline.period.kind for task in bundle.tasks if task.deadline}
    if plan_id == LANXI:
        assert not bundle.parts and bundle.plan.status.stage == "issued" and bundle.plan.level == "区"
        assert {"month", "year-end", "half", "recurring", "continuous"} <= kinds
        assert {"长期坚持", "持续推进"} <= {task.deadline.text for task in bundle.tasks if task.deadline}
        assert all(task.responsibility and task.responsibility.lead for task in bundle.tasks)
        comparators = {target.comparator for _, target in bundle.targets()}
        assert "approx" in comparators and any(target.table_row for _, target in bundle.targets())
        org_kinds = {catalog.organizations[unit].kind for unit in bundle.responsible_units()}
        assert org_kinds == {"政府部门", "党委部门", "群团组织", "法院检察院", "国有企业", "多个单位"}
        assert bundle.plan.implements_plans == [PROVINCIAL]
    if plan_id == PROVINCIAL:
        assert bundle.plan.status.stage == "repealed" and bundle.plan.level == "省"
        assert max(len(bundle.parents(part)) for part in bundle.parts) == 1  # 一、 → （一）
        assert all(bundle.part_of(task).parent for task in bundle.tasks)  # tasks sit in （一）
        assert any(measure.measures for task in bundle.tasks for measure in task.measures)  # (1) → ①
        assert any(task.measures and task.measures[0].label == "①" for task in bundle.tasks)
        assert any(target.baseline and target.year for _, target in bundle.targets())
        assert bundle.plan.themes and bundle.plan.source and bundle.plan.source.url is None


# ---------------------------------------------------------------- full text, documents


def test_the_full_text_page_is_verbatim(plan_id, fixture_site, catalog):
    bundle = catalog.plan(plan_id)
    plan = bundle.plan
    page = tree(fixture_site, urls.plan_text(plan_id))
    document = page.xpath('//div[@class="pp-document"]')
    assert document
    body = text(document[0])
    expected = [plan.title, plan.preamble or "", plan.tasks_heading or "", plan.requirements_heading or ""]
    if plan.goal:
        expected += [plan.goal.heading, plan.goal.text or ""]
    for part in bundle.parts:
        expected += [part.label + part.heading, part.text or ""]
        if part.responsibility:
            expected.append(part.responsibility.source)
    for task in bundle.tasks:
        expected.append(f"{task.printed_label}{task.title}。{task.text}")
        expected += [measure.label + measure.text for measure in all_measures(task.measures)]
        if task.responsibility:
            expected.append(task.responsibility.source)
    expected += [f"{r.label}{r.heading}。{r.text}" for r in plan.requirements]
    missing = [words for words in expected if squash(words) not in body]
    assert not missing
    assert plan.status.doc_number in page.text_content()
    position = [body.index(squash(f"{task.printed_label}{task.title}。{task.text}")) for task in bundle.tasks]
    assert position == sorted(position), "tasks in the order of the plan"


def test_document_pages_quote_the_documents_with_the_plans_status(plan_id, fixture_site, catalog):
    bundle = catalog.plan(plan_id)
    index = text(tree(fixture_site, urls.plan(plan_id) + "documents/"))
    for document in bundle.documents:
        assert squash(document.short_title) in index or squash(document.title) in index, document.id
        path = urls.document(plan_id, document.id)
        assert announce(fixture_site, path) == [bundle.document_status(document).line]
        page = tree(fixture_site, path)
        body = text(page)
        for block in document.body:
            assert squash(block.text) in body, (document.id, block.kind)
        assert document.metadata.doc_number in page.text_content()


# ---------------------------------------------------------------- targets, responsibilities, departments


def test_targets_page_lists_every_target_and_dated_entry(plan_id, fixture_site, catalog):
    bundle = catalog.plan(plan_id)
    page = tree(fixture_site, urls.targets(plan_id))
    body = page.text_content()
    assert squash(bundle.status.sentence) in text(page)
    for item, target in bundle.targets():
        assert target.metric in body, target.id
        figures = [target.min, target.max] if target.comparator == "range" else [target.value]
        for figure in figures:
            assert f"{figure:g}" in body, (target.id, figure)
        if target.comparator == "approx":
            assert f"约 {target.value:g} {target.unit}" in body, target.id
    for entry in bundle.dated_entries():
        if entry.period.dated:
            assert entry.deadline.text in body and entry.what in body, entry.anchor


def test_the_matrix_shows_every_unit_with_its_role(plan_id, fixture_site, catalog):
    bundle = catalog.plan(plan_id)
    page = tree(fixture_site, urls.responsibilities(plan_id))
    header = [squash(th.text_content()) for th in page.xpath('//table[contains(@class,"pp-matrix")]/thead//th')]
    assert header[1:] == [org_short(catalog, unit) for unit in bundle.responsible_units()]
    if any(bundle.responsibility(item).lead or bundle.responsibility(item).support for item in bundle.items()):
        assert "“牵头”“配合”是原文写明的角色。" in page.text_content()
    for item in bundle.items():
        href_end = urls.item(plan_id, item).split("/", 2)[2]  # tasks/t01/ or parts/p1/
        rows = [row for row in page.xpath('//table[contains(@class,"pp-matrix")]/tbody/tr')
                if row.xpath("th/a")[0].get("href").endswith(href_end)]
        assert len(rows) == 1, item.id
        cells = [span.text_content() for span in rows[0].xpath('.//span[@class="pp-sr"]')]
        responsibility = bundle.responsibility(item)
        words = {"牵头": "牵头", "配合": "配合", "责任单位": "负责"}
        expected = sorted(f"{org_short(catalog, unit)}{words[responsibility.role(unit)]}" for unit in responsibility.units)
        assert sorted(cells) == expected, item.id


def test_department_pages_list_the_plans_items_with_roles(plan_id, fixture_site, catalog):
    bundle = catalog.plan(plan_id)
    for unit in bundle.responsible_units():
        page = tree(fixture_site, urls.department(unit))
        section = page.xpath(f'//section[@id="plan-{plan_id}"]')
        assert section, unit
        rows = section[0].xpath(".//table//tbody/tr")
        shown = [(row.xpath("td[1]/a")[0].get("href"), row.xpath("td[3]")[0].text_content().strip()) for row in rows]
        expected = bundle.items_of(unit)
        assert len(shown) == len(expected), unit
        for (href, role), (item, expected_role) in zip(shown, expected):
            assert href.endswith(urls.item(plan_id, item).split("/", 2)[2]) and role == expected_role, (unit, item.id)
        if unit in own_units(catalog, bundle):
            assert not page.xpath('//section[starts-with(@id, "plan-")]')[1:], (unit, "only its plan")


def test_department_pages_state_each_plans_status(plan_id, fixture_site, catalog):
    bundle = catalog.plan(plan_id)
    for unit in bundle.responsible_units():
        section = tree(fixture_site, urls.department(unit)).xpath(f'//section[@id="plan-{plan_id}"]')[0]
        assert bundle.status.label in section.text_content(), unit


# ---------------------------------------------------------------- embeds


def test_embeds_state_the_plans_status_and_units(plan_id, fixture_site, catalog):
    bundle = catalog.plan(plan_id)
    for task in bundle.tasks:
        page = tree(fixture_site, urls.embed_task(plan_id, task.id))
        body = page.text_content()
        assert bundle.status.line in body, task.id
        assert page.findtext(".//title").endswith(f"（{bundle.status.label}）"), task.id
        responsibility = bundle.responsibility(task)
        for unit in responsibility.units:
            assert org_short(catalog, unit) in body, (task.id, unit)
        for unit in responsibility.lead:
            assert f"{org_short(catalog, unit)}（牵头）" in body, (task.id, unit)
    for unit in own_units(catalog, bundle):
        body = tree(fixture_site, urls.embed_department(unit)).text_content()
        assert bundle.status.line in body and bundle.plan.short_title in body, unit


def test_task_embeds_show_support_units_and_the_tasks_deadline(plan_id, fixture_site, catalog):
    bundle = catalog.plan(plan_id)
    if not any(bundle.responsibility(t).support or t.deadline for t in bundle.tasks):
        pytest.skip("no supporting units and no task deadlines")
    for task in bundle.tasks:
        body = tree(fixture_site, urls.embed_task(plan_id, task.id)).text_content()
        for unit in bundle.responsibility(task).support:
            assert f"{org_short(catalog, unit)}（配合）" in body, (task.id, unit)
        if task.deadline:
            assert task.deadline.text in body, task.id


# ---------------------------------------------------------------- calendar, PDF, open data


def test_the_calendar_has_dated_and_recurring_deadlines_not_continuous_ones(plan_id, fixture_site, catalog):
    bundle = catalog.plan(plan_id)
    ics = calendar(fixture_site, plan_id)
    description = squash(str(ics.get("X-WR-CALDESC")))
    assert squash(bundle.status.sentence) in description and f"（{bundle.status.label}）" in description
    by_uid = {}
    for event in ics.walk("VEVENT"):
        uid = str(event.get("UID"))
        assert uid not in by_uid, uid
        by_uid[uid] = event
        assert squash(bundle.status.sentence) in squash(str(event.get("DESCRIPTION"))), uid

    def event_for(path: str):
        found = [event for uid, event in by_uid.items() if uid.endswith("/" + path)]
        return found[0] if found else None

    for task in bundle.tasks:
        period = task.deadline.period if task.deadline else None
        event = event_for(urls.task(plan_id, task.id))
        if period is None or period.kind in ("continuous", "none"):
            assert event is None, (task.id, "no event for a task without a due date")
        elif period.kind == "recurring":
            assert event is not None, task.id
            assert event.get("RRULE").to_ical().decode() == period.rrule, task.id
            assert event.decoded("DTSTART") == period.first_day, task.id
        elif period.dated:
            assert event is not None and event.decoded("DTSTART") == period.first_day, task.id
            assert event.get("RRULE") is None, task.id
            assert task.deadline.text in str(event.get("DESCRIPTION")), task.id
        for target in task.targets:
            event = event_for(urls.task(plan_id, task.id) + "#" + urls.target_anchor(target.id))
            assert (event is not None) == bool(target.deadline and target.deadline.period.dated), (task.id, target.id)
        for milestone in task.milestones:
            event = event_for(urls.task(plan_id, task.id) + "#" + urls.milestone_anchor(milestone.id))
            assert (event is not None) == milestone.deadline.period.dated, (task.id, milestone.id)
    continuous = [task for task in bundle.tasks if task.deadline and task.deadline.period.kind == "continuous"]
    for task in continuous:  # named in the calendar's description as left out, with the words as printed
        assert f"“{task.deadline.text}”" in description and squash(task.title) in description, task.id


def test_the_official_text_pdf_is_verbatim_with_status_and_doc_number(plan_id, fixture_site, catalog):
    bundle = catalog.plan(plan_id)
    pdf = fixture_site / urls.document_pdf(plan_id, "plan-text")
    raw = raw_pdf_text(pdf)
    pages = [page for page in raw.split("\f") if page.strip()]
    assert pages and all(page.lstrip().startswith(bundle.status.label) for page in pages), "each page's header"
    body = pdf_text(pdf, bundle.status.label)
    assert squash(bundle.plan.status.doc_number) in body
    assert squash(bundle.status.sentence) in body
    expected = [bundle.plan.title]
    expected += [part.label + part.heading for part in bundle.parts]
    for task in bundle.tasks:
        expected.append(f"{task.printed_label}{task.title}。{task.text}")
        expected += [measure.label + measure.text for measure in all_measures(task.measures)]
    missing = [words for words in expected if squash(words) not in body]
    assert not missing
    for document in bundle.documents:
        notice = raw_pdf_text(fixture_site / urls.document_pdf(plan_id, document.id))
        assert notice.lstrip().startswith(bundle.document_status(document).label), document.id
        assert squash(document.metadata.doc_number) in squash(notice), document.id


def test_plan_json_has_status_doc_number_tasks_deadlines_and_measures(plan_id, fixture_site, catalog):
    bundle = catalog.plan(plan_id)
    export = json.loads(_read(fixture_site / urls.plan_json(plan_id)))
    assert export["status"] == bundle.status.label and export["status_note"] == bundle.status.sentence
    assert export["plan"]["status"]["stage"] == bundle.plan.status.stage
    assert export["plan"]["status"]["doc_number"] == bundle.plan.status.doc_number
    assert export["plan"]["implements_plans"] == bundle.plan.implements_plans
    assert [task["id"] for task in export["tasks"]] == [task.id for task in bundle.tasks]
    for row, task in zip(export["tasks"], bundle.tasks):
        assert row["label"] == task.label and row["text"] == task.text and row["title"] == task.title, task.id
        assert row["measures"] == [m.model_dump() for m in task.measures], task.id
        responsibility = bundle.responsibility(task)
        assert (row["responsibility"]["lead"], row["responsibility"]["support"]) == (
            responsibility.lead, responsibility.support), task.id
        if task.deadline:
            assert row["deadline"]["text"] == task.deadline.text and row["deadline"]["value"] == task.deadline.value
            assert row["deadline"]["period"]["label"] == task.deadline.period.label, task.id
        else:
            assert row["deadline"] is None, task.id
    assert [part["id"] for part in export["parts"]] == [part.id for part in bundle.parts]
    assert [part["parent"] for part in export["parts"]] == [part.parent for part in bundle.parts]


def tasks_csv(site: Path, plan_id: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(_read(site / urls.tasks_csv(plan_id)).lstrip("\ufeff"))))


def test_tasks_csv_has_every_task_with_label_roles_and_deadline(plan_id, fixture_site, catalog):
    bundle = catalog.plan(plan_id)
    rows = tasks_csv(fixture_site, plan_id)
    assert [row["task_id"] for row in rows] == [task.id for task in bundle.tasks]
    for row, task in zip(rows, bundle.tasks):
        responsibility = bundle.responsibility(task)
        assert row["label"] == task.printed_label and row["text"] == task.text, task.id
        assert row["lead_units"] == "、".join(org_short(catalog, unit) for unit in responsibility.lead), task.id
        assert row["support_units"] == "、".join(org_short(catalog, unit) for unit in responsibility.support), task.id
        assert row["responsibility_source"] == responsibility.source, task.id
        assert row["deadline_text"] == (task.deadline.text if task.deadline else ""), task.id


def test_tasks_csv_states_the_status_and_the_reading_of_deadlines(plan_id, fixture_site, catalog):
    bundle = catalog.plan(plan_id)
    content = _read(fixture_site / urls.tasks_csv(plan_id))
    assert bundle.status.label in content and bundle.plan.status.doc_number in content
    for task in bundle.tasks:
        if task.deadline and task.deadline.period.label != task.deadline.text:
            assert task.deadline.period.label in content, task.id


# ---------------------------------------------------------------- what the pages do not show yet


def test_targets_show_year_baseline_and_table_row(plan_id, fixture_site, catalog):
    bundle = catalog.plan(plan_id)
    chosen = [(item, target) for item, target in bundle.targets() if target.year or target.baseline or target.table_row]
    if not chosen:
        pytest.skip("no target with a year, a baseline or a table row")
    targets_page = tree(fixture_site, urls.targets(plan_id))
    for item, target in chosen:
        page = tree(fixture_site, urls.item(plan_id, item))
        row = page.xpath(f'//tr[@id="{urls.target_anchor(target.id)}"]')
        assert row, target.id  # (a part's targets have no table yet either)
        listed = [tr.text_content() for tr in targets_page.xpath("//tr") if target.metric in tr.text_content()]
        if target.year:
            assert f"{target.year}年" in row[0].text_content() and f"{target.year}年" in listed[0], target.id
        if target.baseline:
            assert f"{target.baseline.value:g}" in row[0].text_content(), target.id
        if target.table_row:
            assert target.table_row in page.text_content(), target.id


def test_a_repealed_plan_has_nothing_overdue(plan_id, fixture_site, catalog):
    bundle = catalog.plan(plan_id)
    if bundle.status.in_force:
        pytest.skip("in force: overdue is meaningful")
    for path in plan_pages(fixture_site, plan_id):
        assert "时限已过" not in tree(fixture_site, path).text_content(), path


def test_the_overview_names_the_source_file_and_retrieval_date(plan_id, fixture_site, catalog):
    source = catalog.plan(plan_id).plan.source
    if source is None:
        pytest.skip("no source recorded")
    body = tree(fixture_site, urls.plan(plan_id)).text_content()
    day = source.retrieved
    assert f"{day.year}年{day.month}月{day.day}日" in body and (source.url or source.file) in body
