"""Import a plan from the document a government actually has (.docx, .pdf, .txt, saved web page).

    source file ──readers──> lines ──cleanup──> repaired paragraphs ──structure──> document model
        ──writer──> the schema (plan.yaml, tasks.yaml, documents.yaml) ──merge (re-import)──> validated copy
        ──> policy_data/plans/<plan-id>/ + import-review.md + review.yaml (the open review items)

What it writes: the status (征求意见稿 → consultation, 文号 + date → issued with issued_on and doc_number;
otherwise a guess), always an open review item; the source file and its SHA-256 in ``plan.source``; flat
plans without parts, nested parts (``parent``), labels as printed, sub-measures (``measures``); 牵头 →
``lead``, 配合 → ``support``; a task's 完成时限 as its ``deadline`` (``{text}`` alone when the loader reads
it, else a suggested ``value`` for review); levels and kinds of new organizations. While ``review.yaml``
has open items, the plan's pages say “导入待审核” and ``make release`` refuses it
(macros/features/import_review).

Self-contained apart from ``macros.core.deadlines`` (pure functions: deadline phrases are read exactly as the
loader reads them); the data is checked by running scripts/validate.py.
"""
from .problems import ImportProblem
from .run import ImportResult, NeedsForce, import_plan, prepare

__all__ = ["ImportProblem", "ImportResult", "NeedsForce", "import_plan", "prepare"]
