"""Read a .docx: paragraphs with Word's automatic numbering rendered as printed, and tables row by row."""
from __future__ import annotations

from pathlib import Path

from .model import Line
from .problems import ImportProblem

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CHINESE_DIGITS = "零一二三四五六七八九"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def chinese_number(value: int) -> str:
    if value <= 10:
        return "十" if value == 10 else CHINESE_DIGITS[value]
    tens, ones = divmod(value, 10)
    return ("" if tens == 1 else CHINESE_DIGITS[tens]) + "十" + (CHINESE_DIGITS[ones] if ones else "")


def format_number(value: int, number_format: str) -> str:
    if number_format in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographDigital",
                         "taiwaneseCountingThousand", "japaneseCounting"):
        return chinese_number(value)
    if number_format in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and value <= len(CIRCLED):
        return CIRCLED[value - 1]
    if number_format == "ideographTraditional":
        return "甲乙丙丁戊己庚辛壬癸"[(value - 1) % 10]
    if number_format in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26)
        return letter.upper() if number_format == "upperLetter" else letter
    return str(value)


class Numbering:
    """Word's list numbering (numbering.xml): renders the label a paragraph shows, e.g. "（一）"."""

    def __init__(self, document) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # abstractNumId -> ilvl -> (fmt, text, start)
        self.abstract_of: dict[str, str] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for abstract in root.findall(f"{W}abstractNum"):
            levels = {}
            for level in abstract.findall(f"{W}lvl"):
                fmt = level.find(f"{W}numFmt")
                text = level.find(f"{W}lvlText")
                start = level.find(f"{W}start")
                levels[int(level.get(f"{W}ilvl"))] = (
                    fmt.get(f"{W}val") if fmt is not None else "decimal",
                    text.get(f"{W}val") if text is not None else "",
                    int(start.get(f"{W}val")) if start is not None else 1,
                )
            self.levels[abstract.get(f"{W}abstractNumId")] = levels
        for num in root.findall(f"{W}num"):
            abstract = num.find(f"{W}abstractNumId")
            if abstract is not None:
                self.abstract_of[num.get(f"{W}numId")] = abstract.get(f"{W}val")

    def label(self, paragraph) -> str:
        num_id, level = self._numbering_of(paragraph)
        abstract = self.abstract_of.get(num_id or "")
        if abstract is None or level not in self.levels.get(abstract, {}):
            return ""
        levels = self.levels[abstract]
        counters = self.counters.setdefault(abstract, {})
        counters[level] = counters.get(level, levels[level][2] - 1) + 1
        for deeper in [key for key in counters if key > level]:
            del counters[deeper]
        text = levels[level][1]
        for shown in range(level + 1):
            fmt, _, start = levels.get(shown, ("decimal", "", 1))
            text = text.replace(f"%{shown + 1}", format_number(counters.get(shown, start), fmt))
        return text

    @staticmethod
    def _numbering_of(paragraph) -> tuple[str | None, int]:
        for source in (paragraph._p.pPr, _style_ppr(paragraph)):
            num_pr = source.find(f"{W}numPr") if source is not None else None
            if num_pr is not None:
                num_id = num_pr.find(f"{W}numId")
                level = num_pr.find(f"{W}ilvl")
                if num_id is not None and num_id.get(f"{W}val") != "0":
                    return num_id.get(f"{W}val"), int(level.get(f"{W}val")) if level is not None else 0
        return None, 0


def _style_ppr(paragraph):
    try:
        return paragraph.style.element.pPr if paragraph.style is not None else None
    except (AttributeError, KeyError):
        return None


def read_docx(name: str, path: Path) -> list[Line]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as error:
        raise ImportProblem(name, None, f"a file that is not a readable .docx ({type(error).__name__})",
                            "a Word .docx file (if it was renamed from .doc, save it again as .docx in Word or WPS)") from None
    numbering = Numbering(document)
    lines: list[Line] = []
    paragraph_number = 0
    for element in document.element.body.iterchildren():
        if element.tag == f"{W}p":
            paragraph_number += 1
            paragraph = Paragraph(element, document)
            label = numbering.label(paragraph)
            text = (label + paragraph.text).strip().replace("\u3000", " ").strip()
            if text:
                lines.append(Line(text, paragraph_number))
        elif element.tag == f"{W}tbl":
            for row in Table(element, document).rows:
                paragraph_number += 1
                cells = _unique_cells(row)
                if any(cells):
                    lines.append(Line(" | ".join(cells), paragraph_number, cells=cells))
    return lines


def _unique_cells(row) -> list[str]:
    """Cell texts of a row; a merged cell (the same cell object repeated) counts once."""
    cells, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) in seen:
            continue
        seen.add(id(cell._tc))
        cells.append("\n".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
    return cells
