#!/usr/bin/env python3
"""Figures of the plain-language layer: readability, and how many terms, questions and keywords.

    .venv/bin/python scripts/plain_report.py [policy_data]

tests/plain_language/test_plain_language.py asserts the same limits (average sentence ≤ 25 Chinese characters,
none over 60); the search hit rate is measured by tests/search/test_search.py.
"""
from __future__ import annotations

import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.features.plain_language import queries as plain  # noqa: E402
from macros.core.load import load_catalog  # noqa: E402
from macros.registry import FEATURES  # noqa: E402


def readability(catalog) -> dict:
    lengths = [plain.han_count(s) for entry in plain.plain_texts(catalog) for s in plain.sentences(entry.text)]
    return {"sentences": len(lengths), "average": statistics.mean(lengths), "longest": max(lengths)}


def counts(catalog) -> dict:
    bundles = list(catalog.plans.values())
    return {
        "explanations": sum(len(plain.explanation_list(b)) for b in bundles),
        "items": sum(len(b.items()) for b in bundles),
        "gaps": sum(len(e.gaps) for b in bundles for e in plain.explanation_list(b)),
        "keywords": len(plain.keywords(catalog)),
        "glossary terms": len(plain.glossary(catalog)),
        "questions": len(plain.questions(catalog)),
        "guides": len(plain.guides(catalog)),
    }


def main() -> int:
    catalog = load_catalog(sys.argv[1] if len(sys.argv) > 1 else ROOT / "policy_data", FEATURES)
    figures = readability(catalog)
    print(f"readability: {figures['sentences']} sentences, average {figures['average']:.1f} Chinese characters, "
          f"longest {figures['longest']}")
    print(", ".join(f"{name}: {value}" for name, value in counts(catalog).items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
