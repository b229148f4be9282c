"""Rendering: autoescaped Jinja templates fed from the validated catalog.

``Renderer`` owns the template environment and the helpers every template may call (``link`` for
relative URLs, ``org`` for an organization). Each module beside this one renders one family of
components; templates only display what those modules computed.
"""
from __future__ import annotations

import functools
import importlib
import pkgutil
import re
from pathlib import Path
from typing import Callable

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from .. import urls
from ..catalog import Catalog
from . import formats

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


class Renderer:
    def __init__(self, catalog: Catalog, current_url: Callable[[], str], site: dict, site_url: str = "") -> None:
        self.catalog = catalog
        self.current_url = current_url
        self.site = site
        self.site_url = site_url
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.globals.update(link=self.link, org=self.org, urls=urls, site=site, canonical=self.canonical,
                                page_path=lambda: self.current_url())
        self.env.filters.update(formats.FILTERS)
        # A component module may also offer template globals: GLOBALS = {name: function(renderer, *args)}.
        for module in component_modules():
            for name, function in getattr(module, "GLOBALS", {}).items():
                self.env.globals[name] = functools.partial(function, self)

    def link(self, target: str) -> str:
        return urls.relative(target, self.current_url())

    def canonical(self, target: str) -> str:
        """The full URL of a site path, for printing, copying and citing."""
        return self.site_url.rstrip("/") + "/" + target if self.site_url else target

    def org(self, org_id: str):
        return self.catalog.organizations[org_id]

    def render(self, template: str, **context) -> Markup:
        html = self.env.get_template(template).render(**context)
        # One raw-HTML block for Markdown: a blank line would end it early.
        return Markup(re.sub(r"\n\s*\n+", "\n", html).strip())


def component_modules() -> list:
    """Every module of this package that declares ``MACROS``."""
    modules = [importlib.import_module(f"{__name__}.{info.name}") for info in pkgutil.iter_modules(__path__)]
    return [module for module in modules if hasattr(module, "MACROS")]
