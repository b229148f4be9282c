"""Reading progress files: encodings from Excel, .xlsx, and an error naming file, line, column, what was
found and what is accepted for every kind of bad row; bad data leaves the previous site/ as it was."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from macros.core.load import DataErrors
from tests.progress.conftest import HEADER, PLAN, build_day, with_progress
from tests.support import ROOT, load_catalog

GOOD = f"{PLAN},t01,gig-stations,2024-Q4,已完成,12,测试数据。,,qh-rsj,2025-01-02"


def load(data: Path):
    with build_day():
        return load_catalog(data)


def write(data: Path, text: str, name: str = "test.csv", encoding: str = "utf-8") -> str:
    (data / "progress" / name).write_bytes(text.encode(encoding))
    return f"policy_data/progress/{name}"


@pytest.fixture
def data(tmp_path) -> Path:
    return with_progress(tmp_path / "policy_data", files=[])


def test_the_fixture_files_load_from_gbk_and_utf8_with_bom(progress_data):
    catalog = load(progress_data)
    progress = catalog.loaded["progress"]
    assert dict(progress.files) == {"policy_data/progress/test-qinghe-mzj-gbk.csv": "GB18030",
                                    "policy_data/progress/test-qinghe-rsj-utf8-bom.csv": "UTF-8 (BOM)"}
    assert len(progress.reports) == 10
    assert progress.build_date == dt.date(2025, 1, 15)
    gbk = next(r for r in progress.reports if r.task == "t02" and r.target)
    assert (gbk.note, gbk.value, gbk.period.label, gbk.line) == ("测试数据：还有3户零就业家庭。", 3.0, "2024年上半年", 2)
    quoted = next(r for r in progress.reports if r.target == "gig-stations" and r.period.value == "2024-Q3")
    assert quoted.note == "测试数据：建成12个，覆盖全部乡镇（街道）。"  # a quoted cell with a comma


def test_latest_status_overdue_and_rollups(progress_data):
    from macros.features.progress import queries

    catalog = load(progress_data)
    index = queries.index(catalog)
    bundle = catalog.plan(PLAN)
    statuses = {task.id: index.status_of(PLAN, task.id) for task in bundle.tasks}
    assert statuses == {"t01": "已完成", "t02": "进行中", "t03": "尚无进展报告", "t04": "尚无进展报告",
                        "t05": "尚无进展报告", "t06": "尚无进展报告", "t07": "已完成", "t08": "进行中", "t09": "尚无进展报告"}
    assert [r.value for r in index.target_history(PLAN, "t01", "gig-stations")] == [4, 9, 12]
    assert [o.task.id for o in index.overdue(bundle)] == ["t02", "t03", "t04", "t05", "t08"]
    # Daye: no report at all, so no status is made up.
    assert {index.status_of("daye-2023", t.id) for t in catalog.plan("daye-2023").tasks} == {"尚无进展报告"}
    by_part = index.rollup(bundle, [(p.id, bundle.tasks_in(p.id)) for p in bundle.parts])
    assert [(row["label"], row["counts"]["已完成"], row["counts"]["进行中"], row["counts"]["尚无进展报告"]) for row in by_part] == [
        ("p1", 1, 1, 1), ("p2", 0, 0, 3), ("p3", 1, 1, 1)]


def test_a_deadline_without_a_date_is_never_overdue(progress_data):
    from macros.features.progress import queries

    catalog = load(progress_data)
    index = queries.index(catalog)
    bundle = catalog.plan(PLAN)
    dated = {t.id for t in bundle.tasks if any(e.deadline for e in [*t.targets, *t.milestones])}
    assert {"t06", "t09"}.isdisjoint(dated)  # no deadline in the fixture: never listed
    assert {o.task.id for o in index.overdue(bundle)} <= dated


def test_the_published_data_has_no_progress_files():
    folder = ROOT / "policy_data" / "progress"
    assert not folder.exists() or not [p for p in folder.iterdir() if p.suffix.lower() in (".csv", ".xlsx")]


BAD_ROWS = [
    # (row, column, found, accepted)
    (f"nowhere,t01,,2024-Q1,进行中,,x,,qh-rsj,2024-04-01", "plan", "'nowhere'", "a plan id, one of: daye-2023, test-qinghe-2024"),
    (f"{PLAN},t99,,2024-Q1,进行中,,x,,qh-rsj,2024-04-01", "task", "'t99'", f"a task id of plan {PLAN}, one of: t01"),
    (f"{PLAN},t01,nope,2024-Q1,进行中,4,x,,qh-rsj,2024-04-01", "target", "'nope'", "a target id of task t01, one of: gig-stations"),
    (f"{PLAN},t06,nope,2024-Q1,进行中,4,x,,qh-nyncj,2024-04-01", "target", "'nope'", "nothing: task t06 has no target"),
    (f"{PLAN},t01,,2024-Q1,进行中,,x,,qh-nobody,2024-04-01", "reported_by", "'qh-nobody'", "an organization id from organizations.yaml"),
    (f"{PLAN},t01,,2024-Q1,进行中,4,x,,qh-rsj,2024-04-01", "value", "'4'", "nothing: a value belongs to a target"),
    (f"{PLAN},t01,gig-stations,2024-Q1,进行中,四个,x,,qh-rsj,2024-04-01", "value", "'四个'", "a number in the target's unit (个)"),
    (f"{PLAN},t01,gig-stations,2024-Q1,进行中,4个,x,,qh-rsj,2024-04-01", "value", "'4个'", "a number in the target's unit (个)"),
    (f"{PLAN},t01,gig-stations,2024-Q1,进行中,,x,,qh-rsj,2024-04-01", "value", "nothing", "a report on a target has a value"),
    (f"{PLAN},t01,,2024Q1,进行中,,x,,qh-rsj,2024-04-01", "period", "'2024Q1'", "2024, 2024-H1, 2024-H2, 2024-Q1"),
    (f"{PLAN},t01,,2024-13,进行中,,x,,qh-rsj,2024-04-01", "period", "'2024-13'", "a period, one of the forms"),
    (f"{PLAN},t01,,2024-Q1,完成,,x,,qh-rsj,2024-04-01", "status", "'完成'", "one of 未开始、进行中、已完成、滞后、已取消"),
    (f"{PLAN},t01,,2024-Q1,进行中,,x,,qh-rsj,2025-01-16", "reported_on", "2025-01-16, after the build date 2025-01-15", "not in the future"),
    (f"{PLAN},t01,,2024-Q1,进行中,,x,,qh-rsj,2024/4/1", "reported_on", "'2024/4/1'", "an ISO date YYYY-MM-DD"),
    (f"{PLAN},t01,,2024-Q1,进行中,,x,javascript:alert(1),qh-rsj,2024-04-01", "source_url", "'javascript:alert(1)'", "http:// or https://"),
    (f"{PLAN},t01,,2024-Q1,进行中,,a,b,c,qh-rsj,2024-04-01", "(the row)", "11 cells", "10 cells, one per column"),
]


@pytest.mark.parametrize("row, column, found, accepted", BAD_ROWS, ids=[f"{c}-{i}" for i, (_, c, _, _) in enumerate(BAD_ROWS)])
def test_every_bad_row_names_file_line_column_found_and_accepted(data, row, column, found, accepted):
    file = write(data, f"{HEADER}\n{GOOD}\n{row}\n")
    with pytest.raises(DataErrors) as raised:
        load(data)
    [error] = raised.value.errors
    assert (error.file, error.line, error.path) == (file, 3, column)
    assert found in error.found and accepted in error.expected, str(error)


def test_two_rows_for_the_same_task_target_and_period_are_an_error(data):
    first = write(data, f"{HEADER}\n{GOOD}\n", name="a.csv")
    second = write(data, f"{HEADER}\n{PLAN},t02,,2024-H2,进行中,,x,,qh-mzj,2025-01-02\n{GOOD.replace('12,', '11,')}\n", name="b.csv")
    with pytest.raises(DataErrors) as raised:
        load(data)
    [error] = raised.value.errors
    assert (error.file, error.line, error.path) == (second, 3, "period")
    assert f"(the first: {first}:2)" in error.found and "one row per task, target and period" in error.expected


@pytest.mark.parametrize("header, detail", [
    ("plan,task,target,period,status,value,note,source_url,reported_by", "missing reported_on"),
    ("plan,task,target,period,status,value,note,source_url,reported_by,reported_on,extra", "unknown 'extra'"),
    ("task,plan,target,period,status,value,note,source_url,reported_by,reported_on", "another order"),
    ("方案,task,target,period,status,value,note,source_url,reported_by,reported_on", "missing plan"),
])
def test_a_header_that_is_not_exactly_the_columns_is_an_error(data, header, detail):
    file = write(data, f"\n{header}\n{GOOD}\n")
    with pytest.raises(DataErrors) as raised:
        load(data)
    [error] = raised.value.errors
    assert (error.file, error.line, error.path) == (file, 2, "(the header)")
    assert detail in error.found and "exactly the columns " + HEADER in error.expected


def test_gbk_bom_and_crlf_from_excel_load_and_other_bytes_are_an_error(data):
    text = f"{HEADER}\r\n{PLAN},t01,,2024-Q1,进行中,,测试数据：乡镇（街道）站点“选址”完成。,,qh-rsj,2024-04-01\r\n"
    write(data, text, name="gbk.csv", encoding="gbk")
    write(data, "\ufeff" + text.replace("2024-Q1", "2024-Q2"), name="bom.csv")
    write(data, text.replace("2024-Q1", "2024-Q3"), name="gb18030.csv", encoding="gb18030")
    catalog = load(data)
    assert dict(catalog.loaded["progress"].files) == {
        "policy_data/progress/bom.csv": "UTF-8 (BOM)", "policy_data/progress/gb18030.csv": "GB18030",
        "policy_data/progress/gbk.csv": "GB18030"}
    assert {r.note for r in catalog.loaded["progress"].reports} == {"测试数据：乡镇（街道）站点“选址”完成。"}

    shutil.rmtree(data / "progress")
    (data / "progress").mkdir()
    (data / "progress" / "bad.csv").write_bytes(f"{HEADER}\n".encode() + b"\x81\x30\xff\xff\n")
    (data / "progress" / "utf16.csv").write_bytes(text.encode("utf-16"))
    with pytest.raises(DataErrors) as raised:
        load(data)
    bad, utf16 = raised.value.errors
    assert (bad.file, bad.line, bad.path) == ("policy_data/progress/bad.csv", 2, "(the whole file)")
    assert "neither" not in bad.found and "not UTF-8 nor GB18030/GBK" in bad.found and "GB18030/GBK" in bad.expected
    assert utf16.file == "policy_data/progress/utf16.csv" and "UTF-16" in utf16.found


def test_a_department_not_responsible_for_the_task_is_a_warning(data, capsys):
    write(data, f"{HEADER}\n{PLAN},t01,,2024-Q1,进行中,,测试数据。,,qh-zgh,2024-04-01\n")
    catalog = load(data)
    assert [r.reported_by for r in catalog.loaded["progress"].reports] == ["qh-zgh"]
    warning = capsys.readouterr().err
    assert "WARNING policy_data/progress/test.csv:2: reported_by: found 'qh-zgh' (县总工会), which is not responsible for task t01" in warning
    assert "one of: qh-rsj, qh-czj, qh-xz" in warning


def test_rows_of_a_template_not_filled_in_and_empty_lines_are_skipped(data):
    write(data, f"{HEADER}\n{PLAN},t01,,,,,,,qh-rsj,\n,,,,,,,,,\n\n{GOOD}\n")
    assert len(load(data).loaded["progress"].reports) == 1


def test_an_old_excel_file_is_an_error(data):
    (data / "progress" / "report.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(DataErrors) as raised:
        load(data)
    assert "save it as" in raised.value.errors[0].expected and raised.value.errors[0].file == "policy_data/progress/report.xls"


def test_the_template_is_filled_in_as_xlsx_and_read_back(data, tmp_path):
    from openpyxl import load_workbook

    from scripts.progress_template import main

    with build_day():
        assert main(["qh-rsj", "--out", str(tmp_path), "--data", str(data)]) == 0
    lines = (tmp_path / "progress-template-qh-rsj.csv").read_bytes().decode("utf-8-sig").splitlines()
    assert lines[0] == HEADER
    # Leads t01, t02, t08; responsible without a named lead for t03 (part p1), t04 (p2), t07 (p3).
    assert [line.split(",")[1:3] for line in lines[1:]] == [
        ["t01", ""], ["t01", "gig-stations"], ["t02", ""], ["t02", "zero-employment-households"], ["t03", ""],
        ["t04", ""], ["t04", "training-sessions"], ["t07", ""], ["t07", "wage-complaint-days"], ["t08", ""]]
    assert all(line.endswith(",qh-rsj,") for line in lines[1:])

    workbook = load_workbook(tmp_path / "progress-template-qh-rsj.xlsx")
    sheet = workbook.worksheets[0]
    assert [c.value for c in sheet[1]] == HEADER.split(",")
    assert sheet["D2"].number_format == "@"  # period as text: Excel keeps 2024-05
    sheet["D2"], sheet["E2"], sheet["G2"], sheet["J2"] = "2024-05", "进行中", "测试数据：开工。", "2024-06-03"
    sheet["D3"], sheet["E3"], sheet["F3"], sheet["J3"] = 2024, "进行中", 7, dt.datetime(2024, 12, 30)  # typed as numbers and a date
    workbook.save(data / "progress" / "rsj.xlsx")
    reports = sorted(load(data).loaded["progress"].reports, key=lambda r: r.line)
    assert [(r.line, r.target, r.period.label, r.value, r.reported_on) for r in reports] == [
        (2, None, "2024年5月", None, dt.date(2024, 6, 3)), (3, "gig-stations", "2024年", 7.0, dt.date(2024, 12, 30))]

    sheet["D2"] = dt.datetime(2024, 5, 1)  # what Excel makes of 2024-05 in a cell that is not text
    sheet["E3"] = "完成了"
    workbook.save(data / "progress" / "rsj.xlsx")
    with pytest.raises(DataErrors) as raised:
        load(data)
    period, status = raised.value.errors
    assert (period.file, period.line, period.path) == ("policy_data/progress/rsj.xlsx", 2, "period (D2)")
    assert "turned the period into a date" in period.found and "文本" in period.expected
    assert (status.line, status.path, status.found) == (3, "status (E3)", "'完成了'")


def test_a_file_that_is_not_a_workbook_is_an_error(data):
    (data / "progress" / "broken.xlsx").write_bytes(b"not a zip")
    with pytest.raises(DataErrors) as raised:
        load(data)
    [error] = raised.value.errors
    assert (error.file, error.line) == ("policy_data/progress/broken.xlsx", 1) and "not an .xlsx workbook" in error.found


def test_bad_progress_data_leaves_the_previous_site_intact(data, tmp_path, capsys):
    from scripts.build import build

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous site", encoding="utf-8")
    for row, column, _, _ in BAD_ROWS:
        write(data, f"{HEADER}\n{row}\n")
        with build_day():
            assert build(site, quiet=True, data=data, skip=("print",)) == 1
        err = capsys.readouterr().err
        assert f"policy_data/progress/test.csv:2: {column}: found" in err and "Nothing was built; site/ is unchanged." in err
        assert "Traceback" not in err
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "the previous site"
