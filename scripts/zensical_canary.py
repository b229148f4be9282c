#!/usr/bin/env python3
"""The Zensical canary: build the staged pages with Zensical and check the result (make site-zensical).

Material for MkDocs reaches end of life on 2027-05-05; Zensical is its team's successor. This script stages
the pages exactly as scripts/build.py does, writes a configuration Zensical reads (a relative docs_dir: an
absolute one makes it panic), builds with Zensical, then runs the site's own steps after the build (output
files, the one HTML pass, the search index) and checks the result. It reports; it never fails `make test`
and exits 0 unless Zensical itself cannot be run. ARCHITECTURE.md ("Moving off Material") lists what a
switch still needs.

    .venv-zensical/bin/python scripts/zensical_canary.py [--keep DIR]
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# What a page or script would load from another host (links to other sites are fine: a reader chooses them).
OTHER_HOST = {".html": re.compile(r"""\bsrc=["']https?://(?!127\.0\.0\.1|localhost)"""),
              ".js": re.compile(r"""["'`]https?://(?!127\.0\.0\.1|localhost|www\.w3\.org)[a-z0-9.-]+""")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keep", type=Path, help="keep the site Zensical built here")
    args = parser.parse_args()
    import yaml

    from macros.core import build as pipeline, html_pass
    from macros.core.build_context import BuildContext, StepFailed
    from macros.core.load import load_catalog
    from macros.core.site_map import site_map
    from macros.registry import FEATURES

    data = ROOT / "policy_data"
    catalog = load_catalog(data, FEATURES)
    work = ROOT / ".build" / "zensical"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    pipeline.stage_docs(catalog, work)
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    config.update(docs_dir="docs", site_dir="site", nav=list(site_map(catalog).nav), site_url="http://127.0.0.1:8000/",
                  **pipeline.asset_settings(catalog.features))
    config["theme"]["custom_dir"] = str(ROOT / "macros/theme/overrides")
    # Zensical imports the macros module by name (a path does not work): the repository goes on PYTHONPATH.
    (work / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    zensical = shutil.which("zensical", path=str(Path(sys.executable).parent)) or shutil.which("zensical")
    if not zensical:
        print("zensical is not installed: make site-zensical installs requirements-zensical.txt", file=sys.stderr)
        return 1
    checks: list[tuple[str, bool, str]] = []
    started = time.perf_counter()
    built = subprocess.run([zensical, "build", "-f", "mkdocs.yml"], cwd=work, capture_output=True, text=True,
                           env={**os.environ, "POLICY_DATA": str(data), "PYTHONPATH": str(ROOT)})
    seconds = time.perf_counter() - started
    site = work / "site"
    checks.append(("Zensical builds the staged pages", built.returncode == 0,
                   f"{seconds:.1f} s; " + (built.stderr.strip().splitlines() or ["no output"])[-1][:200]))
    pages = list(site.rglob("index.html")) if site.is_dir() else []
    expected = len(site_map(catalog).paths)
    checks.append(("every page is built", len(pages) >= expected, f"{len(pages)} of {expected}"))
    if pages:
        context = BuildContext(catalog, site, site_url=config["site_url"], site_name=config["site_name"])
        try:
            for feature in catalog.features:
                if feature.outputs and feature.name != "print":
                    feature.outputs(context)
            html_pass.run(context, [f.transform for f in catalog.features if f.transform], quiet=True)
            for feature in catalog.features:
                if feature.finish:
                    feature.finish(context)
            checks.append(("the steps after the build run on its output", True, "outputs, HTML pass, search index"))
        except (StepFailed, Exception) as failure:  # a canary reports every failure
            checks.append(("the steps after the build run on its output", False, str(failure)[:200]))
        remote = sorted({str(p.relative_to(site)) for p in site.rglob("*") if p.suffix in OTHER_HOST
                         and OTHER_HOST[p.suffix].search(p.read_text(encoding="utf-8", errors="replace"))})
        checks.append(("no address of another host in pages and scripts", not remote, ", ".join(remote[:5])))
        search = site / "pagefind" / "pagefind.js"
        checks.append(("the site's own search index is built", search.is_file(), ""))
        task = site / "plans" / next(iter(catalog.plans)) / "tasks" / "t01" / "index.html"
        html = task.read_text(encoding="utf-8") if task.is_file() else ""
        checks.append(("task pages carry the search form and the searched article",
                       "data-search" in html and "data-pagefind-body" in html, str(task.relative_to(site))))
    passed = sum(ok for _, ok, _ in checks)
    print(f"Zensical canary: {passed}/{len(checks)} checks pass")
    for name, ok, detail in checks:
        print(f"  {'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}")
    if args.keep and site.is_dir():
        shutil.rmtree(args.keep, ignore_errors=True)
        shutil.copytree(site, args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
