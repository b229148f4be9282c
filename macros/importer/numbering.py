"""The numbering of Chinese official documents: 一、 （一） 1. （1） ①, kept exactly as printed."""
from __future__ import annotations

import re
from typing import NamedTuple, Optional

CHINESE = "一二三四五六七八九十"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# (level, pattern): the label is group "label", the number group "n". Half-width brackets and dots are
# the variants some websites and drafts use.
PATTERNS = [
    (1, re.compile(rf"^(?P<label>(?P<n>[{CHINESE}]{{1,3}})\s*[、，,．.])")),
    (2, re.compile(rf"^(?P<label>[（(]\s*(?P<n>[{CHINESE}]{{1,3}})\s*[）)][、，]?)")),
    (3, re.compile(r"^(?P<label>(?P<n>\d{1,3})\s*(?:[、．]|\.(?!\d)))")),
    (4, re.compile(r"^(?P<label>[（(]\s*(?P<n>\d{1,3})\s*[）)][、，]?)")),
    (5, re.compile(rf"^(?P<label>(?P<n>[{CIRCLED}]))")),
]


class Numbered(NamedTuple):
    level: int
    label: str  # as printed, without the space that may follow it
    value: int
    rest: str  # the text after the label


def chinese_value(text: str) -> int:
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (CHINESE.index(tens) + 1 if tens else 1) * 10 + (CHINESE.index(ones) + 1 if ones else 0)
    return CHINESE.index(text) + 1


def numbering_of(text: str) -> Optional[Numbered]:
    for level, pattern in PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        raw = match.group("n")
        if level in (1, 2):
            value = chinese_value(raw)
        elif level == 5:
            value = CIRCLED.index(raw) + 1
        else:
            value = int(raw)
        rest = text[match.end():].strip()
        if not rest:
            return None
        if level == 3 and re.match(r"\d|[年月日%万亿]", rest):
            return None  # "2023年…", "3.5%": a figure, not a label
        return Numbered(level, match.group("label").strip(), value, rest)
    return None
