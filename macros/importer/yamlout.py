"""Write YAML the way the hand-made files look: double-quoted strings, comments where they help."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Commented:
    """A mapping or list entry with a comment line written above it (e.g. "导入待审核: …")."""

    value: Any
    comment: str


def dump(data: dict, header: list[str]) -> str:
    out = [f"# {line}" for line in header]
    _mapping(data, 0, out)
    return "\n".join(out) + "\n"


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return json.dumps(str(value), ensure_ascii=False)


def _mapping(data: dict, indent: int, out: list[str], first_prefix: str = "") -> None:
    pad = " " * indent
    for index, (key, value) in enumerate(data.items()):
        prefix = first_prefix if index == 0 and first_prefix else pad
        if isinstance(value, Commented):
            out.append(f"{pad}# {value.comment}")
            value = value.value
        _entry(f"{prefix}{key}:", value, indent, out)


def _entry(head: str, value: Any, indent: int, out: list[str]) -> None:
    if isinstance(value, dict) and value:
        out.append(head)
        _mapping(value, indent + 2, out)
    elif isinstance(value, list) and value:
        out.append(head)
        _sequence(value, indent + 2, out)
    elif isinstance(value, (dict, list)):
        out.append(f"{head} {'{}' if isinstance(value, dict) else '[]'}")
    else:
        out.append(f"{head} {_scalar(value)}")


def _sequence(items: list, indent: int, out: list[str]) -> None:
    pad = " " * indent
    for item in items:
        if isinstance(item, Commented):
            out.append(f"{pad}# {item.comment}")
            item = item.value
        if isinstance(item, dict) and item:
            _mapping(item, indent + 2, out, first_prefix=f"{pad}- ")
        else:
            out.append(f"{pad}- {_scalar(item)}")
