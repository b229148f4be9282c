"""Machine-readable deadlines: periods, not forced into a single date.

A deadline such as "2023年底" or "一季度" names a period. ``parse_period`` turns the ``value``
written in the data into a ``Period`` with a first and a last day, so that calendars and timelines can
show it honestly as a span.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

FORMS = (
    "2023 (a year), 2023-end (end of year), 2023-Q1 (a quarter), 2023-07-06 (a day), "
    "2023-07-06T16:00 (a time), spring-festival (around the Spring Festival, every year)"
)

RECURRING = {"spring-festival": "每年春节前后"}


@dataclass(frozen=True)
class Period:
    kind: str  # year | year-end | quarter | day | time | recurring
    year: Optional[int]
    first_day: Optional[dt.date]
    last_day: Optional[dt.date]
    time: Optional[dt.time] = None
    label: str = ""

    @property
    def sort_key(self) -> tuple:
        # Recurring periods have no date; they sort after every dated one.
        return (self.last_day or dt.date.max, self.time or dt.time.max)

    def iso(self) -> Optional[str]:
        """The period as an ISO 8601 date, interval or date-time; None if it has no date."""
        if self.first_day is None or self.last_day is None:
            return None
        if self.kind == "time":
            return dt.datetime.combine(self.first_day, self.time).isoformat(timespec="minutes")
        if self.first_day == self.last_day:
            return self.first_day.isoformat()
        return f"{self.first_day.isoformat()}/{self.last_day.isoformat()}"


def parse_period(value: str) -> Period:
    value = str(value).strip()
    if value in RECURRING:
        return Period("recurring", None, None, None, label=RECURRING[value])
    if m := re.fullmatch(r"(\d{4})", value):
        year = int(m[1])
        return Period("year", year, dt.date(year, 1, 1), dt.date(year, 12, 31), label=f"{year}年内")
    if m := re.fullmatch(r"(\d{4})-end", value):
        year = int(m[1])
        return Period("year-end", year, dt.date(year, 12, 1), dt.date(year, 12, 31), label=f"{year}年底前")
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        year, quarter = int(m[1]), int(m[2])
        first_month = 3 * quarter - 2
        last_day = calendar.monthrange(year, first_month + 2)[1]
        return Period(
            "quarter", year, dt.date(year, first_month, 1), dt.date(year, first_month + 2, last_day),
            label=f"{year}年第{'一二三四'[quarter - 1]}季度",
        )
    try:
        if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})", value):
            day = dt.date.fromisoformat(m[1])
            return Period("day", day.year, day, day, label=f"{day.year}年{day.month}月{day.day}日")
        if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})", value):
            moment = dt.datetime.fromisoformat(value)
            return Period(
                "time", moment.year, moment.date(), moment.date(), moment.time(),
                label=f"{moment.year}年{moment.month}月{moment.day}日{moment.hour}时"
                + (f"{moment.minute}分" if moment.minute else ""),
            )
    except ValueError:
        pass
    raise ValueError(f"a deadline value that can be read (this one cannot), one of: {FORMS}")
