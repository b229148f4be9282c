"""The versions pages and the note on the plan's overview (template global ``plan_versions_note``)."""
from __future__ import annotations

from markupsafe import Markup

from macros.core.render import Renderer

from .pages import superseded_line
from .queries import history


def _counts(comparison) -> dict:
    return {"added": len(comparison.added), "removed": len(comparison.removed),
            "reworded": len(comparison.reworded), "renumbered": len(comparison.renumbered)}


def plan_versions_page(r: Renderer, plan_id: str) -> Markup:
    plan_history = history(r.catalog, plan_id)
    rows = []
    for version in plan_history.versions:
        previous = plan_history.previous(version)
        rows.append({"version": version, "previous": previous,
                     "counts": _counts(plan_history.compare(previous, version)) if previous else None})
    bundle = r.catalog.plan(plan_id)
    return r.render("versions_index.html", bundle=bundle, plan=bundle.plan, rows=rows)


def version_page(r: Renderer, plan_id: str, version_id: str) -> Markup:
    plan_history = history(r.catalog, plan_id)
    version = plan_history.version(version_id)
    current = plan_history.current
    now: dict = {}  # task id in this version -> the same task in the current version (None: removed since)
    if not version.current:
        comparison = plan_history.compare(version, current)
        now = {pair.old.id: pair.new for pair in comparison.pairs} | {task.id: None for task in comparison.removed}
    previous = plan_history.previous(version)
    later = plan_history.versions[plan_history.versions.index(version) + 1] if not version.current else None
    return r.render("version_text.html", bundle=r.catalog.plan(plan_id), plan_id=plan_id, version=version,
                    plan=version.bundle.plan, outline=version.bundle.outline(), current=current, now=now,
                    previous=previous, later=later, superseded=None if version.current else superseded_line(plan_history, version))


def version_changes_page(r: Renderer, plan_id: str, from_id: str, to_id: str) -> Markup:
    plan_history = history(r.catalog, plan_id)
    comparison = plan_history.compare(plan_history.version(from_id), plan_history.version(to_id))
    return r.render("version_changes.html", bundle=r.catalog.plan(plan_id), plan_id=plan_id, c=comparison,
                    old=comparison.old, new=comparison.new, counts=_counts(comparison))


def plan_versions_note(r: Renderer, plan_id: str) -> Markup:
    """A line on the plan's overview: which version it shows and where the others are (nothing without versions)."""
    plan_history = history(r.catalog, plan_id)
    if plan_history is None:
        return Markup("")
    return r.render("_versions_note.html", plan_id=plan_id, history=plan_history)
