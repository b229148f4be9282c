"""Queries that make the site dependable to link to: which pages exist, what each citable thing is
called in a citation, which changes touched which page, and where redirects lead.

Everything here is computed from the validated catalog; templates, exports and tests ask this module.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from . import urls
from .catalog import Catalog, PlanBundle
from .render.formats import target_value

DOCS = Path(__file__).resolve().parent.parent / "docs"


# ---------------------------------------------------------------- the pages of the site


def _url_of_file(file: str) -> str:
    """``plans/x/tasks/t01.md`` → ``plans/x/tasks/t01/``; ``about/index.md`` → ``about/``."""
    if file == "index.md":
        return ""
    if file.endswith("/index.md"):
        return file[: -len("index.md")]
    return file[: -len(".md")] + "/"


def page_paths(catalog: Catalog, docs: Path = DOCS) -> set[str]:
    """Every page MkDocs builds: the generated ones and the hand-written ones in ``docs/``."""
    from .pages import site_pages  # pages imports render modules that may import this one

    generated, _ = site_pages(catalog)
    written = [str(path.relative_to(docs)) for path in docs.rglob("*.md")] if docs.is_dir() else []
    return {_url_of_file(file) for file in [page.file for page in generated] + written}


# ---------------------------------------------------------------- citations


@dataclass(frozen=True)
class Citable:
    """A page or anchor that a department may cite, and how to cite it."""

    path: str  # site path, with #anchor for a target
    label: str  # what it is, for the buttons' accessible names: "第13项任务"
    citation: str  # the citation without the URL
    embed: Optional[str] = None  # the path of its embeddable card


def book_title(title: str) -> str:
    """《title》, with the title's own 《》 turned into 〈〉 as Chinese punctuation nests them."""
    return "《" + title.replace("《", "〈").replace("》", "〉") + "》"


def plan_reference(bundle: PlanBundle) -> str:
    """大冶市《关于实施……实施方案》（征求意见稿）"""
    plan = bundle.plan
    return f"{plan.region}{book_title(plan.title)}（{plan.metadata.status}）"


def item_name(item) -> str:
    """第13项任务：开展“标准化安薪项目”选树活动, or a part's label and heading."""
    return f"第{item.number}项任务：{item.title}" if hasattr(item, "number") else f"{item.label}{item.heading}"


def target_phrase(target) -> str:
    """标准化安薪项目数量占比不少于 50%; “同心家园”公共服务综合体数量为5–10 家."""
    return f"{target.metric}{'' if target.comparator in ('>=', '<=') else '为'}{target_value(target)}"


def citables(catalog: Catalog) -> dict[str, Citable]:
    result: dict[str, Citable] = {}

    def add(citable: Citable) -> None:
        result[citable.path] = citable

    for bundle in catalog.plans.values():
        plan_id, source = bundle.id, plan_reference(bundle)
        add(Citable(urls.plan(plan_id), "本方案", f"{source}。"))
        add(Citable(urls.plan_text(plan_id), "方案全文", f"{source}全文。"))
        for part in bundle.parts:
            add(Citable(urls.part(plan_id, part.id), f"{part.label}{part.heading}",
                        f"{source}，{bundle.plan.tasks_heading}{part.label}{part.heading}。"))
        for item in bundle.items():
            if hasattr(item, "number"):
                add(Citable(urls.task(plan_id, item.id), f"第{item.number}项任务", f"{source}，{item_name(item)}。",
                            embed=urls.embed_task(plan_id, item.id)))
            for target in item.targets:
                when = f"，{target.deadline.text}" if target.deadline else ""
                add(Citable(
                    f"{urls.item(plan_id, item)}#{urls.target_anchor(target.id)}", f"目标：{target.metric}",
                    f"{source}，{item_name(item)}；目标：{target_phrase(target)}（{target.scope}{when}）。",
                ))
        for document in bundle.documents:
            issuers = "、".join(catalog.organizations[org].name for org in document.metadata.issuers)
            add(Citable(urls.document(plan_id, document.id), document.short_title,
                        f"{issuers}{book_title(document.title)}（文件状态：{document.metadata.status}）。"))
    embedded = embedded_departments(catalog)
    for org in catalog.organizations.values():
        plans = [bundle for bundle in catalog.plans.values() if bundle.items_of(org.id)]
        where = "、".join(plan_reference(bundle) for bundle in plans)
        add(Citable(urls.department(org.id), org.short_name,
                    f"{org.name}在{where}中负责的任务。" if plans else f"{org.name}（{org.short_name}）。",
                    embed=urls.embed_department(org.id) if org.id in embedded else None))
    return result


def embedded_departments(catalog: Catalog) -> list[str]:
    """Departments that get an embeddable card: those responsible for something."""
    return [org_id for org_id in catalog.organizations
            if any(bundle.items_of(org_id) for bundle in catalog.plans.values())]


# ---------------------------------------------------------------- the change log


def changes(catalog: Catalog) -> list:
    file = catalog.shared_files.get("changes.yaml")
    return sorted(file.changes, key=lambda change: change.date, reverse=True) if file else []


def redirects(catalog: Catalog) -> list:
    file = catalog.shared_files.get("redirects.yaml")
    return list(file.redirects) if file else []


class UnknownItem(ValueError):
    pass


def pages_of_item(catalog: Catalog, ref: str, pages: set[str]) -> set[str]:
    """The page paths a change's ``items`` entry stands for; raises UnknownItem with what is known."""
    kind, _, rest = ref.partition(":")
    if kind == "site":
        return set(pages)
    if kind == "page":
        if rest not in pages:
            raise UnknownItem(f"a page of the site, such as {', '.join(sorted(p for p in pages if p.count('/') == 1))}")
        return {rest}
    if kind == "department":
        if rest not in catalog.organizations:
            raise UnknownItem("an organization id, one of: " + ", ".join(sorted(catalog.organizations)))
        return {urls.department(rest)}
    plan_id, _, item_id = rest.partition("/")
    if plan_id not in catalog.plans:
        raise UnknownItem("a plan id, one of: " + ", ".join(sorted(catalog.plans)))
    bundle = catalog.plan(plan_id)
    if kind == "plan":
        return {page for page in pages if page.startswith(urls.plan(plan_id))}
    known = {
        "task": {task.id: urls.task(plan_id, task.id) for task in bundle.tasks},
        "part": {part.id: urls.part(plan_id, part.id) for part in bundle.parts},
        "document": {"plan-text": urls.plan_text(plan_id),
                     **{doc.id: urls.document(plan_id, doc.id) for doc in bundle.documents}},
    }[kind]
    if item_id not in known:
        raise UnknownItem(f"a {kind} id of plan {plan_id}, one of: " + ", ".join(known))
    return {known[item_id]}


@dataclass(frozen=True)
class PageDates:
    first: dt.date
    last: dt.date


def page_dates(catalog: Catalog, pages: set[str]) -> dict[str, PageDates]:
    """首次发布 / 最近更新 of every page that a change names."""
    result: dict[str, PageDates] = {}
    for change in changes(catalog):
        for ref in change.items:
            for page in pages_of_item(catalog, ref, pages):
                dates = result.get(page)
                result[page] = PageDates(min(dates.first, change.date), max(dates.last, change.date)) if dates \
                    else PageDates(change.date, change.date)
    return result


def chinese_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"
