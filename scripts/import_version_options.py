"""The command-line options of scripts/import_plan.py for importing a new version of an existing plan
(macros/importer/versions.py): --new-version, --label, --date, --note and, while the plan has no
versions.yaml yet, --previous-version, --previous-label and --previous-date (the version it holds now)."""
from __future__ import annotations

import argparse
import datetime as dt

from macros.importer.versions import VersionEntry, import_version


def add_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("a new version of an existing plan (its current text is kept under versions/)")
    group.add_argument("--new-version", help="the new version's id, e.g. issued or rev-2025")
    group.add_argument("--label", help="the new version's name as the source says it, shown on the site")
    group.add_argument("--date", type=dt.date.fromisoformat, help="the new version's date, YYYY-MM-DD")
    group.add_argument("--note", help="one sentence of the site about the new version (optional)")
    group.add_argument("--previous-version", help="without versions.yaml: the id of the version the plan holds now")
    group.add_argument("--previous-label", help="without versions.yaml: its name")
    group.add_argument("--previous-date", type=dt.date.fromisoformat, help="without versions.yaml: its date, YYYY-MM-DD")


def run(args: argparse.Namespace, parser: argparse.ArgumentParser):
    if not args.label or not args.date:
        parser.error("--new-version needs --label and --date")
    previous = None
    if args.previous_version or args.previous_label or args.previous_date:
        if not (args.previous_version and args.previous_label and args.previous_date):
            parser.error("--previous-version, --previous-label and --previous-date go together")
        previous = VersionEntry(args.previous_version, args.previous_label, args.previous_date)
    return import_version(args.source, args.plan, args.data, VersionEntry(args.new_version, args.label, args.date, args.note),
                          previous, dry_run=args.dry_run)
