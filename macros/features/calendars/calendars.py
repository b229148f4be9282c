"""Deadlines as iCalendar feeds: one for each plan, one for each department that has deadlines.

A deadline that names a period (一季度, 2023年底, 2023年) becomes an all-day event spanning that period
and says so; a deadline at a time (7月6日下午16时) is an event at that time, Beijing time. A recurring
deadline without a date in the source (春节前后) is left out of the calendars, and each calendar says
so in its description: we do not invent a date for the Spring Festival.
"""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Callable
from zoneinfo import ZoneInfo

import icalendar

from macros.core import models, urls
from macros.core.catalog import Catalog, PlanBundle
from macros.core.formats import book_title, item_name, target_phrase

TIMEZONE = "Asia/Shanghai"  # the source's times are local times in Daye, Hubei
SPAN_NOTE = "这是一个时间段，不是某一天：日历里显示为整段时间，期限是时段的最后一天。"


@dataclass(frozen=True)
class Event:
    path: str  # site path (with anchor) of what the event is about; also its identity
    summary: str
    what: str  # where it comes from, e.g. "第1项任务：稳定县域就业岗位"
    deadline: models.Deadline
    units: tuple[str, ...]  # organizations the event concerns
    category: str  # 目标 / 时间节点 / 征求意见

    @property
    def dated(self) -> bool:
        return self.deadline.period.first_day is not None


_EVENTS: dict[int, tuple[PlanBundle, list[Event]]] = {}


def events(bundle: PlanBundle) -> list[Event]:
    """Every deadline of a plan, dated or not, soonest first (undated last); worked out once per plan."""
    cached = _EVENTS.get(id(bundle))
    if cached is None or cached[0] is not bundle:
        cached = _EVENTS[id(bundle)] = (bundle, _events(bundle))
    return cached[1]


def _events(bundle: PlanBundle) -> list[Event]:
    result = []
    for item in bundle.items():
        units = tuple(bundle.responsibility(item).units)
        page = urls.item(bundle.id, item)
        for target in item.targets:
            if target.deadline:
                result.append(Event(f"{page}#{urls.target_anchor(target.id)}",
                                    f"目标：{target_phrase(target)}（{target.scope}）", item_name(item),
                                    target.deadline, units, "目标"))
        for milestone in item.milestones:
            result.append(Event(f"{page}#{urls.milestone_anchor(milestone.id)}", milestone.what,
                                item_name(item), milestone.deadline, units, "时间节点"))
        if getattr(item, "deadline", None):  # a task's own 完成时限
            result.append(Event(page, f"完成：{item.title}", item_name(item), item.deadline, units, "完成时限"))
    for document in bundle.documents:
        if document.deadline:
            units = tuple(dict.fromkeys([*document.metadata.issuers, *document.recipients]))
            result.append(Event(urls.document(bundle.id, document.id), f"{document.short_title}：反馈截止",
                                f"{document.short_title}{book_title(document.title)}", document.deadline, units, "征求意见"))
    return sorted(result, key=lambda event: event.deadline.period.sort_key)


def undated_note(undated: list[Event]) -> str:
    if not undated:
        return ""
    listed = "；".join(f"{event.summary}（原文：“{event.deadline.text}”，{event.deadline.period.label}）" for event in undated)
    return f"没有列入日历的：{listed}。原文没有写具体日期，本站不推算日期。"


def _stamp(catalog: Catalog) -> dt.datetime:
    """DTSTAMP: when the data last changed (the change log), so that a rebuild gives the same file."""
    dates = [change.date for change in catalog.changes()]
    day = max(dates) if dates else dt.date(1970, 1, 1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def _vevent(event: Event, bundle: PlanBundle, catalog: Catalog, canonical: Callable[[str], str],
            stamp: dt.datetime) -> icalendar.Event:
    deadline, period = event.deadline, event.deadline.period
    url = canonical(event.path)
    vevent = icalendar.Event()
    vevent.add("uid", url)
    vevent.add("dtstamp", stamp)
    if period.kind == "time":
        vevent.add("dtstart", dt.datetime.combine(period.first_day, period.time, tzinfo=ZoneInfo(TIMEZONE)))
        when = f"原文：“{deadline.text}”，即{period.label}（北京时间）。"
        vevent.add("summary", f"{event.summary}（{deadline.text}）")
    elif period.rrule:  # recurring work (每季度…): a one-day reminder that repeats, from the stated year
        vevent.add("dtstart", period.first_day)
        vevent.add("dtend", period.first_day + dt.timedelta(days=1))
        vevent.add("rrule", icalendar.vRecur.from_ical(period.rrule))
        when = f"原文：“{deadline.text}”，即{period.label}。这是重复的工作，不是一个截止日期。"
        vevent.add("summary", f"【{period.label}】{event.summary}")
        vevent.add("transp", "TRANSPARENT")
    else:
        vevent.add("dtstart", period.first_day)
        vevent.add("dtend", period.last_day + dt.timedelta(days=1))  # all-day events end the next day
        span = "" if period.first_day == period.last_day else SPAN_NOTE
        when = f"原文：“{deadline.text}”，即{period.label}（{period.first_day.isoformat()} 至 {period.last_day.isoformat()}）。{span}"
        vevent.add("summary", f"【{period.label}】{event.summary}")
        vevent.add("transp", "TRANSPARENT")
    lines = [when]
    if deadline.inferred:
        lines.append(f"说明：{deadline.inferred}")
    lines += [
        f"出自：{bundle.plan.short_title}，{event.what}",
        "相关单位：" + "、".join(catalog.organizations[unit].short_name for unit in event.units),
        f"方案状态：{bundle.status.sentence}",
        f"网址：{url}",
    ]
    vevent.add("description", "\n".join(lines))
    vevent.add("url", url)
    vevent.add("categories", [event.category])
    return vevent


def calendar(catalog: Catalog, name: str, description: str, selected: list[tuple[PlanBundle, Event]],
             canonical: Callable[[str], str]) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", "-//policy-site//deadlines//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    undated = undated_note([event for _, event in selected if not event.dated])
    plans = dict.fromkeys(bundle for bundle, _ in selected)
    status = "\n".join(f"方案状态：{bundle.plan.short_title}：{bundle.status.sentence}" for bundle in plans)
    text = "\n".join(part for part in (description, status, undated) if part)
    for key, value in (("name", name), ("x-wr-calname", name), ("description", text), ("x-wr-caldesc", text),
                       ("x-wr-timezone", TIMEZONE)):
        cal.add(key, icalendar.vText(value))  # RFC 7986 and the widely read X-WR- names
    stamp = _stamp(catalog)
    for bundle, event in selected:
        if event.dated:
            cal.add_component(_vevent(event, bundle, catalog, canonical, stamp))
    add_timezones(cal)
    return cal


def add_timezones(cal: icalendar.Calendar) -> None:
    """The VTIMEZONE components the events need, exactly as ``add_missing_timezones()`` writes them, but
    worked out once per build: it scans every transition of 1970–2038 again for each calendar."""
    count = len(cal.timezones)
    for tzid in sorted(cal.get_missing_tzids()):
        cal.subcomponents.insert(count, _timezone(tzid))
        count += 1


@functools.lru_cache(maxsize=None)
def _timezone(tzid: str) -> icalendar.Timezone:
    return icalendar.Timezone.from_tzid(tzid)


def plan_calendar(catalog: Catalog, bundle: PlanBundle, canonical: Callable[[str], str]) -> icalendar.Calendar:
    feedback = "，以及征求意见的反馈截止时间" if any(d.deadline for d in bundle.documents) else ""
    return calendar(catalog, f"{bundle.plan.short_title}：时间节点",
                    f"《{bundle.plan.title}》{bundle.status.citation}中写明时间的目标和工作{feedback}。"
                    f"来源：{canonical(urls.targets(bundle.id))}",
                    [(bundle, event) for event in events(bundle)], canonical)


def department_events(catalog: Catalog, org_id: str) -> list[tuple[PlanBundle, Event]]:
    return [(bundle, event) for bundle in catalog.plans.values() for event in events(bundle) if org_id in event.units]


def has_calendar(catalog: Catalog, org_id: str) -> bool:
    """A department gets a calendar when at least one dated deadline concerns it (an empty one is not valid)."""
    return any(event.dated for _, event in department_events(catalog, org_id))


def department_calendar(catalog: Catalog, org_id: str, canonical: Callable[[str], str]) -> icalendar.Calendar:
    org = catalog.organizations[org_id]
    return calendar(catalog, f"{org.short_name}：时间节点",
                    f"{org.name}作为责任单位（或随附文件的发文、主送单位）涉及的时间节点。来源：{canonical(urls.department(org_id))}",
                    department_events(catalog, org_id), canonical)
