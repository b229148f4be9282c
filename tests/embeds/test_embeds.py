"""The embeddable cards: self-contained, linking back, requesting nothing else, passing axe."""
from __future__ import annotations

import re

import feedparser
import pytest

from tests.support import ROOT
from macros.core import urls
from macros.core.formats import chinese_date
from macros.core.site_map import site_map
from macros.features.permalinks import queries as linking
from macros.core.load import DataErrors
from tests.support import load_catalog


# ---------------------------------------------------------------- embeddable cards


def _cards(catalog):
    bundle = catalog.plan("daye-2023")
    return [urls.embed_task(bundle.id, task.id) for task in bundle.tasks] + \
        [urls.embed_department(org_id) for org_id in catalog.responsible_organizations()]


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
