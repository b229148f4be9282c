"""Deployable in mainland China: no request to another host from any page (recorded in Chromium),
pages readable without JavaScript, the footer's site identity from configuration (a warning with
placeholders, a failing release build), and the page weight of a first visit (gzip, search included).

Figures per page kind: `.venv/bin/python tests/browser_checks.py`.
"""
from __future__ import annotations

import subprocess
import sys
from urllib.parse import urlparse


from scripts import site_identity
from tests.browser_checks import first_visit_bytes, open_search, serve
from tests.support import ROOT, html_files

BUDGET = 150_000  # bytes on the wire for a task page's first visit (search loads when it is used)
SEARCH_BUDGET = 120_000  # bytes on the wire for the first search: Pagefind's script and WebAssembly, one query


def test_no_page_requests_another_host(site, server, browser):
    """Every HTML file of the built site is loaded; every request (workers included) is recorded."""
    own = urlparse(server).netloc
    context = browser.new_context(locale="zh-CN")
    elsewhere, requested = [], []

    def record(route):
        url = route.request.url
        requested.append(url)
        if urlparse(url).scheme in ("http", "https", "ws", "wss") and urlparse(url).netloc != own:
            elsewhere.append(f"{page.url} -> {url}")
            return route.abort()  # a blocked host would hang the reader; here it must not happen at all
        return route.continue_()

    context.route("**/*", record)
    page = context.new_page()
    files = html_files(site)
    for path in files:
        page.goto(server + path.relative_to(site).as_posix(), wait_until="load")
    page.goto(server)
    open_search(page)  # the search script, its WebAssembly, index chunks and fragments
    page.wait_for_load_state("networkidle")
    context.close()
    assert len(files) > 40 and len(requested) > len(files)
    assert not elsewhere, "\n".join(elsewhere[:30])


def test_pages_read_without_javascript(browser, server, kinds):
    context = browser.new_context(locale="zh-CN", java_script_enabled=False)
    page = context.new_page()
    problems = []
    for kind, path in kinds.items():
        page.goto(server + path)
        content = ".md-content" if page.locator(".md-content").count() else "body"  # embeds are bare cards
        heading = page.locator(f"{content} :is(h1, h2)").first
        text = page.locator(content).inner_text()
        if not heading.is_visible() or len(text) < (10 if kind == "not found" else 40):
            problems.append(f"{kind} /{path}: heading visible={heading.is_visible()}, {len(text)} characters")
        if not page.locator(f"{content} a[href]").first.is_visible() and kind != "not found":
            problems.append(f"{kind} /{path}: no visible link in the content")
    context.close()
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------- site identity in the footer

def test_footer_shows_the_configured_site_identity(page, server):
    configured = site_identity.read(ROOT / "mkdocs.yml")
    page.goto(server)
    footer = page.locator("footer").inner_text()
    for key in site_identity.FIELDS:
        assert configured[key] in footer, key
    for label in ("主办单位", "政府网站标识码"):
        assert label in footer


def test_placeholders_give_a_clear_warning(capsys):
    """The committed mkdocs.yml still holds placeholders: a normal build goes on with a warning."""
    assert site_identity.check(ROOT / "mkdocs.yml", release=False) is True
    warning = capsys.readouterr().err
    assert warning.startswith("WARNING")
    for key, label in site_identity.FIELDS.items():
        assert f"extra.site.{key} ({label})" in warning
    assert "make release" in warning


def test_release_build_fails_on_placeholders(tmp_path):
    site_dir = tmp_path / "site"
    result = subprocess.run([sys.executable, "scripts/build.py", "--release", "--site-dir", str(site_dir)],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "ERROR" in result.stderr and "extra.site.icp (ICP备案号)" in result.stderr
    assert not site_dir.exists()


def test_release_check_passes_with_real_values(tmp_path, capsys):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_url: !ENV [SITE_URL, 'http://127.0.0.1:8000/']\nextra:\n  site:\n"
                      "    host: 大冶市人民政府办公室\n    site_code: '4202810001'\n"
                      "    icp: 鄂ICP备00000000号\n    police: 鄂公网安备 42028102000000号\n"
                      "    licence: 知识共享署名 4.0 国际许可协议（CC BY 4.0）\n", encoding="utf-8")
    assert site_identity.check(config, release=True) is True
    assert capsys.readouterr().err == ""
    assert site_identity.problems({"host": "x", "site_code": "", "icp": "待填写", "police": "y", "licence": "z"}) == [
        "extra.site.site_code (政府网站标识码): found 'nothing'; expected the real value",
        "extra.site.icp (ICP备案号): found '待填写'; expected the real value",
    ]


# ---------------------------------------------------------------- page weight

def test_task_page_first_visit_with_search_is_under_budget(site, browser, kinds):
    with serve(site, compress=True) as served:
        total, rows = first_visit_bytes(browser, served, kinds["task"], search=True)
        figures = {kind: first_visit_bytes(browser, served, path, search=False)[0] for kind, path in kinds.items()}
    listing = "\n".join(f"  {size:>8}  {path}" for path, size in rows)
    report = "\n".join(f"  {size:>8}  {kind}" for kind, size in figures.items())
    print(f"\nTask page, first visit, search opened: {total} bytes (gzip)\n{listing}\n"
          f"Other kinds, first visit without search:\n{report}")
    assert any("/pagefind/index/" in path for path, _ in rows), "search did not load an index chunk"
    assert any(path.endswith(".pagefind") for path, _ in rows), "search did not load its WebAssembly"
    without_search = figures["task"]
    assert without_search < BUDGET, f"{without_search} bytes > {BUDGET}"
    assert total - without_search < SEARCH_BUDGET, f"first search: {total - without_search} bytes > {SEARCH_BUDGET}\n{listing}"
    assert figures["home"] < BUDGET, report
