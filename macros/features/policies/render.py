"""Related policies and named campaigns, each with where the plans cite it."""
from __future__ import annotations

from markupsafe import Markup

from macros.core.render import Renderer


def references_page(r: Renderer) -> Markup:
    entries = [{"ref": ref, "citations": r.catalog.plans_citing(ref.id)} for ref in r.catalog.references.values()]
    return r.render("references.html",
                    policies=[e for e in entries if e["ref"].kind == "policy"],
                    campaigns=[e for e in entries if e["ref"].kind == "campaign"])

