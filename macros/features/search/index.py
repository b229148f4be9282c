"""The search index: which part of each page is searched, with what weight and facts, and Pagefind's run.

In the one HTML pass (``mark_page``) the article of every page for readers gets ``data-pagefind-body``;
pages for editors, file lists and each plan's official full text (its every item is also on a task or
part page, beside the plain-language explanation) are left out. A task's everyday words (相关说法, from
explanations.yaml) weigh most, so 讨薪 finds the task about 拖欠工资. Each page of a plan carries the
plan as a filter (search within one plan) and, as metadata shown in the results, the plan's name and the
status the page itself shows. After the pass (``build_index``) Pagefind's extended build (it segments
Chinese) reads the finished pages and writes the chunked index into ``pagefind/``.
"""
from __future__ import annotations

import os
import platform
import subprocess
from pathlib import Path

from macros.core import urls
from macros.core.build_context import BuildContext, StepFailed
from macros.core.html_pass import HtmlPage, fragment
from macros.theme import material

ROOT = Path(__file__).resolve().parents[3]
NOT_SEARCHED = ("about/data-format/", "about/urls/", "about/importing/", "about/benchmark/", "data/", "downloads/",
                urls.search())
KEYWORD_CLASS = "pp-keywords"  # 相关说法 on a task page (features/plain_language)
KEYWORD_WEIGHT = "10"  # Pagefind's highest; a page's h1 weighs 7
# Not searched: the status line and the line above the title (results show the plan and its status anyway),
# the header that only prints, notes on where a text comes from, page dates and the pager. Templates mark other
# repeated blocks with data-search-exclude: a page that gathers many plans (the home page, a department's page)
# is searched for its own words, not for the items it lists. Less to index: less memory, smaller downloads.
NOT_SEARCHED_CLASSES = frozenset({"pp-status", "pp-kicker", "pp-print-only", "pp-source", "pp-dates", "pp-pager"})
# Pagefind's index chunks (its default makes chunks of about 30 KB gzip for one plan, half a second on slow 3G
# for one query) are made about 5 times smaller: a query downloads less, the table of chunks that search loads
# first grows a little. Pagefind 1.6 (package.json) reads this from an environment variable it calls unstable:
# tests/search/test_search.py fails if the chunks grow back.
INDEX_CHUNK_SIZE = 4000
# What Pagefind writes that the site does not use: its ready-made interfaces and their styles.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


def searched(page: HtmlPage) -> bool:
    path, plans = page.path, page.context.catalog.plans
    if not path.endswith("/") and path != "":
        return False  # 404.html and other files that are not a page of their own
    return not path.startswith(NOT_SEARCHED) and not any(path == urls.plan_text(plan_id) for plan_id in plans)


def plan_of(page: HtmlPage):
    """The plan a page belongs to (plans/<plan-id>/…), or None."""
    parts = page.path.split("/")
    if len(parts) > 2 and parts[0] == "plans":
        return page.context.catalog.plans.get(parts[1])
    return None


def is_item(page: HtmlPage) -> bool:
    """A task or part page: plans/<plan>/tasks/<task>/ or plans/<plan>/parts/<part>/."""
    parts = page.path.split("/")
    return len(parts) == 5 and parts[0] == "plans" and parts[2] in ("tasks", "parts")


def shown_status(article, bundle) -> str:
    """The plan's status label, from the status wording table (macros/core/status.py)."""
    return bundle.status.label


def _meta_value(text: str) -> str:
    return " ".join(text.replace(",", "，").replace(":", "：").split())  # Pagefind's separators stay out


def mark_page(page: HtmlPage) -> None:
    bundle = plan_of(page)
    bar = material.header_bar(page.tree)
    if bar is not None and (page.path.endswith("/") or page.path == ""):
        page.context.render_at(page.path)
        bar.append(fragment(page.context.renderer.render("search_box.html", plan_id=bundle.id if bundle else "")))
    article = material.article(page.tree)
    if article is None or not searched(page):
        return
    article.set("data-pagefind-body", "")
    for element in article.iter():
        if not isinstance(element.tag, str):
            continue
        classes = (element.get("class") or "").split()
        if element.get("data-search-exclude") is not None or NOT_SEARCHED_CLASSES.intersection(classes):
            element.set("data-pagefind-ignore", "all")
        elif KEYWORD_CLASS in classes:
            element.set("data-pagefind-weight", KEYWORD_WEIGHT)
    if bundle is not None:
        article.set("data-pagefind-filter", f"plan:{bundle.id}")
        # One fact per element: Pagefind reads one "key:value" from each attribute.
        article.set("data-pagefind-meta", f"plan:{_meta_value(bundle.plan.short_title)}")
        heading = next(article.iter("h1"), None)
        if heading is not None:
            heading.set("data-pagefind-meta", f"status:{_meta_value(shown_status(article, bundle))}")
            if is_item(page):  # search.js ranks tasks and parts above long pages
                heading.set("data-pagefind-filter", "kind:item")


def pagefind_binary() -> Path:
    """Pagefind's extended build from the npm package (package.json, ``npm ci``), or $PAGEFIND."""
    if os.environ.get("PAGEFIND"):
        return Path(os.environ["PAGEFIND"])
    machine = {"x86_64": "x64", "amd64": "x64", "aarch64": "arm64", "arm64": "arm64"}.get(platform.machine().lower(), "")
    system = {"linux": "linux", "darwin": "darwin", "windows": "windows", "freebsd": "freebsd"}.get(platform.system().lower(), "")
    suffix = ".exe" if system == "windows" else ""
    binary = ROOT / "node_modules" / "@pagefind" / f"{system}-{machine}" / "bin" / f"pagefind_extended{suffix}"
    if not binary.is_file():
        raise StepFailed(f"{binary.relative_to(ROOT)} is missing: run `npm ci` (package.json pins pagefind)")
    return binary


def run_pagefind(site: Path) -> None:
    """Index the finished pages of ``site`` into ``site/pagefind/`` (the whole site: shards merge by this too)."""
    bundle = site / urls.search_bundle()
    command = [str(pagefind_binary()), "--site", str(site), "--output-subdir", urls.search_bundle().strip("/"),
               "--force-language", "zh", "--silent"]
    environment = {**os.environ, "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": str(INDEX_CHUNK_SIZE)}
    result = subprocess.run(command, capture_output=True, text=True, env=environment)
    if result.returncode != 0:
        raise StepFailed(f"Pagefind failed: {result.stderr.strip() or result.stdout.strip()}")
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)


def build_index(context: BuildContext) -> None:
    run_pagefind(context.site)
