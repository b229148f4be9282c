"""Permalink controls (复制链接, 引用, 嵌入, calendar) and the 首次发布 / 最近更新 line of a page."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from markupsafe import escape

from macros.core import urls
from macros.core.catalog import Catalog
from macros.core.changes import page_dates
from macros.core.formats import chinese_date
from macros.core.render import Renderer
from macros.features.calendars.calendars import has_calendar

from . import queries

EMBED_HEIGHT = {"task": 320, "department": 340}


@lru_cache(maxsize=4)
def _index(catalog: Catalog) -> dict:
    """What the permalink actions need, computed once per build."""
    return {"citables": queries.citables(catalog), "dates": page_dates(catalog)}


def permalink(r: Renderer, path: str) -> Optional[dict]:
    """The canonical URL, citation and (for tasks and departments) embed code of a page or target."""
    citable = _index(r.catalog)["citables"].get(path)
    if citable is None:
        return None
    url = r.canonical(citable.path)
    result = {"url": url, "label": citable.label, "citation": f"{citable.citation}网址：{url}",
              "embed": None, "calendar": None, "dates": None}
    if citable.embed:
        kind = "task" if "/tasks/" in citable.embed else "department"
        title = escape(f"{citable.label}（{citable.status}）")
        result["embed"] = (f'<iframe src="{r.canonical(citable.embed)}" title="{title}" '
                           f'width="100%" height="{EMBED_HEIGHT[kind]}" style="border:0" loading="lazy"></iframe>')
    org_id = path.removeprefix(urls.departments()).strip("/")
    if path == urls.department(org_id) and has_calendar(r.catalog, org_id):
        result["calendar"] = urls.department_calendar(org_id)
    result["dates"] = dates_of(r, path)
    return result


def dates_of(r: Renderer, path: str) -> Optional[dict]:
    """首次发布 / 最近更新 of a page, as _page_dates.html shows them; None if no change names the page."""
    dates = _index(r.catalog)["dates"].get(path)
    if not dates:
        return None
    return {"first": chinese_date(dates.first), "last": chinese_date(dates.last),
            "first_iso": dates.first.isoformat(), "last_iso": dates.last.isoformat()}
