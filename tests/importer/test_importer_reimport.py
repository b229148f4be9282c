"""Re-import never loses work: hand-written files and fields survive a new version; the changes are listed."""
from __future__ import annotations

import re

import pytest
import yaml
from tests.importer.support import ROOT, load, run_cli, snapshot

from macros.importer import ImportProblem, NeedsForce, import_plan
from macros.importer.yamlout import dump

HAND = ROOT / "policy_data" / "plans" / "daye-2023"


def new_version(seed: str, drop_task: int = 9) -> str:
    """The seed with task 3 reworded, task 9 dropped (later tasks renumbered) and a task added to part (四)."""
    text = seed.replace("努力将农民工稳在当地。", "努力将农民工稳在本地，稳在家门口。")
    text = re.sub(rf"\n{drop_task}\.[^\n]*\n", "\n", text)

    def renumber(match: re.Match) -> str:
        number = int(match.group(1))
        return f"\n{number - 1 if number > drop_task else number}." if number <= 22 else match.group(0)

    text = re.sub(r"\n(\d{1,2})\.", renumber, text)
    added = "22.推进农民工服务站建设。在各乡镇建设农民工服务站，为农民工提供政策咨询。\n\n"
    return text.replace("[责任单位：市发改委、市财政局、市人社局", added + "[责任单位：市发改委、市财政局、市人社局", 1)


@pytest.fixture
def edited_plan(seed_path, data_dir):
    """The seed imported as daye-import, then edited by hand: explanations, a short title, a reference, a target."""
    import_plan(seed_path, "daye-import", data_dir)
    folder = data_dir / "plans" / "daye-import"
    hand = {e["item"]: e for e in load(HAND / "explanations.yaml")["explanations"]}
    explanation = {**hand["t03"], "how_to": "企业用工有困难，可以问市人社局。（编辑修改过的解读）"}
    (folder / "explanations.yaml").write_text(dump({"explanations": [explanation, hand["t10"]]}, ["手写的解读"]), encoding="utf-8")
    plan = load(folder / "plan.yaml")
    plan["short_title"] = "“三安”工程行动方案（编辑拟定）"
    plan["summary"] = "帮助农民工在县城安业、安薪、安身。"
    plan["themes"] = [{"id": "anye", "label": "安业"}]
    plan["parts"][0] = {**plan["parts"][0], "theme": "anye"}
    plan["status"] = {"stage": "submitted"}  # reviewed by hand
    (folder / "plan.yaml").write_text(dump(plan, ["edited by hand"]), encoding="utf-8")
    tasks = load(folder / "tasks.yaml")
    tasks["tasks"][1]["references"] = ["spring-breeze"]
    tasks["tasks"][3]["targets"][0]["metric"] = "脱贫人口务工规模（编辑改写）"
    (folder / "tasks.yaml").write_text(dump(tasks, ["edited by hand"]), encoding="utf-8")
    return folder


def test_reimport_shows_the_changes_and_writes_nothing_without_force(edited_plan, seed_path, tmp_path, data_dir):
    source = tmp_path / "v2.txt"
    source.write_text(new_version(seed_path.read_text(encoding="utf-8")), encoding="utf-8")
    before = snapshot(data_dir)
    with pytest.raises(NeedsForce) as refused:
        import_plan(source, "daye-import", data_dir)
    changes = refused.value.result.changes
    assert any(c.startswith("任务 t03 的原文有改动：") and "稳在本地，稳在家门口" in c for c in changes)
    assert any(c.startswith("删除任务 t09（原第 9 项）：开展职业农民职称评审工作") for c in changes)
    assert any(c.startswith("新增任务 t23（第 22 项）：推进农民工服务站建设") for c in changes)
    assert "+    text: \"完善重点企业用工保障机制" in refused.value.result.diff
    assert snapshot(data_dir) == before


def test_reimport_with_force_keeps_hand_written_work(edited_plan, seed_path, tmp_path, data_dir):
    explanations = (edited_plan / "explanations.yaml").read_bytes()
    source = tmp_path / "v2.txt"
    source.write_text(new_version(seed_path.read_text(encoding="utf-8")), encoding="utf-8")
    run = run_cli(source, "--plan", "daye-import", "--data", data_dir, "--force")
    assert run.returncode == 0, run.stderr
    assert "改动：任务 t03 的原文有改动" in run.stdout
    assert (edited_plan / "explanations.yaml").read_bytes() == explanations  # untouched, and still valid
    plan, tasks = load(edited_plan / "plan.yaml"), load(edited_plan / "tasks.yaml")["tasks"]
    by_id = {t["id"]: t for t in tasks}
    assert plan["short_title"] == "“三安”工程行动方案（编辑拟定）" and plan["parts"][0]["theme"] == "anye"
    assert plan["themes"] == [{"id": "anye", "label": "安业"}] and plan["summary"] == "帮助农民工在县城安业、安薪、安身。"
    assert plan["status"] == {"stage": "submitted"}
    assert by_id["t02"]["references"] == ["spring-breeze"]
    assert by_id["t04"]["targets"][0]["metric"] == "脱贫人口务工规模（编辑改写）"
    assert by_id["t03"]["text"].endswith("努力将农民工稳在本地，稳在家门口。")
    assert "t09" not in by_id and by_id["t10"]["number"] == 9 and by_id["t10"]["title"] == "做好脱贫劳动力职业技能培训"
    assert (by_id["t23"]["number"], by_id["t23"]["part"]) == (22, "p4")
    assert [t["number"] for t in tasks] == list(range(1, 23))
    review = (edited_plan / "import-review.md").read_text(encoding="utf-8")
    assert "## 与上次导入相比的改动" in review and "删除任务 t09" in review


def test_dropping_a_task_that_has_an_explanation_is_refused(edited_plan, seed_path, tmp_path, data_dir):
    source = tmp_path / "v3.txt"
    source.write_text(new_version(seed_path.read_text(encoding="utf-8"), drop_task=10), encoding="utf-8")
    before = snapshot(data_dir)
    with pytest.raises(ImportProblem) as refused:
        import_plan(source, "daye-import", data_dir, force=True)
    assert str(refused.value).endswith("explanations.yaml: found explanations of t10（原第 10 项 做好脱贫劳动力职业技能培训）, which the new version of the source no longer has; expected to move or delete those explanations first (nothing was written)")
    assert snapshot(data_dir) == before
    assert yaml.safe_load((edited_plan / "explanations.yaml").read_text(encoding="utf-8"))["explanations"][1]["item"] == "t10"


def test_reimport_over_the_hand_made_plan_keeps_its_hand_written_fields(seed_path, tmp_path, data_dir):
    """daye-2023 was written by hand (status, level, themes with ids, part themes, summary, short title): a
    changed seed imported over it with --force changes task 3 and records the source, nothing else."""
    changed = tmp_path / "changed.txt"
    changed.write_text(seed_path.read_text(encoding="utf-8").replace("努力将农民工稳在当地。", "努力将农民工稳在本地。"),
                       encoding="utf-8")
    result = import_plan(changed, "daye-2023", data_dir, force=True)
    assert result.written
    folder = data_dir / "plans" / "daye-2023"
    hand_plan, plan = load(HAND / "plan.yaml"), load(folder / "plan.yaml")
    assert [key for key in plan if key != "source"] == list(hand_plan)  # in the order of the hand-made file
    assert {key: value for key, value in plan.items() if key != "source"} == hand_plan
    assert plan["source"] == {"file": "changed.txt", "sha256": result.document.sha256}
    hand_tasks, tasks = load(HAND / "tasks.yaml")["tasks"], load(folder / "tasks.yaml")["tasks"]
    assert [t for t in tasks if t["id"] != "t03"] == [t for t in hand_tasks if t["id"] != "t03"]
    assert tasks[2]["text"].endswith("努力将农民工稳在本地。")
    assert (folder / "review.yaml").is_file()  # the new version is to be reviewed again
