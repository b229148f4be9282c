"""Economical print (issue 12), printed by headless Chromium (page.pdf) and counted with pdfinfo: every task
page on at most two A4 pages, without buttons, navigation or links' addresses; a leaflet's web page prints
on as many pages as its PDF; the downloads page shows each file's format and size.
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from macros.core import urls
from macros.features.leaflets.queries import leaflet_list
from macros.features.print.pages import downloads
from tests.support import ROOT, load_catalog, page_html

MAX_TASK_PAGES = 2


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout


@pytest.fixture(scope="module")
def printer(browser):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()

    def print_page(url: str, pdf: Path) -> Path:
        page.goto(url)
        page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True)
        return pdf

    yield print_page
    context.close()


def test_every_task_page_prints_on_at_most_two_pages(server, catalog, printer, tmp_path):
    too_long, checked = [], 0
    for bundle in catalog.plans.values():
        for task in bundle.tasks:
            pdf = printer(server + urls.task(bundle.id, task.id), tmp_path / f"{task.id}.pdf")
            checked += 1
            if _pages(pdf) > MAX_TASK_PAGES:
                too_long.append(f"{task.id}: {_pages(pdf)} pages")
    assert checked >= 20
    assert not too_long, too_long


def test_a_printed_task_page_has_no_buttons_navigation_or_link_addresses(server, catalog, printer, tmp_path, base_url):
    bundle = catalog.plan("daye-2023")
    url = server + urls.task(bundle.id, bundle.tasks[1].id)
    text = _text(printer(url, tmp_path / "task.pdf"))
    addresses = re.findall(r"https?://\S+", text)
    assert addresses == [url], addresses  # only the page's own address, in the print header
    for screen_only in ("复制链接", "引用", "嵌入", "打印", "上一项", "下一项", "大字", "高对比", "朗读正文", "预览版",
                        "搜索", "相关说法", "在问答页查看", "tel:"):
        assert screen_only not in text, f"{screen_only!r} was printed"
    assert "找谁、怎么找" in text and "12345" in text


@pytest.mark.parametrize("leaflet_id", [leaflet.id for leaflet in leaflet_list(load_catalog(ROOT / "policy_data"))])
def test_printing_a_leaflet_page_prints_the_leaflet(server, site, printer, tmp_path, leaflet_id):
    printed = printer(server + urls.leaflet(leaflet_id), tmp_path / "leaflet.pdf")
    made = site / urls.leaflet_pdf(leaflet_id)
    assert _pages(printed) == _pages(made), f"the web page prints on {_pages(printed)} pages, its PDF has {_pages(made)}"
    text = _text(printed)
    assert "找谁、怎么找" in text and "下载 PDF" not in text and "本页词语解释" not in text


def test_downloads_show_format_and_size(site, catalog):
    html = page_html(site, urls.downloads())
    files = downloads(catalog)
    assert files
    for item in files:
        size = (site / item.url).stat().st_size
        shown = f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"
        cell = re.search(rf'href="[^"]*{re.escape(Path(item.url).name)}">下载</a> <span class="pp-file-size">([^<]*)</span>', html)
        assert cell, item.url
        assert cell.group(1) == f"PDF，{shown}", (item.url, cell.group(1))
    assert "data-pp-file" not in html
