"""mkdocs-macros entry point (``define_env``): registers the features' macros for the pages. Thin by design.

MkDocs (and Zensical, which loads this module once per page) may call ``define_env`` many times: the
catalog and the renderer are made once per data folder and reused.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from .core.load import load_catalog
from .core.render import Renderer
from .registry import FEATURES


@lru_cache(maxsize=2)
def _renderer(catalog, site_items: tuple, site_url: str) -> Renderer:
    return Renderer(catalog, site=dict(site_items), site_url=site_url)


def define_env(env) -> None:
    data = os.environ.get("POLICY_DATA") or str(Path(env.project_dir) / "policy_data")
    site = env.conf.get("extra", {}).get("site", {})
    renderer = _renderer(load_catalog(data, FEATURES), tuple(sorted(site.items())), env.conf.get("site_url") or "")
    renderer.current_url = lambda: env.page.url if env.page else ""

    def register(name, function):
        env.macro(lambda *args: function(renderer, *args), name)

    for feature in renderer.catalog.features:
        for name, function in feature.macros.items():
            register(name, function)
