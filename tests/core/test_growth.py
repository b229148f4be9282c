"""The data alone grows the site: a new task, or a second plan of another shape, needs no code change."""
from __future__ import annotations

import json
import subprocess
import sys

from macros.core import urls
from macros.core.models import squash
from tests.support import ROOT, load_catalog, page_html

TEST_PLAN = "test-qinghe-2024"
NEW_TASK = '''  - id: "t23"
    number: 23
    part: "p4"
    title: "测试新增任务"
    text: "这是一条只用于测试的任务正文。"
'''


def test_a_new_task_gets_its_page_and_its_rows_without_code_change(data_copy, tmp_path):
    tasks = data_copy / "plans" / "daye-2023" / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8")
    # tasks of p4 are last in the file, so the new one keeps the file in order
    tasks.write_text(text.rstrip("\n") + "\n" + NEW_TASK, encoding="utf-8")
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, str(ROOT / "scripts/build.py"), "--data", str(data_copy),
                             "--site-dir", str(site), "--skip-outputs", "print"], capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "测试新增任务" in page_html(site, urls.task("daye-2023", "t23"))
    assert "tasks/t23/" in page_html(site, urls.part("daye-2023", "p4"))
    assert "tasks/t23/" in page_html(site, urls.responsibilities("daye-2023"))


def test_the_test_plan_gets_every_page_kind(fixture_site, fixture_data):
    catalog = load_catalog(fixture_data)
    bundle = catalog.plan(TEST_PLAN)
    assert len(bundle.parts) == 3 and len(bundle.tasks) == 9, "the fixture has another shape than Daye"
    paths = [urls.plan(TEST_PLAN), urls.targets(TEST_PLAN), urls.responsibilities(TEST_PLAN), urls.plan_text(TEST_PLAN),
             *(urls.part(TEST_PLAN, part.id) for part in bundle.parts),
             *(urls.task(TEST_PLAN, task.id) for task in bundle.tasks),
             *(urls.document(TEST_PLAN, document.id) for document in bundle.documents),
             *(urls.embed_task(TEST_PLAN, task.id) for task in bundle.tasks)]
    for path in paths:
        assert (fixture_site / path / "index.html").is_file(), path
    for task in bundle.tasks:
        html = page_html(fixture_site, urls.task(TEST_PLAN, task.id))
        assert squash(task.text) in squash(html.replace("<wbr>", "")) or task.title in html, task.id
        for unit in bundle.responsibility(task).units:
            assert urls.department(unit) in html.replace("../", "") or catalog.organizations[unit].short_name in html
    own = [org for org in catalog.organizations if org.startswith("qh-") and bundle.items_of(org)]
    assert own, "the test plan's departments"
    for org_id in own:
        html = page_html(fixture_site, urls.department(org_id))
        assert f'id="plan-{TEST_PLAN}"' in html and 'id="plan-daye-2023"' not in html, org_id
    export = json.loads((fixture_site / urls.plan_json(TEST_PLAN)).read_text(encoding="utf-8"))
    assert [task["id"] for task in export["tasks"]] == [task.id for task in bundle.tasks]
    assert (fixture_site / urls.plan_calendar(TEST_PLAN)).is_file()
    assert (fixture_site / urls.document_pdf(TEST_PLAN, "plan-text")).is_file()


def test_the_test_plan_alone_builds(tmp_path):
    from tests.fixtures.combine import combined_policy_data

    data = combined_policy_data(tmp_path / "policy_data", with_daye=False)
    result = subprocess.run([sys.executable, str(ROOT / "scripts/build.py"), "--data", str(data), "--site-dir",
                             str(tmp_path / "site"), "--skip-outputs", "print"], capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert not (tmp_path / "site" / "plans" / "daye-2023").exists()
