"""The data files reproduce the seed text verbatim.

Rebuilds the whole source from ``policy_data/`` in source order (consultation letter, issuance
notice, then the plan) and compares it with the seed, ignoring whitespace only. Also checks that
every target/milestone quotes its own item and that every reference title is in the seed.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from macros.core.models import squash

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "policy_data"
PLAN_DIR = DATA / "plans" / "daye-2023"


def load(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@pytest.fixture(scope="module")
def seed(seed_text: str) -> str:
    return seed_text


@pytest.fixture(scope="module")
def data() -> dict:
    return {
        "organizations": load(DATA / "organizations.yaml")["organizations"],
        "references": load(DATA / "references.yaml")["references"],
        "plan": load(PLAN_DIR / "plan.yaml"),
        "tasks": load(PLAN_DIR / "tasks.yaml")["tasks"],
        "documents": load(PLAN_DIR / "documents.yaml")["documents"],
    }


def rebuild(data: dict) -> list[str]:
    """All official text from the data files, in source order."""
    pieces: list[str] = []
    documents = {doc["id"]: doc for doc in data["documents"]}
    for doc_id in ("consultation-letter", "issuance-notice"):
        pieces += [block["text"] for block in documents[doc_id]["body"]]

    plan = data["plan"]
    pieces += [plan["title"], plan["status_line"], plan["preamble"]]
    pieces += [plan["goal"]["heading"], plan["goal"].get("text") or "", plan["tasks_heading"]]
    for part in plan["parts"]:
        pieces.append(part["label"] + part["heading"])
        tasks = sorted(
            (task for task in data["tasks"] if task["part"] == part["id"]),
            key=lambda task: task["number"],
        )
        pieces += [f"{task['number']}.{task['title']}。{task['text']}" for task in tasks]
        pieces.append(part.get("text") or "")
        pieces.append(part["responsibility"]["source"])
    pieces.append(plan["requirements_heading"])
    pieces += [f"{req['label']}{req['heading']}。{req['text']}" for req in plan["requirements"]]
    return pieces


def first_difference(a: str, b: str) -> int:
    for index, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return index
    return min(len(a), len(b))


def test_data_reproduces_seed_verbatim(seed: str, data: dict) -> None:
    rebuilt = squash("".join(rebuild(data)))
    expected = squash(seed)
    if rebuilt != expected:
        at = first_difference(rebuilt, expected)
        lo = max(0, at - 40)
        pytest.fail(
            f"data and seed differ at position {at} (whitespace removed; "
            f"data length {len(rebuilt)}, seed length {len(expected)})\n"
            f"  data: …{rebuilt[lo:at]}⟦{rebuilt[at:at + 40]}⟧…\n"
            f"  seed: …{expected[lo:at]}⟦{expected[at:at + 40]}⟧…"
        )


def items(data: dict):
    for task in data["tasks"]:
        yield task["id"], task
    for part in data["plan"]["parts"]:
        yield part["id"], part


def test_target_and_milestone_sources_are_in_their_text(data: dict) -> None:
    problems = []
    for item_id, item in items(data):
        body = squash(item.get("text") or "")
        for kind in ("targets", "milestones"):
            for entry in item.get(kind) or []:
                if not body or squash(entry["source"]) not in body:
                    problems.append(f"{item_id}.{kind}.{entry['id']}: {entry['source']!r}")
    assert not problems, "sources not found in their item's text:\n" + "\n".join(problems)


def test_deadline_words_are_in_the_source(data: dict) -> None:
    problems = []
    for item_id, item in items(data):
        for kind in ("targets", "milestones"):
            for entry in item.get(kind) or []:
                deadline = entry.get("deadline")
                if deadline and squash(deadline["text"]) not in squash(entry["source"]):
                    problems.append(f"{item_id}.{kind}.{entry['id']}: {deadline['text']!r}")
    assert not problems, "deadline words not in the quoted sentence:\n" + "\n".join(problems)


def test_reference_titles_are_in_seed(seed: str, data: dict) -> None:
    squashed = squash(seed)
    missing = [ref["id"] for ref in data["references"] if squash(ref["title"]) not in squashed]
    assert not missing, f"reference titles not found verbatim in the seed: {missing}"


def test_organization_spellings_are_in_seed(seed: str, data: dict) -> None:
    squashed = squash(seed)
    missing = []
    for org in data["organizations"]:
        # The full ministry name is ours; the seed only writes the short name 人社部.
        spellings = [org["short_name"], *org.get("aliases", [])]
        if org["level"] != "国家":
            spellings.append(org["name"])
        missing += [f"{org['id']}: {s}" for s in spellings if squash(s) not in squashed]
    assert not missing, f"organization spellings not found in the seed: {missing}"


def test_cross_references_resolve(data: dict) -> None:
    orgs = {org["id"] for org in data["organizations"]}
    refs = {ref["id"] for ref in data["references"]}
    plan = data["plan"]
    parts = {part["id"] for part in plan["parts"]}
    problems = []

    def check(ids, known, where):
        problems.extend(f"{where}: unknown id {i!r}" for i in ids or [] if i not in known)

    check(plan["metadata"].get("issuers"), orgs, "plan.metadata.issuers")
    check(plan.get("implements"), refs, "plan.implements")
    for part in plan["parts"]:
        check(part["responsibility"]["units"], orgs, f"{part['id']}.responsibility")
        check(part.get("references"), refs, f"{part['id']}.references")
    check(plan["coordination"]["units"], orgs, "plan.coordination")
    for task in data["tasks"]:
        check([task["part"]], parts, f"{task['id']}.part")
        check(task.get("references"), refs, f"{task['id']}.references")
    for doc in data["documents"]:
        for field in ("recipients", "signatories"):
            check(doc.get(field), orgs, f"{doc['id']}.{field}")
        check(doc["metadata"].get("issuers"), orgs, f"{doc['id']}.metadata.issuers")
        check(doc.get("attachments"), {plan["id"]}, f"{doc['id']}.attachments")
    assert not problems, "\n".join(problems)

    numbers = [task["number"] for task in data["tasks"]]
    assert numbers == list(range(1, len(numbers) + 1))
    assert [task["id"] for task in data["tasks"]] == [f"t{n:02d}" for n in numbers]


def test_files_match_the_models() -> None:
    from macros.core import models

    models.OrganizationList.model_validate(load(DATA / "organizations.yaml"))
    models.ReferenceList.model_validate(load(DATA / "references.yaml"))
    models.Plan.model_validate(load(PLAN_DIR / "plan.yaml"))
    models.TaskList.model_validate(load(PLAN_DIR / "tasks.yaml"))
    models.DocumentList.model_validate(load(PLAN_DIR / "documents.yaml"))
