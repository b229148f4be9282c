"""`make import` of a new version into an existing plan (scripts/import_plan.py --new-version): the current
text is frozen under versions/<previous>/, the source becomes the current text, versions.yaml lists both."""
from __future__ import annotations

import subprocess
import sys

from tests.fixtures.combine import combined_policy_data
from tests.support import ROOT, load_catalog

PLAN = "test-import-version-2024"
# 测试数据：虚构的方案文本，只用于自动测试。
FIRST = """清河县（虚构）农民工就业服务试点方案（测试数据）

为做好农民工就业服务工作，结合我县实际，制定本方案。本方案为虚构的测试数据。

一、工作目标

到2024年底，全县农民工就业服务水平明显提升。

二、重点任务

1.设立服务窗口。在县公共就业服务中心设立农民工服务窗口，提供求职登记和政策咨询服务。

牵头单位：县人社局

2.发布岗位信息。每月汇总县内企业用工需求，通过村（社区）公告栏发布岗位信息。

牵头单位：县人社局

3.举办招聘活动。2024年春节后举办招聘活动不少于3场。

牵头单位：县人社局
"""
SECOND = FIRST.replace("每月汇总", "每半月汇总").replace("公告栏发布", "公告栏和微信群发布").replace(
    "3.举办招聘活动。2024年春节后举办招聘活动不少于3场。", "3.建立服务热线。依托县人社局咨询电话，建立农民工服务热线。")


def run_import(*args: str):
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "import_plan.py"), *args],
                          capture_output=True, text=True, timeout=600)


def test_a_new_version_is_imported_into_an_existing_plan(tmp_path):
    data = combined_policy_data(tmp_path / "policy_data", plans=[])
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(FIRST, encoding="utf-8")
    second.write_text(SECOND, encoding="utf-8")
    assert run_import(str(first), "--plan", PLAN, "--data", str(data)).returncode == 0
    plan_dir = data / "plans" / PLAN
    original = (plan_dir / "tasks.yaml").read_text(encoding="utf-8")

    refused = run_import(str(second), "--plan", PLAN, "--data", str(data), "--new-version", "issued", "--label", "印发稿",
                         "--date", "2024-03-20")  # the plan has no versions.yaml: which version does it hold now?
    assert refused.returncode == 1 and "--previous-version, --previous-label and --previous-date" in refused.stderr
    assert not (plan_dir / "versions").exists()

    done = run_import(str(second), "--plan", PLAN, "--data", str(data), "--new-version", "issued", "--label", "印发稿",
                      "--date", "2024-03-20", "--note", "测试数据。", "--previous-version", "draft",
                      "--previous-label", "征求意见稿", "--previous-date", "2024-01-10")
    assert done.returncode == 0, done.stderr
    frozen = (plan_dir / "versions" / "draft" / "tasks.yaml").read_text(encoding="utf-8")
    assert frozen == original.replace("$schema=../../schema/", "$schema=../../../../schema/")
    assert "每半月汇总" in (plan_dir / "tasks.yaml").read_text(encoding="utf-8")

    history = load_catalog(data).loaded["versions"][PLAN]
    assert [(v.id, v.meta.label, v.meta.note) for v in history.versions] == [
        ("draft", "征求意见稿", None), ("issued", "印发稿", "测试数据。")]
    comparison = history.compare(*history.pairs()[0])
    assert [t.title for t in comparison.added] == ["建立服务热线"] and [t.title for t in comparison.removed] == ["举办招聘活动"]
    assert [p.new.title for p in comparison.reworded] == ["发布岗位信息"]

    again = run_import(str(second), "--plan", PLAN, "--data", str(data), "--new-version", "draft", "--label", "x",
                       "--date", "2024-03-21")
    assert again.returncode == 1 and "an id not used by an earlier version: draft, issued" in again.stderr
