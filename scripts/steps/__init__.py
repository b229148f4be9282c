"""Steps that run after MkDocs, on the new site before it replaces the old one.

Every module in this package that defines ``run(catalog, site: Path)`` is a step; ``ORDER`` (default
50) sets the order. A step writes its files into the new site. Raising ``StepFailed`` stops the
build and leaves the old site/ in place.
"""
from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path
from typing import Optional


class StepFailed(Exception):
    pass


def steps() -> list:
    modules = [importlib.import_module(f"{__name__}.{info.name}") for info in pkgutil.iter_modules(__path__)]
    return sorted((m for m in modules if hasattr(m, "run")), key=lambda m: (getattr(m, "ORDER", 50), m.__name__))


def run_steps(catalog, site: Path, skip: tuple[str, ...] = ()) -> Optional[str]:
    names = {step.__name__.rsplit(".", 1)[-1] for step in steps()}
    if unknown := set(skip) - names:
        return f"no such step to skip: {', '.join(sorted(unknown))} (steps: {', '.join(sorted(names))})"
    for step in steps():
        if step.__name__.rsplit(".", 1)[-1] in skip:
            continue
        try:
            step.run(catalog, site)
        except StepFailed as failure:
            return f"{step.__name__.rsplit('.', 1)[-1]}: {failure}"
    return None
