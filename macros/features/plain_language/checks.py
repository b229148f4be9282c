"""Checks of the plain-language layer: references between files, figures and sentence length."""
from __future__ import annotations

import re

from macros.core.catalog import Catalog
from macros.core.checks import NUMBER, allowed_figures, duplicates, one_of
from macros.core.models import squash

from . import queries as plain

MAX_SENTENCE = 60  # Chinese characters; the average is checked in tests/plain_language/test_plain_language.py
KEYWORD_MAX = 12
KEYWORD = re.compile(rf"[\w\u3400-\u9fff]{{1,{KEYWORD_MAX}}}")  # also a search tag: plain text only


def official_text(bundle) -> str:
    """All official text of a plan and its documents, without whitespace."""
    plan = bundle.plan
    parts = [plan.title, plan.status_line or "", plan.preamble or "", (plan.goal.text or "") if plan.goal else ""]
    parts += [f"{p.heading}{p.text or ''}" for p in plan.parts]
    parts += [f"{t.title}{t.text}" for t in bundle.tasks]
    parts += [f"{r.heading}{r.text}" for r in plan.requirements]
    parts += [block.text for d in bundle.documents for block in d.body]
    return squash("".join(parts))


def _org_checker(catalog: Catalog, report):
    def verify(file: str, path: tuple, ids: list[str], responsible: set[str] | None = None) -> None:
        for position, org_id in enumerate(ids):
            if org_id not in catalog.organizations:
                report(file, path + (position,), repr(org_id),
                       "an organization id from organizations.yaml, " + one_of(catalog.organizations))
            elif responsible is not None and org_id not in responsible:
                report(file, path + (position,), repr(org_id),
                       "a unit responsible for this item (a reader is sent to it), " + one_of(responsible))
    return verify


def _plan_items(catalog: Catalog, report, file: str, plan_id, path: tuple):
    """The items of the plan an entry rests on; reports an unknown or missing plan at ``path``."""
    bundle = catalog.plans.get(plan_id) if plan_id else None
    if bundle is None:
        report(file, path, repr(plan_id) if plan_id else "nothing",
               "a plan id (here, or as `plan` at the top of the file), " + one_of(catalog.plans))
        return None
    return plain.items_by_id(bundle)


def _verify_items(report, file: str, path: tuple, ids: list[str], items: dict, plan_id: str) -> None:
    for position, item_id in enumerate(ids):
        if item_id not in items:
            report(file, path + (position,), repr(item_id),
                   f"a task id of plan {plan_id!r} (or a part with its own text), " + one_of(items))


def explanations_refer_to_data(catalog: Catalog, report) -> None:
    verify = _org_checker(catalog, report)
    for bundle in catalog.plans.values():
        entries = plain.explanation_list(bundle)
        if not entries:
            continue
        file, items = bundle.file(plain.EXPLANATIONS), plain.items_by_id(bundle)
        seen: set[str] = set()
        for index, e in enumerate(entries):
            path = ("explanations", index)
            if e.item not in items:
                report(file, path + ("item",), repr(e.item), "a task id (or a part with its own text), " + one_of(items))
                continue
            if e.item in seen:
                report(file, path + ("item",), repr(e.item), "one explanation per item")
            seen.add(e.item)
            for position, word in enumerate(e.keywords):
                if not KEYWORD.fullmatch(word) or word in e.keywords[:position]:
                    report(file, path + ("keywords", position), repr(word),
                           "an everyday word or short phrase (Chinese, letters or digits, at most "
                           f"{KEYWORD_MAX} characters, no spaces or punctuation), not repeated")
            try:
                responsible = set(bundle.responsibility(items[e.item]).units)
            except KeyError:  # the task names a part that does not exist: reported by tasks_belong_to_parts
                continue
            verify(file, path + ("ask",), e.ask, responsible)
            for position, gap in enumerate(e.gaps):
                verify(file, path + ("gaps", position, "ask"), [gap.ask], responsible)


def questions_refer_to_data(catalog: Catalog, report) -> None:
    data = plain.question_list(catalog)
    if data is None:
        return
    file = catalog.file(plain.QUESTIONS)
    duplicates(report, file, data.themes, ("themes",), "theme")
    duplicates(report, file, data.questions, ("questions",), "question")
    themes = [theme.id for theme in data.themes]
    verify = _org_checker(catalog, report)
    for index, q in enumerate(data.questions):
        path = ("questions", index)
        if q.theme not in themes:
            report(file, path + ("theme",), repr(q.theme), "a theme id from `themes`, " + one_of(themes))
        plan_id = plain.plan_of(q, data)
        items = _plan_items(catalog, report, file, plan_id, path + ("plan",))
        if items is not None:
            _verify_items(report, file, path + ("tasks",), q.tasks, items, plan_id)
        verify(file, path + ("ask",), q.ask)
        if q.id.startswith("theme-"):
            report(file, path + ("id",), repr(q.id), "an id that does not start with 'theme-' (kept for theme anchors)")


def guides_refer_to_data(catalog: Catalog, report) -> None:
    data = plain.guide_list(catalog)
    if data is None:
        return
    file = catalog.file(plain.GUIDES)
    duplicates(report, file, data.guides, ("guides",), "guide")
    question_ids = [q.id for q in plain.questions(catalog)]
    verify = _org_checker(catalog, report)
    for g_index, guide in enumerate(data.guides):
        duplicates(report, file, guide.sections, ("guides", g_index, "sections"), "section")
        plan_id = plain.plan_of(guide, data)
        items = _plan_items(catalog, report, file, plan_id, ("guides", g_index, "plan"))
        for s_index, section in enumerate(guide.sections):
            path = ("guides", g_index, "sections", s_index)
            if items is not None:
                _verify_items(report, file, path + ("tasks",), section.tasks, items, plan_id)
            for position, question_id in enumerate(section.questions):
                if question_id not in question_ids:
                    report(file, path + ("questions", position), repr(question_id),
                           "a question id from questions.yaml, " + one_of(question_ids))
            verify(file, path + ("ask",), section.ask)


def glossary_terms_are_in_the_plan(catalog: Catalog, report) -> None:
    terms = plain.glossary(catalog)
    if not terms:
        return
    file = catalog.file(plain.GLOSSARY)
    duplicates(report, file, terms, ("terms",), "term")
    text = "".join(official_text(bundle) for bundle in catalog.plans.values())
    seen: dict[str, str] = {}
    for index, term in enumerate(terms):
        for position, word in enumerate([term.term, *term.aliases]):
            path = ("terms", index) + (("term",) if position == 0 else ("aliases", position - 1))
            if squash(word) not in text:
                report(file, path, repr(word), "a word that appears in the official text of a plan (copy it exactly)")
            if word in seen:
                report(file, path, repr(word), f"a word not already defined (it is in {seen[word]!r})")
            seen.setdefault(word, term.id)


def reference_notes_refer_to_data(catalog: Catalog, report) -> None:
    notes = plain.reference_notes(catalog)
    if notes is None:
        return
    file = catalog.file(plain.NOTES)
    seen: set[str] = set()
    for index, note in enumerate(notes.notes):
        if note.reference not in catalog.references:
            report(file, ("notes", index, "reference"), repr(note.reference),
                   "a reference id from references.yaml, " + one_of(catalog.references))
        elif note.reference in seen:
            report(file, ("notes", index, "reference"), repr(note.reference), "one note per reference")
        seen.add(note.reference)
    duplicates(report, file, notes.related_laws, ("related_laws",), "law")
    for index, law in enumerate(notes.related_laws):
        if law.id in catalog.references:
            report(file, ("related_laws", index, "id"), repr(law.id), "an id not used in references.yaml (it is the page anchor)")
        plan_id = plain.plan_of(law, notes)
        items = _plan_items(catalog, report, file, plan_id, ("related_laws", index, "plan"))
        if items is not None:
            _verify_items(report, file, ("related_laws", index, "tasks"), law.tasks, items, plan_id)


def plain_figures_are_targets(catalog: Catalog, report) -> None:
    """A number in a plain text must be a target (or a deadline year) of the items the text rests on."""
    for entry in plain.plain_texts(catalog):
        bundle = catalog.plans.get(entry.plan) if entry.plan else None
        items = plain.items_by_id(bundle) if bundle else {}
        figures = allowed_figures(bundle, [items[i] for i in entry.items if i in items]) if bundle else set()
        for figure in NUMBER.findall(entry.text):
            if figure not in figures:
                report(entry.file, entry.path, repr(figure),
                       "only figures that are targets (or deadline years) of the tasks this text rests on: "
                       + (", ".join(sorted(figures)) or "(none: write the text without figures)"))


def plain_sentences_are_short(catalog: Catalog, report) -> None:
    for entry in plain.plain_texts(catalog):
        for sentence in plain.sentences(entry.text):
            if plain.han_count(sentence) > MAX_SENTENCE:
                report(entry.file, entry.path, f"a sentence of {plain.han_count(sentence)} Chinese characters "
                       f"({sentence[:20]}…)", f"sentences of at most {MAX_SENTENCE} characters: split it")


CHECKS = (explanations_refer_to_data, questions_refer_to_data, guides_refer_to_data, glossary_terms_are_in_the_plan, reference_notes_refer_to_data, plain_figures_are_targets, plain_sentences_are_short,)
