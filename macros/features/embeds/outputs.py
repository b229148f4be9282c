"""Write the embeddable cards: embed/plans/<plan>/tasks/<task>/ and embed/departments/<org>/."""
from __future__ import annotations

from macros.core import urls
from macros.core.build_context import BuildContext

from .render import embed_department, embed_task


def write_embeds(context: BuildContext) -> None:
    catalog = context.catalog
    for bundle in catalog.plans.values():
        for task in bundle.tasks:
            path = urls.embed_task(bundle.id, task.id)
            context.write(path + "index.html", embed_task(context.render_at(path), bundle.id, task.id))
    for org_id in catalog.responsible_organizations():
        path = urls.embed_department(org_id)
        context.write(path + "index.html", embed_department(context.render_at(path), org_id))
