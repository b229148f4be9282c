"""Search finds the right task from everyday words, through the site's real search in headless Chromium.

The queries are in tests/search_queries.yaml (not in the pages). Each is typed into Material's search
box on the served site; the first three results of the list a reader sees are read back. At least 95 %
of the queries must have an expected task among them. The results must read as plain Chinese: no
zero-width spaces (Material's jieba segmentation puts them in its index) in titles or snippets.

    .venv/bin/python -m pytest tests/search/test_search.py -q -s    # prints the hit table
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

QUERIES = Path(__file__).with_name("search_queries.yaml")
REQUIRED_HIT_RATE = 0.95
TOP = 3
ITEM_URL = re.compile(r"/plans/[^/]+/(?:tasks|parts)/([a-z0-9-]+)/")
ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def load_queries() -> list[dict]:
    return yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"]


def open_search(page, base_url: str) -> None:
    page.goto(base_url)
    box = page.locator("input.md-search__input")
    if not box.is_visible():  # a narrow screen shows a search button instead of the box
        page.locator("label[for='__search']").first.click()
    box.click()
    # The search worker is ready when the placeholder message replaces the initialising one.
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && m.textContent.trim() && !m.textContent.includes('初始化'); }")


def search(page, query: str) -> list[dict]:
    """Type ``query`` into the search box; return the results as shown: url, title and snippet text."""
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press("End")  # Material reads the box on keyup; an input method types Chinese without key events
    page.wait_for_function("() => !document.querySelector('.md-search-result__list li')")
    box.type(query)
    box.press("End")
    page.wait_for_function(
        "(q) => { const m = document.querySelector('.md-search-result__meta');"
        " return document.querySelector('input.md-search__input').value === q && m"
        " && /结果/.test(m.textContent) && !/键入/.test(m.textContent); }", arg=query)
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('.md-search-result__list > li.md-search-result__item'))
             .map(li => { const a = li.querySelector('a.md-search-result__link');
                          return { url: a ? a.href : '', text: li.textContent, visible: li.innerText,
                                   marks: Array.from(li.querySelectorAll('mark')).map(m => m.textContent) }; })""")


def item_of(url: str):
    match = ITEM_URL.search(url)
    return match.group(1) if match else None


def run_queries(page, base_url: str, queries: list[dict]) -> list[dict]:
    open_search(page, base_url)
    rows = []
    for entry in queries:
        results = search(page, entry["query"])
        top = [item_of(r["url"]) or r["url"].replace(base_url, "/") for r in results[:TOP]]
        rows.append({"query": entry["query"], "expect": entry["expect"], "top": top, "results": results,
                     "hit": any(item in entry["expect"] for item in top)})
    return rows


@pytest.fixture(scope="module")
def rows(server, browser):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        yield run_queries(page, server, load_queries())
    finally:
        context.close()


def test_query_set_is_large_enough_and_refers_to_real_items(catalog):
    queries = load_queries()
    assert len(queries) >= 40
    assert len({q["query"] for q in queries}) == len(queries), "a query is listed twice"
    bundle = catalog.plan("daye-2023")
    known = {item.id for item in bundle.items()}
    for entry in queries:
        assert entry["expect"] and set(entry["expect"]) <= known, entry


def test_everyday_queries_find_the_right_task(rows):
    hits = sum(row["hit"] for row in rows)
    rate = hits / len(rows)
    table = "\n".join(f"{'hit ' if r['hit'] else 'MISS'} {r['query']:<12} expect {','.join(r['expect']):<8} top {r['top']}"
                      for r in rows)
    print(f"\nsearch hit rate: {hits}/{len(rows)} = {rate:.1%}\n{table}")
    assert rate >= REQUIRED_HIT_RATE, f"hit rate {rate:.1%} < {REQUIRED_HIT_RATE:.0%}\n{table}"


def test_results_read_as_plain_chinese(rows):
    """What a reader sees in the results: no zero-width spaces, no search syntax (我* 的*), and marks."""
    shown = [(row["query"], result) for row in rows for result in row["results"][:TOP]]
    assert shown, "no results at all"
    for query, result in shown:
        assert not ZERO_WIDTH.search(result["text"]), f"{query}: zero-width character in {result['text']!r}"
        assert "*" not in result["visible"], f"{query}: search syntax shown: {result['visible']!r}"
    marked = [row for row in rows if row["results"] and row["results"][0]["marks"]]
    assert len(marked) >= len(rows) * 0.9, "most first results should highlight the words searched for"
    row = next(r for r in rows if r["query"] == "工伤")
    assert "工伤" in row["results"][0]["marks"], row["results"][0]["marks"]
