"""The schema of the files that keep links dependable: ``redirects.yaml`` and ``changes.yaml``.

Both are shared by every plan and optional. Whether a path is a page of the site, and whether an item
named in a change exists, is checked in ``macros/checks_linking.py``.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal, Optional

from pydantic import AfterValidator, Field

from .models import Model, Slug, Text

def _matching(pattern: str, expected: str, description: str):
    """A text type checked against ``pattern``, with an error message that says what is expected."""
    compiled = re.compile(pattern)

    def check(value: str) -> str:
        if not compiled.fullmatch(value):
            raise ValueError(expected)
        return value

    return Annotated[str, AfterValidator(check), Field(description=description, json_schema_extra={"pattern": pattern})]


PagePath = _matching(
    r"^([a-z0-9]+([-_.][a-z0-9]+)*/)+$",
    "a path below the site's address, without the domain or a leading /, ending in /, "
    "such as plans/daye-2023/tasks/t01/",
    "网站内一个网页的路径，不带域名、不带开头的 /，以 / 结尾，如 plans/daye-2023/tasks/t01/",
)
PageLink = _matching(
    r"^([a-z0-9]+([-_.][a-z0-9]+)*/)*(#[a-z0-9]+(-[a-z0-9]+)*)?$",
    "a page path as above, optionally with an #anchor, such as plans/daye-2023/tasks/t05/#target-labour-brands",
    "网站内的网页路径，可以带锚点，如 plans/daye-2023/tasks/t05/#target-labour-brands",
)
ItemRef = _matching(
    r"^(site|plan:[a-z0-9-]+|(task|part|document):[a-z0-9-]+/[a-z0-9-]+|department:[a-z0-9-]+"
    r"|page:([a-z0-9]+([-_.][a-z0-9]+)*/)*)$",
    "site, plan:<plan>, task:<plan>/<task>, part:<plan>/<part>, document:<plan>/<document>, "
    "department:<organization> or page:<page path>",
    "受影响的内容：site（全站）、plan:<方案>（方案的所有网页）、task:<方案>/<任务>、part:<方案>/<部分>、"
    "document:<方案>/<文件>、department:<单位>、page:<网页路径>（手写的网页，如 page:about/urls/）",
)


class Redirect(Model):
    """An address that was published once and now leads to another page."""

    from_: PagePath = Field(alias="from", description="以前发布过、现在不再生成的网址路径")
    to: PageLink = Field(description="现在应该去的网页（必须是本站生成的网页）")
    date: dt.date = Field(description="设立转址的日期（本站自己的记录）")
    reason: Text = Field(description="为什么改了网址，如“任务重新编号”")


class RedirectList(Model):
    redirects: list[Redirect] = []


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
