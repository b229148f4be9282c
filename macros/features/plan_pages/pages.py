"""The pages of each plan: overview, parts, tasks, targets, responsibilities, documents and full text."""
from __future__ import annotations

from macros.core import urls
from macros.core.catalog import Catalog
from macros.core.site_map import NavEntry, Page, call, page_file, safe_title

# Every page carries the navigation's top level: with more plans than this, one index page stands for
# them all, so a task page stays the same size however many plans the site holds.
PLANS_IN_NAVIGATION = 3


def plan_pages(catalog: Catalog) -> tuple[list[Page], list[NavEntry]]:
    pages: list[Page] = []
    nav: list[NavEntry] = []
    for bundle in catalog.plans.values():
        plan_id = bundle.id
        overview = Page(page_file(urls.plan(plan_id)), f"{bundle.plan.short_title}{bundle.status.citation}",
                        call("plan_overview", plan_id), plan=plan_id)
        pages.append(overview)
        section: list[NavEntry] = [overview.file]
        for part in bundle.parts:
            part_page = Page(page_file(urls.part(plan_id, part.id)), f"{part.label}{part.heading}",
                             call("part_page", plan_id, part.id), plan=plan_id)
            task_pages = [task_page(bundle, task) for task in bundle.tasks_in(part.id)]
            pages += [part_page, *task_pages]
            section.append({safe_title(part_page.title): [part_page.file, *(p.file for p in task_pages)]})
        flat = [task_page(bundle, task) for task in bundle.tasks if task.part is None]  # a plan without parts
        pages += flat
        section += [page.file for page in flat]
        extra = [
            Page(page_file(urls.targets(plan_id)), "目标和时间表", call("targets_page", plan_id), plan=plan_id),
            Page(page_file(urls.responsibilities(plan_id)), "责任分工", call("responsibility_matrix", plan_id), plan=plan_id),
        ]
        documents = [
            Page(page_file(urls.plan(plan_id) + "documents/"), "相关文件", call("documents_index", plan_id),
                 plan=plan_id),
            Page(page_file(urls.plan_text(plan_id)), "方案全文", call("plan_text", plan_id), plan=plan_id),
            *(Page(page_file(urls.document(plan_id, d.id)), d.short_title, call("document_page", plan_id, d.id),
                   plan=plan_id)
              for d in bundle.documents),
        ]
        pages += extra + documents
        section += [page.file for page in extra]
        section.append({"相关文件": [page.file for page in documents]})
        nav.append({safe_title(bundle.plan.short_title): section})
    if len(catalog.plans) > PLANS_IN_NAVIGATION:
        index = Page(page_file(urls.plans()), "全部方案", call("plans_index"))
        return [index, *pages], [{"全部方案": [index.file]}]
    return pages, nav


def task_page(bundle, task) -> Page:
    return Page(page_file(urls.task(bundle.id, task.id)), f"{task.printed_label} {task.title}",
                call("task_page", bundle.id, task.id), plan=bundle.id)


def status_line(catalog: Catalog, page: Page) -> dict:
    """The one short status line at the top of a plan's pages (theme/overrides/partials/status.html)."""
    return {"pp_status": catalog.plan(page.plan).status.line} if page.plan else {}
