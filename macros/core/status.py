"""Where a plan stands, in words: the one wording table of the site.

Every sentence that states or depends on a plan's or a document's status — the line at the top of each
page, page titles, the home page, print headers, PDFs, leaflets, embeds, calendars, the Atom feed, the
open data, citations — comes from ``WORDING`` through ``status_of``. A test fails when a status phrase
appears anywhere else in the code, templates or hand-written pages. A consultation draft is open or
closed by its dates and the build date (``build_date``: SOURCE_DATE_EPOCH's day, else today).
"""
from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from dataclasses import dataclass
from typing import Optional

from .formats import chinese_date
from .models import Status


@dataclass(frozen=True)
class Wording:
    label: str  # 征求意见稿, 现行有效, …: beside titles, in tables, in citations
    line: str  # one short line at the top of every page of the plan
    sentence: str  # the fuller statement: plan overview, print, PDFs, calendars, feeds, open data
    intro: str  # how the home page and the guides introduce what the plan says
    final: bool  # True once the text is the one in force (or was): issued, revised, repealed, expired
    in_force: bool  # True while it applies


_DRAFT_BASIS = "内容可能修改，以正式印发的文件为准。"
WORDING: dict[str, Wording] = {
    "consultation-open": Wording(
        "征求意见稿", "征求意见稿：正在征求意见（截至{until}），尚未正式印发。",
        "本方案是征求意见稿，正在征求意见，截至{until}；尚未正式印发。" + _DRAFT_BASIS,
        "{region}起草了这个方案，正在征求意见。", False, False),
    "consultation-closed": Wording(
        "征求意见稿", "征求意见稿：意见征集已于{until}截止，正式文件尚未在本站发布。",
        "本方案是征求意见稿。意见征集已于{until}截止；正式印发的文件尚未在本站发布。" + _DRAFT_BASIS,
        "{region}起草了这个方案，意见征集已经截止，正式文件尚未在本站发布。", False, False),
    "consultation": Wording(
        "征求意见稿", "征求意见稿：尚未正式印发。", "本方案是征求意见稿，尚未正式印发。" + _DRAFT_BASIS,
        "{region}起草了这个方案，正在征求意见。", False, False),
    "submitted": Wording(
        "送审稿", "送审稿：已报送审定，尚未正式印发。", "本方案是送审稿，已报送审定，尚未正式印发。" + _DRAFT_BASIS,
        "{region}起草了这个方案，已报送审定。", False, False),
    "issued": Wording(
        "现行有效", "现行有效：{issued}印发（{doc_number}）。", "本方案已于{issued}正式印发（{doc_number}），现行有效。",
        "{region}于{issued}印发了这个方案。", True, True),
    "revised": Wording(
        "已修订", "已修订：{issued}印发（{doc_number}），{revised}经{revised_by}修订。",
        "本方案于{issued}印发（{doc_number}），{revised}经{revised_by}修订；请以修订后的规定为准。",
        "{region}于{issued}印发了这个方案，{revised}作了修订。", True, True),
    "repealed": Wording(
        "已废止", "已废止：{ended}由{ended_by}废止，仅供查阅。",
        "本方案于{issued}印发（{doc_number}），{ended}由{ended_by}废止，不再执行，本站仅保留供查阅。",
        "{region}于{issued}印发了这个方案，{ended}已废止。", True, False),
    "expired": Wording(
        "已失效", "已失效：{ended}起失效，仅供查阅。",
        "本方案于{issued}印发（{doc_number}），{ended}起失效，不再执行，本站仅保留供查阅。",
        "{region}于{issued}印发了这个方案，{ended}起已失效。", True, False),
}
SITE_SUMMARY = "本站介绍 {count} 个方案：{statuses}。各方案的状态写在各自网页的顶部。"


@dataclass(frozen=True)
class StatusView:
    key: str  # a key of WORDING
    label: str
    line: str
    sentence: str
    intro: str
    final: bool
    in_force: bool

    @property
    def citation(self) -> str:
        """What follows a plan's title in a citation: （征求意见稿） or （现行有效）."""
        return f"（{self.label}）"


def build_date() -> dt.date:
    """The day the build judges by (consultation open or closed, overdue): SOURCE_DATE_EPOCH's, else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


def consultation_end(status: Status, documents=()) -> Optional[dt.date]:
    """The last day of the consultation: the status's own date, else the earliest feedback deadline."""
    deadlines = [status.consultation_until] if status.consultation_until else [d.deadline for d in documents if d.deadline]
    days = [deadline.period.last_day for deadline in deadlines if deadline and deadline.period.last_day]
    return min(days) if days else None


def status_of(status: Status, region: str = "", documents=(), today: Optional[dt.date] = None) -> StatusView:
    today = today or build_date()
    key = status.stage
    until = None
    if key == "consultation" and (until := consultation_end(status, documents)):
        key = "consultation-open" if until >= today else "consultation-closed"
    wording = WORDING[key]
    facts = {
        "region": region or "当地", "until": chinese_date(until) if until else "",
        "issued": chinese_date(status.issued_on) if status.issued_on else "", "doc_number": status.doc_number or "",
        "revised": chinese_date(status.revised_on) if status.revised_on else "", "revised_by": status.revised_by or "",
        "ended": chinese_date(status.ended_on) if status.ended_on else "", "ended_by": status.ended_by or "",
    }
    return StatusView(key, wording.label, wording.line.format(**facts), wording.sentence.format(**facts),
                      wording.intro.format(**facts), wording.final, wording.in_force)


def plan_status(bundle, today: Optional[dt.date] = None) -> StatusView:
    plan = bundle.plan
    return status_of(plan.status, plan.region, bundle.documents, today)


def document_status(bundle, document, today: Optional[dt.date] = None) -> StatusView:
    """A source document's own status, else its plan's."""
    if document.status is None:
        return plan_status(bundle, today)
    return status_of(document.status, bundle.plan.region, [document], today)


def site_status(catalog, today: Optional[dt.date] = None) -> str:
    """The line for pages that belong to no single plan: the plan's own line when the site has one plan."""
    views = [plan_status(bundle, today) for bundle in catalog.plans.values()]
    if len(views) == 1:
        return views[0].line
    counts = Counter(view.label for view in views)
    return SITE_SUMMARY.format(count=len(views), statuses="、".join(f"{label} {n} 个" for label, n in counts.items()))
