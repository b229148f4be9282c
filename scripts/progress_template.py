#!/usr/bin/env python3
"""Write a department's progress report template: a CSV and an .xlsx, one row per task it leads (or, where a
plan names no lead, is responsible for) and one per target of such a task, ready to fill in.

    python scripts/progress_template.py rsj [--out DIR] [--data POLICY_DATA]
    make progress-template DEPT=rsj

Filled in, either file goes into policy_data/progress/ (see the data-format page, 进展报告).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.core.load import DataErrors, load_catalog  # noqa: E402
from macros.features.progress.template import write_templates  # noqa: E402
from macros.registry import FEATURES  # noqa: E402


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dept", help="the organization id, as in /departments/<id>/ (e.g. rsj)")
    parser.add_argument("--out", type=Path, default=Path.cwd(), help="the folder to write into (default: here)")
    parser.add_argument("--data", type=Path, default=ROOT / "policy_data", help="the policy_data folder")
    args = parser.parse_args(argv)
    try:
        catalog = load_catalog(args.data, FEATURES)
    except DataErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    if args.dept not in catalog.organizations:
        print(f"DEPT: found {args.dept!r}; expected an organization id from organizations.yaml, one of: "
              + ", ".join(catalog.organizations), file=sys.stderr)
        return 1
    csv_path, xlsx_path, rows = write_templates(catalog, args.dept, args.out)
    org = catalog.organizations[args.dept]
    if not rows:
        print(f"{org.short_name} ({args.dept}) leads no task and is responsible for none without a lead: "
              "the templates hold the header only.", file=sys.stderr)
    print(f"{csv_path}\n{xlsx_path}\n{rows} rows for {org.short_name}: fill in period, status, value (for a target), "
          "note, source_url and reported_on, then put the file into policy_data/progress/.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
