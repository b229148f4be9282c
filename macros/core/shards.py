"""Shards: build a part of the site on its own machine, then merge the parts into the site a single build makes.

A **plan shard** (``scripts/build.py --plans a,b``, ``make site PLANS=a,b``) builds the pages and files of
some plans: ``plans/<plan>/``, ``data/<plan>/``, ``calendar/<plan>.ics``, ``embed/plans/<plan>/``,
``downloads/<plan>-….pdf``. The **merge** (``scripts/build.py --merge DIR…``, ``make merge``) builds every
page and file that belongs to no plan (home, departments, guides, the sitemap, feeds, department calendars,
redirects), copies the shards in (a file two parts both wrote must be the same bytes) and then runs the
steps on the finished pages (the search index) over the whole site.

Every part loads and checks the whole catalog, so the navigation, the links between plans and the
site-wide lists are those of the whole site; MkDocs keeps the pages of other parts in the navigation
(with their titles: ``PartPlugin.on_nav``) but does not render them. tests/core/test_shards.py builds two
shards and a merge and compares them with one full build, file by file and byte by byte.
"""
from __future__ import annotations

import filecmp
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import InclusionLevel

from . import urls
from .build_context import StepFailed
from .site_map import url_of_file


@dataclass(frozen=True)
class Part:
    plans: frozenset[str]  # the plans whose pages and files this part builds
    shared: bool  # the pages and files of no plan

    def owns(self, path: str, plan_ids: Iterable[str]) -> bool:
        plan = urls.plan_of_path(path, plan_ids)
        return plan in self.plans if plan is not None else self.shared


def plan_shard(plan_ids: Iterable[str]) -> Part:
    return Part(frozenset(plan_ids), shared=False)


MERGE = Part(frozenset(), shared=True)


class PartPlugin(BasePlugin):
    """Added to the MkDocs configuration of a part's build (not in mkdocs.yml: a full build has none)."""

    def __init__(self, part: Part, plan_ids: Iterable[str]) -> None:
        super().__init__()
        self.part, self.plan_ids = part, tuple(plan_ids)
        self.files = self.nav = self.env = None

    def on_files(self, files, config):
        for file in files.documentation_pages():  # static files stay: the steps after MkDocs read the theme's
            if not self.part.owns(url_of_file(file.src_uri), self.plan_ids):
                file.inclusion = InclusionLevel.EXCLUDED
        self.files = files
        return files

    def on_nav(self, nav, config, files):
        for page in nav.pages:  # titles and front matter of the pages other parts render, for the navigation
            if page.file.inclusion.is_excluded() and page.markdown is None:
                page.read_source(config)
        self.nav = nav
        return nav

    def on_env(self, env, config, files):
        self.env = env
        return env

    def on_post_build(self, config):
        if not self.part.shared:
            return
        # MkDocs lists the pages it rendered in sitemap.xml; the merged site has them all.
        from mkdocs.commands.build import _build_theme_template
        from mkdocs.structure.pages import Page

        for file in self.files.documentation_pages(inclusion=lambda level: True):
            if file.inclusion.is_excluded():
                if file.page is None:
                    Page(None, file, config)
                file.inclusion = InclusionLevel.INCLUDED
        _build_theme_template("sitemap.xml", self.env, self.files, config, self.nav)


def attach(config, part: Optional[Part], plan_ids: Iterable[str]) -> None:
    if part is not None:
        config.plugins["pp-part"] = PartPlugin(part, plan_ids)


def drop_unowned(site: Path, part: Optional[Part], plan_ids: Iterable[str]) -> None:
    """Remove what this part does not publish (outputs write for every plan; the other parts publish it)."""
    if part is None:
        return
    plan_ids = tuple(plan_ids)
    for file in sorted(site.rglob("*"), reverse=True):
        if file.is_file() and not part.owns(file.relative_to(site).as_posix(), plan_ids):
            file.unlink()
        elif file.is_dir() and not any(file.iterdir()):
            file.rmdir()


def copy_in(site: Path, shards: Iterable[Path]) -> int:
    """Copy the shards' files into the merged site; returns how many. Two parts may write the same file
    only with the same bytes."""
    count = 0
    for shard in shards:
        if not shard.is_dir():
            raise StepFailed(f"{shard}: no such shard output")
        for source in sorted(shard.rglob("*")):
            if not source.is_file():
                continue
            target = site / source.relative_to(shard)
            if target.exists():
                if not filecmp.cmp(source, target, shallow=False):
                    raise StepFailed(f"{source.relative_to(shard)}: two parts wrote different files")
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
            count += 1
    return count
