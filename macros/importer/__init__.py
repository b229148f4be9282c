"""Import a plan from the document a government actually has (.docx, .pdf, .txt, saved web page).

    source file ──readers──> lines ──cleanup──> repaired paragraphs ──structure──> document model
        ──writer──> current schema (plan.yaml, tasks.yaml, documents.yaml) ──merge (re-import)──> validated copy
        ──> policy_data/plans/<plan-id>/ + import-review.md

Self-contained: imports nothing else from ``macros`` (the data is checked by running scripts/validate.py).
"""
from .problems import ImportProblem
from .run import ImportResult, NeedsForce, import_plan, prepare

__all__ = ["ImportProblem", "ImportResult", "NeedsForce", "import_plan", "prepare"]
