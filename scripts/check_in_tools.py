#!/usr/bin/env python3
"""Open the exports in the tools people use, and compare what those tools read with the files.

    apt-get install --no-install-recommends libreoffice-calc-nogui calcurse newsboat   # once, as root
    python scripts/check_in_tools.py [SITE_DIR]       # default: site/

- CSV: LibreOffice Calc (headless) imports tasks.csv and targets.csv as UTF-8, saves them as .xlsx, and
  saves that back as CSV; every cell must come back unchanged.
- ICS: calcurse imports each calendar; nothing may be skipped, and the consultation deadline must show
  at 16:00 in Beijing time.
- Atom: newsboat reloads the change feed; the feed's title and every entry must be read.

Not part of `make test`: these are large desktop tools. The test suite reads the same files with
libraries (csv, icalendar, feedparser).
"""
from __future__ import annotations

import csv
import io
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*command: str, env: dict | None = None) -> str:
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, env={**os.environ, **(env or {})})
    if result.returncode != 0:
        raise SystemExit(f"{command[0]} failed: {result.stderr or result.stdout}")
    return result.stdout + result.stderr


def rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def check_csv(site: Path, work: Path) -> list[str]:
    report, profile = [], f"-env:UserInstallation=file://{work}/lo-profile"
    for path in sorted((site / "data").glob("*/*.csv")):
        shutil.copy(path, work / path.name)
        run("soffice", "--headless", "--norestore", profile, "--infilter=CSV:44,34,76,1",
            "--convert-to", "xlsx", "--outdir", str(work / "xlsx"), str(work / path.name))
        run("soffice", "--headless", "--norestore", profile,
            "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            "--outdir", str(work / "back"), str(work / "xlsx" / (path.stem + ".xlsx")))
        original, back = rows(path), rows(next((work / "back").glob(f"{path.stem}*.csv")))
        differing = sum(a != b for ra, rb in zip(original, back) for a, b in zip(ra, rb))
        ok = len(original) == len(back) and differing == 0
        report.append(f"{'ok ' if ok else 'BAD'} LibreOffice {path.relative_to(site)}: {len(original) - 1} rows × "
                      f"{len(original[0])} columns via .xlsx, {differing} cells changed")
    return report


def check_ics(site: Path, work: Path) -> list[str]:
    report = []
    for path in sorted((site / "calendar").rglob("*.ics")):
        store = work / "calcurse" / path.stem
        store.mkdir(parents=True)
        env = {"TZ": "Asia/Shanghai", "HOME": str(work)}
        imported = run("calcurse", "-D", str(store), "-i", str(path), env=env).strip().splitlines()[-1]
        day = run("calcurse", "-D", str(store), "-Q", "--from", "07/06/2023", "--days", "1",
                  "--format-apt", " - %S -> %E %m\n", env=env)
        deadline = "16:00" if " - 16:00 -> 16:00 征求意见函" in day else "MISSING"
        ok = "0 skipped" in imported and deadline == "16:00"
        report.append(f"{'ok ' if ok else 'BAD'} calcurse {path.relative_to(site)}: {imported}; consultation deadline {deadline}")
    return report


def check_feed(site: Path, work: Path) -> list[str]:
    feed = site / "changes" / "feed.xml"
    (work / "urls").write_text(f'"exec:cat {feed}"\n', encoding="utf-8")
    run("newsboat", "-u", str(work / "urls"), "-c", str(work / "cache.db"), "-x", "reload", env={"HOME": str(work)})
    db = sqlite3.connect(work / "cache.db")
    title = db.execute("select title from rss_feed").fetchone()[0]
    items = db.execute("select title, url, pubDate from rss_item").fetchall()
    expected = feed.read_text(encoding="utf-8").count("<entry>")
    ok = len(items) == expected and items and title.endswith("更新记录")
    lines = [f"{'ok ' if ok else 'BAD'} newsboat changes/feed.xml: feed “{title}”, {len(items)} of {expected} entries"]
    return lines + [f"      {item_title} → {url}" for item_title, url, _ in items]


def main(argv: list[str]) -> int:
    site = Path(argv[0]) if argv else ROOT / "site"
    missing = [tool for tool in ("soffice", "calcurse", "newsboat") if not shutil.which(tool)]
    if missing:
        print(f"missing: {', '.join(missing)} (see the docstring for the apt-get line)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="check-in-tools-") as temp:
        work = Path(temp)
        report = check_csv(site, work) + check_ics(site, work) + check_feed(site, work)
    print("\n".join(report))
    return 1 if any(line.startswith("BAD") for line in report) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
