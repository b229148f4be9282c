"""Each input format and its artefacts: encodings, page numbers and running heads, Word numbering and tables,
web pages, deadline phrases. Most tests only prepare the import (no writing, no validation)."""
from __future__ import annotations

import docx
import pytest
import yaml
from tests.importer.support import FIXTURES, squash

from macros.importer import ImportProblem, import_plan, prepare
from macros.importer.numbering import numbering_of

LISHAN = (FIXTURES / "lishan-2023.txt").read_text(encoding="utf-8")


def tasks_of(result) -> list[dict]:
    import yaml
    return yaml.safe_load(result.files["tasks.yaml"])["tasks"]


@pytest.fixture
def reference(data_dir, tmp_path):
    source = tmp_path / "lishan.txt"
    source.write_text(LISHAN, encoding="utf-8")
    return tasks_of(prepare(source, "lishan", data_dir))


@pytest.mark.parametrize("encoding, bom, reported", [
    ("utf-8", b"\xef\xbb\xbf", "UTF-8 with BOM"), ("gb18030", b"", "GB18030 (GBK)"), ("gbk", b"", "GB18030 (GBK)"),
    ("utf-8", b"", "UTF-8"),
])
def test_text_encodings_are_detected_and_reported(encoding, bom, reported, reference, data_dir, tmp_path):
    source = tmp_path / "plan.txt"
    source.write_bytes(bom + LISHAN.replace("\n", "\r\n").encode(encoding))
    result = prepare(source, "lishan", data_dir)
    assert result.document.encoding == reported
    assert f"文本编码识别为 {reported}" in result.files["import-review.md"]
    assert tasks_of(result) == reference


def test_page_numbers_running_heads_and_page_wraps_of_a_text_export(reference, data_dir, tmp_path):
    """As pdftotext gives it: form feeds, "- 2 -" page numbers, a running head on every page, a sentence cut."""
    head = "立山区人民政府文件"
    lines = LISHAN.splitlines()
    cut = lines.index("6.居民收入增长与经济增长基本同步。")
    lines[cut: cut + 1] = ["6.居民收入增长与经济增长", "", "- 3 -", "\f" + head, "基本同步。"]
    for position, number in ((30, 2), (15, 1)):
        lines[position:position] = [f"— {number} —", "\f" + head]
    source = tmp_path / "export.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    result = prepare(source, "lishan", data_dir)
    assert tasks_of(result) == reference
    review = result.files["import-review.md"]
    assert "删除页码 3 处" in review and f"删除页眉或页脚“{head}” 3 处" in review
    assert "接续断行：" in review and "“基本同步。…”接在“…入增长与经济增长”之后" in review


def test_web_page_in_gbk_with_half_width_numbering(data_dir, tmp_path):
    page = ("<html><head><meta charset='gb2312'></head><body><div class='nav'>首页 | 政务公开</div>"
            "<div id='zoom'><p>某县农民工就业实施方案</p><p>为做好农民工就业,制定本方案。</p><p>一、重点任务</p>"
            "<p>(一)稳岗位。落实稳岗返还政策。(牵头单位:县人社局;配合单位:县财政局)</p>"
            "<p>(二)强培训。开展职业技能培训,2024年6月底前完成500人次。(牵头单位:县人社局)</p></div>"
            "<div class='footer'>版权所有 某县人民政府</div></body></html>")
    source = tmp_path / "page.html"
    source.write_bytes(page.encode("gbk"))
    result = prepare(source, "county", data_dir)
    tasks = tasks_of(result)
    assert result.document.encoding == "GB18030"
    assert [t["title"] for t in tasks] == ["稳岗位", "强培训"]
    assert tasks[0]["text"] == "落实稳岗返还政策。"  # the bracket of units is taken out of the text into `responsibility`
    assert tasks[0]["responsibility"]["source"] == "(牵头单位:县人社局;配合单位:县财政局)"
    assert "版权所有" not in result.files["tasks.yaml"] + result.files["plan.yaml"]
    milestone = tasks[1]["milestones"][0]
    assert milestone["deadline"] == {"text": "2024年6月底前"}  # the loader reads it: no value written
    assert [t["label"] for t in tasks] == ["(一)", "(二)"]  # as printed, half-width brackets and all
    plan = yaml.safe_load(result.files["plan.yaml"])
    assert "parts" not in plan and plan["tasks_heading"] == "一、重点任务"  # tasks right under it: a flat plan
    assert "part" not in tasks[0]
    organizations = {org.id: org.short_name for org in result.new_organizations}
    responsibility = tasks[0]["responsibility"]
    assert [organizations[o] for o in responsibility["lead"]] == ["县人社局"]
    assert [organizations[o] for o in responsibility["support"]] == ["县财政局"]
    assert "units" not in responsibility  # lead + support say it all


def test_deadline_phrases_without_a_machine_value_go_to_the_review_list(data_dir, tmp_path):
    text = ("某县实施方案\n为做好工作，制定本方案。\n一、重点任务\n"
            "1.建立机制。长期坚持开展走访，每季度通报一次。\n责任单位：县人社局\n"
            "2.完善台账。2024年底前全县建成台账100个以上。\n责任单位：县人社局、县财政局\n")
    source = tmp_path / "plan.txt"
    source.write_text(text, encoding="utf-8")
    result = prepare(source, "county", data_dir)
    review = result.files["import-review.md"]
    assert "时间说法“长期坚持”（可写作 continuous）没有截止日期，没有写成里程碑" in review
    assert "时间说法“每季度”没有截止日期，没有写成里程碑" in review
    target = tasks_of(result)[1]["targets"][0]
    assert (target["comparator"], target["value"], target["unit"], target["scope"]) == (">=", 100, "个", "全县")
    assert target["deadline"] == {"text": "2024年底前"}


def test_word_numbering_and_a_task_table_with_deadlines(data_dir, tmp_path):
    """A 任务分工表 with 完成时限, after a heading that Word numbers itself."""
    document = docx.Document(FIXTURES / "chuzhou-2020.docx")  # reuse its numbering definition (numId 90)
    body = document.element.body
    for element in list(body):
        if element.tag.endswith("}tbl"):
            body.remove(element)
    table = document.add_table(rows=3, cols=5)
    for row, cells in enumerate([["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
                                 ["1", "建设零工驿站。在各乡镇建设零工驿站。", "县人社局", "各乡镇人民政府", "2024年6月底前"],
                                 ["2", "开展技能培训。全年培训农民工。", "县人社局", "县财政局", "长期坚持"]]):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    source = tmp_path / "table.docx"
    document.save(source)
    result = prepare(source, "county", data_dir)
    tasks = tasks_of(result)
    assert [(t["title"], t["text"]) for t in tasks] == [("建设零工驿站", "在各乡镇建设零工驿站。"), ("开展技能培训", "全年培训农民工。")]
    assert [t["label"] for t in tasks] == ["1", "2"]  # the 序号 column, as printed
    # 完成时限 is the task's own deadline; phrases the loader reads are written as they are, with no value.
    assert tasks[0]["deadline"] == {"text": "2024年6月底前"}
    assert tasks[1]["deadline"] == {"text": "长期坚持"}
    assert "milestones" not in tasks[0]
    organizations = {org.id: (org.short_name, org.kind) for org in result.new_organizations}
    assert [organizations[o] for o in tasks[0]["responsibility"]["support"]] == [("各乡镇人民政府", "多个单位")]


def test_an_appended_task_table_gives_units_to_the_numbered_tasks(data_dir, tmp_path):
    document = docx.Document()
    for text in ["某县农民工服务实施方案", "为做好服务，制定本方案。", "一、重点任务", "1.建设零工驿站。在各乡镇建设零工驿站。",
                 "2.开展技能培训。全年培训农民工。", "附件：任务分工表"]:
        document.add_paragraph(text)
    table = document.add_table(rows=3, cols=4)
    for row, cells in enumerate([["序号", "工作任务", "牵头单位", "配合单位"], ["1", "建设零工驿站", "县人社局", "各乡镇人民政府"],
                                 ["2", "开展技能培训", "县人社局", "县财政局"]]):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    source = tmp_path / "appendix.docx"
    document.save(source)
    result = prepare(source, "county", data_dir)
    tasks = tasks_of(result)
    assert len(tasks) == 2
    assert tasks[1]["responsibility"]["source"] == "县人社局 | 县财政局"
    assert "分工表第 2 行的单位和时限归入正文任务“2.开展技能培训”" in result.files["import-review.md"]


@pytest.mark.parametrize("text, level, label", [
    ("一、总体要求", 1, "一、"), ("（一）加强领导", 2, "（一）"), ("(二) 强化保障", 2, "(二)"), ("1.稳定就业", 3, "1."),
    ("12．扩大就业", 3, "12．"), ("（3）开展培训", 4, "（3）"), ("①建立台账", 5, "①"), ("十一、其他", 1, "十一、"),
])
def test_numbering_levels_and_labels_as_printed(text, level, label):
    numbered = numbering_of(text)
    assert (numbered.level, numbered.label) == (level, label)


@pytest.mark.parametrize("text", ["2023年是开局之年。", "3.5%的增长", "一是加强领导"])
def test_figures_are_not_numbering(text):
    assert numbering_of(text) is None


def test_dry_run_writes_nothing(seed_path, data_dir):
    from tests.importer.support import snapshot
    before = snapshot(data_dir)
    result = import_plan(seed_path, "dry", data_dir, dry_run=True)
    assert not result.written and "tasks.yaml" in result.files
    assert snapshot(data_dir) == before


def test_every_format_problem_is_an_import_problem(data_dir, tmp_path):
    source = tmp_path / "x.rtf"
    source.write_text("{\\rtf1}", encoding="ascii")
    with pytest.raises(ImportProblem) as problem:
        prepare(source, "x", data_dir)
    assert squash(str(problem.value)).startswith("x.rtf:found")


NESTED = """某县2024年农民工服务实施方案
为做好农民工服务，制定本方案。
一、稳定就业
（一）稳岗位
1.落实稳岗政策。落实稳岗返还政策。
（1）开展走访。走访重点企业。
①建立企业台账。
②每月更新台账。
（2）发放补贴。按规定发放社会保险补贴。
牵头单位：县人社局；配合单位：县财政局
完成时限：2024年6月底前
2.开展技能培训。全年培训农民工。
责任单位：县人社局、县总工会
完成时限：一季度
二、维护权益
（一）根治欠薪
3.开展专项行动。开展根治欠薪专项行动。（牵头单位：县人社局；配合单位：县人民法院、团县委）（完成时限：根据工作进度）
（二）法律援助
4.提供法律援助。为农民工提供法律援助。
责任单位：县司法局、各乡镇（街道）
完成时限：长期坚持
5.公开监督电话。每季度公开一次监督电话。
责任单位：县司法局
完成时限：每季度
"""


def test_nested_parts_sub_measures_and_task_deadlines_are_written_and_validate(data_dir, tmp_path):
    """Tasks under several headings: 一、 and 二、 become parts, their （一） parts with `parent`; (1) and ① become
    `measures`; “完成时限：” lines become the task's `deadline`; 牵头/配合 become lead/support."""
    source = tmp_path / "nested.txt"
    source.write_text(NESTED, encoding="utf-8")
    result = import_plan(source, "nested", data_dir)  # validated by scripts/validate.py before it is written
    folder = data_dir / "plans" / "nested"
    plan, tasks = (yaml.safe_load((folder / n).read_text(encoding="utf-8")) for n in ("plan.yaml", "tasks.yaml"))
    tasks = tasks["tasks"]
    parts = [(p["id"], p["label"], p["heading"], p.get("parent")) for p in plan["parts"]]
    assert parts == [("p1", "一、", "稳定就业", None), ("p2", "（一）", "稳岗位", "p1"), ("p3", "二、", "维护权益", None),
                     ("p4", "（一）", "根治欠薪", "p3"), ("p5", "（二）", "法律援助", "p3")]
    assert "tasks_heading" not in plan
    assert [(t["label"], t["part"]) for t in tasks] == [("1.", "p2"), ("2.", "p2"), ("3.", "p4"), ("4.", "p5"), ("5.", "p5")]
    first = tasks[0]
    assert first["text"] == "落实稳岗返还政策。"
    assert first["measures"] == [
        {"label": "（1）", "text": "开展走访。走访重点企业。",
         "measures": [{"label": "①", "text": "建立企业台账。"}, {"label": "②", "text": "每月更新台账。"}]},
        {"label": "（2）", "text": "发放补贴。按规定发放社会保险补贴。"}]
    orgs = {org.id: (org.short_name, org.kind) for org in result.new_organizations}
    # The unit and deadline lines after the last sub-measure are the task's.
    assert [orgs[o][0] for o in first["responsibility"]["lead"]] == ["县人社局"]
    assert [orgs[o][0] for o in first["responsibility"]["support"]] == ["县财政局"]
    assert first["deadline"] == {"text": "2024年6月底前"}
    assert tasks[1]["deadline"]["value"] == "2024-Q1" and "推定" in tasks[1]["deadline"]["inferred"]
    assert tasks[2]["text"] == "开展根治欠薪专项行动。"  # the brackets of units and deadline taken out
    assert [orgs[o] for o in tasks[2]["responsibility"]["support"]] == [("县人民法院", "法院检察院"), ("团县委", "群团组织")]
    assert tasks[2]["deadline"] == {"text": "根据工作进度", "value": "none"}
    assert tasks[3]["deadline"] == {"text": "长期坚持"}
    assert [orgs[o] for o in tasks[3]["responsibility"]["units"]][1] == ("各乡镇（街道）", "多个单位")
    assert tasks[4]["deadline"]["value"] == "quarterly@2024"
    review = (folder / "import-review.md").read_text(encoding="utf-8")
    assert "t03: 完成时限“根据工作进度”（完成时限一行）读不出日期：暂记为 value: none" in review
    assert "t02: 完成时限“一季度”（完成时限一行）推定为 2024-Q1（年份按方案年份推定），请核对" in review
    assert "t01: 完成时限" not in review  # read by the loader itself: nothing to review
    assert "一级标题写作部分，其下的（一）（二）… 写作它们的下一级部分（parent）" in review
