"""The URL scheme: every published path is made here and nowhere else.

Paths are relative to the site root, end in ``/`` and use only ASCII ids from the data, so a
department can link to them for years. See docs/about/urls.md for the documented scheme.
"""
from __future__ import annotations

import posixpath

from . import models


def home() -> str:
    return ""


def plans() -> str:
    """The list of all plans (only built when the site holds more plans than the navigation shows)."""
    return "plans/"


def plan(plan_id: str) -> str:
    return f"plans/{plan_id}/"


def part(plan_id: str, part_id: str) -> str:
    return f"plans/{plan_id}/parts/{part_id}/"


def task(plan_id: str, task_id: str) -> str:
    return f"plans/{plan_id}/tasks/{task_id}/"


def item(plan_id: str, item) -> str:
    """A task's page, or the page of a part that has text of its own."""
    kind = "tasks" if isinstance(item, models.Task) else "parts"
    return f"plans/{plan_id}/{kind}/{item.id}/"


def target_anchor(target_id: str) -> str:
    return f"target-{target_id}"


def milestone_anchor(milestone_id: str) -> str:
    return f"milestone-{milestone_id}"


def targets(plan_id: str) -> str:
    return f"plans/{plan_id}/targets/"


def responsibilities(plan_id: str) -> str:
    return f"plans/{plan_id}/responsibilities/"


def plan_text(plan_id: str) -> str:
    return f"plans/{plan_id}/documents/plan-text/"


def document(plan_id: str, document_id: str) -> str:
    return f"plans/{plan_id}/documents/{document_id}/"


def plan_versions(plan_id: str) -> str:
    """The versions of a plan's official text (plans/<plan>/versions.yaml), oldest first."""
    return f"plans/{plan_id}/versions/"


def plan_version(plan_id: str, version_id: str) -> str:
    """The frozen full text of one version; its tasks at ``#task-<id>`` (``task_anchor``)."""
    return f"plans/{plan_id}/versions/{version_id}/"


def version_changes(plan_id: str, from_id: str, to_id: str) -> str:
    """What changed from one version to the next (version ids never contain ``-to-``)."""
    return f"plans/{plan_id}/versions/{from_id}-to-{to_id}/"


def task_anchor(task_id: str) -> str:
    """A task in a page of the full text (the plan's, or one version's)."""
    return f"task-{task_id}"


def departments() -> str:
    return "departments/"


def department(org_id: str) -> str:
    return f"departments/{org_id}/"


def references() -> str:
    return "policies/"


def reference(reference_id: str) -> str:
    return f"policies/#{reference_id}"


# ---------------------------------------------------------------- open data, calendars, changes, embedding


def data() -> str:
    """The page that documents the downloadable files."""
    return "data/"


def plan_json(plan_id: str) -> str:
    return f"data/{plan_id}/plan.json"


def tasks_csv(plan_id: str) -> str:
    return f"data/{plan_id}/tasks.csv"


def targets_csv(plan_id: str) -> str:
    return f"data/{plan_id}/targets.csv"


def export_schema() -> str:
    """The JSON Schema of every plan.json."""
    return "data/plan.schema.json"


def progress(plan_id: str) -> str:
    """A plan's progress page: roll-ups of the departments' reports and what is past its deadline."""
    return f"plans/{plan_id}/progress/"


def progress_csv(plan_id: str) -> str:
    return f"data/{plan_id}/progress.csv"


def progress_json(plan_id: str) -> str:
    return f"data/{plan_id}/progress.json"


def progress_schema() -> str:
    """The JSON Schema of every progress.json."""
    return "data/progress.schema.json"


def plan_calendar(plan_id: str) -> str:
    return f"calendar/{plan_id}.ics"


def department_calendar(org_id: str) -> str:
    return f"calendar/departments/{org_id}.ics"


def changes() -> str:
    return "changes/"


def change_anchor(change_id: str) -> str:
    return f"change-{change_id}"


def changes_feed() -> str:
    return "changes/feed.xml"


def embed_task(plan_id: str, task_id: str) -> str:
    return f"embed/plans/{plan_id}/tasks/{task_id}/"


def embed_department(org_id: str) -> str:
    return f"embed/departments/{org_id}/"


# ---------------------------------------------------------------- print: leaflets and PDFs


def leaflets() -> str:
    return "leaflets/"


def leaflet(leaflet_id: str) -> str:
    return f"leaflets/{leaflet_id}/"


def downloads() -> str:
    return "downloads/"


def leaflet_pdf(leaflet_id: str) -> str:
    return f"downloads/leaflet-{leaflet_id}.pdf"


def document_pdf(plan_id: str, document_id: str) -> str:
    """The PDF of a source document in official layout; ``plan-text`` is the plan itself."""
    return f"downloads/{plan_id}-{document_id}.pdf"


def pdf_of_page(page_path: str):
    """The PDF that prints the page at ``page_path`` (a leaflet or a source document), or None."""
    parts = page_path.strip("/").split("/")
    if len(parts) == 2 and parts[0] == "leaflets":
        return leaflet_pdf(parts[1])
    if len(parts) == 4 and parts[0] == "plans" and parts[2] == "documents":
        return document_pdf(parts[1], parts[3])
    return None


# ---------------------------------------------------------------- plain language: guides, questions, glossary


def guides() -> str:
    return "guides/"


def guide(guide_id: str) -> str:
    return f"guides/{guide_id}/"


def questions() -> str:
    return "questions/"


def question(question_id: str) -> str:
    return f"questions/#{question_id}"


def question_theme_anchor(theme_id: str) -> str:
    return f"theme-{theme_id}"


def glossary() -> str:
    return "glossary/"


def glossary_term(term_id: str) -> str:
    return f"glossary/#{term_id}"


# ---------------------------------------------------------------- search


def search() -> str:
    """The search page; ``?q=<words>`` searches at once, ``&plan=<plan-id>`` within one plan."""
    return "search/"


def search_bundle() -> str:
    """The folder of the search index (Pagefind's chunks and its script), written after the HTML pass."""
    return "pagefind/"


def plan_of_path(path: str, plan_ids) -> "str | None":
    """The plan a published path belongs to (its pages and files: a shard builds them), or None for the
    pages and files of the whole site. ``plan_ids``: the site's plans (PDF names start with the plan's id)."""
    parts = path.split("/")
    if parts[0] in ("plans", "data") and len(parts) > 2 and parts[1] in plan_ids:
        return parts[1]
    if parts[:2] == ["embed", "plans"] and len(parts) > 3 and parts[2] in plan_ids:
        return parts[2]
    if parts[0] == "calendar" and len(parts) == 2 and parts[1].endswith(".ics") and parts[1][:-4] in plan_ids:
        return parts[1][:-4]
    if parts[0] == "downloads" and len(parts) == 2 and parts[1].endswith(".pdf"):
        return max((plan_id for plan_id in plan_ids if parts[1].startswith(plan_id + "-")), key=len, default=None)
    return None


def relative(target: str, current_page_url: str) -> str:
    """``target`` as a link from the page at ``current_page_url`` (works under any sub-path)."""
    path, _, anchor = target.partition("#")
    current_dir = current_page_url if current_page_url.endswith("/") else posixpath.dirname(current_page_url) + "/"
    link = _relpath("/" + path, "/" + current_dir.lstrip("/"))
    if path.endswith("/") or not path:
        link = link.rstrip("/") + "/" if link != "." else "./"
    return f"{link}#{anchor}" if anchor else link


def _relpath(path: str, start: str) -> str:
    """``posixpath.relpath`` of two absolute paths; a few times faster where there is no . or .. to resolve
    (every page has hundreds of links)."""
    to, here = [p for p in path.split("/") if p], [p for p in start.split("/") if p]
    if "." in to or ".." in to or "." in here or ".." in here:
        return posixpath.relpath(path, start)
    common = 0
    while common < len(to) and common < len(here) and to[common] == here[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + to[common:]) or "."
