"""Document metadata from the title area, the covering documents and a web page's metadata table."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

from .model import Line, SourceDocument
from .organizations import LEVEL_PREFIX, org_region
from .structure import DATE, ORG_END

DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}\s*[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d{1,4}\s*号")
HEADER = re.compile(r"^(?P<issuer>.+?)\s*文件$")


@dataclass
class Metadata:
    region: str = ""
    year: Optional[int] = None
    issuer: Optional[str] = None
    issuer_line: Optional[int] = None
    doc_number: Optional[str] = None
    written: Optional[tuple[str, str]] = None  # (text as printed, ISO date)
    published: Optional[tuple[str, str]] = None
    index_number: Optional[str] = None
    topic: Optional[str] = None
    stage: str = "consultation"  # the schema's status.stage, as guessed: consultation | submitted | issued
    stage_evidence: str = ""  # why: the words of the source the guess rests on


def read_metadata(document: SourceDocument) -> Metadata:
    found = Metadata()
    page = document.page_metadata
    front = document.front
    for line in front:
        if match := HEADER.match(line.text):
            found.issuer, found.issuer_line = match.group("issuer"), line.line
            break
    dates = [(i, line) for i, line in enumerate(front) if DATE.match(line.text)]
    if dates:
        index, line = dates[-1]
        found.written = (line.text, _iso(line.text))
        signer = front[index - 1] if index > 0 else None
        if found.issuer is None and signer is not None and ORG_END.search(signer.text) and len(signer.text) <= 30:
            found.issuer, found.issuer_line = signer.text, signer.line
        document.note(line.line, "元数据", f"成文日期取自落款日期“{line.text}”，请核对")
    if found.issuer is None and page.get("issuer"):
        found.issuer = page["issuer"]
    if found.issuer is None and (match := re.match(r"^(.{4,30}?)关于", document.title)) and ORG_END.search(match.group(1)):
        found.issuer, found.issuer_line = match.group(1), document.title_line  # "滁州市人民政府关于…的通知"
    # The plan's own number stands on a line of its own (or opens the line); numbers in brackets are citations.
    numbers = [(line.line, match.group()) for line in front + [Line(document.title, document.title_line or 1)]
               for match in [DOC_NUMBER.match(line.text.strip())] if match]
    if page.get("doc_number") and (match := DOC_NUMBER.search(page["doc_number"])):
        numbers.insert(0, (None, match.group()))
    if numbers:
        found.doc_number = re.sub(r"\s+", "", numbers[0][1])
        document.note(numbers[0][0], "元数据", f"发文字号识别为“{found.doc_number}”，请核对")
    for key in ("written_date", "published_date"):
        if page.get(key) and (iso := _iso(page[key])):
            setattr(found, "written" if key == "written_date" else "published", (page[key], iso))
    found.index_number, found.topic = page.get("index_number"), page.get("topic")
    found.region = _region(document, found.issuer)
    found.year = _year(document, found)
    found.stage, found.stage_evidence = _stage(document, found)
    return found


def _iso(text: str) -> Optional[str]:
    match = re.search(r"(\d{4})\s*[年\-./]\s*(\d{1,2})\s*[月\-./]\s*(\d{1,2})", text)
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3))).isoformat()
    except ValueError:
        return None


def _region(document: SourceDocument, issuer: Optional[str]) -> str:
    for text in (issuer or "", document.title):
        region = org_region(text)
        if region and len(region) >= 3:
            return region
    match = LEVEL_PREFIX.match(document.title)
    return match.group(0) if match else ""


def _year(document: SourceDocument, found: Metadata) -> Optional[int]:
    preamble = "".join(line.text for line in document.preamble)
    for origin, text in (("标题", document.title), ("前言", preamble)):
        for match in re.finditer(r"(20\d{2})\s*年", text):
            if not re.match(r"\s*[〕\]）)]", text[match.end() - 1:]):
                document.note(document.title_line, "元数据", f"方案年份取{origin}中的“{match.group()}”，请核对")
                return int(match.group(1))
    for value in (found.written, found.published):
        if value:
            return int(value[1][:4])
    if found.doc_number and (match := re.search(r"\d{4}", found.doc_number)):
        return int(match.group())
    return None


CONSULTATION_MARKS = ("征求意见", "讨论稿", "草案", "代拟稿")


def _stage(document: SourceDocument, found: Metadata) -> tuple[str, str]:
    """The stage of the schema's ``status`` and the evidence for it. Always a guess, always reviewed:
    the writer lists it as an open item whatever it is."""
    mark = re.sub(r"[（()）\s]", "", document.status_line or "")
    if mark and any(word in mark for word in CONSULTATION_MARKS):
        return "consultation", f"标题下的“{document.status_line}”"
    if "征求意见" in document.title:
        return "consultation", "标题含“征求意见”"
    if mark == "送审稿":
        return "submitted", f"标题下的“{document.status_line}”"
    date = found.written or found.published
    if found.doc_number and date:
        return "issued", f"发文字号“{found.doc_number}”和日期“{date[0]}”"
    if found.doc_number or date:
        what = f"发文字号“{found.doc_number}”" if found.doc_number else f"日期“{date[0]}”"
        missing = "印发日期" if found.doc_number else "发文字号"
        return "consultation", f"只有{what}，没有{missing}（issued 两者都要）"
    return "consultation", ""
