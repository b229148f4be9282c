"""Mark the first occurrence of each glossary term on every page, and list the marked terms below it.

The words stay exactly as they were (only wrapped in a link), so the official text reads and copies the
same. Each mark links to the page's own list “本页词语解释” after the article (which also prints), carries
its definition for the tap-to-show bubble of assets/plain.js and is described by its entry for screen
readers. Runs in the HTML pass, after MkDocs, so the search index is not changed. The glossary page
itself is left alone. Marking walks the parsed tree: no mark can land inside a heading, a link or code.
"""
from __future__ import annotations

import re
from functools import lru_cache

from lxml.html import Element, HtmlElement

from macros.core import urls
from macros.core.html_pass import HtmlPage, fragment
from macros.theme import material

from . import queries

SKIP_TAGS = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style", "button", "abbr",
             "label", "svg", "textarea", "select", "title", "kbd", "nav", "sup", "sub"}
SKIP_CLASSES = {"pp-keywords", "pp-gloss-notes", "pp-print-only", "pp-kicker"}
NOT_MARKED = {urls.glossary(), "404.html"}
NOTE_ID = "pp-note-{}"


@lru_cache(maxsize=4)
def _terms(catalog) -> tuple[dict, "re.Pattern | None"]:
    words = {word: term for term in queries.glossary(catalog) for word in (term.term, *term.aliases)}
    # Any of the words, the longest first (so 零工驿站 wins over a shorter term inside it).
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))) if words else None
    return words, pattern


def mark_terms(page: HtmlPage) -> None:
    words, pattern = _terms(page.context.catalog)
    if pattern is None or page.path in NOT_MARKED:
        return
    article = material.article(page.tree)
    if article is None:
        return
    found: dict = {}  # term id → term, in order of first occurrence
    _mark(article, pattern, words, found)
    if found:
        # The list follows the article, so the article itself holds exactly the page's own content.
        notes = page.context.render_at(page.path).render("gloss_notes.html", terms=list(found.values()),
                                                         note_id=NOTE_ID)
        article.addnext(fragment(str(notes)))


def _skipped(element) -> bool:
    return element.tag in SKIP_TAGS or bool(SKIP_CLASSES & set((element.get("class") or "").split()))


def _mark(element, pattern: re.Pattern, words: dict, found: dict) -> None:
    """Mark inside ``element`` (not a skipped one): its own text, then each child and the text after it."""
    element.text = None if element.text is None else _wrap_into(element, None, element.text, pattern, words, found)
    for child in list(element):
        if isinstance(child.tag, str) and not _skipped(child):
            _mark(child, pattern, words, found)
        if child.tail:
            child.tail = _wrap_into(element, child, child.tail, pattern, words, found)


def _wrap_into(parent, after, text: str, pattern: re.Pattern, words: dict, found: dict):
    """Wrap the first new occurrences in ``text`` in marks placed after ``after`` (or at the start of
    ``parent``); returns the text that stays where ``text`` was."""
    if not text.strip():
        return text
    pieces: list = []  # text, mark, text, mark, …, text
    position = 0
    for match in pattern.finditer(text):
        term = words[match.group(0)]
        if term.id in found:
            continue
        found[term.id] = term
        pieces += [text[position:match.start()], _mark_element(term, match.group(0), len(found))]
        position = match.end()
    if not pieces:
        return text
    pieces.append(text[position:])
    index = 0 if after is None else parent.index(after) + 1
    for mark, tail in zip(pieces[1::2], pieces[2::2]):
        mark.tail = tail or None
        parent.insert(index, mark)
        index += 1
    return pieces[0] or None


def _mark_element(term, word: str, number: int) -> HtmlElement:
    note = NOTE_ID.format(term.id)
    anchor = Element("a")
    for name, value in (("class", "pp-term"), ("href", f"#{note}"), ("data-n", str(number)),
                        ("data-def", term.definition), ("aria-describedby", note), ("title", term.definition)):
        anchor.set(name, value)
    anchor.text = word
    return anchor
