"""The build, in one direction: validate → stage the pages → MkDocs → output files → one HTML pass → swap.

Bad data stops the build before anything is written; a failed MkDocs build, output or transform leaves
the old site/ untouched (the new site is built in a temporary folder and swapped in at the very end).
"""
from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional, Sequence

from . import as_of, build_lock, html_pass, progress, shards
from .build_context import BuildContext, StepFailed
from .feature import Feature
from .load import DataErrors, load_catalog
from .raw_pages import RawPagesPlugin
from .site_map import site_map

ROOT = Path(__file__).resolve().parents[2]
STAGE = ROOT / ".build"
ASSETS = "assets"


def stage_docs(catalog, stage: Path) -> Path:
    """A copy of docs/ plus one generated Markdown file per data-driven page and every feature's assets."""
    docs = stage / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    shutil.copytree(ROOT / "docs", docs)
    for page in site_map(catalog).pages:
        target = docs / page.file
        if target.exists():
            raise StepFailed(f"docs/{page.file}: a hand-written file has the path of a generated page; rename it")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown(), encoding="utf-8")
    (docs / ASSETS).mkdir(exist_ok=True)
    for asset in assets(catalog.features):
        shutil.copyfile(asset, docs / ASSETS / asset.name)
    return docs


def assets(features: Sequence[Feature]) -> list[Path]:
    """Every feature's stylesheets and scripts, in the order of the features."""
    found = [path for f in features if f.assets for path in sorted(f.assets.iterdir()) if path.suffix in (".css", ".js")]
    names = [path.name for path in found]
    if len(set(names)) != len(names):
        raise StepFailed(f"two features publish an asset of the same name: {sorted(names)}")
    return found


def asset_settings(features: Sequence[Feature]) -> dict[str, list[str]]:
    """The ``extra_css`` and ``extra_javascript`` settings that load every feature's assets."""
    files = assets(features)
    return {"extra_css": [f"{ASSETS}/{f.name}" for f in files if f.suffix == ".css"],
            "extra_javascript": [f"{ASSETS}/{f.name}" for f in files if f.suffix == ".js"]}


def mkdocs_config(catalog, config_file: Path, docs: Path, site_dir: Path, strict: bool):
    from mkdocs.config import load_config

    config = load_config(str(config_file), docs_dir=str(docs), site_dir=str(site_dir), nav=list(site_map(catalog).nav),
                         strict=strict, **asset_settings(catalog.features))
    config["extra"]["pp_status"] = catalog.status_line  # pages of no single plan (theme/overrides/partials/status.html)
    return config


def build(features: Sequence[Feature], site_dir: Path, config_file: Path, data: Path, strict: bool = True,
          quiet: bool = False, skip: tuple[str, ...] = (), plans: Optional[Sequence[str]] = None,
          merge: Sequence[Path] = ()) -> int:
    """``plans``: build only these plans' pages and files (a shard); ``merge``: build the rest of the site and
    merge these shards' outputs into it (macros/core/shards.py). Neither: the whole site."""
    os.environ["POLICY_DATA"] = str(data)  # what the macros read, too
    summary = progress.Summary()
    try:
        with summary.timed("validation"):
            catalog = load_catalog(data, features)
    except DataErrors as errors:
        print(errors.report(), file=sys.stderr)
        print("Nothing was built; site/ is unchanged.", file=sys.stderr)
        return 1
    if unknown := set(skip) - {f.name for f in features}:
        print(f"no such feature to skip: {', '.join(sorted(unknown))}", file=sys.stderr)
        return 1
    if plans is not None and (unknown := set(plans) - set(catalog.plans)):
        print(f"no such plan: {', '.join(sorted(unknown))}; the plans are {', '.join(catalog.plans)}", file=sys.stderr)
        return 1
    part = shards.plan_shard(plans) if plans is not None else shards.MERGE if merge else None
    STAGE.mkdir(exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix="build-", dir=STAGE))  # builds may run side by side
    try:
        with build_lock.exclusive(site_dir), as_of.build_date(catalog):  # one build per site/; dates from the data
            failure = _build_staged(catalog, stage, site_dir, config_file, strict, quiet, skip, part, merge, summary)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    if failure:
        print(f"Build failed: {failure}\nsite/ is unchanged.", file=sys.stderr)
        return 1
    if quiet:
        print(f"Built {site_dir}")
    else:
        print(summary.report(site_dir, "shard: " + ",".join(plans) if plans is not None else
                             f"merged {len(merge)} shards" if merge else None))
    return 0


def _build_staged(catalog, stage: Path, site_dir: Path, config_file: Path, strict: bool, quiet: bool,
                  skip: tuple[str, ...], part: Optional[shards.Part] = None, merge: Sequence[Path] = (),
                  summary: Optional[progress.Summary] = None) -> Optional[str]:
    from mkdocs import exceptions
    from mkdocs.commands.build import build as mkdocs_build

    summary = summary or progress.Summary()
    started = time.perf_counter()
    try:
        docs = stage_docs(catalog, stage)
    except StepFailed as failure:
        return str(failure)
    work = stage / "site"
    log_to_stderr(logging.WARNING if quiet else logging.INFO)
    logging.getLogger("mkdocs").addHandler(summary.warnings)
    try:
        config = mkdocs_config(catalog, config_file, docs, work, strict)
        shards.attach(config, part, catalog.plans)
        config.plugins["pp-raw-pages"] = RawPagesPlugin(frozenset(page.file for page in site_map(catalog).pages))
        with progress.step("pages", sum(1 for _ in docs.rglob("*.md")), quiet) as advance:
            config.plugins["pp-progress"] = progress.PagesPlugin(advance)
            mkdocs_build(config)
    except (exceptions.MkDocsException, exceptions.Abort, SystemExit) as error:
        # mkdocs-macros exits the process on a macro error; its message is already logged above.
        return str(error) if not isinstance(error, SystemExit) else "a macro failed"
    finally:
        logging.getLogger("mkdocs").removeHandler(summary.warnings)
    summary.steps.append(("MkDocs", time.perf_counter() - started))
    context = BuildContext(catalog, work, site_url=config["site_url"] or "", site_name=config["site_name"])
    try:
        after_pages(context, summary, quiet, skip, part, merge)
    except StepFailed as failure:
        return str(failure)
    swap(work, site_dir)
    return None


def after_pages(context: BuildContext, summary: progress.Summary, quiet: bool, skip: tuple[str, ...] = (),
                part: Optional[shards.Part] = None, merge: Sequence[Path] = ()) -> None:
    """The steps on the pages the engine wrote into ``context.site``: the features' outputs, the shards, the one
    HTML pass, then the work on the finished site (the search index). Also run by the Zensical canary."""
    catalog, work = context.catalog, context.site
    for feature in catalog.features:
        if feature.outputs and feature.name not in skip:
            with summary.timed(feature.name):
                feature.outputs(context)
    shards.drop_unowned(work, part, catalog.plans)  # a part publishes only its own pages and files
    own_pages = sorted(work.rglob("*.html"))
    if merge:  # before the HTML pass: pages of no plan show facts of the plans' files (PDF sizes)
        with summary.timed(f"merge ({len(merge)} shards)"), progress.step("shards", len(merge), quiet) as advance:
            for shard in merge:
                shards.copy_in(work, [shard])
                advance()
    with summary.timed(f"HTML pass ({len(own_pages)} pages)"):
        html_pass.run(context, [feature.transform for feature in catalog.features if feature.transform], quiet,
                      files=own_pages)
    for feature in catalog.features:  # work on the finished pages of the whole site (the search index)
        if feature.finish and feature.name not in skip and (part is None or part.shared):
            with summary.timed(feature.name):
                feature.finish(context)


def log_to_stderr(level: int) -> None:
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(level)


def swap(new: Path, site_dir: Path) -> None:
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    shutil.move(str(new), str(site_dir))
    shutil.rmtree(old, ignore_errors=True)


def serve(features: Sequence[Feature], config_file: Path, data: Path) -> int:
    from mkdocs.commands.serve import serve as mkdocs_serve

    try:
        catalog = load_catalog(data, features)
    except DataErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    docs = stage_docs(catalog, STAGE / "serve")
    log_to_stderr(logging.INFO)
    mkdocs_serve(str(config_file), docs_dir=str(docs), nav=list(site_map(catalog).nav),
                 watch=[str(data), str(ROOT / "macros"), str(ROOT / "docs")], **asset_settings(catalog.features))
    return 0
