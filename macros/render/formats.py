"""How values are written on the page: targets, deadlines, periods."""
from __future__ import annotations

from .. import models

COMPARATOR_WORDS = {">=": "不少于", "<=": "不超过", "=": ""}


def number(value: float) -> str:
    return f"{value:g}"


def target_value(target: models.Target) -> str:
    """``不少于 5357 人``, ``5–10 家``, ``不少于 50%``."""
    space = "" if target.unit == "%" else " "
    if target.comparator == "range":
        return f"{number(target.min)}–{number(target.max)}{space}{target.unit}"
    words = COMPARATOR_WORDS[target.comparator]
    return f"{words} {number(target.value)}{space}{target.unit}".strip()


def target_symbol(target: models.Target) -> str:
    """The compact form used in tables: ``≥ 5357``."""
    if target.comparator == "range":
        return f"{number(target.min)}–{number(target.max)}"
    symbol = {">=": "≥", "<=": "≤", "=": "="}[target.comparator]
    return f"{symbol} {number(target.value)}"


def deadline_label(deadline: models.Deadline | None) -> str:
    """Our reading of a deadline, e.g. ``2023年第一季度``; empty when there is none."""
    return deadline.period.label if deadline else ""


FILTERS = {
    "target_value": target_value,
    "target_symbol": target_symbol,
    "deadline_label": deadline_label,
    "number": number,
}
