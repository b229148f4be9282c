"""Bad input gives a clear message (file, line, field, found, expected) and never a broken site."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import ROOT, mutate

TASKS = "plans/daye-2023/tasks.yaml"
PLAN = "plans/daye-2023/plan.yaml"


def validate(data: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py"), str(data)],
                          capture_output=True, text=True, timeout=120)


def assert_reported(result, file: str, line: int, field: str, *words: str) -> str:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    location = f"policy_data/{file}:{line}: {field}: "
    lines = [entry for entry in result.stderr.splitlines() if location in entry]
    assert lines, f"expected an error at {location!r}, got:\n{result.stderr}"
    for word in words:
        assert word in lines[0], f"{word!r} not in {lines[0]!r}"
    return lines[0]


def test_the_real_data_is_valid():
    result = validate(ROOT / "policy_data")
    assert result.returncode == 0, result.stderr
    assert "22 tasks" in result.stdout


def test_yaml_syntax_error(data_copy):
    line = mutate(data_copy, TASKS, '    number: 3\n', '    number: 3\n   part: "p1"\n')
    result = validate(data_copy)
    assert_reported(result, TASKS, line + 1, "(the whole file)", "YAML syntax error", "indentation")


def test_missing_required_field(data_copy):
    line = mutate(data_copy, TASKS, '    title: "强化稳岗服务机制"\n', "")
    result = validate(data_copy)
    # the error points at the task that lacks the field
    task_line = line - 3
    assert_reported(result, TASKS, task_line, "tasks[2].title", "found nothing", "required")


def test_wrong_type(data_copy):
    line = mutate(data_copy, TASKS, "value: 5357", 'value: "很多"')
    result = validate(data_copy)
    assert_reported(result, TASKS, line, "tasks[3].targets[0].value", "'很多'", "number")


def test_unknown_value_of_a_fixed_set(data_copy):
    line = mutate(data_copy, TASKS, 'comparator: ">="', 'comparator: ">>"')
    result = validate(data_copy)
    assert_reported(result, TASKS, line, "tasks[3].targets[0].comparator", "'>>'", "'>='", "'range'")


def test_unknown_department_lists_the_known_ids(data_copy):
    line = mutate(data_copy, PLAN, '- "fgw"', '- "fagaiwei"')
    result = validate(data_copy)
    message = assert_reported(result, PLAN, line, "parts[0].responsibility.units[1]", "'fagaiwei'")
    assert "rsj" in message and "zjj" in message and "organizations.yaml" in message


def test_unknown_reference(data_copy):
    line = mutate(data_copy, TASKS, '- "spring-breeze"', '- "spring-wind"')
    result = validate(data_copy)
    assert_reported(result, TASKS, line, "tasks[1].references[0]", "'spring-wind'", "spring-breeze")


def test_duplicate_id(data_copy):
    line = mutate(data_copy, TASKS, 'id: "t02"', 'id: "t01"')
    result = validate(data_copy)
    assert_reported(result, TASKS, line, "tasks[1].id", "'t01'", "not used before")


def test_task_numbers_out_of_order(data_copy):
    line = mutate(data_copy, TASKS, "number: 2\n", "number: 12\n")
    result = validate(data_copy)
    assert_reported(result, TASKS, line, "tasks[1].number", "12", "numbered 1, 2, 3")


def test_deadline_that_cannot_be_parsed(data_copy):
    line = mutate(data_copy, TASKS, 'value: "2023-end"', 'value: "2023年底"')
    result = validate(data_copy)
    assert_reported(result, TASKS, line, "tasks[12].targets[0].deadline.value", "2023年底", "can be read", "2023-end")


def test_impossible_date(data_copy):
    line = mutate(data_copy, "plans/daye-2023/documents.yaml", 'value: "2023-07-06T16:00"', 'value: "2023-07-36T16:00"')
    result = validate(data_copy)
    assert_reported(result, "plans/daye-2023/documents.yaml", line, "documents[0].deadline.value", "2023-07-36")


def test_inferred_year_must_be_explained(data_copy):
    path = data_copy / TASKS
    text = path.read_text(encoding="utf-8")
    start = text.index("          inferred:")
    end = text.index("\n", start) + 1
    line = text.count("\n", 0, text.rindex("deadline:", 0, start)) + 1  # the key of the entry
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    result = validate(data_copy)
    assert_reported(result, TASKS, line, "tasks[0].milestones[0].deadline", "inferred")


def test_target_without_source_sentence(data_copy):
    line = mutate(data_copy, TASKS, 'source: "确保2023 年全市脱贫人口', 'source: "确保2024 年全市脱贫人口')
    result = validate(data_copy)
    assert_reported(result, TASKS, line, "tasks[3].targets[0].source", "确保2024", "a sentence copied from")


def test_unknown_field_is_a_typo(data_copy):
    line = mutate(data_copy, TASKS, '    title: "稳定县域就业岗位"', '    titel: "稳定县域就业岗位"')
    result = validate(data_copy)
    assert_reported(result, TASKS, line, "tasks[0].titel", "unknown field")


def test_every_error_is_reported_at_once(data_copy):
    mutate(data_copy, TASKS, 'comparator: ">="', 'comparator: ">>"')
    mutate(data_copy, PLAN, '- "fgw"', '- "fagaiwei"')
    mutate(data_copy, "organizations.yaml", "level:", "levle:")
    result = validate(data_copy)
    assert result.returncode == 1
    assert "comparator" in result.stderr and "levle" in result.stderr


def _build(site_dir: Path, data: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--site-dir", str(site_dir),
                           "--data", str(data)], capture_output=True, text=True, timeout=600)


def test_bad_data_never_touches_the_published_site(site, data_copy, tmp_path):
    published = tmp_path / "site"
    import shutil
    shutil.copytree(site, published)
    before = {p: p.stat().st_mtime_ns for p in published.rglob("*")}
    mutate(data_copy, TASKS, 'part: "p1"', 'part: "p9"')
    result = _build(published, data_copy)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "tasks.yaml:" in result.stderr and "tasks[0].part" in result.stderr and "p1" in result.stderr
    assert "site/ is unchanged" in result.stderr
    after = {p: p.stat().st_mtime_ns for p in published.rglob("*")}
    assert before == after


@pytest.mark.parametrize("field", ["title", "text"])
def test_html_and_macro_syntax_in_data_are_shown_as_text(data_copy, tmp_path, field):
    evil = '<script>alert(1)</script><b>粗</b>{{ 7*7 }}{% if true %}X{% endif %}'
    if field == "title":
        mutate(data_copy, TASKS, '"稳定县域就业岗位"', f'"稳定县域就业岗位{evil}"')
    else:
        mutate(data_copy, TASKS, '积极发挥重大项目、重点企业带动农民工就业作用。"', f'积极发挥重大项目、重点企业带动农民工就业作用。{evil}"')
    result = _build(tmp_path / "site", data_copy)
    assert result.returncode == 0, result.stderr[-3000:]
    html = (tmp_path / "site/plans/daye-2023/tasks/t01/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "<b>粗</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "49" not in html.split("稳定县域就业岗位", 1)[1].split("</h1>", 1)[0] or field == "text"
    main = html.split('<article', 1)[1]
    assert "{{ 7*7 }}" in main or "&#123;&#123; 7*7 &#125;&#125;" in main
    assert "{% if true %}X{% endif %}" in main or "&#123;% if true %&#125;X" in main
    # the plan's full text shows the same characters, as text
    full = (tmp_path / "site/plans/daye-2023/documents/plan-text/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;粗&lt;/b&gt;{{ 7*7 }}" in full
