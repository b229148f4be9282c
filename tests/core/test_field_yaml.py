"""YAML that cannot hurt the build (issue 12): anchors and aliases ("billion laughs"), a huge file, deep
nesting and text that is not UTF-8 each stop the loader at once with file, line, what was found and what is
expected. The "at once" is measured by scripts (see the README); the tests only guard against a hang.
Two builds of one site folder at the same time do not corrupt it (a lock); two builds are byte-identical.
"""
from __future__ import annotations

import filecmp
import os
import subprocess
import sys
import time

import pytest

from macros.core.load import DataErrors
from tests.support import ROOT, environment, load_catalog

HANG_GUARD = 20  # seconds: far above what a refusal takes; only stops a runaway expansion from passing

# About 1 KB: nine levels of nine aliases each, 9**9 (387 million) strings once expanded.
ALIAS_BOMB = "".join(
    [f'{chr(97)}: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n']
    + [f"{chr(97 + level)}: &{chr(97 + level)} [{', '.join(['*' + chr(96 + level)] * 9)}]\n" for level in range(1, 9)]
    + ["# " + "x" * 580 + "\n"]
)


def _refused(data, file: str, content: bytes) -> str:
    (data / file).write_bytes(content)
    started = time.monotonic()
    with pytest.raises(DataErrors) as caught:
        load_catalog(data)
    assert time.monotonic() - started < HANG_GUARD
    lines = [line for line in str(caught.value).splitlines() if line.startswith(f"policy_data/{file}:")]
    assert lines, str(caught.value)
    return lines[0]


def test_the_alias_bomb_is_refused_with_its_line(data_copy):
    assert 900 <= len(ALIAS_BOMB.encode()) <= 1100
    message = _refused(data_copy, "glossary.yaml", ALIAS_BOMB.encode())
    assert message.startswith("policy_data/glossary.yaml:1: ") and "found the anchor &a" in message
    assert "anchors (&) and aliases (*) are not allowed" in message


def test_an_alias_alone_is_refused_with_its_line(data_copy):
    text = (data_copy / "glossary.yaml").read_text(encoding="utf-8") + "extra: *nothing\n"
    line = text.count("\n")
    message = _refused(data_copy, "glossary.yaml", text.encode())
    assert message.startswith(f"policy_data/glossary.yaml:{line}: ") and "found the alias *nothing" in message


def test_a_50_mb_file_is_refused_before_it_is_read(data_copy):
    path = data_copy / "glossary.yaml"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing to write
    started = time.monotonic()
    with pytest.raises(DataErrors) as caught:
        load_catalog(data_copy)
    assert time.monotonic() - started < HANG_GUARD
    assert "policy_data/glossary.yaml:1: (the whole file): found a file of 52.4 MB; expected at most 5 MB" in str(caught.value)


def test_nesting_200_deep_is_refused(data_copy):
    message = _refused(data_copy, "glossary.yaml", ("glossary: " + "[" * 200 + "]" * 200 + "\n").encode())
    assert message.startswith("policy_data/glossary.yaml:1: ")
    assert "nested more than 50 deep; expected at most 50 levels of nesting" in message


def test_text_that_is_not_utf8_is_refused_with_its_line(data_copy):
    text = (data_copy / "glossary.yaml").read_text(encoding="utf-8")
    message = _refused(data_copy, "glossary.yaml", text.encode("utf-8") + "# 工资\n".encode("gbk"))
    assert message.startswith(f"policy_data/glossary.yaml:{text.count(chr(10)) + 1}: ")
    assert "bytes that are not UTF-8" in message and "save it as UTF-8" in message


# ---------------------------------------------------------------- builds

def test_two_builds_of_one_folder_at_once_leave_a_whole_site(tmp_path):
    site_dir = tmp_path / "site"
    command = [sys.executable, "scripts/build.py", "--site-dir", str(site_dir), "--skip-outputs", "print"]
    variables = dict(os.environ, SITE_URL="https://example.gov.cn/zcjd/")
    builds = [subprocess.Popen(command, cwd=ROOT, env=variables, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True) for _ in range(2)]
    results = [build.communicate(timeout=600) for build in builds]
    assert [build.returncode for build in builds] == [0, 0], [err[-2000:] for _, err in results]
    assert any("Another build of" in err for _, err in results), "the second build did not wait for the first"
    assert (site_dir / "index.html").is_file() and (site_dir / "sitemap.xml").is_file()
    assert not site_dir.with_name("site.old").exists()
    assert len(list(site_dir.rglob("index.html"))) > 40


def test_two_builds_of_the_same_data_are_byte_identical(site, tmp_path, base_url):
    """No exception: the sitemap's dates and its gzip header come from the data (SOURCE_DATE_EPOCH)."""
    from scripts.build import build

    second = tmp_path / "site"
    with environment(SITE_URL=base_url):
        assert build(second, quiet=True) == 0
    first_files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert first_files == sorted(p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file())
    assert "sitemap.xml" in first_files and "sitemap.xml.gz" in first_files
    different = [name for name in first_files if not filecmp.cmp(site / name, second / name, shallow=False)]
    assert not different, different[:20]


def test_the_sitemap_dates_come_from_the_data(site, catalog):
    """Not the day of the build: builds on different days of the same data give the same sitemap."""
    import datetime as dt
    import gzip
    import re
    import struct

    from macros.core.as_of import information_date

    day = information_date(catalog)
    dates = set(re.findall(r"<lastmod>([^<]*)</lastmod>", (site / "sitemap.xml").read_text(encoding="utf-8")))
    assert dates == {day.isoformat()}
    header = (site / "sitemap.xml.gz").read_bytes()[:10]
    assert header[:2] == b"\x1f\x8b"
    stamp = struct.unpack("<I", header[4:8])[0]
    assert dt.datetime.fromtimestamp(stamp, dt.timezone.utc).date() == day
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == (site / "sitemap.xml").read_bytes()
