"""mkdocs-macros entry point: registers the macros that pages call. Thin by design."""
from __future__ import annotations

import os
from pathlib import Path

from .load import load_catalog
from .render import Renderer, departments, documents, plan, references, schema_docs, targets


def define_env(env) -> None:
    catalog = load_catalog(os.environ.get("POLICY_DATA") or Path(env.project_dir) / "policy_data")
    site = dict(env.conf.get("extra", {}).get("site", {}))
    renderer = Renderer(catalog, current_url=lambda: env.page.url if env.page else "", site=site)

    def register(name, function):
        env.macro(lambda *args: function(renderer, *args), name)

    register("home_page", plan.home)
    register("plan_overview", plan.plan_overview)
    register("part_page", plan.part_page)
    register("task_page", plan.task_page)
    register("department_index", departments.department_index)
    register("department_page", departments.department_page)
    register("responsibility_matrix", departments.responsibility_matrix)
    register("targets_page", targets.targets_page)
    register("targets_table", targets.targets_table)
    register("timeline", targets.timeline)
    register("documents_index", documents.documents_index)
    register("document_page", documents.document_page)
    register("plan_text", documents.plan_text)
    register("references_page", references.references_page)
    register("data_format", schema_docs.data_format)
