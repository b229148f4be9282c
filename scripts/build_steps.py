"""Steps that run after MkDocs, on the new site before it replaces the old one.

Each step takes the catalog and the new site folder, writes its files and returns nothing; raising
``StepFailed`` stops the build with the old site/ left in place.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional


class StepFailed(Exception):
    pass


Step = Callable[[object, Path], None]
STEPS: list[Step] = []


def run_steps(catalog, site: Path) -> Optional[str]:
    for step in STEPS:
        try:
            step(catalog, site)
        except StepFailed as failure:
            return f"{step.__name__}: {failure}"
    return None
