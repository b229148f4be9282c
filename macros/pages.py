"""Which pages the data gives rise to, and the navigation that holds them.

The build writes one small Markdown file per page (front matter + one macro call) into a staging copy
of ``docs/``, so a task added to the YAML gets its page with no other edit.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Union

import yaml

from . import urls
from .catalog import Catalog

NavEntry = Union[str, dict]


@dataclass(frozen=True)
class Page:
    file: str  # path below docs/
    title: str
    macro: str  # e.g. task_page("daye-2023", "t01")
    meta: dict = field(default_factory=dict)

    def markdown(self) -> str:
        front = yaml.safe_dump({"title": safe_title(self.title), **self.meta}, allow_unicode=True, sort_keys=False)
        return f"---\n{front}---\n\n{{{{ {self.macro} }}}}\n"


def safe_title(title: str) -> str:
    """A title from the data, unable to carry markup or macro syntax into the theme."""
    return html.escape(title, quote=False).replace("{", "&#123;").replace("}", "&#125;")


def _call(name: str, *args: str) -> str:
    return f"{name}(" + ", ".join(f'"{arg}"' for arg in args) + ")"


def _file(url: str, index: bool = False) -> str:
    return f"{url}index.md" if index or not url else url.rstrip("/") + ".md"


def _item_meta(bundle, item) -> dict:
    """Front matter of a task page (or a part with text): how search ranks it (see pages_plain)."""
    from .pages_plain import item_search_meta  # here, not at the top: pages_plain imports this module

    return item_search_meta(bundle, item)


def plan_pages(catalog: Catalog) -> tuple[list[Page], list[NavEntry]]:
    pages: list[Page] = []
    nav: list[NavEntry] = []
    for bundle in catalog.plans.values():
        plan_id = bundle.id
        overview = Page(_file(urls.plan(plan_id), index=True), bundle.plan.short_title, _call("plan_overview", plan_id))
        pages.append(overview)
        section: list[NavEntry] = [overview.file]
        for part in bundle.parts:
            part_page = Page(_file(urls.part(plan_id, part.id), index=True), f"{part.label}{part.heading}",
                             _call("part_page", plan_id, part.id), _item_meta(bundle, part) if part.text else {})
            task_pages = [
                Page(_file(urls.task(plan_id, task.id)), f"{task.number}. {task.title}", _call("task_page", plan_id, task.id),
                     _item_meta(bundle, task))
                for task in bundle.tasks_in(part.id)
            ]
            pages += [part_page, *task_pages]
            section.append({safe_title(part_page.title): [part_page.file, *(p.file for p in task_pages)]})
        extra = [
            Page(_file(urls.targets(plan_id)), "目标和时间表", _call("targets_page", plan_id)),
            Page(_file(urls.responsibilities(plan_id)), "责任分工", _call("responsibility_matrix", plan_id)),
        ]
        documents = [
            Page(_file(urls.plan(plan_id) + "documents/", index=True), "相关文件", _call("documents_index", plan_id)),
            Page(_file(urls.plan_text(plan_id)), "方案全文", _call("plan_text", plan_id)),
            *(Page(_file(urls.document(plan_id, d.id)), d.short_title, _call("document_page", plan_id, d.id))
              for d in bundle.documents),
        ]
        pages += extra + documents
        section += [page.file for page in extra]
        section.append({"相关文件": [page.file for page in documents]})
        nav.append({safe_title(bundle.plan.short_title): section})
    if len(catalog.plans) > PLANS_IN_NAVIGATION:
        # Every page carries the navigation's top level: with many plans, one index page stands for
        # them all, so a task page stays the same size however many plans the site holds.
        index = Page(_file(urls.plans(), index=True), "全部方案", _call("plans_index"))
        return [index, *pages], [{"全部方案": [index.file]}]
    return pages, nav


PLANS_IN_NAVIGATION = 3


def department_pages(catalog: Catalog) -> tuple[list[Page], list[NavEntry]]:
    index = Page(_file(urls.departments(), index=True), "责任单位", _call("department_index"))
    pages = [index] + [
        Page(_file(urls.department(org.id)), org.short_name, _call("department_page", org.id))
        for org in catalog.organizations.values()
    ]
    return pages, [{"责任单位": [page.file for page in pages]}]


def reference_pages(catalog: Catalog) -> tuple[list[Page], list[NavEntry]]:
    page = Page(_file(urls.references(), index=True), "相关政策和活动", _call("references_page"))
    return [page], [page.file]


# Hand-written pages in docs/ and where they sit in the navigation.
HOME = "index.md"
ABOUT = {"关于本站": ["about/index.md", "about/urls.md", "about/data-format.md", "about/benchmark.md"]}

from .pages_print import print_pages  # noqa: E402  (leaflets and downloads)
from .pages_plain import plain_pages  # noqa: E402  (guides, questions, glossary)
from .pages_linking import linking_pages  # noqa: E402  (open data, change log)

SECTIONS = [plain_pages, plan_pages, department_pages, reference_pages, print_pages, linking_pages]


def site_pages(catalog: Catalog) -> tuple[list[Page], list[NavEntry]]:
    """Every generated page, and the whole navigation (hand-written pages included)."""
    pages: list[Page] = []
    nav: list[NavEntry] = [HOME]
    for section in SECTIONS:
        section_pages, section_nav = section(catalog)
        pages += section_pages
        nav += section_nav
    nav.append(ABOUT)
    return pages, nav
