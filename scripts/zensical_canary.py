#!/usr/bin/env python3
"""The Zensical canary: build the staged pages with Zensical and run the end-to-end tests on it (make site-zensical).

Material for MkDocs reaches end of life on 2027-05-05; Zensical is its team's successor. This script stages
the pages exactly as scripts/build.py does, writes a configuration Zensical reads (a relative docs_dir: an
absolute one makes it panic), builds with Zensical, runs the site's own steps after the build (output files,
the one HTML pass, the search index) on its output, then runs the end-to-end tests of END_TO_END on that
site (tests/conftest.py: SITE_UNDER_TEST) and reports how many pass. It never fails `make test` and exits 0
unless Zensical or the tests cannot be run at all. ARCHITECTURE.md ("Moving off Material") lists what a
switch still needs.

    .venv-zensical/bin/python scripts/zensical_canary.py [--pytest .venv/bin/python] [--keep DIR] [-- PYTEST ARGS]
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ElementTree
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The end-to-end tests run on Zensical's site; of these, only the tests that check the built site run
# (tests/conftest.py leaves out those that build a site of their own from other data).
END_TO_END = (
    "tests/end_to_end",           # no request to another host, pages without JavaScript, links, valid HTML, footer
    "tests/search",               # the site's search finds the right task, on a phone too
    "tests/accessibility",        # axe-core in every reading mode, keyboard, phone layout, elderly mode
    "tests/print",                # printed pages, print header, PDFs
    "tests/plan_pages",           # every page of a plan, where the plan stands, no other host, the phone table
    "tests/core/test_status.py",  # the status banner of the consultation
    "tests/permalinks",           # copy link and cite
    "tests/embeds",               # the cards for other sites
    "tests/redirects",            # every published URL still answers
    "tests/theme",                # the theme parts our pages rely on
)


def env_tag(loader, node):
    """mkdocs.yml's ``!ENV [NAME, default]``, resolved here: the configuration Zensical reads is written out."""
    *names, default = loader.construct_sequence(node)
    return next((os.environ[name] for name in names if name in os.environ), default)


def build_with_zensical(zensical: str, work: Path, site_url: str) -> tuple[Path | None, str]:
    """The site as our build makes it, with Zensical instead of MkDocs: its folder (None if not built), how it went."""
    import yaml

    from macros.core import as_of, build as pipeline, progress
    from macros.core.build_context import BuildContext
    from macros.core.load import load_catalog
    from macros.core.site_map import site_map
    from macros.registry import FEATURES

    data = ROOT / "policy_data"
    catalog = load_catalog(data, FEATURES)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    pipeline.stage_docs(catalog, work)
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_constructor("!ENV", env_tag)
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as file:
        config = yaml.load(file, Loader=loader)
    config.update(docs_dir="docs", site_dir="site", nav=list(site_map(catalog).nav), site_url=site_url,
                  **pipeline.asset_settings(catalog.features))
    config["theme"]["custom_dir"] = str(ROOT / "macros/theme/overrides")
    config["extra"]["pp_status"] = catalog.status_line  # as core/build.mkdocs_config sets it
    # Zensical switches its own search on unless told otherwise (MkDocs only runs the plugins listed); ours is
    # features/search.
    config["plugins"].append({"search": {"enabled": False}})
    (work / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    started = time.perf_counter()
    with as_of.build_date(catalog):  # the build's dates come from the data, as in core/build.py
        # Zensical imports the macros module by name (a path does not work): the repository goes on PYTHONPATH.
        built = subprocess.run([zensical, "build", "-f", "mkdocs.yml"], cwd=work, capture_output=True, text=True,
                               env={**os.environ, "POLICY_DATA": str(data), "PYTHONPATH": str(ROOT)})
        site = work / "site"
        if built.returncode != 0 or not site.is_dir():
            return None, (built.stderr.strip().splitlines() or ["no output"])[-1][:300]
        seconds = time.perf_counter() - started
        context = BuildContext(catalog, site, site_url=site_url, site_name=config["site_name"])
        try:
            pipeline.after_pages(context, progress.Summary(), quiet=True)
        except Exception as failure:  # a canary reports every failure
            return None, f"Zensical built the pages in {seconds:.0f} s; the steps after it failed: {failure}"[:300]
    return site, f"Zensical built the pages in {seconds:.0f} s; outputs, HTML pass and search index ran on them"


def run_end_to_end(python: str, site: Path, site_url: str, report: Path, extra: list[str]) -> int:
    return subprocess.run([python, "-m", "pytest", *END_TO_END, "-q", "--tb=no", "-p", "no:cacheprovider",
                           "-o", "addopts=", f"--junitxml={report}", *extra], cwd=ROOT,
                          env={**os.environ, "SITE_UNDER_TEST": str(site), "SITE_UNDER_TEST_URL": site_url}).returncode


def outcomes(report: Path) -> list[tuple[str, str, str]]:
    """(test, outcome, start of the message) for every test of pytest's JUnit XML report."""
    results = []
    for case in ElementTree.parse(report).iter("testcase"):
        test = f"{case.get('classname', '').replace('.', '/')}.py::{case.get('name')}"
        problem = next((child for child in case if child.tag in ("failure", "error", "skipped")), None)
        outcome = "passed" if problem is None else {"failure": "failed"}.get(problem.tag, problem.tag)
        message = "" if problem is None else (problem.get("message") or problem.text or "").strip()
        results.append((test, outcome, first_lines(message)))
    return results


def first_lines(message: str, most: int = 3) -> str:
    """The message's first line, and the next ones while a line ends in a colon ("71 findings:")."""
    lines = [line.strip() for line in message.splitlines() if line.strip()][:most]
    count = next((n + 1 for n, line in enumerate(lines) if not line.endswith(":")), len(lines))
    return " ".join(lines[:count])[:240]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pytest", default=str(ROOT / ".venv/bin/python"),
                        help="the Python that runs the tests (with requirements-test.txt; default .venv's)")
    parser.add_argument("--keep", type=Path, help="keep the site Zensical built here")
    parser.add_argument("pytest_args", nargs="*", help="more pytest arguments, after --, e.g. -- -k search")
    args = parser.parse_args()
    from tests.browser_checks import SUB_PATH, free_port

    zensical = shutil.which("zensical", path=str(Path(sys.executable).parent)) or shutil.which("zensical")
    if not zensical:
        print("zensical is not installed: make site-zensical installs requirements-zensical.txt", file=sys.stderr)
        return 1
    work = ROOT / ".build" / "zensical"
    site_url = f"http://127.0.0.1:{free_port()}{SUB_PATH}"  # where the tests' server will serve it
    site, how = build_with_zensical(zensical, work, site_url)
    print(how)
    if site is None:
        print("Zensical canary: the site was not built, no end-to-end check ran")
        return 0
    if args.keep:
        shutil.rmtree(args.keep, ignore_errors=True)
        shutil.copytree(site, args.keep)
    report = work / "end-to-end.xml"
    code = run_end_to_end(args.pytest, site, site_url, report, args.pytest_args)
    if not report.is_file():
        print(f"the end-to-end tests did not run (pytest exited with {code})", file=sys.stderr)
        return 1
    results = outcomes(report)
    ran = [r for r in results if r[1] != "skipped"]
    passed = sum(outcome == "passed" for _, outcome, _ in ran)
    print(f"\nZensical canary: {passed}/{len(ran)} end-to-end checks pass"
          + (f" ({len(results) - len(ran)} skipped)" if len(results) > len(ran) else ""))
    modules = Counter(test.split("::")[0] for test, _, _ in ran)
    passing = Counter(test.split("::")[0] for test, outcome, _ in ran if outcome == "passed")
    for module in sorted(modules):
        print(f"  {passing[module]:3}/{modules[module]:<3} {module}")
    failed = [r for r in results if r[1] not in ("passed", "skipped")]
    if failed:
        print("Failing:")
    for test, outcome, message in failed:
        print(f"  {test}{' (error)' if outcome == 'error' else ''}\n      {message}")
    print(f"Full messages: {report.relative_to(ROOT)}; a traceback: make site-zensical ARGS='-k NAME --tb=short'")
    return 0


if __name__ == "__main__":
    sys.exit(main())
