"""Scale out: two shards built apart and merged are the site that one build of everything makes.

The data: policy_data/ plus the invented plans of tests/fixtures/ (four plans). Shard A builds one plan,
shard B the other three, the merge builds the pages of no plan and merges the shards in; then every file
of the merged site (pages, search index, sitemap, open data, feeds, calendars, cards, redirects, PDFs) is
compared with a full build, list and bytes. No exceptions are needed: a difference fails.
"""
from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from macros.core import urls
from tests.support import environment


def files(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def builds(tmp_path_factory, fixture_data):
    from scripts.build import build

    root = tmp_path_factory.mktemp("shards")
    plans = sorted(p.name for p in (fixture_data / "plans").iterdir() if p.is_dir())
    first, rest = ("daye-2023",), tuple(p for p in plans if p != "daye-2023")
    with environment(SITE_URL="https://example.gov.cn/zcjd/nmg/"):
        assert build(root / "full", quiet=True, data=fixture_data) == 0
        assert build(root / "a", quiet=True, data=fixture_data, plans=first) == 0
        assert build(root / "b", quiet=True, data=fixture_data, plans=rest) == 0
        assert build(root / "merged", quiet=True, data=fixture_data, merge=(root / "a", root / "b")) == 0
    return {"root": root, "plans": plans, "first": first, "rest": rest}


def test_a_shard_holds_only_its_plans_pages_and_files(builds):
    root, plans = builds["root"], builds["plans"]
    for shard, own in (("a", builds["first"]), ("b", builds["rest"])):
        listed = files(root / shard)
        assert listed
        owners = {urls.plan_of_path(path, plans) for path in listed}
        assert owners == set(own), (shard, owners)
        assert any(path.startswith(f"plans/{own[0]}/tasks/") for path in listed)


def test_the_merge_is_the_full_build_file_for_file_and_byte_for_byte(builds):
    full, merged = builds["root"] / "full", builds["root"] / "merged"
    assert files(merged) == files(full)
    different = [path for path in files(full) if not filecmp.cmp(full / path, merged / path, shallow=False)]
    assert not different, different[:20]
    kinds = {"pagefind/pagefind-entry.json", "sitemap.xml", "sitemap.xml.gz", "changes/feed.xml", "search/index.html"}
    assert kinds <= set(files(full))
    assert any(path.startswith("calendar/departments/") for path in files(full))
    assert any(path.endswith(".pdf") for path in files(full))
