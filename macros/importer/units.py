"""Units named in the text: "责任单位：…", "牵头单位：…", "配合单位：…" lines, "（责任单位：…）" at the end of
a task, "（A牵头，B配合）", and the columns of a 任务分工表."""
from __future__ import annotations

import re
from typing import Optional

from .model import Units

LEAD = r"牵头(?:责任)?(?:单位|部门)"
SUPPORT = r"(?:配合|协同|协办|参与)(?:责任)?(?:单位|部门)"
RESPONSIBLE = r"(?:责任|主责|承办)(?:单位|部门)"
KIND = rf"(?P<kind>{LEAD}|{SUPPORT}|{RESPONSIBLE})"
OPEN, CLOSE = r"[\[【（(〔]", r"[\]】）)〕]"
UNITS_LINE = re.compile(rf"^{OPEN}?\s*{KIND}\s*[:：]\s*(?P<names>.+?)\s*{CLOSE}?\s*[。；;]?$")
# Several statements in one bracket: "（牵头单位：A；配合单位：B）".
# A name may hold a bracket of its own: "各乡镇（街道）", "各县（市、区）".
NAME_CHARS = r"(?:[^；;\[【（(〔\]】）)〕]|[（(][^（）()]*[）)])"
STATEMENT = re.compile(rf"{KIND}\s*[:：]\s*(?P<names>{NAME_CHARS}+)")
TRAILING = re.compile(rf"\s*(?P<all>{OPEN}\s*(?:{LEAD}|{SUPPORT}|{RESPONSIBLE})\s*[:：](?:{NAME_CHARS}|[；;])*?{CLOSE})\s*[。；;]?$")
LEAD_PHRASE = re.compile(rf"\s*(?P<all>{OPEN}(?P<lead>[^（）()\[\]]+?)牵头[，,、；;]\s*(?P<support>[^（）()\[\]]+?)"
                         rf"(?:配合|参与|按职责分工负责|分工负责|负责){CLOSE})\s*[。；;]?$")
SEPARATORS = re.compile(r"[、，,；;]|\s+(?=[\u4e00-\u9fff])")


def is_units_line(text: str) -> bool:
    return bool(UNITS_LINE.match(text))


PROTECTED = re.compile(r"[（(][^（）()]*[）)]|各?县[、，,]\s*市[、，,]\s*区")  # "县（市、区）", "各县、市、区政府"


def split_names(text: str) -> list[str]:
    """The unit names of a list such as "市人社局、市发改委，各县、市、区政府等"."""
    protected = PROTECTED.sub(lambda match: match.group().replace("、", "\0").replace("，", "\1").replace(",", "\2"), text)
    names = []
    for name in SEPARATORS.split(protected):
        name = name.replace("\0", "、").replace("\1", "，").replace("\2", ",").strip(" 。.")
        name = re.sub(r"等(?:单位|部门)?$", "", name) if len(name) > 2 else name
        if name and name not in ("等", "等单位"):
            names.append(name)
    return names


def _add(units: Units, kind: str, names: list[str]) -> None:
    if re.fullmatch(LEAD, kind):
        units.lead += names
    elif re.fullmatch(SUPPORT, kind):
        units.support += names
    else:
        units.responsible += names


def units_of_line(text: str, line: int) -> Optional[Units]:
    """Units from a line of its own; None if the line is not a units statement."""
    if not UNITS_LINE.match(text):
        return None
    units = Units(text, line)
    for statement in STATEMENT.finditer(text):
        _add(units, statement.group("kind"), split_names(statement.group("names")))
    return units


def split_trailing_units(text: str, line: int) -> tuple[str, Optional[Units]]:
    """A task's text and the units statement in brackets at its end, if any."""
    match = TRAILING.search(text)
    if match:
        units = Units(match.group("all"), line)
        for statement in STATEMENT.finditer(match.group("all")):
            _add(units, statement.group("kind"), split_names(statement.group("names")))
        return text[: match.start()].rstrip(), units
    match = LEAD_PHRASE.search(text)
    if match:
        units = Units(match.group("all"), line, lead=split_names(match.group("lead")))
        support = re.sub(r"^(?:市|县|区)?(?:级)?各有关(?:部门|单位)(?:及)?", "", match.group("support"))
        units.support = split_names(support)
        return text[: match.start()].rstrip(), units
    return text, None


def merge(statements: list[Units]) -> Optional[Units]:
    """Consecutive statements about one item ("牵头单位：A" then "责任单位：B") as one."""
    if not statements:
        return None
    if len(statements) == 1:
        units = statements[0]
    else:
        units = Units("\n".join(s.source for s in statements), statements[0].line)
        for statement in statements:
            units.lead += statement.lead
            units.support += statement.support
            units.responsible += statement.responsible
    if units.lead and units.responsible and not units.support:
        # "牵头单位：A / 责任单位：B": beside a lead, the 责任单位 are those who carry it out with the lead.
        units.support, units.responsible = units.responsible, []
    return units


# A task's own deadline printed as a statement: "完成时限：2024年6月底前" on a line of its own, or in brackets
# at the end of the task ("（完成时限：长期坚持）"). The phrase goes into the task's ``deadline``.
DEADLINE_KIND = r"(?:完成时限|完成时间|完成期限|时间节点|时限要求|时限)"
DEADLINE_LINE = re.compile(rf"^{OPEN}?\s*{DEADLINE_KIND}\s*[:：]\s*(?P<phrase>[^\[【（(〔\]】）)〕]+?)\s*{CLOSE}?\s*[。；;]?$")
TRAILING_DEADLINE = re.compile(rf"\s*{OPEN}\s*{DEADLINE_KIND}\s*[:：]\s*(?P<phrase>[^\[【（(〔\]】）)〕]+?)\s*{CLOSE}\s*[。；;]?$")


def deadline_of_line(text: str) -> Optional[str]:
    """The phrase of a "完成时限：…" line, verbatim; None if the line is not one."""
    match = DEADLINE_LINE.match(text)
    return match.group("phrase").rstrip("。；;") if match else None


def split_trailing_deadline(text: str) -> tuple[str, Optional[str]]:
    """A task's text and the "（完成时限：…）" at its end, if any."""
    match = TRAILING_DEADLINE.search(text)
    if match:
        return text[: match.start()].rstrip(), match.group("phrase").rstrip("。；;")
    return text, None
