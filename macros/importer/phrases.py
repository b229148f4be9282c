"""Deadline phrases and numeric targets in the official text: suggestions, each for review."""
from __future__ import annotations

import re
from typing import Optional

from macros.core.deadlines import interpret

from .model import Phrase

CN_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
DEADLINE = re.compile(
    r"(?:到|至|于)?\d{4}\s*年\s*(?:\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:底|末|中旬|上旬|下旬)?|[一二三四1-4]季度|上半年|下半年|年?底|末)?(?:前|以前|内)?"
    r"|(?<![第每])[一二三四]季度(?:末|底)?(?:前)?"
    r"|长期坚持|持续推进|常态化推进|每季度|每半年|每月|每年|春节前后|年底前|上半年|下半年"
)
TARGET = re.compile(
    r"(?P<before>不低于|不少于|达到|超过|至少[^\d，。；]{0,14}|控制在|不超过|不高于|(?<![签合节制公预条契])约)?\s*"
    r"(?P<low>\d+(?:\.\d+)?)\s*(?:(?P<dash>[-—~～至到])\s*(?P<high>\d+(?:\.\d+)?))?\s*"
    r"(?P<unit>%|个百分点|万人次|万人|人次|人|个|家|所|户|项|次|场|万元|亿元|元|公里|亩|套|处)"
    r"(?P<after>以上|以下|以内|左右)?"
)
CLAUSE = re.compile(r"[^。；;！？]+[。；;！？]?")
SCOPE = re.compile(r"(全市|全县|全区|全省|每个[^\d，。]{1,8}|各县（市、区）|各乡镇（街道）)")


def clauses(text: str):
    """(start, clause) of each sentence or clause of a text (split at 。；！？)."""
    for match in CLAUSE.finditer(text):
        if match.group().strip():
            yield match.start(), match.group()


def segment(sentence: str, start: int, end: int) -> str:
    """The comma-separated stretch of a sentence around [start, end)."""
    left = max(sentence.rfind(mark, 0, start) for mark in "，,：:")
    rights = [position for mark in "，,。；;！？" if (position := sentence.find(mark, end)) >= 0]
    return sentence[left + 1: min(rights) if rights else len(sentence)].strip()


def deadline_phrases(text: str, line: int) -> list[Phrase]:
    found = []
    for _, clause in clauses(text):
        for match in DEADLINE.finditer(clause):
            if re.fullmatch(r"\d{4}\s*年", match.group()) and not _year_is_deadline(clause, match):
                continue
            found.append(Phrase(match.group(), clause.rstrip("。；;！？"), line,
                                segment=segment(clause, match.start(), match.end())))
    return found


def _year_is_deadline(clause: str, match: re.Match) -> bool:
    """"2023 年全市…务工规模不低于…" is a deadline; "2023年是…之年" and "关于…2023年…的通知" are not."""
    after = clause[match.end(): match.end() + 2]
    return not after.startswith(("是", "的", "度", "以来", "版")) and bool(TARGET.search(clause[match.end():]))


RECURRING_WORDS = (("每月", "monthly"), ("每季度", "quarterly"), ("每季", "quarterly"), ("每年", "yearly"))


def deadline_value(phrase: str, plan_year: Optional[int]) -> tuple[Optional[str], Optional[str]]:
    """(value in the schema's forms, inferred note) for a phrase, or (None, None) if it cannot be read.

    The loader's own reading (``macros.core.deadlines.interpret``) comes first: what it reads needs no
    note. A phrase without its year ("一季度", "6月底前", "每季度") is read in the plan's year, with an
    ``inferred`` note saying so.
    """
    read = interpret(phrase)
    if read is not None:
        return read, None
    compact = re.sub(r"\s+", "", phrase)
    stripped = re.sub(r"^(?:到|至|于)", "", compact)
    if stripped != compact and (read := interpret(stripped)) is not None:
        return read, None  # "到2025年底": the year is printed, only the 到 is in the way
    if compact.startswith("春节前后"):
        return "spring-festival", None
    if plan_year is None:
        return None, None
    for word, frequency in RECURRING_WORDS:
        if word in compact:
            return f"{frequency}@{plan_year}", (f"原文写“{phrase}”，没有写从哪一年开始；导入时按方案年份 {plan_year} 推定，待审核。")
    read = interpret(f"{plan_year}年{stripped}")
    if read is not None and read != "continuous":
        return read, f"原文只写“{phrase}”，没有写年份；导入时按方案年份 {plan_year} 推定，待审核。"
    return None, None


def deadline_entry(phrase: str, plan_year: Optional[int]) -> Optional[dict]:
    """A ``Deadline`` for the data: ``{text}`` alone when the loader reads the phrase by itself, else the text
    with an explicit ``value`` (and ``inferred`` note); None when no value can be suggested."""
    if interpret(phrase) is not None:
        return {"text": phrase}
    value, inferred = deadline_value(phrase, plan_year)
    if value is None:
        return None
    return {"text": phrase, "value": value, **({"inferred": inferred} if inferred else {})}


def is_dated(value: str) -> bool:
    """A value with a due date (or the Spring Festival): one that makes a milestone, unlike 长期坚持 or 每季度."""
    return value != "continuous" and value != "none" and "@" not in value


def target_phrases(text: str, line: int) -> list[Phrase]:
    found = []
    for _, clause in clauses(text):
        for match in TARGET.finditer(clause):
            if match.group("before") or match.group("after") or match.group("dash"):
                found.append(Phrase(match.group().strip(), clause.rstrip("。；;！？"), line, kind="target",
                                    segment=segment(clause, match.start(), match.end())))
    return found


def target_fields(phrase: Phrase) -> dict:
    """metric, comparator, value (or min/max), unit and scope suggested for a target phrase."""
    match = TARGET.search(phrase.text)
    before, after = match.group("before") or "", match.group("after") or ""
    fields: dict = {}
    if match.group("dash"):
        fields.update(comparator="range", min=_number(match.group("low")), max=_number(match.group("high")))
    else:
        comparator = "<=" if (before in ("不超过", "不高于") or after in ("以下", "以内")) else (
            "approx" if after == "左右" or before == "约" else "=" if before == "控制在" else ">=")
        fields.update(comparator=comparator, value=_number(match.group("low")))
    fields["unit"] = match.group("unit")
    start = phrase.segment.find(phrase.text)
    metric = phrase.segment[:start] if start > 0 else phrase.segment
    scope = SCOPE.search(phrase.segment) or SCOPE.search(phrase.sentence)
    metric = DEADLINE.sub("", metric)
    if scope:
        metric = metric.replace(scope.group(1), "", 1)
    metric = re.sub(r"^(?:确保|推进|力争|实现|努力实现|到|累计|评选|新增)+", "", metric.strip()).strip(" ，,")
    if before.startswith("至少") and len(before) > 2:  # "至少配备专（兼）职就业服务人员 1 人"
        metric = re.sub(r"^(?:配备|建成|建设|培训|新增|达到|开展)", "", before[2:].strip())
    fields["metric"] = metric or phrase.segment
    fields["scope"] = scope.group(1) if scope else None
    return fields


def _number(text: str):
    value = float(text)
    return int(value) if value.is_integer() else value
