#!/usr/bin/env python3
"""Write the JSON Schema of each data file to policy_data/schema/, for editors' completion and checks.

    python scripts/export_schema.py          # write
    python scripts/export_schema.py --check  # exit 1 if the committed schema is out of date
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.core.load import file_specs  # noqa: E402
from macros.registry import FEATURES  # noqa: E402

SCHEMA_DIR = ROOT / "policy_data" / "schema"


def schemas() -> dict[str, str]:
    result = {}
    for spec in file_specs(FEATURES):
        name = spec.name.replace(".yaml", ".schema.json")
        schema = spec.model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = spec.documented_path
        result[name] = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    return result


def main(argv: list[str]) -> int:
    wanted = schemas()
    if "--check" in argv:
        stale = [name for name, text in wanted.items()
                 if not (SCHEMA_DIR / name).exists() or (SCHEMA_DIR / name).read_text(encoding="utf-8") != text]
        if stale:
            print(f"out of date: {', '.join(stale)}; run `make schema`", file=sys.stderr)
            return 1
        return 0
    SCHEMA_DIR.mkdir(exist_ok=True)
    for name, text in wanted.items():
        (SCHEMA_DIR / name).write_text(text, encoding="utf-8")
        print(f"wrote policy_data/schema/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
