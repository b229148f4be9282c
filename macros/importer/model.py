"""The intermediate document model: what the source says, before any schema.

Readers turn a file into ``Line``s (and table rows); ``structure`` turns those into ``Block``s with their
numbering level, official text, units, deadline phrases and the source line each came from. The writer maps
this model onto the schema; what the schema cannot hold stays here and goes to the review list.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass
class Line:
    """One paragraph of the source (after file-format repairs), with where it starts."""

    text: str
    line: int  # 1-based line of the text file / paragraph of the .docx / line of the PDF's text / of the page text
    page: Optional[int] = None
    cells: Optional[list[str]] = None  # a table row: its cells, as printed
    starts_paragraph: bool = True  # False: a continuation the reader could not tell apart (joined by cleanup)
    after_page_break: bool = False  # a page number or running head was removed just before this line

    @property
    def where(self) -> str:
        return f"line {self.line}" + (f" (page {self.page})" if self.page else "")


@dataclass
class Units:
    """A 责任单位 / 牵头单位 / 配合单位 statement, as printed, with the names it lists."""

    source: str
    line: int
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)  # 配合 / 协同 / 责任单位 listed beside a 牵头单位
    responsible: list[str] = field(default_factory=list)  # 责任单位 with no 牵头 given

    @property
    def names(self) -> list[str]:
        seen: list[str] = []
        for name in self.lead + self.responsible + self.support:
            if name not in seen:
                seen.append(name)
        return seen


@dataclass
class Phrase:
    """A deadline or target phrase found in the text (a suggestion to review)."""

    text: str  # verbatim
    sentence: str  # the sentence it stands in (up to 。；), verbatim
    line: int
    kind: str = "deadline"  # deadline | target
    segment: str = ""  # the comma-separated part of the sentence it stands in, verbatim


@dataclass
class Block:
    level: int  # 1 一、  2 （一）  3 1.  4 （1）  5 ①  (0: unnumbered paragraph, 9: table row)
    label: str  # the numbering as printed, e.g. "（一）", "1.", "(一) " stripped of trailing space
    value: int  # the number the label stands for
    heading: str  # text after the label up to the first 。 (or the whole line when it has none)
    text: str  # the official text after the heading (verbatim; paragraphs joined by "\n")
    line: int
    page: Optional[int] = None
    inline_heading: bool = False  # heading and text on one line ("1. 标题。正文")
    units: list[Units] = field(default_factory=list)
    deadlines: list[Phrase] = field(default_factory=list)
    table_deadline: Optional[str] = None  # the task's own 完成时限, verbatim: a table column or a "完成时限：" statement
    deadline_origin: str = "分工表"  # where table_deadline was printed: 分工表 | 完成时限一行
    children: list["Block"] = field(default_factory=list)
    cut_off: bool = False  # the document ends inside this block
    from_table: bool = False  # a row of a 任务分工表 (its cells need no closing punctuation)

    @property
    def full_text(self) -> str:
        if self.inline_heading:
            return f"{self.heading}。{self.text}"
        return self.text


@dataclass
class Review:
    """One thing the importer guessed or could not write: shown in the terminal and in import-review.md."""

    line: Optional[int]
    topic: str
    message: str


@dataclass
class SourceDocument:
    path: str
    format: str  # txt | docx | pdf | html
    sha256: str
    encoding: Optional[str]
    lines: list[Line]
    title: str = ""
    title_line: Optional[int] = None
    status_line: Optional[str] = None
    status_line_no: Optional[int] = None
    front: list[Line] = field(default_factory=list)  # covering letter / notice before the plan
    preamble: list[Line] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)  # top-level numbered blocks of the plan
    page_metadata: dict = field(default_factory=dict)  # 索引号/发文字号/… from a web page's table
    review: list[Review] = field(default_factory=list)

    def note(self, line: Optional[int], topic: str, message: str) -> None:
        self.review.append(Review(line, topic, message))
