"""The feature contract: what a feature of the site may contribute, declared in one typed place.

A feature is a folder of ``macros/features/`` whose ``__init__.py`` defines ``FEATURE = Feature(...)``.
``macros/registry.py`` lists the features once, in order; that order is the order of the navigation,
of the checks, of the output files and of the transforms in the one HTML pass.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Mapping, Optional, Type

from pydantic import BaseModel

if TYPE_CHECKING:  # only for the annotations: these modules import nothing of this one at run time
    from .build_context import BuildContext
    from .catalog import Catalog
    from .html_pass import HtmlPage
    from .site_map import NavEntry, Page


@dataclass(frozen=True)
class FileSpec:
    """A YAML file of ``policy_data/`` and the model that validates it."""

    name: str
    model: Type[BaseModel]
    required: bool = False
    per_plan: bool = False  # in every plans/<id>/ folder, not at the top of policy_data/

    @property
    def documented_path(self) -> str:
        return f"policy_data/plans/<方案id>/{self.name}" if self.per_plan else f"policy_data/{self.name}"


Report = Callable[[str, tuple, str, str], None]  # (file, field path, found, expected)
# (file, line, column or field, found, expected, warning=False): errors in data files that are not YAML.
LineReport = Callable[..., None]
Check = Callable[["Catalog", Report], None]
Pages = Callable[["Catalog"], tuple[list["Page"], list["NavEntry"]]]
Macro = Callable[..., object]  # first argument: the Renderer


@dataclass(frozen=True, eq=False)  # one object per feature: compared and hashed by identity
class Feature:
    name: str
    doc: str
    files: tuple[FileSpec, ...] = ()
    checks: tuple[Check, ...] = ()
    pages: Optional[Pages] = None
    # Front matter a feature adds to pages that other features make (e.g. search tags on task pages).
    page_meta: Optional[Callable[["Catalog", "Page"], dict]] = None
    macros: Mapping[str, Macro] = field(default_factory=dict)  # called from pages: {{ task_page(...) }}
    template_globals: Mapping[str, Macro] = field(default_factory=dict)  # called from other templates
    templates: Optional[Path] = None
    assets: Optional[Path] = None  # .css and .js files, published under assets/ and loaded on every page
    outputs: Optional[Callable[["BuildContext"], None]] = None  # files written into the new site
    transform: Optional[Callable[["HtmlPage"], None]] = None  # its part of the one HTML pass
    # Work on the finished pages, after the one HTML pass (e.g. the search index, read from the final HTML).
    finish: Optional[Callable[["BuildContext"], None]] = None
    # Data files that are not YAML (e.g. CSV): (policy_data folder, catalog, report) -> what it read, kept
    # as ``catalog.loaded[name]``. Runs after the core checks (every id is sound), before the feature checks.
    load: Optional[Callable[[Path, "Catalog", LineReport], object]] = None
    # Entries this feature adds to the Atom feed of the change log (features/changes/feed.py).
    feed_entries: Optional[Callable[["BuildContext"], list["FeedEntry"]]] = None


@dataclass(frozen=True)
class FeedEntry:
    """One entry of the site's Atom feed: ids and links are full URLs, ``date`` is a day (Beijing time)."""

    id: str
    title: str
    date: "dt.date"
    link: str
    category: str
    content: str


def here(module_file: str, name: str) -> Optional[Path]:
    """The folder ``name`` beside a feature's ``__init__.py``, if it exists."""
    path = Path(module_file).resolve().parent / name
    return path if path.is_dir() else None
