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

from . import html_pass
from .build_context import BuildContext, StepFailed
from .feature import Feature
from .load import DataErrors, load_catalog
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


def mkdocs_config(catalog, config_file: Path, docs: Path, site_dir: Path, strict: bool):
    from mkdocs.config import load_config

    files = assets(catalog.features)
    return load_config(
        str(config_file), docs_dir=str(docs), site_dir=str(site_dir), nav=list(site_map(catalog).nav), strict=strict,
        extra_css=[f"{ASSETS}/{f.name}" for f in files if f.suffix == ".css"],
        extra_javascript=[f"{ASSETS}/{f.name}" for f in files if f.suffix == ".js"],
    )


def build(features: Sequence[Feature], site_dir: Path, config_file: Path, data: Path, strict: bool = True,
          quiet: bool = False, skip: tuple[str, ...] = ()) -> int:
    os.environ["POLICY_DATA"] = str(data)  # what the macros read, too
    try:
        catalog = load_catalog(data, features)
    except DataErrors as errors:
        print(errors.report(), file=sys.stderr)
        print("Nothing was built; site/ is unchanged.", file=sys.stderr)
        return 1
    if unknown := set(skip) - {f.name for f in features}:
        print(f"no such feature to skip: {', '.join(sorted(unknown))}", file=sys.stderr)
        return 1
    STAGE.mkdir(exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix="build-", dir=STAGE))  # builds may run side by side
    try:
        failure = _build_staged(catalog, stage, site_dir, config_file, strict, quiet, skip)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    if failure:
        print(f"Build failed: {failure}\nsite/ is unchanged.", file=sys.stderr)
        return 1
    print(f"Built {site_dir}")
    return 0


def _build_staged(catalog, stage: Path, site_dir: Path, config_file: Path, strict: bool, quiet: bool,
                  skip: tuple[str, ...]) -> Optional[str]:
    from mkdocs import exceptions
    from mkdocs.commands.build import build as mkdocs_build

    timings: list[tuple[str, float]] = []
    started = time.perf_counter()
    for feature in catalog.features:
        if feature.prepare:
            feature.prepare(catalog)
    try:
        docs = stage_docs(catalog, stage)
    except StepFailed as failure:
        return str(failure)
    work = stage / "site"
    log_to_stderr(logging.WARNING if quiet else logging.INFO)
    try:
        config = mkdocs_config(catalog, config_file, docs, work, strict)
        mkdocs_build(config)
    except (exceptions.MkDocsException, exceptions.Abort, SystemExit) as error:
        # mkdocs-macros exits the process on a macro error; its message is already logged above.
        return str(error) if not isinstance(error, SystemExit) else "a macro failed"
    timings.append(("MkDocs", time.perf_counter() - started))
    context = BuildContext(catalog, work, site_url=config["site_url"] or "", site_name=config["site_name"])
    try:
        for feature in catalog.features:
            if feature.outputs and feature.name not in skip:
                step_started = time.perf_counter()
                feature.outputs(context)
                timings.append((feature.name, time.perf_counter() - step_started))
        step_started = time.perf_counter()
        pages = html_pass.run(context, [feature.transform for feature in catalog.features if feature.transform])
        timings.append((f"HTML pass ({pages} pages)", time.perf_counter() - step_started))
    except StepFailed as failure:
        return str(failure)
    if not quiet:
        print("Steps: " + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in timings), file=sys.stderr)
    swap(work, site_dir)
    return None


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
    for feature in catalog.features:
        if feature.prepare:
            feature.prepare(catalog)
    docs = stage_docs(catalog, STAGE / "serve")
    log_to_stderr(logging.INFO)
    files = assets(catalog.features)
    mkdocs_serve(str(config_file), docs_dir=str(docs), nav=list(site_map(catalog).nav),
                 extra_css=[f"{ASSETS}/{f.name}" for f in files if f.suffix == ".css"],
                 extra_javascript=[f"{ASSETS}/{f.name}" for f in files if f.suffix == ".js"],
                 watch=[str(data), str(ROOT / "macros"), str(ROOT / "docs")])
    return 0
