"""The site's change log (``policy_data/changes.yaml``): what this project changed, when and where.

Shared by every feature that dates something: 首次发布 / 最近更新 on pages, the 信息截至 date of
print, calendar stamps and the Atom feed.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal, Optional

from pydantic import Field

from . import urls
from .catalog import Catalog
from .models import Model, Slug, Text, matching
from .site_map import site_map

ItemRef = matching(
    r"^(site|plan:[a-z0-9-]+|(task|part|document):[a-z0-9-]+/[a-z0-9-]+|department:[a-z0-9-]+"
    r"|page:([a-z0-9]+([-_.][a-z0-9]+)*/)*)$",
    "site, plan:<plan>, task:<plan>/<task>, part:<plan>/<part>, document:<plan>/<document>, "
    "department:<organization> or page:<page path>",
    "受影响的内容：site（全站）、plan:<方案>（方案的所有网页）、task:<方案>/<任务>、part:<方案>/<部分>、"
    "document:<方案>/<文件>、department:<单位>、page:<网页路径>（手写的网页，如 page:about/urls/）",
)


class Change(Model):
    """One entry of the site's change log: what this project changed, when, and where."""

    id: Slug = Field(description="更新标识，用作锚点 #change-<id> 和订阅源里的条目标识，发布后不要修改")
    date: dt.date = Field(description="本站作出这次更改的日期（不是政府文件的日期）")
    kind: Literal["首次发布", "更新", "更正"] = Field(description="首次发布、更新（内容增加或改动）、更正（改正错误）")
    title: Text = Field(description="标题，简短，如“本站第一版”；订阅源里显示为条目标题")
    summary: Text = Field(description="改了什么，一两句话")
    items: list[ItemRef] = Field(min_length=1, description="受影响的内容")
    note: Optional[Text] = Field(default=None, description="补充说明，如日期的来历")


class ChangeList(Model):
    changes: list[Change] = Field(min_length=1)


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


def page_dates(catalog: Catalog) -> dict[str, PageDates]:
    """首次发布 / 最近更新 of every page that a change names."""
    pages = site_map(catalog).paths
    result: dict[str, PageDates] = {}
    for change in catalog.changes():
        for ref in change.items:
            for page in pages_of_item(catalog, ref, pages):
                dates = result.get(page)
                result[page] = PageDates(min(dates.first, change.date), max(dates.last, change.date)) if dates \
                    else PageDates(change.date, change.date)
    return result
