"""Readers: one per file format, each turning a file into ``Line``s (paragraphs and table rows).

PDF: pdfminer.six, the parser under pdfplumber, asked for characters only (no layout analysis). Every
character comes with its position, so running headers and footers are dropped by where they stand on the
page (top and bottom margins), lines are rebuilt by position (top, then x) and paragraphs from indentation
and short last lines. Ordering by position keeps the reading order of the single-column layout of Chinese
government documents (GB/T 9704) even when the producer (WPS, Word, OA systems) wrote the content stream
out of order — which is where pypdf, extracting in content-stream order and without positions, goes wrong;
pdfminer's own layout analysis (and so pdfminer's extract_text) may also regroup justified CJK lines into
boxes in another order. pdfplumber does the same position-based grouping but converts every character to a
dict first, which doubled the time of a 30-page plan; poppler's pdftotext reads well but is a system
binary, not a pinned package.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from .model import Line
from .problems import ImportProblem
from .web_page import read_html
from .word import read_docx

FORMATS = {".txt": "txt", ".text": "txt", ".docx": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html",
           ".shtml": "html"}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old binary Office files (.doc, .wps)


def read_source(path: Path, data: bytes) -> tuple[str, list[Line], Optional[str], dict]:
    """(format, lines, text encoding, page metadata) of a source file, or ImportProblem."""
    name = path.name
    suffix = path.suffix.lower()
    if suffix in (".doc", ".wps") or data.startswith(OLE_MAGIC):
        raise ImportProblem(name, None, "an old binary Word file (.doc)",
                            "a .docx file: open it in Word or WPS and save it as .docx (另存为 .docx), then import that")
    if suffix not in FORMATS:
        raise ImportProblem(name, None, f"a {suffix or 'file without extension'} file",
                            "one of .docx, .pdf, .txt, .html (a web page saved from the government website)")
    if not data.strip():
        raise ImportProblem(name, 1, "an empty file", "the text of a plan")
    kind = FORMATS[suffix]
    encoding, metadata = None, {}
    if kind == "txt":
        text, encoding = decode_text(name, data)
        lines = text_lines(text)
    elif kind == "html":
        lines, encoding, metadata = read_html(name, data)
    elif kind == "docx":
        lines = read_docx(name, path)
    else:
        lines = read_pdf(name, path)
    if not lines:
        raise ImportProblem(name, 1, "an empty file" if kind != "html" else "a web page with no text",
                            "the text of a plan")
    return kind, lines, encoding, metadata


# ---------------------------------------------------------------- text files


def decode_text(name: str, data: bytes) -> tuple[str, str]:
    """The text and the encoding it was in: UTF-8 (with or without BOM) or GB18030 (which covers GBK)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode_strict(name, data[3:], "utf-8"), "UTF-8 with BOM"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_strict(name, data, "utf-16"), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    utf8_line = next((n for n, raw in enumerate(data.split(b"\n"), 1) if not raw.isascii() and _is_utf8(raw)), None)
    not_utf8_line = next(n for n, raw in enumerate(data.split(b"\n"), 1) if not _is_utf8(raw))
    if utf8_line is not None:
        raise ImportProblem(name, not_utf8_line, f"mixed encodings: line {utf8_line} is UTF-8 but line "
                            f"{not_utf8_line} is not", "one encoding for the whole file: open it in an editor and "
                            "save it again as UTF-8")
    return _decode_strict(name, data, "gb18030"), "GB18030 (GBK)"


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def _decode_strict(name: str, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportProblem(name, line, f"bytes that are neither UTF-8 nor GB18030 ({error.reason})",
                            "a text file in UTF-8, UTF-8 with BOM or GB18030/GBK") from None


def text_lines(text: str) -> list[Line]:
    """Each non-empty line is a paragraph candidate; page breaks (form feeds) become their own marker."""
    lines: list[Line] = []
    page_break = False
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        for position, piece in enumerate(raw.split("\f")):
            page_break = page_break or position > 0
            stripped = piece.strip().replace("\u3000", " ").strip()
            if stripped:
                lines.append(Line(stripped, number, after_page_break=page_break))
                page_break = False
    return lines


# ---------------------------------------------------------------- PDF

MARGIN = 0.075  # share of the page height at top and bottom where running headers and footers stand
SAME_LINE = 3.0  # points: characters whose tops differ by less stand on one line


def read_pdf(name: str, path: Path) -> list[Line]:
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser, PDFSyntaxError
    from pdfminer.psparser import PSException

    with open(path, "rb") as file:
        try:
            document = PDFDocument(PDFParser(file), password="")
            pages = list(PDFPage.create_pages(document))
        except (PDFPasswordIncorrect, PDFEncryptionError):
            raise ImportProblem(name, None, "an encrypted PDF (it asks for a password)",
                                "a PDF without a password: ask the department for an unprotected copy") from None
        except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError):
            raise ImportProblem(name, None, "a file that is not a readable PDF", "a PDF file with a text layer") from None
        resources = PDFResourceManager(caching=True)
        device = PDFPageAggregator(resources, laparams=None)  # characters only: no layout analysis to reorder them
        interpreter = PDFPageInterpreter(resources, device)
        page_rows = []
        for page in pages:
            interpreter.process_page(page)
            layout = device.get_result()
            page_rows.append((layout.height, _rows(_chars(layout, layout.height))))
    lines: list[Line] = []
    any_text = False
    previous_full = False  # carried across pages: a sentence often runs on to the next page
    for page_number, (height, rows) in enumerate(page_rows, 1):
        any_text = any_text or bool(rows)
        body = [row for row in rows if MARGIN * height < row.top and row.bottom < (1 - MARGIN) * height]
        if not body:
            continue
        left, right = min(row.x0 for row in body), max(row.x1 for row in body)
        char_width = _median_width(body)
        for row in body:
            indented = row.x0 > left + 1.2 * char_width
            # A line that reaches the right margin continues into the next one; a new paragraph starts after a
            # short line or where the first line is indented.
            lines.append(Line(row.text, len(lines) + 1, page_number, starts_paragraph=indented or not previous_full))
            # Line breaking rules (no 、。” at the start of a line) can end a full line up to two characters early.
            previous_full = row.x1 > right - 2.5 * char_width
    if not lines and page_rows:
        if any_text:
            raise ImportProblem(name, None, "a PDF whose text stands only in the page margins", "the plan's text on the pages")
        raise ImportProblem(name, None, f"a PDF of {len(page_rows)} page(s) with no text layer (a scan)",
                            "a PDF with a text layer: the importer does no OCR; ask for the Word file or a PDF exported from it")
    return lines


class _Row:
    def __init__(self, chars: list[tuple]) -> None:
        chars.sort(key=lambda c: c[0])
        self.x0, self.x1 = chars[0][0], max(c[1] for c in chars)
        self.top, self.bottom = min(c[2] for c in chars), max(c[3] for c in chars)
        self.widths = [c[1] - c[0] for c in chars if not c[4].isascii()]
        pieces, previous = [], None
        for x0, x1, _, _, text in chars:
            gap = x0 - previous[1] if previous else 0
            if previous and gap > 0.6 * (x1 - x0) and not text.isspace() and not previous[4].isspace():
                pieces.append(" ")  # a word space that the PDF gives as a gap, not as a character
            pieces.append(text)
            previous = (x0, x1, 0, 0, text)
        self.text = re.sub(r"\s+", " ", "".join(pieces)).strip()


def _chars(container, height: float) -> list[tuple]:
    """(x0, x1, top, bottom, text) of every character, figures included; top measured from the top of the page."""
    from pdfminer.layout import LTChar
    found = []
    for item in container:
        if isinstance(item, LTChar):
            found.append((item.x0, item.x1, height - item.y1, height - item.y0, item.get_text()))
        elif hasattr(item, "__iter__"):
            found += _chars(item, height)
    return found


def _rows(chars: list[tuple]) -> list[_Row]:
    rows, current = [], []
    for char in sorted(chars, key=lambda c: (round(c[2]), c[0])):
        if current and abs(char[2] - current[0][2]) > SAME_LINE:
            rows.append(_Row(current))
            current = []
        current.append(char)
    if current:
        rows.append(_Row(current))
    rows = [row for row in rows if row.text]
    rows.sort(key=lambda row: row.top)
    return rows


def _median_width(rows: list[_Row]) -> float:
    widths = sorted(width for row in rows for width in row.widths)
    return widths[len(widths) // 2] if widths else 10.0
