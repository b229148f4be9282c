"""mkdocs-macros entry point: registers the macros that pages call. Thin by design.

Every module in ``macros/render/`` that defines ``MACROS`` (name → function taking the renderer first)
is registered here, so a new component family is one new module and nothing else.
"""
from __future__ import annotations

import os
from pathlib import Path

from .load import load_catalog
from .plain import teach_search_words
from .render import Renderer, component_modules


def define_env(env) -> None:
    catalog = load_catalog(os.environ.get("POLICY_DATA") or Path(env.project_dir) / "policy_data")
    teach_search_words(catalog)  # the search index keeps everyday words whole (macros/plain.py)
    site = dict(env.conf.get("extra", {}).get("site", {}))
    renderer = Renderer(catalog, current_url=lambda: env.page.url if env.page else "", site=site,
                        site_url=env.conf.get("site_url") or "")

    def register(name, function):
        env.macro(lambda *args: function(renderer, *args), name)

    for module in component_modules():
        for name, function in module.MACROS.items():
            register(name, function)
