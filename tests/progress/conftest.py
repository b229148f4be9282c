"""Fixtures of the progress tests: policy_data/ plus the invented test plan and its invented progress files
(tests/fixtures/progress/), read with a fixed build date, and the site built from them."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.fixtures.combine import combined_policy_data
from tests.support import ROOT, environment

PROGRESS_FIXTURES = ROOT / "tests" / "fixtures" / "progress"
BUILD_DAY_EPOCH = "1736899200"  # 2025-01-15 00:00 UTC: the build date of these tests
PLAN = "test-qinghe-2024"
HEADER = "plan,task,target,period,status,value,note,source_url,reported_by,reported_on"


def build_day(epoch: str = BUILD_DAY_EPOCH):
    """The build date these tests judge by (overdue, reports dated in the future)."""
    return environment(SOURCE_DATE_EPOCH=epoch)


def with_progress(dest: Path, files=None) -> Path:
    """A copy of policy_data/ with the test plan and, in progress/, the fixture files (or ``files``)."""
    data = combined_policy_data(dest, plans=[PLAN])  # Daye and the test plan the reports are about
    folder = data / "progress"
    folder.mkdir()
    for path in (files if files is not None else sorted(PROGRESS_FIXTURES.glob("*.csv"))):
        shutil.copyfile(path, folder / path.name)
    return data


@pytest.fixture(scope="session")
def progress_data(tmp_path_factory) -> Path:
    return with_progress(tmp_path_factory.mktemp("progress-data") / "policy_data")


@pytest.fixture(scope="session")
def progress_site(tmp_path_factory, progress_data) -> Path:
    """The site of ``progress_data`` (no PDFs), built on 2025-01-15."""
    from scripts.build import build

    site_dir = tmp_path_factory.mktemp("progress-built") / "site"
    with build_day():
        assert build(site_dir, quiet=True, data=progress_data, skip=("print",)) == 0, "the site did not build"
    return site_dir
