"""Redirect pages for addresses that were published once (policy_data/redirects.yaml).

Written after MkDocs, when every page exists: a redirect must lead to a built page and must not replace one.
"""
from __future__ import annotations

from macros.core.build_context import BuildContext, StepFailed


def redirects(catalog) -> list:
    file = catalog.shared_files.get("redirects.yaml")
    return list(file.redirects) if file else []


def write_redirects(context: BuildContext) -> None:
    site = context.site
    for redirect in redirects(context.catalog):
        target = redirect.to.partition("#")[0]
        if not (site / target / "index.html").is_file():
            raise StepFailed(f"redirects.yaml: {redirect.from_!r} leads to {redirect.to!r}, which was not built")
        if (site / redirect.from_ / "index.html").exists():
            raise StepFailed(f"redirects.yaml: {redirect.from_!r} is still a page; a redirect would replace it")
        page = context.render_at(redirect.from_).render("redirect.html", redirect=redirect, target=redirect.to)
        context.write(redirect.from_ + "index.html", page + "\n")
