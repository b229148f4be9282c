"""How values are written everywhere (pages, citations, calendars, exports): targets, deadlines, dates,
titles and item names. One function per way of writing a thing."""
from __future__ import annotations

import datetime as dt

from . import models

COMPARATOR_WORDS = {">=": "不少于", "<=": "不超过", "=": "", "approx": "约"}


def number(value: float) -> str:
    return f"{value:g}"


def target_value(target: models.Target) -> str:
    """``不少于 5357 人``, ``5–10 家``, ``不少于 50%``."""
    space = "" if target.unit == "%" else " "
    if target.comparator == "range":
        return f"{number(target.min)}–{number(target.max)}{space}{target.unit}"
    words = COMPARATOR_WORDS[target.comparator]
    return f"{words} {number(target.value)}{space}{target.unit}".strip()


def chinese_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def book_title(title: str) -> str:
    """《title》, with the title's own 《》 turned into 〈〉 as Chinese punctuation nests them."""
    return "《" + title.replace("《", "〈").replace("》", "〉") + "》"


def item_name(item) -> str:
    """第13项任务：开展“标准化安薪项目”选树活动, or a part's label and heading."""
    return f"第{item.number}项任务：{item.title}" if isinstance(item, models.Task) else f"{item.label}{item.heading}"


def target_phrase(target: models.Target) -> str:
    """标准化安薪项目数量占比不少于 50%; “同心家园”公共服务综合体数量为5–10 家."""
    return f"{target.metric}{'' if target.comparator in ('>=', '<=', 'approx') else '为'}{target_value(target)}"


FILTERS = {
    "chinese_date": chinese_date,
    "target_value": target_value,
    "number": number,
}
