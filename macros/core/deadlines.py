"""Deadlines as printed, and what they mean: periods, not forced into a single date.

A deadline such as "2023年底" or "一季度" names a period. ``parse_period`` turns the ``value`` written
in the data into a ``Period`` with a first and a last day, so that calendars and timelines can show it
honestly as a span. Some deadlines have no date at all: recurring work (每季度 → an RRULE in the
calendars), continuous work (长期坚持, 持续推进: never overdue), an event of a stated year (2024年春节前)
or, said explicitly in the data, none. ``interpret`` reads the common printed phrases, so editors and
the importer may leave ``value`` out; a phrase it cannot read needs an explicit ``value``.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

FORMS = (
    "2023 (a year), 2023-end (end of year), 2023-H1 (a half year), 2023-Q1 (a quarter), 2023-06 (by the end "
    "of a month), 2023-07-06 (a day), 2023-07-06T16:00 (a time), 2023/2025 (a span of years), monthly@2024, "
    "quarterly@2024, yearly@2024 (recurring, from a year), continuous (长期坚持, 持续推进: no due date), "
    "2024/spring-festival or 2024/school-start (an event of that year), spring-festival (around the Spring "
    "Festival, every year), none (the source gives no date)"
)
RECURRING = {"spring-festival": "每年春节前后"}
FREQUENCIES = {"monthly": ("MONTHLY", "每月"), "quarterly": ("MONTHLY;INTERVAL=3", "每季度"), "yearly": ("YEARLY", "每年")}
EVENTS = {"spring-festival": "春节前", "school-start": "秋季开学前", "year-end": "年底前"}
# Kinds whose period has a last day: only these can be overdue.
DATED = {"year", "year-end", "half", "quarter", "month", "day", "time", "span"}


@dataclass(frozen=True)
class Period:
    kind: str  # year | year-end | half | quarter | month | day | time | span | recurring | continuous | event | none
    year: Optional[int]
    first_day: Optional[dt.date]
    last_day: Optional[dt.date]
    time: Optional[dt.time] = None
    label: str = ""
    rrule: Optional[str] = None  # for recurring periods with a start: FREQ=…, from first_day

    @property
    def dated(self) -> bool:
        return self.kind in DATED

    @property
    def sort_key(self) -> tuple:
        # Periods without a date sort after every dated one.
        return (self.last_day or dt.date.max, self.time or dt.time.max)

    def overdue(self, today: dt.date) -> bool:
        """Past its last day. Only a dated period can be overdue; recurring and continuous work never is."""
        return self.dated and self.last_day is not None and self.last_day < today

    def iso(self) -> Optional[str]:
        """The period as an ISO 8601 date, interval or date-time; None if it has no date."""
        if not self.dated:
            return None
        if self.kind == "time":
            return dt.datetime.combine(self.first_day, self.time).isoformat(timespec="minutes")
        if self.first_day == self.last_day:
            return self.first_day.isoformat()
        return f"{self.first_day.isoformat()}/{self.last_day.isoformat()}"


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def parse_period(value: str) -> Period:
    value = str(value).strip()
    if value in RECURRING:
        return Period("recurring", None, None, None, label=RECURRING[value])
    if value == "continuous":
        return Period("continuous", None, None, None, label="长期持续，没有截止日期")
    if value == "none":
        return Period("none", None, None, None, label="原文没有写时间")
    if m := re.fullmatch(r"(monthly|quarterly|yearly)@(\d{4})", value):
        rule, words = FREQUENCIES[m[1]]
        year = int(m[2])
        return Period("recurring", year, dt.date(year, 1, 1), None, label=f"自{year}年起{words}", rrule=f"FREQ={rule}")
    if m := re.fullmatch(r"(\d{4})/(spring-festival|school-start|year-end)", value):
        year = int(m[1])
        return Period("event", year, None, None, label=f"{year}年{EVENTS[m[2]]}")
    if m := re.fullmatch(r"(\d{4})/(\d{4})", value):
        first, last = int(m[1]), int(m[2])
        if last <= first:
            raise ValueError(f"a span of years whose last year ({last}) comes after its first ({first})")
        return Period("span", first, dt.date(first, 1, 1), dt.date(last, 12, 31), label=f"{first}—{last}年")
    if m := re.fullmatch(r"(\d{4})", value):
        year = int(m[1])
        return Period("year", year, dt.date(year, 1, 1), dt.date(year, 12, 31), label=f"{year}年内")
    if m := re.fullmatch(r"(\d{4})-end", value):
        year = int(m[1])
        return Period("year-end", year, dt.date(year, 12, 1), dt.date(year, 12, 31), label=f"{year}年底前")
    if m := re.fullmatch(r"(\d{4})-H([12])", value):
        year, half = int(m[1]), int(m[2])
        first_month = 1 if half == 1 else 7
        return Period("half", year, dt.date(year, first_month, 1), _month_end(year, first_month + 5),
                      label=f"{year}年{'上' if half == 1 else '下'}半年")
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        year, quarter = int(m[1]), int(m[2])
        first_month = 3 * quarter - 2
        return Period("quarter", year, dt.date(year, first_month, 1), _month_end(year, first_month + 2),
                      label=f"{year}年第{'一二三四'[quarter - 1]}季度")
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            year, month = int(m[1]), int(m[2])
            return Period("month", year, dt.date(year, month, 1), _month_end(year, month), label=f"{year}年{month}月底前")
        if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})", value):
            day = dt.date.fromisoformat(m[1])
            return Period("day", day.year, day, day, label=f"{day.year}年{day.month}月{day.day}日")
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", value):
            moment = dt.datetime.fromisoformat(value)
            return Period(
                "time", moment.year, moment.date(), moment.date(), moment.time(),
                label=f"{moment.year}年{moment.month}月{moment.day}日{moment.hour}时"
                + (f"{moment.minute}分" if moment.minute else ""),
            )
    except ValueError:
        pass
    raise ValueError(f"a deadline value that can be read (this one cannot), one of: {FORMS}")


# ---------------------------------------------------------------- reading printed phrases

CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
             "十一": 11, "十二": 12}
_MONTH = r"(\d{1,2}|十[一二]?|[一二三四五六七八九])"
_YEAR = r"(\d{4})\s*年"
CONTINUOUS = ("长期坚持", "持续推进", "长期推进", "持续开展", "常态化", "长期")
RECURRING_WORDS = {"每月": "monthly", "每季度": "quarterly", "每季": "quarterly", "每年": "yearly"}


def _number(text: str) -> int:
    return int(text) if text.isdigit() else CN_DIGITS[text]


def interpret(text: str) -> Optional[str]:
    """The ``value`` for a printed deadline phrase, or None if the phrase cannot be read without a guess.

    Only phrases that say their year are read as dated; 一季度 without a year needs a value and an
    ``inferred`` note, as before. Recurring phrases (每季度) need a start year: also given in the data.
    """
    phrase = re.sub(r"\s+", "", text)
    if any(word in phrase for word in CONTINUOUS):
        return "continuous"
    if m := re.fullmatch(r"(\d{4})(?:年)?[—–\-~至到](\d{4})年?", phrase):
        return f"{m[1]}/{m[2]}"
    year = re.match(_YEAR, phrase)
    if not year:
        return None
    y, rest = year[1], phrase[year.end():]
    rest = re.sub(r"(前|以前|之前|内|完成)$", "", rest)
    if rest in ("", "全年", "年内"):
        return y
    if rest in ("底", "年底", "末", "年末"):
        return f"{y}-end"
    if rest in ("上半年",):
        return f"{y}-H1"
    if rest in ("下半年",):
        return f"{y}-H2"
    if m := re.fullmatch(r"(?:第)?([一二三四1-4])季度(?:末|底)?", rest):
        return f"{y}-Q{_number(m[1])}"
    if m := re.fullmatch(_MONTH + r"月(?:底|末|份)?", rest):
        return f"{y}-{_number(m[1]):02d}"
    if m := re.fullmatch(_MONTH + r"月(\d{1,2})日", rest):
        return f"{y}-{_number(m[1]):02d}-{int(m[2]):02d}"
    if rest in ("春节", "春节前后"):
        return f"{y}/spring-festival"
    if rest in ("秋季开学", "秋季开学前"):
        return f"{y}/school-start"
    return None
