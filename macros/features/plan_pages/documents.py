"""Source documents: the metadata table, each document's page and the plan's full text."""
from __future__ import annotations

from markupsafe import Markup

from macros.core.render import Renderer


def metadata_table(r: Renderer, metadata, title: str, status) -> Markup:
    return r.render("metadata_table.html", metadata=metadata, title=title, status=status)


def document_metadata(r: Renderer, plan_id: str, document_id: str) -> Markup:
    """The gov.cn-style metadata table of a document; ``plan-text`` is the plan itself."""
    bundle = r.catalog.plan(plan_id)
    if document_id == "plan-text":
        return metadata_table(r, bundle.plan.metadata, bundle.plan.title, bundle.status)
    document = bundle.document(document_id)
    return metadata_table(r, document.metadata, document.title, bundle.document_status(document))


def document_page(r: Renderer, plan_id: str, document_id: str) -> Markup:
    bundle = r.catalog.plan(plan_id)
    document = bundle.document(document_id)
    return r.render("document.html", bundle=bundle, plan=bundle.plan, document=document,
                    metadata=metadata_table(r, document.metadata, document.title, bundle.document_status(document)),
                    attachments=[r.catalog.plan(plan).plan for plan in document.attachments],
                    implements=[r.catalog.references[ref] for ref in document.implements])


def plan_text(r: Renderer, plan_id: str) -> Markup:
    bundle = r.catalog.plan(plan_id)
    return r.render("plan_text.html", bundle=bundle, plan=bundle.plan, outline=bundle.outline(),
                    metadata=metadata_table(r, bundle.plan.metadata, bundle.plan.title, bundle.status),
                    documents=bundle.documents)


def documents_index(r: Renderer, plan_id: str) -> Markup:
    bundle = r.catalog.plan(plan_id)
    return r.render("documents_index.html", bundle=bundle, plan=bundle.plan, documents=bundle.documents)
