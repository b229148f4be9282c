"""Bad versions data gives an error naming the file and the line; the published Daye site (no versions) is
unchanged: no versions pages, no feed entries, no note on its overview."""
from __future__ import annotations

import shutil

import pytest

from macros.core.load import DataErrors
from macros.core.site_map import site_map
from macros.features.versions.outputs import CATEGORY
from tests.support import ROOT, load_catalog, mutate
from tests.versions.conftest import PLAN, with_versions

FOLDER = f"plans/{PLAN}"
VERSIONS = f"{FOLDER}/versions.yaml"


@pytest.fixture
def data(tmp_path):
    return with_versions(tmp_path / "policy_data")


def errors_of(data) -> str:
    with pytest.raises(DataErrors) as raised:
        load_catalog(data)
    return str(raised.value)


def test_the_fixture_loads_with_its_two_versions(versions_data):
    history = load_catalog(versions_data).loaded["versions"][PLAN]
    assert [v.id for v in history.versions] == ["draft", "issued"] and history.current.current


def test_a_bad_field_of_versions_yaml(data):
    line = mutate(data, VERSIONS, "date: 2024-03-20", "date: 2024-03-32")
    message = errors_of(data)
    assert f"policy_data/{VERSIONS}:{line}: versions[1].date: found '2024-03-32'" in message, message


def test_an_unknown_field_of_versions_yaml(data):
    line = mutate(data, VERSIONS, '    label: "印发稿"', '    lable: "印发稿"')
    message = errors_of(data)
    assert f"policy_data/{VERSIONS}:{line}: versions[1].lable: found an unknown field" in message, message
    assert f"versions[1].label: found nothing; expected this required field" in message, message


def test_an_earlier_version_without_its_folder(data):
    shutil.rmtree(data / FOLDER / "versions" / "draft")
    line = 5  # - id: "draft"
    message = errors_of(data)
    assert f"policy_data/{VERSIONS}:{line}: versions[0].id: found 'draft'; expected an earlier version kept in " \
           f"policy_data/{FOLDER}/versions/draft/" in message, message


def test_a_version_folder_not_listed(data):
    shutil.copytree(data / FOLDER / "versions" / "draft", data / FOLDER / "versions" / "old")
    message = errors_of(data)
    assert f"policy_data/{FOLDER}/versions/old:1: (the folder): found a version folder not listed in versions.yaml; " \
           "expected a folder per earlier version listed in" in message, message


def test_a_summary_about_a_task_that_did_not_change(data):
    line = mutate(data, VERSIONS, '      t03: "删去了举办春季招聘会这一项。"', '      t01: "没有变。"')
    message = errors_of(data)
    assert f"policy_data/{VERSIONS}:{line}: versions[1].changes.t01: found 't01'; expected the id of a task added, " \
           "removed, renumbered or reworded since 'draft', one of: t02, t03, t04, t05, t06" in message, message


def test_versions_out_of_order_and_an_id_with_to(data):
    line = mutate(data, VERSIONS, "date: 2024-03-20", "date: 2023-12-31")
    id_line = mutate(data, VERSIONS, 'id: "issued"', 'id: "x-to-y"')
    message = errors_of(data)
    assert f"policy_data/{VERSIONS}:{line}: versions[1].date: found 2023-12-31; expected a date not before" in message, message
    assert f"policy_data/{VERSIONS}:{id_line}: versions[1].id: found 'x-to-y'; expected an id without “-to-”" in message, message


def test_the_first_version_has_no_changes(data):
    line = mutate(data, VERSIONS, '    note: "县人社局公开征求意见的文本（测试数据）。"\n',
                  '    note: "县人社局公开征求意见的文本（测试数据）。"\n    changes:\n      t01: "第一版。"\n')
    message = errors_of(data)
    assert f"policy_data/{VERSIONS}:{line + 1}: versions[0].changes: found a mapping of 1; expected no `changes`" in message, message


def test_a_frozen_version_is_checked_like_the_current_text(data):
    tasks = f"{FOLDER}/versions/draft/tasks.yaml"
    unit_line = mutate(data, tasks, 'units: ["qh-rsj", "qh-czj"]', 'units: ["qh-rsj", "qh-nobody"]')
    number_line = mutate(data, tasks, "number: 5", "number: five")
    plan_line = mutate(data, f"{FOLDER}/versions/draft/plan.yaml", 'id: "test-versions-2024"', 'id: "test-versions-2023"')
    message = errors_of(data)
    assert f"policy_data/{tasks}:{number_line}: tasks[4].number: found 'five'" in message, message
    # the reader stops a file that does not validate; the cross-checks of the plan then wait for it
    mutate(data, tasks, "number: five", "number: 5")
    message = errors_of(data)
    assert f"policy_data/{tasks}:{unit_line}: tasks[3].responsibility.units[1]: found 'qh-nobody'; expected an organization id" \
        in message, message
    assert f"policy_data/{FOLDER}/versions/draft/plan.yaml:{plan_line}: id: found 'test-versions-2023'; " \
           f"expected the id of the plan, '{PLAN}'" in message, message


def test_the_published_daye_site_has_no_versions(tmp_path):
    catalog = load_catalog(ROOT / "policy_data")
    assert catalog.loaded["versions"] == {}
    paths = site_map(catalog).paths
    assert not [path for path in paths if "/versions/" in path]
    assert not any("方案版本" in str(entry) for entry in site_map(catalog).nav)
    from macros.core.build_context import BuildContext
    from macros.core.render import Renderer
    from macros.features.versions import FEATURE

    context = BuildContext(catalog, tmp_path, site_url="", site_name="")
    assert [e for e in FEATURE.feed_entries(context) if e.category == CATEGORY] == []
    assert str(Renderer(catalog, {}).render("_plan_versions.html", plan={"id": "daye-2023"})) == ""
