"""Field lists for people, written out from a model's JSON Schema (the data format and open-data pages)."""
from __future__ import annotations

import json


def type_of(spec: dict) -> str:
    if "$ref" in spec:
        return spec["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in spec:
        return " 或 ".join(type_of(option) for option in spec["anyOf"] if option.get("type") != "null")
    if "enum" in spec:
        return " / ".join(str(value) for value in spec["enum"])
    if spec.get("type") == "array":
        return f"{type_of(spec.get('items', {}))} 的列表"
    return {"string": "文本", "integer": "整数", "number": "数字", "boolean": "是/否"}.get(spec.get("type", ""), "任意")


def fields_of(schema: dict) -> list[dict]:
    required = set(schema.get("required", []))
    return [
        {"name": name, "type": type_of(spec), "required": name in required,
         "description": spec.get("description", ""),
         "examples": [example if isinstance(example, str) else json.dumps(example, ensure_ascii=False)
                      for example in spec.get("examples", [])]}
        for name, spec in schema.get("properties", {}).items()
    ]
