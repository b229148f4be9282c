#!/usr/bin/env python3
"""Build the site: validate the data, stage the pages, build with MkDocs, then swap in the result.

    python scripts/build.py            # build into site/
    python scripts/build.py --serve    # preview on http://127.0.0.1:8000/
    python scripts/build.py --site-dir DIR
    python scripts/build.py --plans a,b --site-dir shards/a-b    # a shard: these plans' pages and files
    python scripts/build.py --merge shards/* --site-dir site     # the rest of the site, the shards merged in
    python scripts/build.py --release  # for publishing: stop on placeholders in the footer's site identity,
                                       # a loopback or example address (SITE_URL) and missing contacts

Bad data stops the build before anything is written; a failed build leaves the old site/ untouched.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.core import build as pipeline  # noqa: E402
from macros.registry import FEATURES  # noqa: E402


def build(site_dir: Path, config_file: Path = ROOT / "mkdocs.yml", strict: bool = True, quiet: bool = False,
          data: Path = ROOT / "policy_data", release: bool = False, skip: tuple[str, ...] = (),
          plans: tuple[str, ...] | None = None, merge: tuple[Path, ...] = ()) -> int:
    from scripts.site_identity import check as check_site_identity, check_address

    ready = [check_site_identity(config_file, release),  # footer placeholders: a warning, or an error on --release
             check_address(config_file, release),  # SITE_URL: a loopback or example address stops a release
             not release or contacts_published(data),
             not release or imports_reviewed(data)]  # plans imported by scripts/import_plan.py, not yet reviewed
    if not all(ready):
        return 1
    previous = os.environ.get(RELEASE_FLAG)
    os.environ[RELEASE_FLAG] = "true" if release else "false"  # mkdocs.yml: extra.release (no preview notice)
    try:
        return pipeline.build(FEATURES, site_dir, config_file, data, strict=strict, quiet=quiet, skip=skip,
                              plans=plans, merge=merge)
    finally:
        if previous is None:
            os.environ.pop(RELEASE_FLAG, None)
        else:
            os.environ[RELEASE_FLAG] = previous


RELEASE_FLAG = "PP_RELEASE"


def imports_reviewed(data: Path) -> bool:
    """A release stops while an imported plan has open review items (plans/<id>/review.yaml), listing them."""
    from macros.features.import_review import release_problems

    return _nothing_open(data, release_problems, "imported plans have {count} open review item(s) (导入待审核)",
                         "Check each against the source, fix the YAML, then delete the item (or the whole review.yaml).")


def contacts_published(data: Path) -> bool:
    """A release stops while a page sends readers to an organization without a published contact."""
    from macros.features.contacts.queries import release_problems

    return _nothing_open(data, release_problems, "pages send readers to organizations whose contact is not published",
                         "Add them to policy_data/contacts.yaml (each with its source).")


def _nothing_open(data: Path, problems_of, what: str, advice: str) -> bool:
    """True when ``problems_of(catalog)`` finds nothing; else the problems are listed and the release stops."""
    from macros.core.load import DataErrors, load_catalog

    try:
        catalog = load_catalog(data, FEATURES)
    except DataErrors:
        return True  # the build reports the data errors itself
    problems = problems_of(catalog)
    if problems:
        print(f"ERROR   -  {what.format(count=len(problems))}:\n" + "\n".join(f"    {line}" for line in problems)
              + f"\n    {advice} Nothing was built; site/ is unchanged.", file=sys.stderr)
    return not problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--serve", action="store_true", help="preview with live reload instead of building")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="where to put the built site")
    parser.add_argument("--data", type=Path, default=ROOT / "policy_data", help="the policy_data folder")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the MkDocs configuration")
    parser.add_argument("--skip-outputs", action="append", default=[], metavar="FEATURE",
                        help="leave out a feature's output files (e.g. print: no PDFs; for benchmarks)")
    parser.add_argument("--release", action="store_true",
                        help="for publishing: fail on placeholders in the footer, a loopback or example SITE_URL, missing contacts")
    parser.add_argument("--plans", metavar="A,B", help="a shard: build only these plans' pages and files")
    parser.add_argument("--merge", type=Path, nargs="+", metavar="SHARD",
                        help="build the pages of no plan, merge these shards' outputs in, index the whole site")
    args = parser.parse_args()
    if args.serve:
        return pipeline.serve(FEATURES, args.config, args.data.resolve())
    plans = tuple(p for p in args.plans.split(",") if p) if args.plans is not None else None
    return build(args.site_dir.resolve(), args.config, data=args.data.resolve(), release=args.release,
                 skip=tuple(args.skip_outputs), plans=plans, merge=tuple(m.resolve() for m in args.merge or ()))


if __name__ == "__main__":
    sys.exit(main())
