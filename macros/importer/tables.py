"""A 任务分工表 (序号 | 任务 | 牵头单位 | 配合单位 | 完成时限): each row is a task with its units and deadline."""
from __future__ import annotations

import difflib
import re
from typing import Optional

from .model import Block, Line, SourceDocument, Units
from .units import split_names

COLUMNS = {
    "number": re.compile(r"^(序号|编号|序)$"),
    "task": re.compile(r"(任务|工作内容|具体内容|措施|事项|内容)"),
    "lead": re.compile(r"牵头(?:责任)?(?:单位|部门)"),
    "support": re.compile(r"(配合|协同|协办|参与)"),
    "responsible": re.compile(r"(责任单位|责任部门|主责)"),
    "deadline": re.compile(r"(时限|时间|进度|节点)"),
}


class TaskTable:
    def __init__(self, document: SourceDocument, header: Line, columns: Optional[dict[str, int]]) -> None:
        self.document, self.header, self.columns = document, header, columns

    @staticmethod
    def _columns(cells: list[str]) -> dict[str, int]:
        columns: dict[str, int] = {}
        for index, cell in enumerate(cells):
            name = re.sub(r"\s+", "", cell)
            for key in ("number", "lead", "support", "responsible", "deadline", "task"):
                if key not in columns and COLUMNS[key].search(name):
                    columns[key] = index
                    break
        return columns

    @classmethod
    def is_header(cls, cells: list[str]) -> bool:
        columns = cls._columns(cells)
        return "task" in columns and bool({"lead", "support", "responsible"} & columns.keys())

    @classmethod
    def start(cls, document: SourceDocument, line: Line) -> "TaskTable":
        if cls.is_header(line.cells):
            table = cls(document, line, cls._columns(line.cells))
            known = set(table.columns.values())
            ignored = [cell for index, cell in enumerate(line.cells) if index not in known]
            if ignored:
                document.note(line.line, "表格", f"任务分工表的列“{'、'.join(ignored)}”在数据格式中没有位置，没有导入")
            return table
        document.note(line.line, "表格", f"表格（首行“{line.text[:30]}”）不是任务分工表（没有“任务”和“牵头/责任单位”列），没有导入")
        return cls(document, line, None)

    def row(self, line: Line) -> Optional[Block]:
        if self.columns is None:
            return None
        cells = line.cells + [""] * (len(self.header.cells) - len(line.cells))

        def cell(key: str) -> str:
            return cells[self.columns[key]].strip() if key in self.columns else ""

        task = cell("task")
        if not task:
            return None
        label = cell("number")
        value = int(label) if label.isdigit() else 0
        heading, sentence_end, text = task.partition("。")
        block = Block(3, label, value, heading.strip(), text.strip(), line.line, line.page,
                      inline_heading=bool(sentence_end), from_table=True)
        units = Units(" | ".join(c for c in (cell("lead"), cell("support") or cell("responsible")) if c), line.line,
                      lead=split_names(cell("lead")))
        (units.support if units.lead else units.responsible).extend(split_names(cell("support") or cell("responsible")))
        if units.names:
            block.units.append(units)
        block.table_deadline = cell("deadline") or None
        return block


def attach_to_tasks(document: SourceDocument, tasks: list[Block], rows: list[Block]) -> None:
    """An appended 任务分工表 gives units and deadlines to the numbered tasks of the text it matches."""
    def squash(text: str) -> str:
        return re.sub(r"\s+", "", text)

    def words(block: Block) -> str:
        return squash(block.heading + block.text)

    for row in rows:
        # The table often repeats only the task's title: the same number counts as much as similar words.
        scored = [(difflib.SequenceMatcher(None, words(row), words(task), autojunk=False).ratio()
                   + (0.3 if row.value and row.value == task.value else 0.0), task) for task in tasks]
        ratio, task = max(scored, key=lambda pair: pair[0], default=(0.0, None))
        ratio = min(ratio, 1.0)
        if task is None or ratio < 0.6:
            document.note(row.line, "表格", f"分工表第 {row.label} 行“{row.heading[:20]}”对不上正文中的任务，没有导入")
            continue
        if not task.units:
            task.units = row.units
        task.table_deadline = task.table_deadline or row.table_deadline
        document.note(row.line, "表格", f"分工表第 {row.label} 行的单位和时限归入正文任务“{task.label}{task.heading[:16]}”"
                      f"（文字相似度 {ratio:.0%}）")
