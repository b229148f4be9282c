"""Real published plans of other shapes, kept in their original formats (see tests/fixtures/importer/SOURCE.md).

Each is imported into a scratch copy of policy_data and checked against facts read from the document by
hand: the number of tasks, sample texts word for word, the units, the document number and date.
"""
from __future__ import annotations

import pytest
from tests.importer.support import FIXTURES, load, squash

from macros.importer import import_plan


def imported(data_dir, name: str, plan_id: str) -> dict:
    result = import_plan(FIXTURES / name, plan_id, data_dir)
    folder = data_dir / "plans" / plan_id
    organizations = {o["id"]: o for o in load(data_dir / "organizations.yaml")["organizations"]}
    files = {n: load(folder / n) for n in ("plan.yaml", "tasks.yaml") if (folder / n).exists()}
    written = "".join(p.read_text(encoding="utf-8") for p in folder.iterdir())
    return {"plan": files["plan.yaml"], "tasks": files["tasks.yaml"]["tasks"], "orgs": organizations, "result": result,
            "review": (folder / "import-review.md").read_text(encoding="utf-8"), "written": written}


def short_names(plan: dict, ids: list[str]) -> list[str]:
    return [plan["orgs"][org_id]["short_name"] for org_id in ids]


def assert_verbatim(plan: dict, source_name: str) -> None:
    source = squash((FIXTURES / source_name).read_text(encoding="utf-8"))
    for task in plan["tasks"]:
        assert squash(task["text"]) in source, task["text"][:30]
        assert squash(task["title"]) in source
        if "responsibility" in task and not task["responsibility"]["source"].startswith("（原文未写"):  # a stand-in, reviewed
            assert squash(task["responsibility"]["source"]) in source or "|" in task["responsibility"]["source"]
    assert squash(plan["plan"]["title"]) in source


# ---------------------------------------------------------------- 立山区 (PDF, 牵头单位/责任单位 lines)


@pytest.fixture
def lishan(data_dir):
    return imported(data_dir, "lishan-2023.pdf", "lishan-2023")


def test_lishan_pdf_tasks_and_texts(lishan):
    tasks = lishan["tasks"]
    assert len(tasks) == 7
    assert [t["title"] for t in tasks[:2]] == ["努力实现地区生产总值增长6.2%左右", "规模上工业增加值增长5%左右"]
    assert tasks[0]["text"] == "努力实现地区生产总值增长6.2%左右。"
    assert tasks[6]["title"] == "其他主要经济指标不低于全市平均水平"
    assert [t["label"] for t in tasks] == [f"{n}." for n in range(1, 8)]
    plan = lishan["plan"]
    assert plan["title"] == "立山区政府2023年重点工作任务分解和责任分工方案"  # printed on two lines
    # The tasks stand right under 一、: a flat plan (no made-up part), the heading is the tasks heading.
    assert "parts" not in plan and plan["tasks_heading"] == "一、经济社会发展的主要预期目标"
    assert all("part" not in task for task in tasks)
    # The preamble runs over the page break of the PDF: joined without the running header or "— 1 —".
    assert squash(plan["preamble"]).startswith("为全面贯彻落实党的二十大精神")
    assert "努力实现全年经济社会发展的目标任务" in plan["preamble"]
    assert "—" not in lishan["written"].replace("——", "") and "分工方案\n" not in plan["preamble"]
    assert_verbatim(lishan, "lishan-2023.txt")


def test_lishan_pdf_units_and_metadata(lishan):
    task = lishan["tasks"][2]
    assert task["responsibility"]["source"] == "牵头单位:区发改局\n责任单位:立山经济开发区,各街道、区直各部门"
    # 牵头单位 → lead; the 责任单位 beside a lead carry it out with the lead → support. units follow from both.
    assert short_names(lishan, task["responsibility"]["lead"]) == ["区发改局"]
    assert short_names(lishan, task["responsibility"]["support"]) == ["立山经济开发区", "各街道", "区直各部门"]
    assert "units" not in task["responsibility"]
    fourth = lishan["tasks"][3]["responsibility"]
    assert (short_names(lishan, fourth["lead"]), short_names(lishan, fourth["support"])) == (["区商务局"], ["各街道", "区市场局"])
    orgs = {o["short_name"]: o for o in lishan["orgs"].values()}
    assert (orgs["区发改局"]["level"], orgs["区发改局"]["kind"]) == ("区", "政府部门")
    assert (orgs["各街道"]["level"], orgs["各街道"]["kind"]) == ("区", "多个单位")
    # The last task lost its unit lines (the copy ends there): the issuing unit stands in, for review.
    assert lishan["tasks"][6]["responsibility"]["source"] == "（原文未写责任单位；导入时暂填发文单位）"
    assert lishan["plan"]["level"] == "区"
    assert lishan["plan"]["status"] == {"stage": "issued", "issued_on": "2023-03-28", "doc_number": "鞍立政发〔2023〕2号"}
    assert lishan["plan"]["source"]["file"] == "lishan-2023.pdf" and len(lishan["plan"]["source"]["sha256"]) == 64
    assert "状态 · 状态（status.stage）推测为 issued（印发施行），依据是发文字号“鞍立政发〔2023〕2号”" in lishan["review"]
    metadata = lishan["plan"]["metadata"]
    assert metadata["doc_number"] == "鞍立政发〔2023〕2号"
    assert metadata["written_date"] == {"text": "2023年3月28日", "value": "2023-03-28"}
    assert short_names(lishan, metadata["issuers"]) == ["鞍山市立山区人民政府"]
    assert lishan["plan"]["region"] == "鞍山市立山区"
    assert "区发改局 → 全称暂记为“鞍山市立山区发改局”" in lishan["review"]


def test_lishan_pdf_ends_inside_the_last_task(lishan):
    """The stored page stops after task 7's sentence, before its unit lines: imported, and flagged."""
    assert "导入待审核：文件在这一项中间结束" in lishan["written"]
    assert "第 43 行 · 不完整 · 最后一项“7.其他主要经济指标不低于全市平均水平" in lishan["review"]
    assert "删除页码 3 处" in lishan["review"]


# ---------------------------------------------------------------- 滁州市 (.docx with a Word table)


@pytest.fixture
def chuzhou(data_dir):
    return imported(data_dir, "chuzhou-2020.docx", "chuzhou-2020")


def test_chuzhou_docx_table_rows_are_tasks(chuzhou):
    tasks = chuzhou["tasks"]
    assert [t["title"] for t in tasks] == ["地区生产总值增长8%以上", "财政收入增长8%左右", "固定资产投资增长10%以上",
                                           "社会消费品零售总额增长10.5%以上"]
    plan = chuzhou["plan"]
    assert "parts" not in plan and plan["tasks_heading"] == "一、确保完成全年主要预期目标"  # Word's automatic numbering
    assert [t["label"] for t in tasks] == ["1", "2", "3", "4"]  # the 序号 column, as printed
    assert chuzhou["plan"]["title"] == "滁州市人民政府关于2020年市政府重点工作及责任分解的通知"
    assert_verbatim(chuzhou, "chuzhou-2020.txt")


def test_chuzhou_docx_lead_and_support_columns(chuzhou):
    first = chuzhou["tasks"][0]["responsibility"]
    assert short_names(chuzhou, first["lead"]) == ["市发展改革委"]  # 牵头责任单位
    assert short_names(chuzhou, first["support"]) == ["市经信局", "市商务局", "市交通局", "市农业农村局",  # 协同责任单位
                                                     "滁州经开区管委会", "中新苏滁高新区管委会", "各县、市、区政府"]
    assert "units" not in first
    second = chuzhou["tasks"][1]["responsibility"]
    assert short_names(chuzhou, second["lead"]) == ["市财政局"]
    assert short_names(chuzhou, second["support"])[:2] == ["市税务局", "滁州海关"]
    orgs = {o["short_name"]: o for o in chuzhou["orgs"].values()}
    assert orgs["各县、市、区政府"]["kind"] == "多个单位"
    assert "列“牵头负责领导”在数据格式中没有位置" in chuzhou["review"]
    # No 文号, no date in this copy: the status is a guess, asked in the review list.
    assert chuzhou["plan"]["status"] == {"stage": "consultation"}
    assert "没有认出方案的状态" in chuzhou["review"]
    assert "最后一项“4社会消费品零售总额增长10.5%以上…”之后没有责任单位" in chuzhou["review"]


# ---------------------------------------------------------------- 蔡甸区 (saved web page)


def test_caidian_html_main_text_without_page_furniture(data_dir):
    caidian = imported(data_dir, "caidian-2023.html", "caidian-2023")
    assert [t["title"] for t in caidian["tasks"]] == ["地区生产总值增长7%以上", "规上工业增加值增长12%以上",
                                                     "固定资产投资增长10%以上", "工业投资增长12%以上"]
    assert short_names(caidian, caidian["tasks"][1]["responsibility"]["units"]) == ["区科技和经信局"]  # 责任单位: no role
    assert "lead" not in caidian["tasks"][1]["responsibility"]
    assert [t["label"] for t in caidian["tasks"]] == ["(一)", "(二)", "(三)", "(四)"]
    assert caidian["plan"]["metadata"]["doc_number"] == "蔡政办〔2023〕1号"
    assert caidian["plan"]["status"] == {"stage": "issued", "issued_on": "2023-01-03", "doc_number": "蔡政办〔2023〕1号"}
    for furniture in ("当前位置", "分享到", "打印本页", "网站标识码", "相关文章", "长者模式", "请输入关键字"):
        assert furniture not in caidian["written"], furniture
    assert "的单位名称不完整（“责任单位:区”）" in caidian["review"]
    assert_verbatim(caidian, "caidian-2023.txt")

