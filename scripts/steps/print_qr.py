"""Give every page a print-only header: site, plan and status, the date the information is current to,
and the page's canonical URL with a QR code that leads back to it (inline SVG, no request anywhere).

The canonical URL is the one MkDocs wrote into the page (site_url + the page's path), so the printed
code and the page always agree. docs/assets/print.css hides the header on screen.
"""
from __future__ import annotations

import html
import re
from collections import Counter
import sys
import time
from pathlib import Path

from macros import leaflets as leaflet_queries
from macros.as_of import chinese_date, information_date
from macros.qr import qr_svg

from . import StepFailed

ORDER = 60
ARTICLE = '<article class="md-content__inner md-typeset">'
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')
TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def plans_of_page(catalog, path: str) -> list:
    """The plans a page belongs to: its own plan, a leaflet's plan, else every plan of the site."""
    parts = path.strip("/").split("/")
    if len(parts) >= 2 and parts[0] == "plans" and parts[1] in catalog.plans:
        return [catalog.plan(parts[1]).plan]
    if len(parts) == 2 and parts[0] == "leaflets":
        entry = next((e for e in leaflet_queries.leaflets(catalog) if e.id == parts[1]), None)
        if entry:
            return [catalog.plan(entry.plan).plan]
    return [bundle.plan for bundle in catalog.plans.values()]


def print_header(site_name: str, plans: list, as_of: str, url: str) -> str:
    lines = [f'<p class="pp-print-header__site">{html.escape(site_name)}</p>']
    if len(plans) == 1:
        plan = plans[0]
        lines.append(f"<p>方案：{html.escape(plan.short_title)}。状态：<strong>{html.escape(plan.metadata.status)}</strong>，"
                     "尚未正式印发，以正式印发的文件为准。</p>")
    else:  # a page of the whole site: the plans' statuses, counted
        counts = Counter(plan.metadata.status for plan in plans)
        statuses = "、".join(f"<strong>{html.escape(status)}</strong> {count} 个" for status, count in counts.items())
        lines.append(f"<p>本站介绍 {len(plans)} 个方案，状态：{statuses}。以正式印发的文件为准。</p>")
    lines.append(f"<p>信息截至{as_of}。本页网址（扫右边的二维码也能打开）：</p>")
    lines.append(f'<p class="pp-print-url">{html.escape(url)}</p>')
    return ('<div class="pp-print-only pp-print-header"><div class="pp-print-header__text">' + "".join(lines)
            + "</div>" + str(qr_svg(url, "本页网址的二维码")) + "</div>")


def run(catalog, site: Path) -> None:
    started = time.perf_counter()
    as_of = chinese_date(information_date(catalog))
    marked = 0
    for page in sorted(site.rglob("index.html")):
        text = page.read_text(encoding="utf-8")
        canonical = CANONICAL.search(text)
        if not canonical or text.count(ARTICLE) != 1 or "pp-print-header" in text:
            continue  # not a themed page with a canonical URL (e.g. an embeddable card or a redirect)
        title = TITLE.search(text)
        site_name = html.unescape(title.group(1)).rsplit(" - ", 1)[-1].strip() if title else ""
        path = page.parent.relative_to(site).as_posix()
        block = print_header(site_name, plans_of_page(catalog, "" if path == "." else path + "/"), as_of,
                             html.unescape(canonical.group(1)))
        page.write_text(text.replace(ARTICLE, ARTICLE + block, 1), encoding="utf-8")
        marked += 1
    if marked == 0:
        raise StepFailed(f"no page has {ARTICLE!r} and a canonical link; the theme may have changed")
    print(f"print_qr: {marked} pages in {time.perf_counter() - started:.2f} s", file=sys.stderr)
