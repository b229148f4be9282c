"""The pages of a plan's versions: the list, each version's frozen full text, and “what changed” per pair.
Plans without a versions.yaml get none of them."""
from __future__ import annotations

from macros.core import urls
from macros.core.catalog import Catalog
from macros.core.formats import chinese_date
from macros.core.site_map import NavEntry, Page, call, page_file

from .queries import History, VersionEntry, histories, history


def version_pages(catalog: Catalog) -> tuple[list[Page], list[NavEntry]]:
    pages: list[Page] = []
    lists: list[str] = []
    for plan_id, plan_history in histories(catalog).items():
        title = catalog.plan(plan_id).plan.short_title
        index = Page(page_file(urls.plan_versions(plan_id)), f"{title}：各版本",
                     call("plan_versions_page", plan_id), plan=plan_id)
        pages.append(index)
        lists.append(index.file)
        for version in plan_history.versions:
            pages.append(Page(page_file(urls.plan_version(plan_id, version.id)), f"{title}（{version.meta.label}）",
                              call("version_page", plan_id, version.id), plan=plan_id))
        for old, new in plan_history.pairs():
            pages.append(Page(page_file(urls.version_changes(plan_id, old.id, new.id)),
                              f"{title}：从{old.meta.label}到{new.meta.label}改了什么",
                              call("version_changes_page", plan_id, old.id, new.id), plan=plan_id))
    return pages, ([{"方案版本": lists}] if lists else [])


def superseded_line(plan_history: History, version: VersionEntry) -> str:
    """The line at the top of an earlier version's page (instead of the plan's status line)."""
    current = plan_history.current.meta
    return (f"较早的版本：这是本方案的{version.meta.label}（{chinese_date(version.meta.date)}），已被后来的版本取代；"
            f"方案网页显示的是{current.label}（{chinese_date(current.date)}）。")


def superseded_meta(catalog: Catalog, page: Page) -> dict:
    """Front matter of an earlier version's page: its own line at the top (theme/overrides/partials/status.html);
    the feature comes after plan_pages in macros/registry.py, so this line replaces the plan's status line."""
    plan_history = history(catalog, page.plan) if page.plan else None
    for version in (plan_history.versions[:-1] if plan_history else ()):
        if page.url == urls.plan_version(page.plan, version.id):
            return {"pp_status": superseded_line(plan_history, version)}
    return {}
