"""Permalinks: 复制链接 / 引用 / 嵌入 on every citable page and target, in a phone-sized Chromium, with and
without a clipboard, with and without JavaScript."""
from __future__ import annotations

import html as html_lib
import re

import lxml.html
import pytest

from tests.support import page_html
from macros.core import urls
from macros.core.formats import chinese_date
from macros.core.site_map import site_map
from macros.features.permalinks import queries as linking

PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True, "locale": "zh-CN"}


def _controls(html: str) -> list[dict]:
    """Each permalink control group on a page: the URL to copy and the citation."""
    groups = []
    for block in html.split('<div class="pp-permalink" data-pp-permalink>')[1:]:
        url = re.search(r'<input class="pp-copy__field" type="text" readonly value="([^"]*)"', block)
        cite = re.search(r"<textarea class=\"pp-copy__field\" readonly rows=\"4\">(.*?)</textarea>", block, re.S)
        groups.append({"url": html_lib.unescape(url[1]), "citation": html_lib.unescape(cite[1])})
    return groups


def test_every_citable_page_and_target_has_copy_and_cite(site, catalog, base_url):
    citables = linking.citables(catalog)
    kinds = {"tasks": 0, "parts": 0, "departments": 0, "documents": 0, "targets": 0}
    for path, citable in citables.items():
        page, _, anchor = path.partition("#")
        groups = {group["url"]: group for group in _controls(page_html(site, page))}
        url = base_url + path
        assert url in groups, f"{path}: no 复制链接 for {url}"
        citation = groups[url]["citation"]
        assert citation == f"{citable.citation}网址：{url}", path
        assert citation.endswith(url)
        if "/departments/" not in url:
            assert "征求意见" in citation, path  # the plan's status, or the document's own
        kind = "targets" if anchor else next((k for k in kinds if f"/{k}/" in f"/{page}"), None)
        if kind:
            kinds[kind] += 1
    bundle = catalog.plan("daye-2023")
    assert kinds["tasks"] == len(bundle.tasks) == 22
    assert kinds["targets"] == len(bundle.targets()) == 6
    assert kinds["parts"] == len(bundle.parts)
    assert kinds["documents"] >= len(bundle.documents)
    assert kinds["departments"] == len(catalog.organizations)


def test_task_citation_names_number_title_plan_status_and_url(site, base_url):
    html = page_html(site, "plans/daye-2023/tasks/t13/")
    groups = _controls(html)
    page = next(g for g in groups if g["url"] == base_url + "plans/daye-2023/tasks/t13/")
    assert page["citation"] == (
        "大冶市《关于实施“安业、安薪、安身”工程 促进县域农民工市民化质量提升行动实施方案》（征求意见稿），"
        "第13项任务：开展“标准化安薪项目”选树活动。"
        f"网址：{base_url}plans/daye-2023/tasks/t13/"
    )
    target = next(g for g in groups if g["url"].endswith("#target-standard-wage-projects"))
    assert "标准化安薪项目数量占比不少于 50%（全市，2023年底）" in target["citation"]
    # the target's controls sit in its own table row
    row = html.split('id="target-standard-wage-projects"', 1)[1].split("</tr>", 1)[0]
    assert "复制链接" in row and "引用" in row


def test_document_citation_nests_book_title_marks(site):
    groups = _controls(page_html(site, "plans/daye-2023/documents/consultation-letter/"))
    citation = groups[0]["citation"]
    assert "《关于征求〈关于实施“安业、安薪、安身” 工程促进县域农民工市民化质量提升行动方案〉 修改意见的函》" in citation
    assert "文件状态：征求意见" in citation


def _open(browser, server, path, init_script=None, **options):
    context = browser.new_context(**{**PHONE, **options})
    if init_script:
        context.add_init_script(init_script)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("response", lambda response: errors.append(f"{response.status} {response.url}") if response.status >= 400 else None)
    page.goto(server + path)
    return context, page, errors


def test_copy_link_and_cite_copy_to_the_clipboard_on_a_phone(browser, server):
    context, page, errors = _open(browser, server, "plans/daye-2023/tasks/t04/")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.split("/zcjd")[0])
    actions = page.locator(".pp-actions .pp-permalink").first
    actions.locator("summary", has_text="复制链接").tap()
    page.wait_for_function("document.querySelector('.pp-copy__status').textContent.includes('已复制')")
    assert page.evaluate("navigator.clipboard.readText()") == server + "plans/daye-2023/tasks/t04/"
    assert not actions.locator("details[data-pp-what='链接']").evaluate("d => d.open"), "copied: no panel needed"

    actions.locator("summary", has_text="引用").tap()
    page.wait_for_function("document.querySelector('.pp-copy__status').textContent.includes('引用已复制')")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("大冶市《关于实施") and "第4项任务：巩固脱贫人口务工就业" in copied
    assert copied.endswith(server + "plans/daye-2023/tasks/t04/")
    assert actions.locator("details[data-pp-what='引用'] textarea").is_visible(), "the citation is shown too"

    target = page.locator("#target-poverty-labour-scale .pp-permalink")
    target.locator("summary", has_text="复制链接").tap()
    page.wait_for_function(
        "document.querySelector('#target-poverty-labour-scale .pp-copy__status').textContent.includes('已复制')")
    assert page.evaluate("navigator.clipboard.readText()").endswith("tasks/t04/#target-poverty-labour-scale")
    assert errors == []
    context.close()


def test_without_a_clipboard_the_link_is_shown_to_copy_by_hand(browser, server):
    # an http:// site on an old phone: no Clipboard API, and execCommand refuses
    script = ("Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined});"
              "document.execCommand = () => false;")
    context, page, errors = _open(browser, server, "departments/rsj/", init_script=script)
    page.locator(".pp-actions summary", has_text="复制链接").tap()
    field = page.locator(".pp-actions details[data-pp-what='链接'] input")
    assert field.is_visible()
    assert field.input_value() == server + "departments/rsj/"
    assert page.evaluate("document.activeElement.value") == server + "departments/rsj/", "selected for copying"
    assert "长按" in page.locator(".pp-actions .pp-copy__status").text_content()
    assert errors == []
    context.close()


def test_without_javascript_the_controls_still_show_the_link_and_citation(browser, server):
    context, page, errors = _open(browser, server, "plans/daye-2023/parts/p3/", java_script_enabled=False)
    page.locator(".pp-actions summary", has_text="复制链接").click()
    assert page.locator(".pp-actions details[data-pp-what='链接'] input").input_value() == server + "plans/daye-2023/parts/p3/"
    page.locator(".pp-actions summary", has_text="引用").click()
    citation = page.locator(".pp-actions details[data-pp-what='引用'] textarea")
    assert citation.is_visible() and "（三）强化劳动权益保障，筑牢安薪之基" in citation.input_value()
    context.close()


@pytest.mark.parametrize("path", ["plans/daye-2023/tasks/t13/", "departments/zjj/"])
def test_embed_code_points_at_the_card(site, base_url, path):
    html = page_html(site, path)
    block = html.split('data-pp-what="嵌入代码"', 1)[1].split("</details>", 1)[0]
    code = html_lib.unescape(re.search(r"<textarea[^>]*>(.*?)</textarea>", block, re.S)[1])
    card = urls.embed_task("daye-2023", "t13") if "tasks" in path else urls.embed_department("zjj")
    assert code.startswith(f'<iframe src="{base_url}{card}" title="')
    assert (site / card / "index.html").is_file()


def test_pages_say_when_they_were_first_published_and_last_updated(site, catalog):
    changes = catalog.changes()
    assert changes, "policy_data/changes.yaml has the site's own history"
    first, last = min(c.date for c in changes), max(c.date for c in changes)
    text = f"本站首次发布：{chinese_date(first)} · 最近更新：{chinese_date(last)}"
    pages = [path for path in site_map(catalog).paths]  # the first change names the whole site
    assert len(pages) > 50
    for path in pages:
        dates = lxml.html.document_fromstring(page_html(site, path)).find_class("pp-dates")
        assert len(dates) == 1 and dates[0].text_content().startswith(text), path
        assert [t.get("datetime") for t in dates[0].iter("time")] == [first.isoformat(), last.isoformat()], path
    assert 'class="pp-dates"' not in page_html(site, urls.embed_task("daye-2023", "t01"))
