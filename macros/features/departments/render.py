"""Departments: the index of responsible units and each unit's page, across every plan."""
from __future__ import annotations

from markupsafe import Markup

from macros.core.render import Renderer


def _roles(r: Renderer, org_id: str) -> list[dict]:
    """A unit's responsibilities and mentions, plan by plan."""
    result = []
    for bundle in r.catalog.plans.values():
        items = bundle.items_of(org_id)
        documents = [
            (document, [field for field, ids in (("发文机关", document.metadata.issuers), ("主送单位", document.recipients),
                                                  ("落款单位", document.signatories)) if org_id in ids])
            for document in bundle.documents
        ]
        documents = [(document, fields) for document, fields in documents if fields]
        coordination = bundle.plan.coordination
        role_in_mechanism = None
        if coordination and org_id in coordination.units:
            role_in_mechanism = "牵头" if org_id in coordination.lead else "参与"
        if items or documents or role_in_mechanism:
            result.append({
                "bundle": bundle, "entries": items, "documents": documents,
                "counts": [(role, n) for role in ("牵头", "配合", "责任单位")
                           if (n := sum(1 for _, r in items if r == role))],
                "inherited": any(bundle.inherits_responsibility(item) for item, _ in items),
                "targets": [(item, target) for item, _ in items for target in item.targets],
                "mechanism": role_in_mechanism,
            })
    return result


def department_index(r: Renderer) -> Markup:
    rows = []
    for org in r.catalog.organizations.values():
        counts = {bundle.id: len(bundle.items_of(org.id)) for bundle in r.catalog.plans.values()}
        rows.append({"org": org, "count": sum(counts.values())})
    return r.render("department_index.html", rows=rows)


def department_page(r: Renderer, org_id: str) -> Markup:
    return r.render("department.html", org=r.org(org_id), plans=_roles(r, org_id))

