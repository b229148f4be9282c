"""The schema of ``policy_data/redirects.yaml``: addresses published once that now lead elsewhere."""
from __future__ import annotations

import datetime as dt

from pydantic import Field

from macros.core.models import Model, Text, matching

PagePath = matching(
    r"^([a-z0-9]+([-_.][a-z0-9]+)*/)+$",
    "a path below the site's address, without the domain or a leading /, ending in /, "
    "such as plans/daye-2023/tasks/t01/",
    "网站内一个网页的路径，不带域名、不带开头的 /，以 / 结尾，如 plans/daye-2023/tasks/t01/",
)
PageLink = matching(
    r"^([a-z0-9]+([-_.][a-z0-9]+)*/)*(#[a-z0-9]+(-[a-z0-9]+)*)?$",
    "a page path as above, optionally with an #anchor, such as plans/daye-2023/tasks/t05/#target-labour-brands",
    "网站内的网页路径，可以带锚点，如 plans/daye-2023/tasks/t05/#target-labour-brands",
)

class Redirect(Model):
    """An address that was published once and now leads to another page."""

    from_: PagePath = Field(alias="from", description="以前发布过、现在不再生成的网址路径")
    to: PageLink = Field(description="现在应该去的网页（必须是本站生成的网页）")
    date: dt.date = Field(description="设立转址的日期（本站自己的记录）")
    reason: Text = Field(description="为什么改了网址，如“任务重新编号”")


class RedirectList(Model):
    redirects: list[Redirect] = []
