"""The data alone grows the site: a new task or a second plan needs no code change."""
from __future__ import annotations

import shutil
import subprocess
import sys

from conftest import ROOT

NEW_TASK = '''  - id: "t23"
    number: 23
    part: "p4"
    title: "测试新增任务"
    text: "这是一条只用于测试的任务正文。"
'''


def test_new_task_and_second_plan_build_without_code_change(data_copy, tmp_path):
    tasks = data_copy / "plans" / "daye-2023" / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8")
    # tasks of p4 are last in the file, so the new one keeps the file in order
    tasks.write_text(text.rstrip("\n") + "\n" + NEW_TASK, encoding="utf-8")
    second = data_copy / "plans" / "other-2024"
    shutil.copytree(data_copy / "plans" / "daye-2023", second)
    for path in second.glob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("daye-2023", "other-2024"), encoding="utf-8")

    site = tmp_path / "site"
    result = subprocess.run([sys.executable, str(ROOT / "scripts/build.py"), "--data", str(data_copy),
                             "--site-dir", str(site)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    for plan in ("daye-2023", "other-2024"):
        page = site / "plans" / plan / "tasks" / "t23" / "index.html"
        assert page.exists(), page
        assert "测试新增任务" in page.read_text(encoding="utf-8")
        part = (site / "plans" / plan / "parts" / "p4" / "index.html").read_text(encoding="utf-8")
        assert "tasks/t23/" in part
    department = (site / "departments" / "rsj" / "index.html").read_text(encoding="utf-8")
    assert 'id="plan-daye-2023"' in department and 'id="plan-other-2024"' in department
    matrix = (site / "plans" / "other-2024" / "responsibilities" / "index.html").read_text(encoding="utf-8")
    assert "tasks/t23/" in matrix
