"""首次发布 / 最近更新 on every page that the change log names (policy_data/changes.yaml).

Task, part, department, document and plan pages show the line with their permalink actions; this
step adds it under the title of every other themed page (home, guides, glossary, about, …).
"""
from __future__ import annotations

import re
from pathlib import Path

from macros.render.linking import page_dates_line

ORDER = 55  # after the glossary marks, before the print header
ARTICLE = '<article class="md-content__inner md-typeset">'
HEADING_END = re.compile(r"</h1>")


def run(catalog, site: Path) -> None:
    if not catalog.shared_files.get("changes.yaml"):
        return
    for page in sorted(site.rglob("index.html")):
        text = page.read_text(encoding="utf-8")
        if text.count(ARTICLE) != 1 or 'class="pp-dates"' in text:
            continue  # not a themed page (an embeddable card, a redirect), or it has the line already
        path = page.parent.relative_to(site).as_posix()
        line = page_dates_line(catalog, "" if path == "." else path + "/")
        if not line:
            continue
        start = text.index(ARTICLE) + len(ARTICLE)
        heading = HEADING_END.search(text, start)
        at = heading.end() if heading else start
        page.write_text(text[:at] + line + text[at:], encoding="utf-8")
