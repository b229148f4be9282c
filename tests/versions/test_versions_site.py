"""What the public sees of a plan's versions, on the site built from the invented two-version plan
(tests/fixtures/versions/): the list, the frozen texts, the “what changed” page and the feed."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import lxml.html

from macros.core import urls
from tests.support import page_html
from tests.versions.conftest import PLAN

ATOM = "{http://www.w3.org/2005/Atom}"


def tree(site, path):
    return lxml.html.document_fromstring(page_html(site, path))


def text_of(element) -> str:
    return " ".join(element.text_content().split())


def announce(page) -> str:
    return " ".join(text_of(p) for p in page.xpath("//p[contains(@class, 'pp-announce')]"))


def diff_spans(element) -> list[tuple[str, str]]:
    """The <ins> and <del> of a diff, in order, each after its marker for screen readers and print."""
    result = []
    for changed in element.xpath(".//ins | .//del"):
        marker = changed.getprevious()
        assert marker is not None and marker.get("class") == "pp-diff-mark"
        assert marker.text_content() == {"ins": "【增】", "del": "【删】"}[changed.tag]
        result.append((changed.tag, changed.text_content()))
    return result


def section_ids(page, heading_id: str) -> list[str]:
    """The ids of the sections that follow a heading, up to the next h2."""
    found, element = [], page.get_element_by_id(heading_id).getnext()
    while element is not None and element.tag != "h2":
        if element.tag == "section":
            found.append(element.get("id"))
        element = element.getnext()
    return found


def test_what_changed_lists_exactly_the_added_removed_renumbered_and_reworded_tasks(versions_site):
    page = tree(versions_site, urls.version_changes(PLAN, "draft", "issued"))
    assert text_of(page.xpath("//h1")[0]).startswith("从征求意见稿到印发稿：改了什么")
    assert section_ids(page, "added") == ["added-t06"]
    assert section_ids(page, "removed") == ["removed-t03"]
    assert section_ids(page, "reworded") == ["reworded-t02", "reworded-t05"]
    rows = page.get_element_by_id("renumbered").getnext().xpath(".//tbody/tr")
    assert [[text_of(td) for td in row.xpath("./td")][:4] for row in rows] == [
        ["开展技能培训", "4.", "3.", "没有改"], ["治理拖欠工资问题", "5.", "4.", "也改了"]]
    counts = [text_of(li) for li in page.xpath("//ul[@class='pp-version-counts']/li")]
    assert counts == ["新增的任务：1 项", "删去的任务：1 项", "改了文字的任务：2 项", "改了序号的任务：2 项", "没有变化的任务：1 项"]
    assert "原3. 举办春季招聘会" in text_of(page.get_element_by_id("removed-t03"))
    assert "序号也变了：原5.，现4.。" in text_of(page.get_element_by_id("reworded-t05"))


def test_the_word_level_diff_of_a_reworded_task(versions_site):
    page = tree(versions_site, urls.version_changes(PLAN, "draft", "issued"))
    t02 = page.get_element_by_id("reworded-t02").xpath(".//blockquote")[0]
    assert diff_spans(t02) == [("del", "每月"), ("ins", "每半月"), ("ins", "和微信群"), ("del", "6"), ("ins", "9"),
                               ("del", "500"), ("ins", "800")]
    t05 = page.get_element_by_id("reworded-t05").xpath(".//blockquote")[0]
    assert diff_spans(t05) == [("ins", "举报"), ("del", "依法查处"), ("ins", "依法从严查处")]
    assert text_of(t05) == ("畅通欠薪投诉【增】举报渠道，对拖欠农民工工资的行为【删】依法查处【增】依法从严查处，做到案结事了。")
    other = page.get_element_by_id("other-text").getparent()
    assert ("del", "（征求意见稿）") in diff_spans(other) and ("ins", "，结合我县实际") in diff_spans(other)


def test_the_editor_summaries_show_beside_their_tasks(versions_site):
    page = tree(versions_site, urls.version_changes(PLAN, "draft", "issued"))
    expected = {
        "reworded-t02": "岗位信息改为每半月汇总一次，增加微信群发布，数量目标由500条提高到800条，时间由6月底改为9月底。",
        "removed-t03": "删去了举办春季招聘会这一项。",
        "reworded-t05": "增加“举报”渠道，查处改为“依法从严查处”。",
        "added-t06": "新增一项：建立农民工服务热线。",
    }
    for section, summary in expected.items():
        [line] = page.get_element_by_id(section).xpath(".//p[@class='pp-version-summary']")
        assert text_of(line) == f"编辑说明：{summary}"
    assert "编辑写的通俗说明，不是原文" in text_of(page.xpath("//article")[0])


def test_the_frozen_old_version_still_works_says_it_is_superseded_and_links_the_current_plan(versions_site):
    page = tree(versions_site, urls.plan_version(PLAN, "draft"))
    assert "较早的版本：这是本方案的征求意见稿（2024年1月10日），已被后来的版本取代；方案网页显示的是印发稿（2024年3月20日）。" in announce(page)
    assert "现行有效" not in announce(page)  # the plan's own status line is replaced on an earlier version
    notice = page.xpath("//div[@class='pp-superseded']")[0]
    links = {a.get("href") for a in notice.xpath(".//a")}
    assert "../../" in links  # the plan's page, which shows the current version
    assert "../issued/" in links and "../draft-to-issued/" in links
    # the whole text of the draft, each task at its anchor, word for word
    t03 = page.get_element_by_id("task-t03")
    assert text_of(t03) == "3. 举办春季招聘会。2024年春节后，在县城和重点乡镇举办春季招聘会不少于3场。"
    assert text_of(page.get_element_by_id("task-t02")).endswith("全县发布岗位信息不少于500条。")
    assert [e.get("id") for e in page.xpath("//*[starts-with(@id, 'task-')]")] == ["task-t01", "task-t02", "task-t03", "task-t04", "task-t05"]
    assert "后来的版本删去了这一项" in text_of(t03.getnext())
    assert "征求意见稿）（测试数据）" in text_of(page.xpath("//p[contains(@class, 'pp-block--title')]")[0])


def test_the_current_version_has_its_own_frozen_address_and_the_plan_shows_it(versions_site):
    page = tree(versions_site, urls.plan_version(PLAN, "issued"))
    assert not page.xpath("//div[@class='pp-superseded']") and "较早的版本" not in announce(page)
    assert [e.get("id") for e in page.xpath("//*[starts-with(@id, 'task-')]")] == ["task-t01", "task-t02", "task-t04", "task-t05", "task-t06"]
    overview = tree(versions_site, urls.plan(PLAN))
    [note] = overview.xpath("//p[@class='pp-version-note']")
    assert "本站显示的是本方案的印发稿（2024年3月20日）" in text_of(note)
    assert note.xpath(".//a")[0].get("href") == "versions/"
    plan_text = text_of(tree(versions_site, urls.plan_text(PLAN)).xpath("//article")[0])
    assert "建立农民工服务热线" in plan_text and "举办春季招聘会" not in plan_text


def test_the_list_of_versions(versions_site):
    page = tree(versions_site, urls.plan_versions(PLAN))
    rows = [[text_of(td) for td in row.xpath("./td")] for row in page.xpath("//table[contains(@class, 'pp-versions')]/tbody/tr")]
    assert [row[:2] for row in rows] == [["征求意见稿", "2024年1月10日"], ["印发稿（方案网页显示的版本）", "2024年3月20日"]]
    assert rows[0][3] == "第一个版本"
    assert rows[1][3] == "改了什么：新增 1 项，删去 1 项，改了文字 2 项，改了序号 2 项"


def test_the_feed_has_an_entry_per_version(versions_site):
    feed = ET.parse(versions_site / urls.changes_feed()).getroot()
    entries = [e for e in feed.findall(f"{ATOM}entry") if e.find(f"{ATOM}category").get("term") == "方案版本"]
    by_title = {e.find(f"{ATOM}title").text: e for e in entries}
    assert set(by_title) == {"方案版本：清河县暖心行动方案（测试数据）（征求意见稿）", "方案版本：清河县暖心行动方案（测试数据）（印发稿）"}
    issued = by_title["方案版本：清河县暖心行动方案（测试数据）（印发稿）"]
    assert issued.find(f"{ATOM}published").text.startswith("2024-03-20")
    assert issued.find(f"{ATOM}link").get("href").endswith(urls.version_changes(PLAN, "draft", "issued"))
    content = issued.find(f"{ATOM}content").text
    assert "新增 1 项任务，删去 1 项，改了文字 2 项，改了序号 2 项" in content and "- t03：删去了举办春季招聘会这一项。" in content
    assert len({e.find(f"{ATOM}id").text for e in entries}) == 2


def test_the_data_format_page_documents_versions_yaml(versions_site):
    text = text_of(tree(versions_site, "about/data-format/").xpath("//article")[0])
    assert "policy_data/plans/<方案id>/versions.yaml" in text and "-to-" in text
