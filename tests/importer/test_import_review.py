"""Issue 11 item 4: an imported plan with unreviewed items says so on every page (“导入待审核”), and a release
build refuses it, listing the open items of plans/<id>/review.yaml; deleting the items (or the file) clears both."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest
from tests.importer.support import FIXTURES, ROOT, load

from macros.importer import import_plan

MARK = re.compile(r'<p class="pp-announce pp-review"[^>]*>导入待审核：本方案由程序从原文导入，还有 (\d+) 项待人工核对</p>')


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    import shutil
    data = tmp_path_factory.mktemp("review") / "policy_data"
    shutil.copytree(ROOT / "policy_data", data, ignore=shutil.ignore_patterns(".*"))
    import_plan(FIXTURES / "lishan-2023.pdf", "lishan-2023", data)
    return data


@pytest.fixture(scope="module")
def site(imported, tmp_path_factory):
    site = tmp_path_factory.mktemp("review-site") / "site"
    run = subprocess.run([sys.executable, str(ROOT / "scripts/build.py"), "--data", str(imported), "--site-dir", str(site),
                          "--skip-outputs", "print"], capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr[-3000:]
    return site


def test_the_importer_writes_the_open_items(imported):
    review = load(imported / "plans" / "lishan-2023" / "review.yaml")
    items = review["open_items"]
    assert items and all(set(item) == {"what", "source_line", "note"} for item in items)
    assert {"what": "状态", "source_line": 13, "note": "状态（status.stage）推测为 issued（印发施行），依据是发文字号"
            "“鞍立政发〔2023〕2号”和日期“2023年3月28日”，请核对"} in items
    assert any(item["what"] == "新单位" and "区发改局" in item["note"] for item in items)
    header = (imported / "plans" / "lishan-2023" / "import-review.md").read_text(encoding="utf-8")
    assert f"open_items: {len(items)}" in header  # the report for people and the file for the site agree


def test_every_page_of_the_imported_plan_carries_the_mark(site, imported):
    count = len(load(imported / "plans" / "lishan-2023" / "review.yaml")["open_items"])
    pages = sorted((site / "plans" / "lishan-2023").rglob("index.html"))
    assert len(pages) > 10
    for page in pages:
        assert MARK.findall(page.read_text(encoding="utf-8")) == [str(count)], page


def test_pages_of_a_reviewed_plan_have_no_mark(site):
    daye = sorted((site / "plans" / "daye-2023").rglob("index.html"))
    assert daye and not any("pp-review" in page.read_text(encoding="utf-8") for page in daye)
    assert "pp-review" not in (site / "index.html").read_text(encoding="utf-8")


def test_release_refuses_a_plan_with_open_items_and_lists_them(imported, tmp_path, capsys):
    from scripts.build import build

    site = tmp_path / "site"
    assert build(site, data=imported, release=True) == 1
    errors = capsys.readouterr().err
    items = load(imported / "plans" / "lishan-2023" / "review.yaml")["open_items"]
    assert f"imported plans have {len(items)} open review item(s) (导入待审核)" in errors
    assert "policy_data/plans/lishan-2023/review.yaml: open_items[0]: " in errors
    assert f"open_items[{len(items) - 1}]: 新单位" in errors
    assert "状态 · 原文第 13 行 · 状态（status.stage）推测为 issued" in errors
    assert not site.exists()


def test_emptying_or_removing_the_review_file_clears_the_mark_and_the_refusal(imported, tmp_path):
    import shutil

    from macros.core.load import load_catalog
    from macros.features.import_review import release_problems
    from macros.features.import_review.queries import review_mark
    from macros.registry import FEATURES
    from scripts.build import imports_reviewed

    data = tmp_path / "policy_data"
    shutil.copytree(imported, data)
    review = data / "plans" / "lishan-2023" / "review.yaml"
    catalog = load_catalog(data, FEATURES)
    page = next(p for p in __import__("macros.core.site_map", fromlist=["site_map"]).site_map(catalog).pages
                if p.plan == "lishan-2023")
    assert review_mark(catalog, page)["pp_review"].startswith("导入待审核：")
    review.write_text("open_items: []\n", encoding="utf-8")
    catalog = load_catalog(data, FEATURES)
    assert review_mark(catalog, page) == {} and release_problems(catalog) == [] and imports_reviewed(data)
    review.unlink()
    catalog = load_catalog(data, FEATURES)
    assert review_mark(catalog, page) == {} and imports_reviewed(data)
