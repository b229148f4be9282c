"""Embeddable cards: embed/plans/<plan>/tasks/<task>/ and embed/departments/<org>/.

Stand-alone pages (inline style, no script, no theme) that another site can show in an iframe.
"""
from __future__ import annotations

from pathlib import Path

from macros import linking, urls
from macros.render import linking as render

from .open_data import write

ORDER = 40


def run(catalog, site: Path) -> None:
    for bundle in catalog.plans.values():
        for task in bundle.tasks:
            path = urls.embed_task(bundle.id, task.id)
            write(site, path + "index.html", render.embed_task(render.standalone(catalog, path), bundle.id, task.id))
    for org_id in linking.embedded_departments(catalog):
        path = urls.embed_department(org_id)
        write(site, path + "index.html", render.embed_department(render.standalone(catalog, path), org_id))
