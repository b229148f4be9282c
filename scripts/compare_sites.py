#!/usr/bin/env python3
"""Compare the visible text of every page of two built sites, and the other published files.

    python scripts/compare_sites.py OLD_SITE NEW_SITE [--show N]

A refactoring that keeps behaviour gives no difference: same files, same text on every page (the text a
reader sees: scripts, styles and whitespace aside), same data files. Exit status 1 on any difference.
"""
from __future__ import annotations

import argparse
import difflib
import re
import sys
from pathlib import Path

import lxml.html

IGNORED = {".pdf", ".png", ".svg", ".ico", ".woff", ".woff2", ".js", ".css", ".map", ".gz"}
SPACES = re.compile(r"\s+")


def page_text(path: Path) -> str:
    tree = lxml.html.document_fromstring(path.read_bytes())
    for element in tree.iter("script", "style", "template"):
        element.drop_tree()
    return SPACES.sub(" ", tree.text_content()).strip()


def files(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file() and p.suffix not in IGNORED}


def compare(old: Path, new: Path, show: int) -> list[str]:
    before, after = files(old), files(new)
    problems = [f"only in {old}: {name}" for name in sorted(before.keys() - after.keys())]
    problems += [f"only in {new}: {name}" for name in sorted(after.keys() - before.keys())]
    for name in sorted(before.keys() & after.keys()):
        if name.endswith(".html"):
            a, b = page_text(before[name]), page_text(after[name])
        else:
            a, b = before[name].read_text(encoding="utf-8"), after[name].read_text(encoding="utf-8")
        if a != b:
            diff = difflib.unified_diff(re.split(r"(?<=[。；：\n])", a), re.split(r"(?<=[。；：\n])", b), lineterm="", n=0)
            lines = [line for line in diff if not line.startswith(("---", "+++", "@@"))]
            problems.append(f"text differs: {name}\n    " + "\n    ".join(lines[:show]))
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--show", type=int, default=6, help="changed lines shown per file")
    args = parser.parse_args()
    problems = compare(args.old, args.new, args.show)
    for problem in problems:
        print(problem)
    count = len(files(args.new))
    print(f"{count} files compared; {len(problems)} differ" if problems else f"{count} files compared: same text")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
