"""Rendering: autoescaped Jinja templates fed from the validated catalog.

``Renderer`` owns the template environment and the helpers every template may call (``link`` for
relative URLs, ``org`` for an organization, ``canonical`` for a full URL). Its templates are core's
shared partials plus every feature's ``templates/`` folder; features add template globals and macros.
Templates only display what the feature modules computed.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Callable

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from . import formats, urls
from .catalog import Catalog

TEMPLATES = Path(__file__).resolve().parent / "templates"
BLANK_LINES = re.compile(r"\n\s*\n+")


class Renderer:
    def __init__(self, catalog: Catalog, site: dict, site_url: str = "",
                 current_url: Callable[[], str] = lambda: "") -> None:
        self.catalog = catalog
        self.current_url = current_url
        self.site = site
        self.site_url = site_url
        folders = [TEMPLATES, *(f.templates for f in catalog.features if f.templates)]
        self.env = Environment(
            loader=ChoiceLoader([FileSystemLoader(folder) for folder in folders]),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,  # one renderer per catalog, so per build: no need to stat every template per use
        )
        self.env.globals.update(link=self.link, org=self.org, urls=urls, site=site, canonical=self.canonical,
                                page_path=lambda: self.current_url(), plan_status=self.plan_status,
                                site_status=lambda: catalog.status_line)
        self.env.filters.update(formats.FILTERS)
        for feature in catalog.features:
            for name, function in feature.template_globals.items():
                self.env.globals[name] = functools.partial(function, self)

    def at(self, path: str) -> "Renderer":
        """This renderer, rendering for the page at site path ``path`` (pages MkDocs does not build)."""
        self.current_url = lambda: path
        return self

    def link(self, target: str) -> str:
        return urls.relative(target, self.current_url())

    def canonical(self, target: str) -> str:
        """The full URL of a site path, for printing, copying and citing."""
        return self.site_url.rstrip("/") + "/" + target if self.site_url else target

    def org(self, org_id: str):
        return self.catalog.organizations[org_id]

    def plan_status(self, plan_id: str):
        """Where a plan stands (macros/core/status.py): ``.label``, ``.line``, ``.sentence``, ``.intro``."""
        return self.catalog.plan(plan_id).status

    def render(self, template: str, **context) -> Markup:
        html = self.env.get_template(template).render(**context)
        # One raw-HTML block for Markdown: a blank line would end it early.
        return Markup(BLANK_LINES.sub("\n", html).strip())
