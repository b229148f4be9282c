#!/usr/bin/env python3
"""Check policy_data/ and report every error with file, line, field, what was found and what is expected.

    python scripts/validate.py [DATA_FOLDER]

Exit status 0 when the data is valid, 1 otherwise.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.core.load import DataErrors, load_catalog  # noqa: E402
from macros.registry import FEATURES  # noqa: E402


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else ROOT / "policy_data"
    try:
        catalog = load_catalog(root, FEATURES)
    except DataErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    for bundle in catalog.plans.values():
        print(f"{bundle.folder}: {len(bundle.tasks)} tasks, {len(bundle.parts)} parts, "
              f"{len(bundle.targets())} targets, {len(bundle.documents)} documents")
    print(f"{len(catalog.organizations)} organizations, {len(catalog.references)} references: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
