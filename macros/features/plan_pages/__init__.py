"""Plan pages: the home page, each plan's overview, parts, tasks, targets and deadlines, responsibility
matrix, source documents and full text."""
from macros.core.feature import Feature, here

from . import documents, render, targets
from .pages import plan_pages, status_line

FEATURE = Feature(
    name="plan_pages",
    doc=__doc__,
    pages=plan_pages,
    page_meta=status_line,
    macros={
        "home_page": render.home,
        "about_plans": render.about_plans,
        "plans_index": render.plans_index,
        "plan_overview": render.plan_overview,
        "part_page": render.part_page,
        "task_page": render.task_page,
        "responsibility_matrix": render.responsibility_matrix,
        "targets_page": targets.targets_page,
        "targets_table": targets.targets_table,
        "timeline": targets.timeline,
        "documents_index": documents.documents_index,
        "document_page": documents.document_page,
        "document_metadata": documents.document_metadata,
        "plan_text": documents.plan_text,
    },
    templates=here(__file__, "templates"),
    assets=here(__file__, "assets"),
)
