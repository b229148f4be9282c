"""Helpers for the importer's tests: paths, the fixtures folder, the command line, file snapshots."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SEED = Path(os.environ.get("SEED_PATH") or ROOT.parent / "shared" / "seed" / "000_98d1fb3628adf284.txt")
FIXTURES = ROOT / "tests" / "fixtures" / "importer"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under a folder with its bytes: to prove that nothing was written."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "import_plan.py"), *map(str, args)],
                          capture_output=True, text=True, timeout=120)
