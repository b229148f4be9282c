"""Fixtures for the importer's tests: a scratch copy of policy_data, the seed."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.importer.support import ROOT, SEED  # noqa: E402


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A scratch copy of policy_data (the real one is never written by these tests)."""
    target = tmp_path / "policy_data"
    shutil.copytree(ROOT / "policy_data", target, ignore=shutil.ignore_patterns(".*"))
    return target


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.is_file():
        pytest.fail(f"the seed is missing at {SEED}; set SEED_PATH")
    return SEED
