"""Read YAML into plain Python data and remember the line of every value.

The loader reports errors as ``file:line: field.path``; pydantic gives the path, this module the line.

Data that could hurt the build is refused before any value is built: anchors and aliases (``&name``,
``*name``, and so merge keys ``<<``), whose expansion can grow exponentially ("billion laughs"), and
nesting deeper than ``MAX_DEPTH``. The check reads the parser's events only, so it costs one pass and
no memory however the aliases would expand. (File size and text encoding: ``load.py``.)
"""
from __future__ import annotations

from typing import Any

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: same nodes, faster
Path_ = tuple  # a field path such as ("tasks", 3, "targets", 0, "value")


class YamlProblem(Exception):
    def __init__(self, line: int, path: Path_, found: str, expected: str) -> None:
        super().__init__(found)
        self.line, self.path, self.found, self.expected = line, path, found, expected


MAX_DEPTH = 50  # nested mappings and lists; the policy data needs fewer than 10


def read_yaml(text: str) -> tuple[Any, dict[Path_, int]]:
    """Parse ``text``; return the data and a map from field path to 1-based line number."""
    refuse_unsafe(text)
    loader = _Loader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            raise YamlProblem(
                mark.line + 1 if mark else 1, (), f"YAML syntax error: {error.problem}",
                "valid YAML: check the indentation and that text with : # [ { or quotes is in double quotes",
            ) from None
        lines: dict[Path_, int] = {}
        data = _to_python(loader, node, (), lines) if node is not None else None
        return data, lines
    finally:
        loader.dispose()


def refuse_unsafe(text: str) -> None:
    """Raise ``YamlProblem`` at the first anchor, alias or nesting deeper than ``MAX_DEPTH``."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            line = event.start_mark.line + 1 if event.start_mark else 1
            if isinstance(event, yaml.AliasEvent):
                raise YamlProblem(line, (), f"the alias *{event.anchor}",
                                  "each value written out in full: anchors (&) and aliases (*) are not allowed")
            if getattr(event, "anchor", None) is not None:
                raise YamlProblem(line, (), f"the anchor &{event.anchor}",
                                  "each value written out in full: anchors (&) and aliases (*) are not allowed")
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlProblem(line, (), f"mappings and lists nested more than {MAX_DEPTH} deep",
                                      f"at most {MAX_DEPTH} levels of nesting")
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.MarkedYAMLError:
        return  # a syntax error: reported with its line by read_yaml's parse below


def _to_python(loader: "_Loader", node: yaml.Node, path: Path_, lines: dict[Path_, int]) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)  # resolves YAML merge keys (<<)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if key in result:
                raise YamlProblem(
                    key_node.start_mark.line + 1, path + (key,), f"the key {key!r} a second time",
                    "each key once in a mapping",
                )
            result[key] = _to_python(loader, value_node, path + (key,), lines)
            lines[path + (key,)] = key_node.start_mark.line + 1  # an editor looks for the key
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(loader, item, path + (index,), lines) for index, item in enumerate(node.value)]
    if node.tag == "tag:yaml.org,2002:timestamp":
        return node.value  # dates stay text; the schema decides what a date is
    return loader.construct_object(node, deep=True)


def line_of(lines: dict[Path_, int], path: Path_) -> int:
    """The line of ``path`` or of its nearest ancestor that has one."""
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path, 1)


def format_path(path: Path_) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(the whole file)"
