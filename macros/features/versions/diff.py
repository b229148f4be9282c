"""A word-level diff of two Chinese texts: what a reader sees as added and deleted words.

The texts are cut into words (jieba, with its own dictionary instance, so nothing else of the build can
change how a text is cut), runs of digits or Latin letters, and single punctuation marks; difflib compares
the word lists. A short unchanged word between two changes (a lone 的, 和, a comma) is folded into them, so
a rewritten clause reads as one deletion and one insertion instead of a mosaic.
"""
from __future__ import annotations

import difflib
import logging
import re
from dataclasses import dataclass
from functools import lru_cache

EQUAL, INSERT, DELETE = "equal", "insert", "delete"
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
TOKEN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[0-9０-９]+(?:[.．][0-9０-９]+)?|[A-Za-z]+|\s+|.", re.S)
FOLDED = 1  # unchanged text of at most this many characters between two changes joins them


@dataclass(frozen=True)
class Segment:
    kind: str  # equal | insert | delete
    text: str


@lru_cache(maxsize=1)
def _tokenizer():
    import jieba

    logging.getLogger("jieba").setLevel(logging.WARNING)  # no "Building prefix dict …" on stderr
    return jieba.Tokenizer()


def words(text: str) -> list[str]:
    """The words of ``text``, in order; joined they give ``text`` back."""
    result: list[str] = []
    for match in TOKEN.finditer(text):
        token = match.group()
        if CJK.fullmatch(token) and len(token) > 1:
            result.extend(_tokenizer().lcut(token, HMM=False))
        else:
            result.append(token)
    return result


def diff(old: str, new: str) -> list[Segment]:
    """The segments that turn ``old`` into ``new``: deletions before insertions where text was replaced."""
    a, b = words(old), words(new)
    raw: list[Segment] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            raw.append(Segment(EQUAL, "".join(a[i1:i2])))
        else:
            if i2 > i1:
                raw.append(Segment(DELETE, "".join(a[i1:i2])))
            if j2 > j1:
                raw.append(Segment(INSERT, "".join(b[j1:j2])))
    return _fold(raw)


def _fold(segments: list[Segment]) -> list[Segment]:
    """Join changes separated by a short unchanged word; then one deletion and one insertion per change."""
    groups: list[list[Segment]] = []  # alternating: unchanged runs and runs of changes
    for segment in segments:
        changed = segment.kind != EQUAL
        if groups and (groups[-1][0].kind != EQUAL) == changed:
            groups[-1].append(segment)
        else:
            groups.append([segment])
    index = 1
    while index < len(groups) - 1:
        middle = groups[index]
        if middle[0].kind == EQUAL and len(middle[0].text) <= FOLDED and groups[index - 1][0].kind != EQUAL:
            text = middle[0].text
            groups[index - 1:index + 2] = [[*groups[index - 1], Segment(DELETE, text), Segment(INSERT, text),
                                            *groups[index + 1]]]
        else:
            index += 1
    result: list[Segment] = []
    for group in groups:
        if group[0].kind == EQUAL:
            result.append(Segment(EQUAL, "".join(s.text for s in group)))
            continue
        deleted = "".join(s.text for s in group if s.kind == DELETE)
        inserted = "".join(s.text for s in group if s.kind == INSERT)
        result += [s for s in (Segment(DELETE, deleted), Segment(INSERT, inserted)) if s.text]
    return _align_brackets([s for s in result if s.text])


OPENING, CLOSING = "（(“‘《〈【［[", "）)”’》〉】］]"


def _align_brackets(segments: list[Segment]) -> list[Segment]:
    """A change that lies alone between unchanged text can often slide (…方案（[初稿）（]附件） reads
    the same as …方案[（初稿）]（附件））: slide it to where it starts and ends with a bracket pair."""
    result = list(segments)
    for index in range(1, len(result) - 1):
        before, change, after = result[index - 1], result[index], result[index + 1]
        if before.kind != EQUAL or after.kind != EQUAL or change.kind == EQUAL:
            continue
        text, head = change.text, before.text
        for shift in range(1, min(len(head), len(text)) + 1):
            if head[-shift] != text[-shift]:
                break
            moved = head[-shift:] + text[:-shift]
            if moved[0] in OPENING and moved[-1] in CLOSING:
                result[index - 1] = Segment(EQUAL, head[:-shift])
                result[index] = Segment(change.kind, moved)
                result[index + 1] = Segment(EQUAL, text[-shift:] + after.text)
                break
    return [s for s in result if s.text]


def old_text(segments: list[Segment]) -> str:
    return "".join(s.text for s in segments if s.kind != INSERT)


def new_text(segments: list[Segment]) -> str:
    return "".join(s.text for s in segments if s.kind != DELETE)
