#!/usr/bin/env python3
"""Measure how the build scales with the number of plans.

    python scripts/benchmark.py                  # N = 1, 10, 100; 3 runs each
    python scripts/benchmark.py --plans 1 10 --runs 5 --baseline --json benchmark.json --keep /tmp/site-100
    make benchmark PLANS="10 100" RUNS=1 BASELINE=1 KEEP=<dir>   # the same through make; writes benchmark.json

For each N it makes N plans shaped like the Daye plan (the real one plus N-1 copies with new ids),
builds them with scripts/build.py in a fresh process (whole-process time, median of the runs), and
reports pages built, time per page, the peak memory of the build, the largest task page and, in headless
Chromium (the test tools: requirements-test.txt, Debian's chromium), what a reader downloads: a task page's
first visit with one query typed (gzip), the most one more query downloads after it, and how long a query
typed on a phone over slow 3G takes to show results. With --baseline it also builds the very same pages
(content pre-rendered by our macros, same navigation and theme) with plain Material: no macros plugin, no
steps of ours, and Material's own search plugin (lang zh), as a plain Material site of these pages would
be built; so the cost of the generator itself can be seen.
"""
from __future__ import annotations

import argparse
import ast
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SOURCE_PLAN = "daye-2023"
PHONE_RUNS = 3  # the phone's time is the median of this many fresh pages


def make_data(target: Path, plans: int) -> None:
    """policy_data with the real plan plus ``plans - 1`` copies under new ids."""
    shutil.copytree(ROOT / "policy_data", target)
    source = target / "plans" / SOURCE_PLAN
    for number in range(1, plans):
        plan_id = f"bench-{number:03d}"
        copy = target / "plans" / plan_id
        shutil.copytree(source, copy)
        for path in copy.glob("*.yaml"):
            path.write_text(path.read_text(encoding="utf-8").replace(SOURCE_PLAN, plan_id), encoding="utf-8")


def timed(command: list[str]) -> tuple[float, float]:
    """Seconds and peak resident memory (MB) of a command and the processes it waited for."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, command)
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def reader_figures(site: Path) -> dict:
    """What a reader downloads and waits for, measured in headless Chromium on a loopback server (gzip)."""
    try:
        from playwright.sync_api import sync_playwright

        from tests.browser_checks import first_visit_bytes, phone_search_ms, query_bytes, serve
        from tests.conftest import CHROMIUM, CHROMIUM_ARGS
    except ImportError as missing:
        print(f"no browser figures ({missing}): install requirements-test.txt", file=sys.stderr)
        return {}
    import yaml

    queries = [q["query"] for q in yaml.safe_load((ROOT / "tests/search/search_queries.yaml").read_text(encoding="utf-8"))["queries"]]
    task = next(site.glob("plans/*/tasks/*/index.html")).parent.relative_to(site).as_posix() + "/"
    with serve(site, compress=True) as served, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            first_visit, _ = first_visit_bytes(browser, served, task, search=False)  # search loads when used
            with_search, _ = first_visit_bytes(browser, served, task, search=True)
            per_query = {query: query_bytes(browser, served, served.url + "search/", query) for query in queries}
            phone = statistics.median(phone_search_ms(browser, served.url + "search/", "讨薪") for _ in range(PHONE_RUNS))
        finally:
            browser.close()
    heaviest = max(per_query, key=per_query.get)
    return {"first_visit_kb_gz": round(first_visit / 1024, 1),
            "first_visit_with_search_kb_gz": round(with_search / 1024, 1),  # + Pagefind's script, WebAssembly, a query
            "search_kb_gz_max": round(per_query[heaviest] / 1024, 1),
            "search_kb_gz_max_query": heaviest, "phone_slow_3g_search_ms": round(phone)}


def measure_site(site: Path) -> dict:
    pages = list(site.rglob("index.html"))
    task_pages = list(site.glob("plans/*/tasks/*/index.html"))
    largest = max(task_pages, key=lambda p: p.stat().st_size)
    return {
        "pages": len(pages),
        "largest_task_page_kb": round(largest.stat().st_size / 1024, 1),
        "largest_task_page": str(largest.relative_to(site).parent) + "/",
        "search_index_kb": round(sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file()) / 1024, 1),
    }


def baseline_build(data: Path, site: Path) -> None:
    """The same pages as static Markdown, built by plain Material (no macros plugin)."""
    import os

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.utils.yaml import yaml_load

    from macros.core.build import ASSETS, asset_settings, assets
    from macros.core.load import load_catalog
    from macros.core.render import Renderer
    from macros.core.site_map import site_map
    from macros.registry import FEATURES

    os.environ["POLICY_DATA"] = str(data)
    catalog = load_catalog(data, FEATURES)
    pages, nav = site_map(catalog).pages, list(site_map(catalog).nav)
    macros = {name: fn for feature in FEATURES for name, fn in feature.macros.items()}
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as handle:
        config = yaml_load(handle)
    renderer = Renderer(catalog, site=config["extra"]["site"])
    docs = site.parent / "docs"
    shutil.copytree(ROOT / "docs", docs)
    (docs / ASSETS).mkdir(exist_ok=True)
    files = assets(FEATURES)
    for asset in files:
        shutil.copyfile(asset, docs / ASSETS / asset.name)
    for page in pages:
        call = ast.parse(page.macro, mode="eval").body
        renderer.at(page.url)
        content = macros[call.func.id](renderer, *(arg.value for arg in call.args))
        target = docs / page.file
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown().split("{{", 1)[0] + str(content) + "\n", encoding="utf-8")
    for hand_written in ROOT.joinpath("docs").rglob("*.md"):  # their macro calls cannot run here
        (docs / hand_written.relative_to(ROOT / "docs")).write_text("# 页面\n", encoding="utf-8")
    plugins = [{"search": {"lang": "zh"}}]  # plain Material: its own search, nothing of ours
    build(load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(site), nav=nav, plugins=plugins,
                      **asset_settings(FEATURES)))


def table(results: list[dict]) -> str:
    """The figures as the Markdown table of docs/about/benchmark.md."""
    head = ("| 方案数 N | 页面数 | 构建用时 | 每页用时 | 对照：普通 Material 每页 | 内存峰值 | 首次访问 | 首次访问含首次搜索 "
            "| 再搜一次最多下载 | 手机慢速 3G 出结果 |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    rows = [f"| {r['plans']} | {r['pages']} | {r['seconds']:.2f} s | {r['ms_per_page']} ms | {r.get('baseline_ms_per_page', '—')} ms "
            f"| {r['peak_rss_mb']} MB | {r.get('first_visit_kb_gz', '—')} KB | {r.get('first_visit_with_search_kb_gz', '—')} KB "
            f"| {r.get('search_kb_gz_max', '—')} KB | {r.get('phone_slow_3g_search_ms', '—')} ms |" for r in results]
    return "\n".join([head, *rows])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plans", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline", action="store_true", help="also time plain Material on the same pages")
    parser.add_argument("--baseline-build", nargs=2, metavar=("DATA", "SITE"), help=argparse.SUPPRESS)
    parser.add_argument("--skip-outputs", action="append", default=[], metavar="NAME",
                        help="leave a post-build step out of the timed builds (e.g. print_pdfs)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--keep", type=Path, help="keep the largest site built here (replaced if it exists)")
    parser.add_argument("--no-browser", action="store_true", help="leave out the figures measured in Chromium")
    args = parser.parse_args()
    if args.baseline_build:
        baseline_build(Path(args.baseline_build[0]), Path(args.baseline_build[1]))
        return 0
    results = []
    for plans in args.plans:
        with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
            data, site = Path(tmp) / "policy_data", Path(tmp) / "site"
            make_data(data, plans)
            build = [sys.executable, str(ROOT / "scripts" / "build.py"), "--data", str(data), "--site-dir", str(site),
                     *(f"--skip-outputs={step}" for step in args.skip_outputs)]
            runs = [timed(build) for _ in range(args.runs)]
            row = {"plans": plans, **measure_site(site), "seconds": round(statistics.median(t for t, _ in runs), 2),
                   "peak_rss_mb": round(max(rss for _, rss in runs))}
            row["ms_per_page"] = round(1000 * row["seconds"] / row["pages"], 1)
            if args.baseline:
                base_times = []
                for run in range(args.runs):
                    base_site = Path(tmp) / f"baseline-{run}" / "site"
                    base_times.append(timed([sys.executable, __file__, "--baseline-build", str(data), str(base_site)])[0])
                row["baseline_seconds"] = round(statistics.median(base_times), 2)
                row["baseline_ms_per_page"] = round(1000 * row["baseline_seconds"] / row["pages"], 1)
            if not args.no_browser:
                row.update(reader_figures(site))
            if args.keep and plans == max(args.plans):
                shutil.rmtree(args.keep, ignore_errors=True)
                shutil.copytree(site, args.keep)
            results.append(row)
            print(json.dumps(row, ensure_ascii=False), flush=True)
    if len(results) > 1:
        first, last = results[-2], results[-1]
        print(f"build time ratio N={last['plans']} / N={first['plans']}: {last['seconds'] / first['seconds']:.1f}")
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
