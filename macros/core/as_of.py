"""The date the published information is current to (信息截至), taken from the data, never invented.

In order of preference: the newest entry of the change log (``changes.yaml``); else the date of the
last commit that touched ``policy_data/`` (when the folder has no uncommitted changes); else
``SOURCE_DATE_EPOCH``; else the newest modification time of a data file.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import os
import subprocess
from functools import lru_cache
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[2]


def data_root() -> Path:
    """The policy_data folder this build reads (scripts/build.py sets POLICY_DATA)."""
    return Path(os.environ.get("POLICY_DATA") or ROOT / "policy_data")


def information_date(catalog) -> dt.date:
    if changes := catalog.changes():
        return max(change.date for change in changes)
    return _data_date(str(data_root().resolve()))


@lru_cache(maxsize=None)
def _data_date(root: str) -> dt.date:
    committed = _git(root, "log", "-1", "--format=%cs", "--", ".")
    dirty = _git(root, "status", "--porcelain", "--", ".")
    if committed and dirty == "":
        return dt.date.fromisoformat(committed)
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return dt.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), dt.timezone.utc).date()
    newest = max((path.stat().st_mtime for path in Path(root).rglob("*.yaml")), default=0)
    return dt.date.fromtimestamp(newest) if newest else dt.date.today()


def _git(root: str, *args: str):
    """git's output in ``root``, or None when git or the repository is missing."""
    try:
        result = subprocess.run(["git", "-C", root, *args], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout.strip() if result.returncode == 0 else None


@contextlib.contextmanager
def build_date(catalog) -> Iterator[None]:
    """Within the build, ``SOURCE_DATE_EPOCH`` is the information date (unless the caller set it), so that
    MkDocs' own dates (the sitemap's lastmod, its gzip header) come from the data: two builds of the same
    data are byte-identical."""
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    if previous is None:
        day = information_date(catalog)
        os.environ["SOURCE_DATE_EPOCH"] = str(int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp()))
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
