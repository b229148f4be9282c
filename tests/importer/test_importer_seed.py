"""Round trip on the seed: importing it as a new plan gives what was copied by hand into daye-2023."""
from __future__ import annotations

import hashlib

import pytest
from tests.importer.support import ROOT, load, squash

from macros.importer import import_plan

HAND = ROOT / "policy_data" / "plans" / "daye-2023"


@pytest.fixture(scope="module")
def imported(seed_path, tmp_path_factory):
    import shutil
    data = tmp_path_factory.mktemp("seed") / "policy_data"
    shutil.copytree(ROOT / "policy_data", data)
    result = import_plan(seed_path, "daye-import", data)
    assert result.written
    folder = data / "plans" / "daye-import"
    return {name: load(folder / name) for name in ("plan.yaml", "tasks.yaml", "documents.yaml")} | {
        "review": (folder / "import-review.md").read_text(encoding="utf-8"), "result": result, "data": data}


def deadline_phrases(item: dict) -> set[str]:
    entries = list(item.get("targets") or []) + list(item.get("milestones") or [])
    return {entry["deadline"]["text"] for entry in entries if entry.get("deadline")}


def test_plan_fields_match_the_hand_made_data(imported, seed_path):
    hand, plan = load(HAND / "plan.yaml"), imported["plan.yaml"]
    for field in ("title", "status_line", "preamble", "tasks_heading", "requirements_heading"):
        assert squash(plan[field]) == squash(hand[field]), field
    assert plan["goal"]["heading"] == hand["goal"]["heading"]
    assert squash(plan["goal"]["text"]) == squash(hand["goal"]["text"])
    assert [(r["label"], r["heading"], squash(r["text"])) for r in plan["requirements"]] == [
        (r["label"], r["heading"], squash(r["text"])) for r in hand["requirements"]]
    assert plan["metadata"]["issuers"] == ["rsj"] and "status" not in plan["metadata"]
    assert plan["status"] == hand["status"] == {"stage": "consultation"}  # from the “(征求意见稿)” line
    assert (plan["region"], plan["year"], plan["level"]) == ("大冶市", 2023, hand["level"])
    assert plan["source"] == {"file": seed_path.name, "sha256": hashlib.sha256(seed_path.read_bytes()).hexdigest()}
    assert "征求意见" not in plan["short_title"]  # the status is data now, not part of the short title


def test_parts_match_field_by_field(imported):
    hand, plan = load(HAND / "plan.yaml"), imported["plan.yaml"]
    assert [p["id"] for p in plan["parts"]] == [p["id"] for p in hand["parts"]]
    for mine, theirs in zip(plan["parts"], hand["parts"]):
        assert mine["label"] == theirs["label"]
        assert mine["heading"] == theirs["heading"]
        assert squash(mine.get("text")) == squash(theirs.get("text"))
        assert mine["responsibility"]["source"] == theirs["responsibility"]["source"]
        assert mine["responsibility"]["units"] == theirs["responsibility"]["units"]
        for role in ("lead", "support"):  # the source says 责任单位 only: no roles
            assert mine["responsibility"].get(role, []) == theirs["responsibility"].get(role, [])
        assert mine.get("parent") == theirs.get("parent")
        assert deadline_phrases(mine) == deadline_phrases(theirs), mine["id"]


def test_tasks_match_field_by_field(imported):
    hand, tasks = load(HAND / "tasks.yaml")["tasks"], imported["tasks.yaml"]["tasks"]
    assert len(tasks) == len(hand) == 22
    for mine, theirs in zip(tasks, hand):
        assert (mine["id"], mine["number"], mine["part"]) == (theirs["id"], theirs["number"], theirs["part"])
        assert mine["title"] == theirs["title"]
        assert mine["label"] == theirs.get("label", f"{theirs['number']}.")  # printed "1." … "22."
        assert squash(mine["text"]) == squash(theirs["text"]), mine["id"]
        assert mine.get("deadline") == theirs.get("deadline") and mine.get("measures") == theirs.get("measures")
        assert mine.get("responsibility") == theirs.get("responsibility"), mine["id"]
        assert deadline_phrases(mine) == deadline_phrases(theirs), mine["id"]


def test_suggested_targets_agree_with_the_hand_made_ones(imported):
    hand = {t["id"]: t for t in load(HAND / "tasks.yaml")["tasks"]}
    for task in imported["tasks.yaml"]["tasks"]:
        for theirs in hand[task["id"]].get("targets", []):
            figure = [theirs.get(key) for key in ("value", "min", "max")]
            mine = next(t for t in task["targets"] if [t.get(key) for key in ("value", "min", "max")] == figure)
            assert (mine["comparator"], mine["unit"], mine["source"]) == (theirs["comparator"], theirs["unit"], theirs["source"])


def test_every_official_text_is_verbatim_in_the_source(imported, seed_path):
    source = squash(seed_path.read_text(encoding="utf-8"))
    plan, tasks = imported["plan.yaml"], imported["tasks.yaml"]["tasks"]
    texts = [plan["title"], plan["status_line"], plan["preamble"], plan["goal"]["text"]]
    texts += [f"{p['heading']}" for p in plan["parts"]] + [p.get("text", "") for p in plan["parts"]]
    texts += [p["responsibility"]["source"] for p in plan["parts"]]
    texts += [f"{t['title']}。{t['text']}" for t in tasks]
    texts += [f"{r['heading']}。{r['text']}" for r in plan["requirements"]]
    texts += [block["text"] for document in imported["documents.yaml"]["documents"] for block in document["body"]]
    for text in texts:
        assert squash(text) in source, text[:40]


def test_covering_documents_are_imported_in_order(imported):
    hand = load(HAND / "documents.yaml")["documents"]
    mine = imported["documents.yaml"]["documents"]
    assert [d["kind"] for d in mine] == [d["kind"] for d in hand]
    for ours, theirs in zip(mine, hand):
        assert [squash(b["text"]) for b in ours["body"]] == [squash(b["text"]) for b in theirs["body"]]
        assert ours["recipients"] == theirs["recipients"]


def test_review_list_names_the_guesses_with_their_lines(imported):
    review = imported["review"]
    assert "open_items:" in review and "sha256: " in review
    assert "状态 · 状态（status.stage）推测为 consultation（征求意见），依据是标题下的“(征求意见稿)”" in review
    assert "第 57 行 · 时限 · t01-m1: 推测时限“一季度”" in review
    assert "接续断行：行 65 的“2023 年全市" in review  # the page wrap in task 4
    assert "鄂人社发〔2023〕9号" in review  # a cited document to add to references.yaml
