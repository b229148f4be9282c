"""The plain-language layer on the site: explanations on task pages, guides, questions, glossary.

Pages: ``guides_index``, ``guide_page``, ``questions_page``, ``glossary_page``. Template globals used
by other templates: ``plain_explanation`` and ``plain_questions`` (task and part pages),
``reference_note`` and ``related_laws`` (the related-policies page), ``plain_entry_points`` (home page).
"""
from __future__ import annotations

from markupsafe import Markup

from macros.core.models import squash
from macros.core.render import Renderer

from . import queries as plain
from .models import PENDING


def _bundle(r: Renderer, plan_id: str):
    return r.catalog.plans.get(plan_id)


def _items(r: Renderer, plan_id, ids: list[str]) -> list[tuple]:
    """The (bundle, item) pairs an entry rests on, for links to them."""
    bundle = _bundle(r, plan_id) if plan_id else None
    items = plain.items_by_id(bundle) if bundle else {}
    return [(bundle, items[i]) for i in ids if i in items]


def plain_explanation(r: Renderer, plan_id: str, item_id: str) -> Markup:
    """The 解读 block shown above the official text of a task or part; empty when there is none."""
    bundle = _bundle(r, plan_id)
    entry = plain.explanation(bundle, item_id) if bundle else None
    if entry is None:
        return Markup("")
    return r.render("plain_explanation.html", e=entry, pending=PENDING)


def is_explained(r: Renderer, plan_id: str, item_id: str) -> bool:
    """Whether a task or part has an explanation (the full text links “看解读” to it)."""
    bundle = _bundle(r, plan_id)
    return bool(bundle and plain.explanation(bundle, item_id))


def plain_questions(r: Renderer, plan_id: str, item_id: str) -> Markup:
    """The questions that rest on a task or part, for its page."""
    found = plain.questions_for(r.catalog, plan_id, item_id)
    return r.render("plain_questions.html", questions=found) if found else Markup("")


def reference_note(r: Renderer, reference_id: str) -> Markup:
    note = plain.note_for(r.catalog, reference_id)
    return r.render("plain_reference_note.html", note=note) if note else Markup("")


def related_laws(r: Renderer) -> Markup:
    notes = plain.reference_notes(r.catalog)
    if not notes or not notes.related_laws:
        return Markup("")
    laws = [{"law": law, "linked": _items(r, plain.plan_of(law, notes), law.tasks)} for law in notes.related_laws]
    return r.render("plain_related_laws.html", laws=laws)


def plain_entry_points(r: Renderer, plan_id: str) -> Markup:
    """Links to the guides, questions and glossary of a plan, for its place on the home page."""
    data = plain.guide_list(r.catalog)
    guides = [guide for guide in data.guides if plain.plan_of(guide, data) == plan_id] if data else []
    has_questions = bool(plain.questions(r.catalog))
    if not guides and not has_questions:
        return Markup("")
    return r.render("plain_entry_points.html", plan_id=plan_id, guides=guides, has_questions=has_questions,
                    has_glossary=bool(plain.glossary(r.catalog)))


def guides_index(r: Renderer) -> Markup:
    data = plain.guide_list(r.catalog)
    return r.render("guides_index.html", guides=data.guides,
                    has_questions=bool(plain.questions(r.catalog)), has_glossary=bool(plain.glossary(r.catalog)))


def guide_page(r: Renderer, guide_id: str) -> Markup:
    data = plain.guide_list(r.catalog)
    guide = next(g for g in data.guides if g.id == guide_id)
    plan_id = plain.plan_of(guide, data)
    sections = [{"section": s, "linked": _items(r, plan_id, s.tasks),
                 "questions": [plain.question(r.catalog, q) for q in s.questions]} for s in guide.sections]
    others = [g for g in data.guides if g.id != guide_id]
    return r.render("guide.html", guide=guide, sections=sections, others=others)


def questions_page(r: Renderer) -> Markup:
    data = plain.question_list(r.catalog)
    themes = [{"theme": theme, "questions": [{"q": q, "linked": _items(r, plain.plan_of(q, data), q.tasks)} for q in found]}
              for theme, found in plain.questions_by_theme(r.catalog)]
    return r.render("questions.html", themes=themes)


def glossary_page(r: Renderer) -> Markup:
    """Every term with its definition and the tasks whose official text uses it."""
    entries = []
    for term in plain.glossary(r.catalog):
        words = [squash(w) for w in (term.term, *term.aliases)]
        places = [(bundle, item) for bundle in r.catalog.plans.values() for item in bundle.items()
                  if any(w in squash(_item_text(item)) for w in words)]
        entries.append({"term": term, "places": places})
    return r.render("glossary.html", entries=entries)


def _item_text(item) -> str:
    title = getattr(item, "title", None) or getattr(item, "heading", "")
    return f"{title}{item.text or ''}"
