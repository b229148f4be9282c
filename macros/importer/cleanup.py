"""Repair the artefacts of the file format, and nothing else.

Removed: page numbers ("— 3 —", "-3-", "第3页"), running headers and footers (short lines repeated on
many pages). Joined: a paragraph cut by a page or column wrap in the middle of a sentence (CJK joins need
no space or hyphen). Every repair is reported with its line, so an editor can check it.
"""
from __future__ import annotations

import re
from collections import Counter

from .model import Line, SourceDocument
from .numbering import numbering_of
from .units import is_units_line

PAGE_NUMBER = re.compile(r"^[-—–－―\s]*\d{1,4}[-—–－―\s]*$|^第\s*\d+\s*页(\s*[/，,]?\s*共\s*\d+\s*页)?$|^\d+\s*/\s*\d+$")
SENTENCE_END = tuple("。；！？：;!?:")
HEADING_MAX = 40
RUNNING_TEXT = re.compile(r"[，。,]")  # a sentence in progress (some websites print half-width commas)


def repair(document: SourceDocument) -> list[Line]:
    lines = _drop_running_heads(document, document.lines)
    lines = _drop_page_numbers(document, lines)
    return _join_wrapped(document, lines)


def _at_page_boundary(lines: list[Line]) -> set[int]:
    """Indices of lines next to a page number, a form feed or a change of PDF page: where running heads stand."""
    near: set[int] = set()
    for index, line in enumerate(lines):
        previous = lines[index - 1] if index else None
        if PAGE_NUMBER.match(line.text):
            near.update({index - 1, index + 1})
        elif line.after_page_break or (previous is not None and line.page is not None and line.page != previous.page):
            near.update({index - 1, index})  # the last line of one page, the first of the next
    return near


def _without(lines: list[Line], is_artefact) -> tuple[list[Line], list[Line]]:
    """(kept, dropped) lines; a kept line right after a dropped one is marked as following a page break."""
    kept, dropped, pending = [], [], False
    for line in lines:
        if line.cells is None and is_artefact(line):
            dropped.append(line)
            pending = True
        else:
            line.after_page_break = line.after_page_break or pending
            kept.append(line)
            pending = False
    return kept, dropped


def _drop_page_numbers(document: SourceDocument, lines: list[Line]) -> list[Line]:
    kept, dropped = _without(lines, lambda line: PAGE_NUMBER.match(line.text))
    if dropped:
        document.note(dropped[0].line, "版面", f"删除页码 {len(dropped)} 处（行 {_line_list(dropped)}）")
    return kept


def _drop_running_heads(document: SourceDocument, lines: list[Line]) -> list[Line]:
    def shape(text: str) -> str:
        return re.sub(r"\d+", "#", text)

    boundary = _at_page_boundary(lines)
    at_boundary = [(index, line) for index, line in enumerate(lines) if index in boundary and line.cells is None
                   and len(line.text) <= HEADING_MAX and not PAGE_NUMBER.match(line.text)
                   and not RUNNING_TEXT.search(line.text)  # heads are names and titles, not pieces of sentences
                   and not numbering_of(line.text) and not is_units_line(line.text)]
    pages = 1 + sum(1 for index, line in enumerate(lines) if PAGE_NUMBER.match(line.text) or line.after_page_break
                    or (index and line.page is not None and line.page != lines[index - 1].page))
    counts = Counter(shape(line.text) for _, line in at_boundary)
    # A running head or footer repeats on most pages (at least three), always at the page boundary.
    heads = {text for text, count in counts.items() if count >= max(3, pages // 2)}
    dropped_ids = {id(line) for _, line in at_boundary if shape(line.text) in heads}
    kept, _ = _without(lines, lambda line: id(line) in dropped_ids)
    for head in sorted(heads):
        where = [line for line in lines if id(line) in dropped_ids and shape(line.text) == head]
        document.note(where[0].line, "版面", f"删除页眉或页脚“{where[0].text}” {len(where)} 处（行 {_line_list(where)}）")
    return kept


def _join_wrapped(document: SourceDocument, lines: list[Line]) -> list[Line]:
    joined: list[Line] = []
    for line in lines:
        previous = joined[-1] if joined else None
        if previous is not None and _continues(previous, line):
            if line.starts_paragraph:  # a join the reader could not see: report it
                document.note(previous.line, "版面", f"接续断行：行 {line.line} 的“{line.text[:8]}…”接在"
                              f"“…{previous.text[-8:]}”之后（分页或换行造成的断句）")
            glue = " " if previous.text[-1:].isascii() and previous.text[-1:].isalnum() and line.text[:1].isascii() and line.text[:1].isalnum() else ""
            previous.text += glue + line.text
        else:
            joined.append(Line(line.text, line.line, line.page, line.cells))
    return joined


def _continues(previous: Line, line: Line) -> bool:
    if previous.cells is not None or line.cells is not None:
        return False
    if numbering_of(line.text) or is_units_line(line.text) or line.text.startswith(("附件", "[", "【")):
        return False
    if previous.text.endswith(SENTENCE_END) or is_units_line(previous.text):
        return False
    if not line.starts_paragraph or line.after_page_break:
        return True  # the layout says so, or a page number / running head stood between the two
    if numbering_of(previous.text) and "。" not in previous.text and len(previous.text) <= HEADING_MAX:
        return False  # a heading
    return bool(RUNNING_TEXT.search(previous.text))


def _line_list(lines: list[Line]) -> str:
    numbers = [str(line.line) for line in lines]
    return "、".join(numbers[:8]) + ("…" if len(numbers) > 8 else "")
