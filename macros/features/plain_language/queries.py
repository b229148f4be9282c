"""Queries on the plain-language layer (explanations, glossary, questions, guides, policy notes).

Templates, checks, tests and other features (leaflets) ask these functions, never the files directly.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional

from macros.core.catalog import Catalog, PlanBundle, TaskOrPart

from . import models as mp

GLOSSARY, QUESTIONS, GUIDES, NOTES, EXPLANATIONS = (
    "glossary.yaml", "questions.yaml", "guides.yaml", "references_plain.yaml", "explanations.yaml",
)
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
SENTENCE = re.compile(r"[^。！？!?]*[。！？!?]+[”’」』）)]*|[^。！？!?]+$")


# ---------------------------------------------------------------- the files


def glossary(catalog: Catalog) -> list[mp.Term]:
    data = catalog.shared_files.get(GLOSSARY)
    return list(data.terms) if data else []


def question_list(catalog: Catalog) -> Optional[mp.QuestionList]:
    return catalog.shared_files.get(QUESTIONS)


def questions(catalog: Catalog) -> list[mp.Question]:
    data = question_list(catalog)
    return list(data.questions) if data else []


def question(catalog: Catalog, question_id: str) -> mp.Question:
    return next(q for q in questions(catalog) if q.id == question_id)


def guide_list(catalog: Catalog) -> Optional[mp.GuideList]:
    return catalog.shared_files.get(GUIDES)


def guides(catalog: Catalog) -> list[mp.Guide]:
    data = guide_list(catalog)
    return list(data.guides) if data else []


def reference_notes(catalog: Catalog) -> Optional[mp.ReferenceNotes]:
    return catalog.shared_files.get(NOTES)


def note_for(catalog: Catalog, reference_id: str) -> Optional[mp.ReferenceNote]:
    notes = reference_notes(catalog)
    return next((n for n in notes.notes if n.reference == reference_id), None) if notes else None


def explanation_list(bundle: PlanBundle) -> list[mp.Explanation]:
    data = bundle.files.get(EXPLANATIONS)
    return list(data.explanations) if data else []


def explanation(bundle: PlanBundle, item_id: str) -> Optional[mp.Explanation]:
    return next((e for e in explanation_list(bundle) if e.item == item_id), None)


# ---------------------------------------------------------------- items and questions


def items_by_id(bundle: PlanBundle) -> dict[str, TaskOrPart]:
    """Every task, and every part that has text of its own: what an explanation or a question rests on."""
    return {item.id: item for item in bundle.items()}


def plan_of(entry, data) -> Optional[str]:
    """The plan a question, guide or related law rests on: its own ``plan``, else its file's."""
    return entry.plan or data.plan


def questions_for(catalog: Catalog, plan_id: str, item_id: str) -> list[mp.Question]:
    data = question_list(catalog)
    if data is None:
        return []
    return [q for q in data.questions if plan_of(q, data) == plan_id and item_id in q.tasks]


def questions_by_theme(catalog: Catalog) -> list[tuple[mp.Theme, list[mp.Question]]]:
    data = question_list(catalog)
    if data is None:
        return []
    return [(theme, [q for q in data.questions if q.theme == theme.id]) for theme in data.themes]


def keywords(catalog: Catalog) -> list[str]:
    return [word for bundle in catalog.plans.values() for e in explanation_list(bundle) for word in e.keywords]


# ---------------------------------------------------------------- every plain text, for checks and tests


@dataclass(frozen=True)
class PlainTextField:
    file: str  # as the loader reports it
    path: tuple  # field path inside the file
    text: str
    plan: Optional[str]  # the plan whose items the text rests on
    items: tuple  # ids of the items the text rests on (its figures must be their targets)


def plain_texts(catalog: Catalog) -> Iterator[PlainTextField]:
    """Every text we wrote in plain language, with where it is and what it rests on."""
    for bundle in catalog.plans.values():
        for index, e in enumerate(explanation_list(bundle)):
            for field in ("what", "for_you", "how_to"):
                yield PlainTextField(bundle.file(EXPLANATIONS), ("explanations", index, field), getattr(e, field),
                                bundle.id, (e.item,))
    data = question_list(catalog)
    if data:
        for index, q in enumerate(data.questions):
            for field in ("question", "answer"):
                yield PlainTextField(catalog.file(QUESTIONS), ("questions", index, field), getattr(q, field),
                                     plan_of(q, data), tuple(q.tasks))
    data = guide_list(catalog)
    if data:
        for g_index, g in enumerate(data.guides):
            yield PlainTextField(catalog.file(GUIDES), ("guides", g_index, "intro"), g.intro, plan_of(g, data), ())
            for s_index, s in enumerate(g.sections):
                yield PlainTextField(catalog.file(GUIDES), ("guides", g_index, "sections", s_index, "text"), s.text,
                                     plan_of(g, data), tuple(s.tasks))
    for index, term in enumerate(glossary(catalog)):
        yield PlainTextField(catalog.file(GLOSSARY), ("terms", index, "definition"), term.definition, None, ())
    notes = reference_notes(catalog)
    if notes:
        for index, note in enumerate(notes.notes):
            yield PlainTextField(catalog.file(NOTES), ("notes", index, "plain"), note.plain, None, ())
        for index, law in enumerate(notes.related_laws):
            yield PlainTextField(catalog.file(NOTES), ("related_laws", index, "plain"), law.plain, plan_of(law, notes),
                                 tuple(law.tasks))


def sentences(text: str) -> list[str]:
    """A text cut into sentences at 。！？ (a sentence keeps its closing quote marks)."""
    parts = SENTENCE.findall(text.strip())
    return [part for part in (p.strip() for p in parts) if HAN.search(part)]


def han_count(text: str) -> int:
    """How many Chinese characters a text has (punctuation, digits and Latin letters not counted)."""
    return len(HAN.findall(text))
