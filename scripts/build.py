#!/usr/bin/env python3
"""Build the site: validate the data, stage the pages, build with MkDocs, then swap in the result.

    python scripts/build.py            # build into site/
    python scripts/build.py --serve    # preview on http://127.0.0.1:8000/
    python scripts/build.py --site-dir DIR
    python scripts/build.py --release  # as above, but stop on placeholders in the footer's site identity

Bad data stops the build before anything is written; a failed build leaves the old site/ untouched.
"""
from __future__ import annotations

import argparse
import logging
import os
import shutil
import tempfile
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.load import DataErrors, load_catalog  # noqa: E402
from macros.pages import site_pages  # noqa: E402

STAGE = ROOT / ".build"


def stage_docs(catalog, stage: Path) -> tuple[Path, list]:
    """A copy of docs/ plus one generated Markdown file per data-driven page."""
    docs = stage / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    shutil.copytree(ROOT / "docs", docs)
    pages, nav = site_pages(catalog)
    for page in pages:
        target = docs / page.file
        if target.exists():
            raise SystemExit(f"docs/{page.file}: a hand-written file has the path of a generated page; rename it")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown(), encoding="utf-8")
    return docs, nav


def build(site_dir: Path, config_file: Path = ROOT / "mkdocs.yml", strict: bool = True, quiet: bool = False,
          data: Path = ROOT / "policy_data", release: bool = False, skip: tuple[str, ...] = ()) -> int:
    from scripts.site_identity import check as check_site_identity

    if not check_site_identity(config_file, release):  # footer placeholders: a warning, or an error on --release
        return 1
    os.environ["POLICY_DATA"] = str(data)  # what the macros read, too
    try:
        catalog = load_catalog(data)
    except DataErrors as errors:
        print(errors.report(), file=sys.stderr)
        print("Nothing was built; site/ is unchanged.", file=sys.stderr)
        return 1
    STAGE.mkdir(exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix="build-", dir=STAGE))  # builds may run side by side
    try:
        return _build_staged(catalog, stage, site_dir, config_file, strict, quiet, skip)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _build_staged(catalog, stage: Path, site_dir: Path, config_file: Path, strict: bool, quiet: bool,
                  skip: tuple[str, ...]) -> int:
    from mkdocs import exceptions
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    docs, nav = stage_docs(catalog, stage)
    work = stage / "site"
    _log_to_stderr(logging.WARNING if quiet else logging.INFO)
    try:
        config = load_config(str(config_file), docs_dir=str(docs), site_dir=str(work), nav=nav, strict=strict)
        mkdocs_build(config)
    except (exceptions.MkDocsException, exceptions.Abort, SystemExit) as error:
        # mkdocs-macros exits the process on a macro error; its message is already logged above.
        print(f"Build failed: {error if not isinstance(error, SystemExit) else 'a macro failed'}", file=sys.stderr)
        print("site/ is unchanged.", file=sys.stderr)
        return 1
    from scripts.steps import run_steps  # exports, PDFs, … written into the new site

    catalog.extra.update(site_url=config["site_url"] or "", site_name=config["site_name"])  # for the steps
    failure = run_steps(catalog, work, skip)
    if failure:
        print(f"Build failed: {failure}\nsite/ is unchanged.", file=sys.stderr)
        return 1
    _swap(work, site_dir)
    print(f"Built {site_dir}")
    return 0


def _log_to_stderr(level: int) -> None:
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(level)


def _swap(new: Path, site_dir: Path) -> None:
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    shutil.move(str(new), str(site_dir))
    shutil.rmtree(old, ignore_errors=True)


def serve(config_file: Path = ROOT / "mkdocs.yml") -> int:
    from mkdocs.commands.serve import serve as mkdocs_serve

    try:
        catalog = load_catalog(ROOT / "policy_data")
    except DataErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    docs, nav = stage_docs(catalog, STAGE / "serve")
    _log_to_stderr(logging.INFO)
    mkdocs_serve(str(config_file), docs_dir=str(docs), nav=nav,
                 watch=[str(ROOT / "policy_data"), str(ROOT / "macros"), str(ROOT / "docs")])
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--serve", action="store_true", help="preview with live reload instead of building")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="where to put the built site")
    parser.add_argument("--data", type=Path, default=ROOT / "policy_data", help="the policy_data folder")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the MkDocs configuration")
    parser.add_argument("--skip-step", action="append", default=[], metavar="NAME",
                        help="leave out a post-build step of scripts/steps/ (e.g. print_pdfs; for benchmarks)")
    parser.add_argument("--release", action="store_true", help="fail on placeholders in the footer's site identity")
    args = parser.parse_args()
    if args.serve:
        return serve(args.config)
    return build(args.site_dir.resolve(), args.config, data=args.data.resolve(), release=args.release,
                 skip=tuple(args.skip_step))


if __name__ == "__main__":
    sys.exit(main())
