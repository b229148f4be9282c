"""From repaired lines to the document model: title, status, covering documents, preamble, numbered blocks."""
from __future__ import annotations

import re
from typing import Optional

from .model import Block, Line, SourceDocument, Units
from .numbering import numbering_of
from .phrases import deadline_phrases
from .problems import ImportProblem
from .tables import TaskTable, attach_to_tasks
from .units import deadline_of_line, merge, split_trailing_deadline, split_trailing_units, units_of_line

TITLE_END = re.compile(r"(方案|计划|要点|措施|意见|办法|规划|清单|细则|分工)\s*([（(][^）)]{1,12}[）)])?$")
NOT_TITLE = re.compile(r"(通知|函|决定|批复|通报|报告)$|^(关于印发|附件|印发)|。")
STATUS = re.compile(r"^[（(]\s*(征求意见稿|送审稿|讨论稿|草案|试行|代拟稿|修订稿)\s*[）)]$")
ORG_END = re.compile(r"(局|委|会|政府|办公室|院|中心|公司|厅|部|署|办|文件|号)$")
DATE = re.compile(r"^(\d{4}|[○〇零一二三四五六七八九]{4})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
END_OF_PLAN = re.compile(r"^(附件|附表|抄送|（此件|\(此件)")
TERMINAL = tuple("。；！？”」）)")


def build(document: SourceDocument, lines: list[Line]) -> None:
    title_index = _find_title(lines)
    if title_index is None:
        first_numbered = next((i for i, line in enumerate(lines) if _is_structure(line) or line.cells), None)
        if first_numbered is None:
            _no_structure(document, lines)
        title_index = next((i for i, line in enumerate(lines[:first_numbered])
                            if "。" not in line.text and len(line.text) <= 80 and not line.text.endswith((":", "："))),
                           max(first_numbered - 1, 0))
        document.note(lines[title_index].line, "元数据", f"没有认出方案标题，暂用“{lines[title_index].text[:30]}”，请核对")
    start = _title_start(lines, title_index)
    document.title = "".join(line.text for line in lines[start: title_index + 1])
    document.title_line = lines[start].line
    if start < title_index:
        document.note(lines[start].line, "版面", f"标题跨 {title_index - start + 1} 行，已连接为“{document.title}”")
    document.front = lines[:start]
    body = lines[title_index + 1:]
    if body and STATUS.match(body[0].text):
        document.status_line, document.status_line_no = body[0].text, body[0].line
        body = body[1:]
    first = next((i for i, line in enumerate(body) if _is_structure(line) or line.cells), None)
    if first is None:
        _no_structure(document, lines)
    document.preamble = body[:first]
    document.blocks = _tree(document, body[first:])
    if not any(_descendants(document.blocks)):
        _no_structure(document, lines)
    _lift_part_units(document.blocks)
    for block in _descendants(document.blocks):
        words = block.full_text if block.inline_heading else "\n".join(filter(None, (block.heading, block.text)))
        block.deadlines = deadline_phrases(words, block.line)
    _flag_cut_off(document)


def _is_structure(line: Line) -> bool:
    numbered = numbering_of(line.text)
    return line.cells is None and numbered is not None and numbered.level <= 3


def _no_structure(document: SourceDocument, lines: list[Line]) -> None:
    numbered = [line for line in lines if numbering_of(line.text)]
    found = f"{len(lines)} paragraphs" + (
        f", {len(numbered)} of them numbered but only in deeper levels such as “{numbered[0].text[:12]}…”" if numbered
        else ", none of them numbered")
    raise ImportProblem(document.path, lines[0].line if lines else 1, f"no numbered structure ({found})",
                        "a plan whose parts and tasks are numbered 一、 （一） 1. (or a 任务分工表)")


def _find_title(lines: list[Line]) -> Optional[int]:
    candidates = [i for i, line in enumerate(lines)
                  if line.cells is None and len(line.text) <= 80 and TITLE_END.search(line.text)
                  and not NOT_TITLE.search(line.text) and not numbering_of(line.text)]
    for position, index in enumerate(candidates):
        following = candidates[position + 1] if position + 1 < len(candidates) else len(lines)
        if any(_is_structure(line) or line.cells for line in lines[index + 1: following]):
            return index
    return None


def _title_start(lines: list[Line], index: int) -> int:
    """A title wrapped over up to three lines starts where the previous line is not part of it."""
    start = index
    while start > 0 and index - start < 2:
        previous = lines[start - 1].text
        if (lines[start - 1].cells or len(previous) > 40 or re.search(r"[。，：:；,]", previous) or DATE.match(previous)
                or ORG_END.search(previous) or previous.startswith(("(", "（", "[")) or numbering_of(previous)):
            break
        start -= 1
    return start


def _tree(document: SourceDocument, lines: list[Line]) -> list[Block]:
    top: list[Block] = []
    stack: list[Block] = []
    table: Optional[TaskTable] = None
    pending_units: list[Units] = []

    def settle_units() -> None:
        if pending_units and stack:
            stack[-1].units.append(merge(list(pending_units)))
        pending_units.clear()

    for position, line in enumerate(lines):
        if line.cells is not None:
            settle_units()
            if table is None or TaskTable.is_header(line.cells):
                table = TaskTable.start(document, line)
            else:
                block = table.row(line)
                if block is not None:
                    parent = next((b for b in reversed(stack) if b.level < 3), None)
                    (parent.children if parent else top).append(block)
            continue
        table = None
        units = units_of_line(line.text, line.line)
        if units is not None:
            pending_units.append(units)
            continue
        settle_units()
        phrase = deadline_of_line(line.text)
        if phrase is not None and stack:
            _set_deadline(document, stack[-1], phrase, line.line)
            continue
        if END_OF_PLAN.match(line.text) or (DATE.match(line.text) and stack):
            tail = lines[position:]
            _note_tail(document, tail)
            _appendix_table(document, top, tail)
            break
        numbered = numbering_of(line.text)
        if numbered is not None:
            heading, sentence_end, text = numbered.rest.partition("。")
            block = Block(numbered.level, numbered.label, numbered.value, heading.strip(), text.strip(),
                          line.line, line.page, inline_heading=bool(sentence_end))
            while stack and stack[-1].level >= block.level:
                stack.pop()
            (stack[-1].children if stack else top).append(block)
            stack.append(block)
        elif stack:
            current = stack[-1]
            current.text = f"{current.text}\n{line.text}" if current.text else line.text
    settle_units()
    for block in _descendants(top):
        if block.level != 9:
            block.text, phrase = split_trailing_deadline(block.text)
            text, units = split_trailing_units(block.text, block.line)
            if units is not None:
                block.text = text
                block.units.append(units)
                if phrase is None:
                    block.text, phrase = split_trailing_deadline(block.text)
            if phrase is not None:
                _set_deadline(document, block, phrase, block.line)
    return top


def _set_deadline(document: SourceDocument, block: Block, phrase: str, line: int) -> None:
    if block.table_deadline is None:
        block.table_deadline, block.deadline_origin = phrase, "完成时限一行"
    else:
        document.note(line, "时限", f"“{block.label}{block.heading[:16]}”有第二个完成时限“{phrase}”，"
                      f"只写入了第一个“{block.table_deadline}”，请核对")


def _appendix_table(document: SourceDocument, top: list[Block], tail: list[Line]) -> None:
    table: Optional[TaskTable] = None
    rows: list[Block] = []
    for line in tail:
        if line.cells is None:
            continue
        if table is None or TaskTable.is_header(line.cells):
            table = TaskTable.start(document, line)
        elif (row := table.row(line)) is not None:
            rows.append(row)
    tasks = [block for block in _descendants(top) if block.level == 3]
    if rows and tasks:
        attach_to_tasks(document, tasks, rows)


def _note_tail(document: SourceDocument, tail: list[Line]) -> None:
    shown = "、".join(line.text[:16] for line in tail[:3])
    document.note(tail[0].line, "未导入", f"方案正文之后的 {len(tail)} 段（落款、日期、附件说明等）没有导入：{shown}…")


def _descendants(blocks: list[Block]):
    for block in blocks:
        yield block
        yield from _descendants(block.children)


def _lift_part_units(blocks: list[Block]) -> None:
    """A 责任单位 (or 完成时限) line after the last item of a part or task belongs to the part or task when
    no other item has its own. Bottom up, so that a part's own units are settled before its section's."""
    for block in blocks:
        _lift_part_units(block.children)
        children = block.children
        if len(children) < 2:
            continue
        if not block.units and children[-1].units and not any(child.units for child in children[:-1]):
            block.units, children[-1].units = children[-1].units, []
        if block.table_deadline is None and children[-1].table_deadline and children[-1].deadline_origin == "完成时限一行" \
                and not any(child.table_deadline for child in children[:-1]):
            block.table_deadline, block.deadline_origin = children[-1].table_deadline, children[-1].deadline_origin
            children[-1].table_deadline = None


def _flag_cut_off(document: SourceDocument) -> None:
    blocks = list(_descendants(document.blocks))
    last = blocks[-1]
    parent = next((b for b in blocks if last in b.children), None)
    siblings = [b for b in (parent.children if parent else document.blocks) if b is not last]
    text = last.full_text or last.heading
    if not text.endswith(TERMINAL) and not (last.level <= 2 and not last.text) and not last.from_table:
        last.cut_off = True
        document.note(last.line, "不完整", f"文件在“{last.label}{last.heading[:20]}…”中间结束（最后一句没有句号），"
                      "只导入了现有部分：请找完整的文件核对")
    elif any(len(name) <= 1 for units in last.units for name in units.names):
        last.cut_off = True
        document.note(last.line, "不完整", f"最后一项“{last.label}{last.heading[:20]}…”的单位名称不完整"
                      f"（“{last.units[-1].source}”）：文件可能在这里中间结束，请找完整的文件核对")
    elif siblings and sum(1 for b in siblings if b.units) > len(siblings) / 2 and not last.units:
        last.cut_off = True
        document.note(last.line, "不完整", f"最后一项“{last.label}{last.heading[:20]}…”之后没有责任单位，"
                      "而其他各项都有：文件可能在这一项中间结束，请找完整的文件核对")
