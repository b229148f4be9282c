"""Plain language: explanations on task pages, audience guides, questions and answers, a glossary whose
terms are marked on every page, and notes on the related policies. All of it written by us, shown as 解读."""
from macros.core.feature import Feature, FileSpec, here

from . import glossary_marks, models, render
from .checks import CHECKS
from .pages import plain_pages

FEATURE = Feature(
    name="plain_language",
    doc=__doc__,
    files=(
        FileSpec("glossary.yaml", models.Glossary),
        FileSpec("questions.yaml", models.QuestionList),
        FileSpec("guides.yaml", models.GuideList),
        FileSpec("references_plain.yaml", models.ReferenceNotes),
        FileSpec("explanations.yaml", models.ExplanationList, per_plan=True),
    ),
    checks=CHECKS,
    pages=plain_pages,
    macros={
        "guides_index": render.guides_index,
        "guide_page": render.guide_page,
        "questions_page": render.questions_page,
        "glossary_page": render.glossary_page,
    },
    template_globals={
        "plain_explanation": render.plain_explanation,
        "is_explained": render.is_explained,
        "plain_questions": render.plain_questions,
        "reference_note": render.reference_note,
        "related_laws": render.related_laws,
        "plain_entry_points": render.plain_entry_points,
    },
    templates=here(__file__, "templates"),
    assets=here(__file__, "assets"),
    transform=glossary_marks.mark_terms,
)
