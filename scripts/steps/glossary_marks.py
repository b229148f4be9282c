"""Mark the first occurrence of each glossary term on every page, and list the marked terms below it.

The words stay exactly as they were (only wrapped in a link), so the official text reads and copies the
same. Each mark links to the page's own list “本页词语解释” after the article (which also prints), carries its definition
for the tap-to-show bubble of ``docs/assets/plain.js`` and is described by its entry for screen readers.
Runs after MkDocs, so the search index is not changed. The glossary page itself is left alone.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from macros import plain, urls

ORDER = 50
ARTICLE = re.compile(r'(<article class="md-content__inner[^"]*">)(.*?)(</article>)', re.S)
TOKEN = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>", re.S)
VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SKIP_TAGS = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style", "button", "abbr",
             "label", "svg", "textarea", "select", "title", "kbd", "nav", "sup", "sub"}
SKIP_CLASSES = re.compile(r'class="[^"]*\b(pp-keywords|pp-gloss-notes|pp-print-only|pp-kicker)\b')
NOTE_ID = "pp-note-{}"


def run(catalog, site: Path) -> None:
    terms = plain.glossary(catalog)
    if not terms:
        return
    words = {word: term for term in terms for word in (term.term, *term.aliases)}
    pattern = pattern_of(words)
    skip = {site / "glossary" / "index.html", site / "404.html"}
    for page in site.rglob("*.html"):
        if page in skip:
            continue
        text = page.read_text(encoding="utf-8")
        page_url = page.parent.relative_to(site).as_posix() + "/" if page.parent != site else ""
        marked = mark_page(text, pattern, words, page_url)
        if marked != text:
            page.write_text(marked, encoding="utf-8")


def pattern_of(words: dict) -> re.Pattern:
    """Any of the words, the longest first (so 零工驿站 wins over a shorter term inside it)."""
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def mark_page(text: str, pattern: re.Pattern, words: dict, page_url: str) -> str:
    match = ARTICLE.search(text)
    if not match:
        return text
    found: list = []  # terms in order of first occurrence
    body = _mark(match.group(2), pattern, words, found)
    if not found:
        return text
    # The list follows the article, so the article itself holds exactly the page's own content.
    return text[:match.start(2)] + body + match.group(3) + _notes(found, page_url) + text[match.end(3):]


def _mark(body: str, pattern: re.Pattern, words: dict, found: list) -> str:
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # open elements and whether marking is off inside them
    position = 0
    for token in TOKEN.finditer(body):
        skipping = any(off for _, off in stack)
        out.append(body[position:token.start()] if skipping else _wrap(body[position:token.start()], pattern, words, found))
        out.append(token.group(0))
        position = token.end()
        closing, tag, attrs = token.group(1), (token.group(2) or "").lower(), token.group(3) or ""
        if not tag or tag in VOID or attrs.rstrip().endswith("/"):
            continue
        if closing:
            while stack:
                if stack.pop()[0] == tag:
                    break
        else:
            stack.append((tag, tag in SKIP_TAGS or bool(SKIP_CLASSES.search(attrs))))
    out.append(_wrap(body[position:], pattern, words, found))
    return "".join(out)


def _wrap(text: str, pattern: re.Pattern, words: dict, found: list) -> str:
    if not text.strip():
        return text

    def replace(match: re.Match) -> str:
        term = words[match.group(0)]
        if term in found:
            return match.group(0)
        found.append(term)
        note = NOTE_ID.format(term.id)
        definition = html.escape(term.definition, quote=True)
        return (f'<a class="pp-term" href="#{note}" data-n="{len(found)}" data-def="{definition}" '
                f'aria-describedby="{note}" title="{definition}">{match.group(0)}</a>')

    return pattern.sub(replace, text)


def _notes(found: list, page_url: str) -> str:
    items = "".join(
        f'<li id="{NOTE_ID.format(t.id)}"><strong>{html.escape(t.term)}</strong>：{html.escape(t.definition)} '
        f'<a href="{html.escape(urls.relative(urls.glossary_term(t.id), page_url))}">词语解释</a></li>'
        for t in found
    )
    return (f'<div class="md-content__inner md-typeset pp-gloss-notes">'
            f'<p class="pp-gloss-notes__title" id="pp-gloss-notes">本页词语解释（本站解读，不是原文）</p>'
            f'<ol>{items}</ol></div>')
