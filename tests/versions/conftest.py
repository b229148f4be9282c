"""Fixtures of the versions tests: policy_data/ (Daye) plus the invented two-version plan of
tests/fixtures/versions/ (a consultation draft, then the issued text), and the site built from them."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.fixtures.combine import combined_policy_data
from tests.support import ROOT

VERSIONS_FIXTURE = ROOT / "tests" / "fixtures" / "versions" / "plans"
PLAN = "test-versions-2024"


def with_versions(dest: Path) -> Path:
    """A copy of policy_data/ with the invented plan that has two versions (and no other fixture plan)."""
    data = combined_policy_data(dest, plans=[])  # Daye, and the fixtures' organizations (qh-…)
    for plan in VERSIONS_FIXTURE.iterdir():
        shutil.copytree(plan, data / "plans" / plan.name)
    return data


@pytest.fixture(scope="session")
def versions_data(tmp_path_factory) -> Path:
    return with_versions(tmp_path_factory.mktemp("versions-data") / "policy_data")


@pytest.fixture(scope="session")
def versions_site(tmp_path_factory, versions_data) -> Path:
    """The site of ``versions_data`` (no PDFs)."""
    from scripts.build import build

    site_dir = tmp_path_factory.mktemp("versions-built") / "site"
    assert build(site_dir, quiet=True, data=versions_data, skip=("print",)) == 0, "the site did not build"
    return site_dir
