"""Redirect pages for addresses that were published once (policy_data/redirects.yaml).

Runs last, when every page exists: a redirect must lead to a built page and must not replace one.
"""
from __future__ import annotations

from pathlib import Path

from macros import linking
from macros.render import linking as render

from . import StepFailed
from .open_data import write

ORDER = 90


def run(catalog, site: Path) -> None:
    for redirect in linking.redirects(catalog):
        target = redirect.to.partition("#")[0]
        if not (site / target / "index.html").is_file():
            raise StepFailed(f"redirects.yaml: {redirect.from_!r} leads to {redirect.to!r}, which was not built")
        if (site / redirect.from_ / "index.html").exists():
            raise StepFailed(f"redirects.yaml: {redirect.from_!r} is still a page; a redirect would replace it")
        write(site, redirect.from_ + "index.html",
              render.redirect_page(render.standalone(catalog, redirect.from_), redirect) + "\n")
