"""What the public sees of the progress reports, on the site built from the fixture reports (2025-01-15):
task pages (latest status, bar and chart as static SVG, history), the plan's progress page (roll-ups,
overdue), department pages, open data and the feed; Daye, without reports, says 尚无进展报告."""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import lxml.etree
import lxml.html
import pytest

from tests.progress.conftest import PLAN
from tests.support import page_html

SVG = "{http://www.w3.org/2000/svg}"


def tree(site, path):
    return lxml.html.document_fromstring(page_html(site, path))


def text_of(element) -> str:
    return " ".join(element.text_content().split())


def svg_parsed(element) -> lxml.etree._Element:
    """An inline <svg> of a built page, parsed again as XML: it must be well-formed SVG."""
    return lxml.etree.fromstring(lxml.etree.tostring(element))


def test_task_page_shows_latest_status_value_bar_chart_and_history(progress_site):
    page = tree(progress_site, f"plans/{PLAN}/tasks/t01/")
    section = page.get_element_by_id("progress")
    text = text_of(section)
    assert "最新状态：已完成（2024年第三季度，县人社局2024-10-09填报）" in text
    assert "零工服务站点数量：2024年第三季度为 12 个，目标不少于 12 个（已达到目标的数值）" in text
    bar, chart = section.xpath(".//svg")
    assert "pp-bar" in bar.get("class") and "pp-chart" in chart.get("class")
    for svg in (bar, chart):
        parsed = svg_parsed(svg)
        assert parsed.tag == f"{SVG}svg" and parsed.get("role") == "img" and parsed.get("aria-label")
        assert "currentColor" in lxml.etree.tostring(parsed, encoding="unicode")
        assert not parsed.findall(f".//{SVG}script") and not parsed.xpath("//@*[starts-with(name(), 'on')]")
    bar_texts = [t.text for t in svg_parsed(bar).iter(f"{SVG}text")]
    assert bar_texts == ["目标 12", "0", "最新 12"]
    chart_texts = [t.text for t in svg_parsed(chart).iter(f"{SVG}text")]
    assert ["4", "9", "12"] == [t for t in chart_texts if t.isdigit() and t != "0"]
    assert {"2024年第一季度", "2024年第二季度", "2024年第三季度", "目标 12"} <= set(chart_texts)
    rows = section.xpath(".//table[contains(@class, 'pp-progress-history')]/tbody/tr")
    assert [text_of(r.xpath("./td")[0]) for r in rows] == ["2024年第三季度"] * 2 + ["2024年第二季度"] * 2 + ["2024年第一季度"] * 2
    assert [text_of(r.xpath("./td")[2]) for r in rows] == ["已完成", "已完成", "滞后", "滞后", "进行中", "进行中"]
    assert [text_of(r.xpath("./td")[3]) for r in rows] == ["", "12 个", "", "9 个", "", "4 个"]
    link = section.xpath(".//a[contains(@rel, 'external')]")[0]
    assert link.get("href") == "https://example.org/qinghe/rsj/2024-q2.html"


def test_a_bar_for_a_value_short_of_its_goal(progress_site):
    section = tree(progress_site, f"plans/{PLAN}/tasks/t02/").get_element_by_id("progress")
    text = text_of(section)
    assert "最新状态：进行中" in text and "零就业家庭户数：2024年上半年为 3 户，目标0 户（还没有达到目标的数值）" in text
    assert "时限已过" in text and "2024年12月31日" in text
    [bar] = section.xpath(".//svg[@class='pp-bar']")  # one report: a bar, no chart over time
    assert [t.text for t in svg_parsed(bar).iter(f"{SVG}text")] == ["目标 0", "0", "最新 3"]


def test_a_task_without_reports_says_so_and_makes_up_no_status(progress_site):
    section = tree(progress_site, f"plans/{PLAN}/tasks/t03/").get_element_by_id("progress")
    text = text_of(section)
    assert "尚无进展报告" in text and "最新状态" not in text and not section.xpath(".//svg | .//table")
    for status in ("未开始", "进行中", "已完成", "滞后", "已取消"):
        assert status not in text.replace("“已完成”", "")


def test_plan_progress_page_rollups_and_overdue(progress_site):
    page = tree(progress_site, f"plans/{PLAN}/progress/")
    by_status = {text_of(r.xpath("./th")[0]): text_of(r.xpath("./td")[0])
                 for r in page.get_element_by_id("by-status").getnext().xpath(".//tbody/tr")}
    assert by_status == {"未开始": "0", "进行中": "2", "已完成": "2", "滞后": "0", "已取消": "0", "尚无进展报告": "5", "合计": "9"}

    def rollup(anchor):
        table = page.get_element_by_id(anchor).getnext() if anchor == "by-part" else page.get_element_by_id(anchor).getnext().getnext()
        head = [text_of(th) for th in table.xpath(".//thead//th")]
        return {text_of(r.xpath("./th")[0]): dict(zip(head[1:], (text_of(td) for td in r.xpath("./td"))))
                for r in table.xpath(".//tbody/tr")}

    parts = rollup("by-part")
    assert [(p["已完成"], p["进行中"], p["尚无进展报告"], p["任务数"]) for p in parts.values()] == [("1", "1", "1", "3"), ("0", "0", "3", "3"), ("1", "1", "1", "3")]
    units = rollup("by-department")
    assert units["县人社局"] == {"未开始": "0", "进行中": "2", "已完成": "2", "滞后": "0", "已取消": "0", "尚无进展报告": "4", "任务数": "8"}
    assert units["县民政局"]["进行中"] == "1" and units["县民政局"]["任务数"] == "2"
    overdue = page.get_element_by_id("overdue").getparent().xpath(".//table[contains(@class, 'pp-progress-overdue-list')]/tbody/tr")
    assert [text_of(r.xpath("./td")[0]).split(" ")[0] for r in overdue] == ["2.", "3.", "4.", "5.", "8."]
    assert [text_of(r.xpath("./td")[2]) for r in overdue] == [
        "进行中（2024年上半年）", "尚无进展报告", "尚无进展报告", "尚无进展报告", "进行中（2024年第三季度）"]
    assert "2024年9月30日前" in text_of(overdue[-1])
    assert len(page.xpath("//h2[@id='targets']/following-sibling::figure//svg[@class='pp-bar']")) == 3  # gig-stations, zero households, complaint days


def test_department_page_lists_its_overdue_tasks(progress_site):
    section = tree(progress_site, "departments/qh-mzj/").get_element_by_id("overdue")
    items = [text_of(li) for li in section.xpath(".//ul/li")]
    assert [i.split(" ")[0] for i in items] == ["2.", "3."]  # t02 (lead) and t03 (part p1): both past their deadline
    assert "最新状态：进行中（2024年上半年）" in items[0] and "最新状态：尚无进展报告" in items[1]
    done = tree(progress_site, "departments/qh-sfj/").get_element_by_id("overdue")
    assert "没有。" in text_of(done)  # t09 has no dated deadline (never overdue), t07 is 已完成


def test_daye_without_reports_shows_no_report(progress_site):
    task = tree(progress_site, "plans/daye-2023/tasks/t01/").get_element_by_id("progress")
    assert "尚无进展报告" in text_of(task)
    page = tree(progress_site, "plans/daye-2023/progress/")
    assert "尚无进展报告：还没有责任单位报告这个方案的进展。" in text_of(page)
    assert not page.xpath("//svg[@class='pp-bar' or @class='pp-chart']")
    rows = list(csv.reader(io.StringIO((progress_site / "data/daye-2023/progress.csv").read_bytes().decode("utf-8-sig"))))
    assert len(rows) == 1  # the header only
    assert json.loads((progress_site / "data/daye-2023/progress.json").read_text(encoding="utf-8"))["reports"] == []


def test_open_data_holds_the_reports_with_their_schema(progress_site):
    from macros.features.progress.models import ProgressFileExport

    raw = (progress_site / f"data/{PLAN}/progress.csv").read_bytes()
    assert raw.startswith("\ufeff".encode()) and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 10
    t01 = [r for r in rows if r["target"] == "gig-stations"]
    assert [(r["period"], r["status"], r["value"], r["unit"]) for r in t01] == [
        ("2024-Q1", "进行中", "4", "个"), ("2024-Q2", "滞后", "9", "个"), ("2024-Q3", "已完成", "12", "个")]
    data = json.loads((progress_site / f"data/{PLAN}/progress.json").read_text(encoding="utf-8"))
    ProgressFileExport.model_validate(data)
    assert data["build_date"] == "2025-01-15" and len(data["reports"]) == 10
    assert data["$schema"].endswith("data/progress.schema.json")
    schema = json.loads((progress_site / "data/progress.schema.json").read_text(encoding="utf-8"))
    assert set(schema["$defs"]["ProgressExport"]["properties"]) == set(rows[0])
    data_page = text_of(tree(progress_site, "data/"))
    assert "工作进展（progress.csv、progress.json）" in data_page and "period_last_day" in data_page


def test_the_feed_has_an_entry_per_batch_of_reports(progress_site):
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.fromstring((progress_site / "changes/feed.xml").read_bytes())
    entries = [e for e in feed.findall(f"{atom}entry") if e.find(f"{atom}category").get("term") == "工作进展"]
    assert [e.find(f"{atom}title").text.split("（")[0] for e in entries] == ["工作进展：县人社局", "工作进展：县人社局",
                                                                          "工作进展：县民政局", "工作进展：县人社局", "工作进展：县人社局"]
    days = [e.find(f"{atom}published").text[:10] for e in entries]
    assert days == ["2025-01-10", "2024-10-09", "2024-07-15", "2024-07-08", "2024-04-10"]
    link = entries[0].find(f"{atom}link").get("href")
    assert f"plans/{PLAN}/progress/#reports-qh-rsj-2025-01-10" in link
    anchor = link.rsplit("#", 1)[1]
    assert tree(progress_site, f"plans/{PLAN}/progress/").get_element_by_id(anchor) is not None
    assert "部门填报，不是方案原文" in entries[0].find(f"{atom}content").text


def test_data_format_page_documents_the_columns_example_and_template_command(progress_site):
    page = tree(progress_site, "about/data-format/")
    section = text_of(page.get_element_by_id("progress-files").getparent())
    assert "plan,task,target,period,status,value,note,source_url,reported_by,reported_on" in section
    assert "make progress-template DEPT=<单位 id>" in section and "GB18030/GBK" in section
    example = [c for c in page.xpath("//pre/code") if "2024-Q3" in c.text_content()][0].text_content().splitlines()
    assert example[0] == "plan,task,target,period,status,value,note,source_url,reported_by,reported_on"
    assert all(len(list(csv.reader([line]))[0]) == 10 for line in example)


@pytest.mark.parametrize("mode", ["", "pp-contrast"])
def test_charts_render_in_chromium_in_normal_and_high_contrast(progress_site, browser, mode):
    from tests.browser_checks import describe, free_port, run_axe, serve

    with serve(progress_site, free_port()) as served:
        page = browser.new_page(viewport={"width": 375, "height": 800})
        requests = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(served.url + f"plans/{PLAN}/tasks/t01/")
        if mode:
            page.evaluate(f"document.documentElement.classList.add('{mode}')")
        found = page.evaluate("""() => [...document.querySelectorAll('svg.pp-bar, svg.pp-chart')].map(svg => ({
            viewBox: svg.viewBox.baseVal.width, width: svg.getBoundingClientRect().width,
            textColor: getComputedStyle(svg.querySelector('text')).fill, lineColor: getComputedStyle(svg.querySelector('line')).stroke,
            background: getComputedStyle(document.body).backgroundColor}))""")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        violations = {}
        for path in (f"plans/{PLAN}/tasks/t01/", f"plans/{PLAN}/progress/", "departments/qh-mzj/", "plans/daye-2023/progress/"):
            page.goto(served.url + path)
            if mode:
                page.evaluate(f"document.documentElement.classList.add('{mode}')")
            violations[path] = run_axe(page)  # axe-core, WCAG 2.0/2.1 A and AA
        page.close()
    assert all(not found for found in violations.values()), {path: describe(v) for path, v in violations.items() if v}
    assert len(found) == 2 and all(f["viewBox"] == 300 and 200 < f["width"] <= 375 for f in found)
    colour = "rgb(255, 255, 255)" if mode else None
    for f in found:
        assert f["textColor"] == f["lineColor"]  # currentColor: the text colour, whatever the mode
        if colour:
            assert f["textColor"] == colour and f["background"] == "rgb(0, 0, 0)"
    assert overflow <= 0
    assert all(url.startswith(served.url.split("/", 3)[0] + "//" + served.url.split("/")[2]) for url in requests)
