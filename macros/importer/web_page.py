"""Read a web page saved from a government website: the main text, without navigation, footer and buttons.

The main text is the element with the most Chinese text in its own paragraphs, after dropping elements
that are page furniture by tag (nav, header, footer, aside, form, script) or by class/id (menu, share,
breadcrumb, print, copyright, …). The gov.cn metadata table (索引号, 发文字号, 成文日期, 发布日期) is
read from the whole page first, because it usually stands outside the main text.
"""
from __future__ import annotations

import re

from .model import Line
from .problems import ImportProblem

FURNITURE_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "button",
                  "select", "input", "object", "svg")
FURNITURE = re.compile(r"nav|menu|foot|header|share|bdshare|breadcrumb|crumb|position|location|toolbar|print|"
                       r"close|sidebar|related|copyright|qrcode|erweima|search|login|fontsize|zoomsize|pager|"
                       r"jiathis|bottom|topbar", re.I)
BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "br", "section", "article", "center",
              "blockquote", "pre", "td", "th", "table", "dd", "dt"}
METADATA_FIELDS = {
    "index_number": r"索\s*引\s*号",
    "doc_number": r"(?:发文字号|文\s*号)",
    "written_date": r"(?:成文日期|发文日期|生成日期)",
    "published_date": r"(?:发布日期|公开日期)",
    "issuer": r"(?:发文机关|发布机构|发文单位|发文机构)",
    "topic": r"主题分类",
}
CJK = re.compile(r"[\u4e00-\u9fff]")


def read_html(name: str, data: bytes) -> tuple[list[Line], str, dict]:
    import lxml.html
    from lxml import etree

    text, encoding = _decode(data)
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        raise ImportProblem(name, 1, "a file that is not a readable web page", "an .html file saved from a website") from None
    metadata = _page_metadata("\n".join(root.itertext()))
    for element in list(root.iter(etree.Comment)):
        _drop(element)
    for element in list(root.iter(*FURNITURE_TAGS)):
        _drop(element)
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.tag in ("html", "body"):
            continue
        marker = f"{element.get('class', '')} {element.get('id', '')}"
        if FURNITURE.search(marker) and not re.search(r"content|article|zoom|editor|text|main", marker, re.I):
            _drop(element)
    main = _main_text(root)
    line_of = _source_lines(text)
    lines: list[Line] = []
    for piece, table_row in _blocks(main):
        cleaned = re.sub(r"[ \t\u00a0\u3000]+", " ", piece).strip()
        if cleaned:
            lines.append(Line(cleaned, line_of(cleaned), cells=table_row))
    return lines, encoding, metadata


def _decode(data: bytes) -> tuple[str, str]:
    declared = re.search(rb"charset=[\"']?([\w-]+)", data[:4096])
    names = [declared.group(1).decode("ascii").lower()] if declared else []
    for encoding in names + ["utf-8", "gb18030"]:
        encoding = "gb18030" if encoding in ("gb2312", "gbk") else encoding
        try:
            return data.decode(encoding), encoding.upper()
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("gb18030", errors="replace"), "GB18030"


def _drop(element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _page_metadata(text: str) -> dict:
    found = {}
    for key, label in METADATA_FIELDS.items():
        match = re.search(label + r"\s*[:：]?\s*([^\s|:：]{2,40}(?: \d{1,2}:\d{2})?)", text)
        if match and not re.fullmatch(r"[:：]", match.group(1)):
            found[key] = match.group(1)
    return found


def _main_text(root):
    """The element whose own paragraphs hold the most Chinese text (not the body with everything)."""
    best, best_score = root, -1
    for element in root.iter("div", "td", "article", "section", "main"):
        own = sum(len(CJK.findall(child.text_content())) for child in element if child.tag in ("p", "br", "div", "table", "h1", "h2", "h3", "span", "font"))
        total = len(CJK.findall(element.text_content()))
        if total == 0:
            continue
        score = own - 0.2 * max(0, total - own)
        if score > best_score:
            best, best_score = element, score
    return best


def _blocks(element):
    """Text pieces in reading order, a break at every block element; table rows also give their cells."""
    pieces: list[tuple[str, list | None]] = []
    buffer: list[str] = []

    def flush() -> None:
        if "".join(buffer).strip():
            pieces.append(("".join(buffer), None))
        buffer.clear()

    def walk(node) -> None:
        if not isinstance(node.tag, str):
            return
        if node.tag == "tr":
            flush()
            cells = [re.sub(r"\s+", " ", cell.text_content()).strip() for cell in node if cell.tag in ("td", "th")]
            if any(cells):
                pieces.append((" | ".join(cells), cells))
            return
        block = node.tag in BLOCK_TAGS
        if block:
            flush()
        if node.text:
            buffer.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                buffer.append(child.tail)
        if block:
            flush()

    walk(element)
    flush()
    return pieces


def _source_lines(text: str):
    """Finds the line of the saved file where a piece of text starts (for the review list)."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    plain = text

    def line_of(piece: str) -> int:
        probe = piece[:12]
        position = plain.find(probe)
        if position < 0:
            return 1
        low, high = 0, len(starts) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if starts[middle] <= position:
                low = middle
            else:
                high = middle - 1
        return low + 1

    return line_of
