"""The URL manifest and redirects: no published address breaks silently, and the site works below a
sub-path (the session's server serves it under /zcjd/nmg/)."""
from __future__ import annotations

import os
import urllib.request
from pathlib import Path

import pytest
import yaml

from tests.browser_checks import SUB_PATH, serve
from macros.core.load import DataErrors
from tests.support import load_catalog
from scripts import url_manifest


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_manifest_is_sorted_unique_and_committed():
    entries = url_manifest.read()
    assert len(entries) > 100, "policy_data/url_manifest.txt lists every published URL"
    assert entries == sorted(set(entries))
    assert all(entry.isascii() and " " not in entry for entry in entries)
    assert "" in entries and "plans/daye-2023/tasks/t01/" in entries and "data/daye-2023/plan.json" in entries


def test_every_url_in_the_manifest_is_still_served(site, catalog):
    assert url_manifest.broken(url_manifest.read(), site, catalog) == []


def test_every_published_url_is_in_the_manifest(site, catalog):
    missing = sorted(url_manifest.published(site, catalog) - set(url_manifest.read()))
    assert missing == [], "new URLs: run `python scripts/url_manifest.py` and commit policy_data/url_manifest.txt"


def test_every_manifest_url_answers_below_the_sub_path(server):
    assert SUB_PATH in server
    failing = [entry for entry in url_manifest.read() if _status(server + entry.partition("#")[0]) != 200]
    assert failing == []
    assert _status(server.replace(SUB_PATH, "/") + "plans/daye-2023/") == 404, "nothing is served outside it"


def test_a_removed_url_fails_the_check_until_a_redirect_is_declared(site, catalog, data_copy, tmp_path):
    gone = "plans/daye-2023/tasks/t23/"  # as if task 23 had been published once and later renumbered
    manifest = url_manifest.read() + [gone, gone + "#target-old-id"]
    problems = url_manifest.broken(manifest, site, catalog)
    assert [problem.split(":", 1)[0] for problem in problems] == [gone, gone + "#target-old-id"]
    assert "no longer built; keep it, or declare a redirect in policy_data/redirects.yaml" in problems[0]

    (data_copy / "redirects.yaml").write_text(yaml.safe_dump({"redirects": [
        {"from": gone, "to": "plans/daye-2023/tasks/t22/", "date": "2026-12-01", "reason": "任务重新编号"},
    ]}, allow_unicode=True), encoding="utf-8")
    moved_site = _build(data_copy, tmp_path)
    moved_catalog = load_catalog(data_copy)
    problems = url_manifest.broken(manifest, moved_site, moved_catalog)
    assert problems == [f"{gone}#target-old-id: the page has no anchor #target-old-id any more; ids in the data must not change"]
    assert url_manifest.broken(manifest[:-1], moved_site, moved_catalog) == []
    assert gone not in url_manifest.published(moved_site, moved_catalog), "a redirect page is not a new URL"


def test_a_redirect_page_leads_to_the_new_page_keeping_the_anchor(browser, data_copy, tmp_path):
    gone = "plans/daye-2023/tasks/old-standard-wage/"
    (data_copy / "redirects.yaml").write_text(yaml.safe_dump({"redirects": [
        {"from": gone, "to": "plans/daye-2023/tasks/t13/", "date": "2026-12-01", "reason": "任务改了标识"},
    ]}, allow_unicode=True), encoding="utf-8")
    site = _build(data_copy, tmp_path)
    html = (site / gone / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../t13/">' in html
    assert '<link rel="canonical" href="https://example.gov.cn/zcjd/nmg/plans/daye-2023/tasks/t13/">' in html
    assert '<a id="to" href="../t13/">https://example.gov.cn/zcjd/nmg/plans/daye-2023/tasks/t13/</a>' in html

    with serve(site) as served:
        base = served.url
        page = browser.new_page()
        page.goto(base + gone + "#target-standard-wage-projects")
        page.wait_for_url("**/tasks/t13/#target-standard-wage-projects")
        assert page.locator("h1").first.text_content().startswith("13.")
        context = browser.new_context(java_script_enabled=False)  # the meta refresh alone
        page = context.new_page()
        page.goto(base + gone)
        page.wait_for_url("**/tasks/t13/")
        context.close()


@pytest.mark.parametrize("old, new, where, found, expected", [
    ("plans/daye-2023/tasks/gone/", "plans/daye-2023/tasks/t99/", "3: redirects[0].to", "'plans/daye-2023/tasks/t99/'",
     "a page that the site builds, such as plans/daye-2023/tasks/t01/"),
    ("plans/daye-2023/tasks/t01/", "plans/daye-2023/tasks/t02/", "2: redirects[0].from", "'plans/daye-2023/tasks/t01/'",
     "an address that is no longer a page"),
    ("/plans/x", "plans/daye-2023/tasks/t02/", "2: redirects[0].from", "'/plans/x'", "a path below the site's address"),
])
def test_bad_redirects_are_reported_with_file_line_and_expectation(data_copy, old, new, where, found, expected):
    (data_copy / "redirects.yaml").write_text(
        f'redirects:\n  - from: "{old}"\n    to: "{new}"\n    date: 2026-12-01\n    reason: "测试"\n', encoding="utf-8")
    with pytest.raises(DataErrors) as raised:
        load_catalog(data_copy)
    message = str(raised.value)
    assert f"policy_data/redirects.yaml:{where}: found {found}; expected {expected}" in message, message


def _build(data: Path, tmp_path: Path) -> Path:
    from scripts.build import build

    site = tmp_path / "site"
    previous = os.environ.get("SITE_URL")
    os.environ["SITE_URL"] = "https://example.gov.cn/zcjd/nmg/"
    try:
        assert build(site, quiet=True, data=data) == 0
    finally:
        os.environ.pop("SITE_URL") if previous is None else os.environ.__setitem__("SITE_URL", previous)
    return site

