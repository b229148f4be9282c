"""The change log: its page, its Atom feed (read by feedparser) and the validation of changes.yaml."""
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


# ---------------------------------------------------------------- change log and feed


def test_the_atom_feed_is_valid_and_matches_the_change_log(site, catalog, base_url):
    feed = feedparser.parse((site / urls.changes_feed()).read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    site_name = re.search(r"^site_name: (.+)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)[1]
    assert feed.feed.title == f"{site_name}：更新记录" and feed.feed.language == "zh-CN"
    assert {link.rel: link.href for link in feed.feed.links} == {
        "self": base_url + urls.changes_feed(), "alternate": base_url + urls.changes()}
    changes = catalog.changes()
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
    for change in catalog.changes():
        assert f'<time datetime="{change.date.isoformat()}">{chinese_date(change.date)}</time>' in html
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
