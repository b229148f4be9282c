"""The change log (page, Atom feed read by feedparser, validation) and the embeddable cards."""
from __future__ import annotations

import re

import feedparser
import pytest

from conftest import ROOT
from macros import linking, urls
from macros.load import DataErrors, load_catalog


# ---------------------------------------------------------------- change log and feed


def test_the_atom_feed_is_valid_and_matches_the_change_log(site, catalog, base_url):
    feed = feedparser.parse((site / urls.changes_feed()).read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    site_name = re.search(r"^site_name: (.+)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)[1]
    assert feed.feed.title == f"{site_name}：更新记录" and feed.feed.language == "zh-CN"
    assert {link.rel: link.href for link in feed.feed.links} == {
        "self": base_url + urls.changes_feed(), "alternate": base_url + urls.changes()}
    changes = linking.changes(catalog)
    assert len(feed.entries) == len(changes) >= 1
    for entry, change in zip(feed.entries, changes):
        anchor = urls.change_anchor(change.id)
        assert entry.id == entry.link == f"{base_url}{urls.changes()}#{anchor}"
        assert entry.title == f"{change.kind}：{change.title}"
        assert entry.updated == f"{change.date.isoformat()}T00:00:00+08:00"  # the day, Beijing time
        assert change.summary in entry.content[0].value
        assert f'id="{anchor}"' in (site / urls.changes() / "index.html").read_text(encoding="utf-8")
    # the site's own first publication, said to be the site's own record
    first = changes[-1]
    assert first.kind == "首次发布" and first.items == ["site"] and "本站" in first.note


def test_the_changes_page_lists_each_change(site, catalog):
    html = (site / urls.changes() / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", html)  # glossary terms may be marked up inside the text
    for change in linking.changes(catalog):
        assert f'<time datetime="{change.date.isoformat()}">{linking.chinese_date(change.date)}</time>' in html
        assert change.summary in text and change.note in text
    assert 'href="feed.xml"' in html
    assert "不是方案起草、征求意见或印发的日期" in html


@pytest.mark.parametrize("ref, expected", [
    ("task:daye-2023/t99", "a task id of plan daye-2023, one of: t01"),
    ("department:nobody", "an organization id, one of:"),
    ("tasks:t01", "site, plan:<plan>, task:<plan>/<task>"),
])
def test_a_change_naming_an_unknown_item_is_reported(data_copy, ref, expected):
    (data_copy / "changes.yaml").write_text(
        'changes:\n  - id: "x"\n    date: 2026-12-01\n    kind: "更新"\n    title: "测试"\n    summary: "测试"\n'
        f'    items:\n      - "{ref}"\n', encoding="utf-8")
    with pytest.raises(DataErrors) as raised:
        load_catalog(data_copy)
    assert f"policy_data/changes.yaml:8: changes[0].items[0]: found '{ref}'; expected {expected}" in str(raised.value)


# ---------------------------------------------------------------- embeddable cards


def _cards(catalog):
    bundle = catalog.plan("daye-2023")
    return [urls.embed_task(bundle.id, task.id) for task in bundle.tasks] + \
        [urls.embed_department(org_id) for org_id in linking.embedded_departments(catalog)]


def test_cards_are_self_contained_and_link_back(site, catalog, base_url):
    bundle = catalog.plan("daye-2023")
    cards = _cards(catalog)
    assert len(cards) == 22 + 10
    for card in cards:
        html = (site / card / "index.html").read_text(encoding="utf-8")
        assert "<script" not in html and "stylesheet" not in html and "@import" not in html, card
        assert "征求意见稿" in html, card
        external = [u for u in re.findall(r'(?:href|src)="([^"]+)"', html) if not u.startswith(base_url)]
        assert external == [], card
        assert not re.search(r"url\(", html), card
    task = bundle.task("t13")
    html = (site / urls.embed_task(bundle.id, "t13") / "index.html").read_text(encoding="utf-8")
    assert f'<a href="{base_url}{urls.task(bundle.id, "t13")}" target="_blank" rel="noopener">第13项任务：{task.title}</a>' in html
    assert "市人社局、市住建局、市公安局、市医保局、市总工会" in html
    assert "标准化安薪项目数量占比：不少于 50%（全市，2023年底）" in html
    html = (site / urls.embed_department("zjj") / "index.html").read_text(encoding="utf-8")
    assert f'href="{base_url}{urls.department("zjj")}"' in html and "市住建局负责的任务" in html


def test_a_card_in_an_iframe_requests_nothing_but_itself(browser, server):
    card = server + urls.embed_task("daye-2023", "t04")
    context = browser.new_context(viewport={"width": 375, "height": 600}, is_mobile=True)
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.set_content('<meta name="viewport" content="width=device-width, initial-scale=1">'
                     f'<iframe src="{card}" title="任务卡片" width="100%" height="260" style="border:0"></iframe>')
    frame = page.frame_locator("iframe")
    assert frame.locator("h1").text_content() == "第4项任务：巩固脱贫人口务工就业"
    assert "不少于 5357 人" in frame.locator("dl").text_content()
    assert requested == [card]
    frame_width = page.evaluate("document.querySelector('iframe').clientWidth")
    assert frame_width <= 375
    assert page.frames[1].evaluate("document.documentElement.scrollWidth") <= frame_width, "no sideways scrolling"
    context.close()


@pytest.mark.parametrize("card", [urls.embed_task("daye-2023", "t13"), urls.embed_department("rsj")])
def test_cards_pass_axe(browser, server, card):
    from browser_checks import describe, run_axe

    page = browser.new_page()
    page.goto(server + card)
    violations = run_axe(page)
    page.close()
    assert not violations, describe(violations)
