"""The deadline calendars, parsed with the icalendar library and checked event by event against the data."""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest

from macros.core import urls
from macros.features.calendars import calendars
from scripts import url_manifest


def _read(site, path) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical((site / path).read_bytes())


def _expected(catalog, org_id=None):
    """The dated deadlines of the data, by the site path that identifies each one."""
    bundle = catalog.plan("daye-2023")
    expected = {}
    for item in bundle.items():
        units = bundle.responsibility(item).units
        page = urls.item(bundle.id, item)
        for target in item.targets:
            if target.deadline and (org_id is None or org_id in units):
                expected[f"{page}#target-{target.id}"] = target.deadline
        for milestone in item.milestones:
            if milestone.deadline.period.first_day and (org_id is None or org_id in units):
                expected[f"{page}#milestone-{milestone.id}"] = milestone.deadline
    for document in bundle.documents:
        if document.deadline and (org_id is None or org_id in [*document.metadata.issuers, *document.recipients]):
            expected[urls.document(bundle.id, document.id)] = document.deadline
    return expected


def _check_events(cal, expected, base_url, catalog):
    events = {str(event["URL"])[len(base_url):]: event for event in cal.walk("VEVENT")}
    assert set(events) == set(expected)
    stamp = max(change.date for change in catalog.changes())
    for path, deadline in expected.items():
        event, period = events[path], deadline.period
        assert str(event["UID"]) == base_url + path
        assert event.decoded("DTSTAMP") == dt.datetime(stamp.year, stamp.month, stamp.day, tzinfo=dt.timezone.utc)
        description = str(event["DESCRIPTION"])
        assert f"原文：“{deadline.text}”" in description and base_url + path in description
        assert "征求意见稿" in description
        if deadline.inferred:
            assert deadline.inferred in description
        start = event.decoded("DTSTART")
        if period.kind == "time":
            assert start == dt.datetime.combine(period.first_day, period.time, tzinfo=ZoneInfo("Asia/Shanghai"))
            assert str(event["DTSTART"].params["TZID"]) == "Asia/Shanghai"
            assert "DTEND" not in event
        else:  # an all-day span over the whole period, saying what it is
            assert type(start) is dt.date and start == period.first_day
            assert event.decoded("DTEND") == period.last_day + dt.timedelta(days=1)
            assert str(event["SUMMARY"]).startswith(f"【{period.label}】")
            assert "这是一个时间段" in description
    return events


def test_the_plan_calendar_holds_every_dated_deadline(site, catalog, base_url):
    cal = _read(site, urls.plan_calendar("daye-2023"))
    assert str(cal["VERSION"]) == "2.0" and "征求意见稿" in str(cal["X-WR-CALDESC"])
    events = _check_events(cal, _expected(catalog), base_url, catalog)
    # the figures of the seed: 5 targets/milestones with periods and the consultation deadline
    letter = events[urls.document("daye-2023", "consultation-letter")]
    assert letter.decoded("DTSTART") == dt.datetime(2023, 7, 6, 16, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    assert str(letter["SUMMARY"]) == "征求意见函：反馈截止（7月6日下午16时）"
    q1 = events["plans/daye-2023/tasks/t01/#milestone-q1-job-policies"]
    assert (q1.decoded("DTSTART"), q1.decoded("DTEND")) == (dt.date(2023, 1, 1), dt.date(2023, 4, 1))
    year_end = events["plans/daye-2023/tasks/t13/#target-standard-wage-projects"]
    assert (year_end.decoded("DTSTART"), year_end.decoded("DTEND")) == (dt.date(2023, 12, 1), dt.date(2024, 1, 1))
    assert len(events) == 6
    assert url_manifest.broken(sorted(events), site, catalog) == [], "each event links to its anchor"


def test_spring_festival_is_not_given_an_invented_date(site, catalog):
    cal = _read(site, urls.plan_calendar("daye-2023"))
    assert not [e for e in cal.walk("VEVENT") if "春暖" in str(e["SUMMARY"])]
    description = str(cal["X-WR-CALDESC"])
    assert "开展“春暖农民工”服务行动" in description and "原文：“春节前后”" in description
    assert "没有写具体日期" in description


@pytest.mark.parametrize("org_id", ["rsj", "zjj", "jyj", "zgh"])
def test_each_department_calendar_holds_its_own_deadlines(site, catalog, base_url, org_id):
    cal = _read(site, urls.department_calendar(org_id))
    assert catalog.organizations[org_id].short_name in str(cal["X-WR-CALNAME"])
    _check_events(cal, _expected(catalog, org_id), base_url, catalog)


def test_departments_without_deadlines_get_no_empty_calendar(site, catalog):
    for org_id in catalog.organizations:
        exists = (site / urls.department_calendar(org_id)).is_file()
        assert exists == bool(_expected(catalog, org_id)) == calendars.has_calendar(catalog, org_id), org_id
    assert not (site / urls.department_calendar("mohrss")).exists()


def test_department_and_targets_pages_link_to_their_calendar(site):
    html = (site / "departments" / "rsj" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../calendar/departments/rsj.ics"' in html
    html = (site / urls.targets("daye-2023") / "index.html").read_text(encoding="utf-8")
    assert 'href="../../../calendar/daye-2023.ics"' in html
