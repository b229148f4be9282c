"""Every page of the site and the navigation that holds them, worked out once per build.

The build writes one small Markdown file per generated page (front matter + one macro call) into a
staging copy of ``docs/``, so a task added to the YAML gets its page with no other edit. Features
contribute pages in the order of ``macros/registry.py``; hand-written pages come from ``docs/``.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Optional, Union

import yaml

from .catalog import Catalog

NavEntry = Union[str, dict]
DOCS = Path(__file__).resolve().parents[2] / "docs"
# Hand-written pages in docs/ and where they sit in the navigation.
HOME = "index.md"
ABOUT = {"关于本站": ["about/index.md", "about/urls.md", "about/data-format.md", "about/importing.md", "about/benchmark.md"]}


@dataclass(frozen=True)
class Page:
    file: str  # path below docs/
    title: str
    macro: str  # e.g. task_page("daye-2023", "t01")
    meta: dict = field(default_factory=dict, compare=False)
    plan: Optional[str] = field(default=None, compare=False)  # the plan the page belongs to, if one

    def markdown(self) -> str:
        front = yaml.safe_dump({"title": safe_title(self.title), **self.meta}, allow_unicode=True, sort_keys=False)
        return f"---\n{front}---\n\n{{{{ {self.macro} }}}}\n"

    @property
    def url(self) -> str:
        return url_of_file(self.file)


def safe_title(title: str) -> str:
    """A title from the data, unable to carry markup or macro syntax into the theme."""
    return html.escape(title, quote=False).replace("{", "&#123;").replace("}", "&#125;")


def call(name: str, *args: str) -> str:
    """The macro call a generated page holds: ``task_page("daye-2023", "t01")``."""
    return f"{name}(" + ", ".join(f'"{arg}"' for arg in args) + ")"


def page_file(url: str) -> str:
    """The Markdown file below docs/ that MkDocs publishes at ``url``: always an ``index.md``, so that a link
    relative to the page's URL is also relative to its file (Zensical resolves links in raw HTML from the file)."""
    return f"{url}index.md"


def url_of_file(file: str) -> str:
    """``plans/x/tasks/t01.md`` → ``plans/x/tasks/t01/``; ``about/index.md`` → ``about/``."""
    if file == "index.md":
        return ""
    if file.endswith("/index.md"):
        return file[: -len("index.md")]
    return file[: -len(".md")] + "/"


@dataclass(frozen=True)
class SiteMap:
    pages: tuple[Page, ...]  # generated pages
    nav: tuple[NavEntry, ...]  # the whole navigation, hand-written pages included
    paths: frozenset[str]  # the URL path of every page MkDocs builds, generated and hand-written

    @cached_property
    def _plans_by_url(self) -> dict[str, str]:
        return {page.url: page.plan for page in self.pages if page.plan}

    def plan_of(self, path: str) -> Optional[str]:
        """The plan the page at site path ``path`` belongs to, or None for a page of the whole site."""
        return self._plans_by_url.get(path)


@lru_cache(maxsize=4)
def site_map(catalog: Catalog, docs: Path = DOCS) -> SiteMap:
    pages: list[Page] = []
    nav: list[NavEntry] = [HOME]
    for feature in catalog.features:
        if feature.pages:
            feature_pages, feature_nav = feature.pages(catalog)
            pages += feature_pages
            _extend(nav, feature_nav)
    nav.append(ABOUT)
    extenders = [feature.page_meta for feature in catalog.features if feature.page_meta]
    pages = [_with_meta(page, catalog, extenders) for page in pages]
    written = [str(path.relative_to(docs)) for path in docs.rglob("*.md")] if docs.is_dir() else []
    paths = frozenset(url_of_file(file) for file in [page.file for page in pages] + written)
    return SiteMap(tuple(pages), tuple(nav), paths)


def _with_meta(page: Page, catalog: Catalog, extenders: list) -> Page:
    meta = dict(page.meta)
    for extend in extenders:
        meta.update(extend(catalog, page))
    return Page(page.file, page.title, page.macro, meta, page.plan) if meta != page.meta else page


def _extend(nav: list[NavEntry], entries: list[NavEntry]) -> None:
    """Add a feature's entries; a section named like the last one continues it (several features' pages)."""
    for entry in entries:
        last = nav[-1] if nav else None
        if isinstance(entry, dict) and isinstance(last, dict) and entry.keys() == last.keys() and len(entry) == 1:
            key = next(iter(entry))
            nav[-1] = {key: [*last[key], *entry[key]]}
        else:
            nav.append(entry)
