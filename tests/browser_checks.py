"""Helpers for the accessibility, weight and deployment tests: axe-core, page kinds, a gzip server.

Also a small report for people: ``.venv/bin/python tests/browser_checks.py [SITE_DIR]`` builds the
site (or takes a built one), runs axe-core on one page of every kind and prints the violations and
the gzip bytes a first visit transfers. The tests assert the same figures.
"""
from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import os
import socket
import sys
import threading
from collections import OrderedDict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
SUB_PATH = "/zcjd/nmg/"
# WCAG 2.0 and 2.1, levels A and AA: the rules GB/T 37668 and the issue ask for.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SEARCH_QUERY = "工资"


def node_tool(relative: str) -> Path:
    """A file installed by `npm ci` (package.json at the repository root)."""
    path = NODE_MODULES / relative
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: run `make test` (it runs `npm ci`)")
    return path


# ---------------------------------------------------------------- page kinds

def _pages(site: Path) -> list[str]:
    """Site-relative URL paths of every built page (``""`` is the home page)."""
    paths = []
    for index in sorted(site.rglob("index.html")):
        relative = index.parent.relative_to(site).as_posix()
        if relative.startswith(STANDALONE):
            continue
        paths.append("" if relative == "." else relative + "/")
    return paths


# Stand-alone pages without the theme or the site's controls: the embeddable cards (checked, axe
# included, in tests/embeds/test_embeds.py).
STANDALONE = ("embed/",)


def page_kinds(site: Path, catalog) -> "OrderedDict[str, str]":
    """One page of each kind: the named kinds first, then one page of every other group of pages.

    A folder (below the top level) holding three or more leaf pages is a collection (tasks,
    departments, guides, …): one of its pages stands for all. Every other page is a kind of its own, so pages that other features add
    are covered without naming them here.
    """
    from macros.core import urls

    plan = next(iter(catalog.plans.values()))
    task = plan.tasks[0]
    org = next(iter(catalog.organizations))
    named = OrderedDict([
        ("home", urls.home()),
        ("plan overview", urls.plan(plan.id)),
        ("part", urls.part(plan.id, plan.parts[0].id)),
        ("task", urls.task(plan.id, task.id)),
        ("departments", urls.departments()),
        ("department", urls.department(org)),
        ("targets", urls.targets(plan.id)),
        ("responsibilities", urls.responsibilities(plan.id)),
        ("plan text", urls.plan_text(plan.id)),
        ("document", urls.document(plan.id, plan.documents[0].id)),
        ("policies", urls.references()),
        ("about", "about/"),
    ])
    pages = _pages(site)
    if (site / "404.html").exists():
        named["not found"] = "404.html"
    missing = [path for path in named.values() if not (site / path / "index.html").is_file() and not (site / path).is_file()]
    if missing:
        raise AssertionError(f"pages expected in the built site are missing: {missing}")
    children: dict[str, list[str]] = {}  # leaf pages by folder
    for path in pages:
        if path and not any(other != path and other.startswith(path) for other in pages):
            children.setdefault(path.rstrip("/").rpartition("/")[0], []).append(path)
    covered = {_group(path, children) for path in named.values()}
    kinds = OrderedDict(named)
    for path in pages:
        group = _group(path, children)
        if group not in covered:
            covered.add(group)
            kinds[group] = path
    return kinds


def _group(path: str, children: dict[str, list[str]]) -> str:
    parent = path.rstrip("/").rpartition("/")[0]
    if parent and path in children.get(parent, []) and len(children[parent]) >= 3:
        return f"{parent}/*"
    return path or "/"


# ---------------------------------------------------------------- axe-core

def run_axe(page) -> list[dict]:
    """axe-core's WCAG 2.0/2.1 A+AA violations on the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(node_tool("axe-core/axe.min.js")))
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                                     resultTypes: ['violations']});
            return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))}));
        }""",
        AXE_TAGS,
    )


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"  {v['id']} ({v['impact']}, {len(v['nodes'])} nodes): {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(f"      {node['target']}: {node['summary'].splitlines()[-1].strip()}")
    return "\n".join(lines)


def every_page(site) -> list[str]:
    """The URL path of every built page, stand-alone cards and 404.html included (for axe on all of them)."""
    paths = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if relative.endswith("index.html"):
            paths.append(relative[: -len("index.html")])
        elif relative == "404.html":
            paths.append(relative)
    return paths


def set_modes(context, large: bool = False, contrast: bool = False) -> None:
    """Reading aids remembered as if the reader had switched them on earlier."""
    value = '{"large": %s, "contrast": %s}' % (str(large).lower(), str(contrast).lower())
    context.add_init_script(f"localStorage.setItem('pp-access', '{value}');")


def type_query(page, query: str, compose: bool = False) -> None:
    """Put ``query`` into the first search box of the page as an input method, paste or voice input does:
    the value changes and an ``input`` event (or, with ``compose``, a composition) follows; no key events."""
    page.evaluate("""([q, compose]) => {
        const box = document.querySelector('form[data-search] input[name=q]');
        box.focus();
        if (compose) box.dispatchEvent(new CompositionEvent('compositionstart', {bubbles: true, data: ''}));
        box.value = q;
        box.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: compose ? 'insertCompositionText' : 'insertText',
                                                   data: q, isComposing: compose}));
        if (compose) box.dispatchEvent(new CompositionEvent('compositionend', {bubbles: true, data: q}));
    }""", [query, compose])


def wait_for_results(page, query: str, form: str = "form[data-search]") -> None:
    """Until the results of ``query`` are shown (search.js marks the list it finished)."""
    page.wait_for_function("([q, form]) => { const r = document.querySelector(form + ' [data-search-results]');"
                           " return r && r.getAttribute('data-search-done') === q; }", arg=[query, form])


def open_search(page, query: str = SEARCH_QUERY) -> None:
    """Type a query into the site's search box (in the header of every page) and wait for the results."""
    type_query(page, query)
    wait_for_results(page, query)
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")


# ---------------------------------------------------------------- a gzip-capable loopback server

class _CountingWriter(io.BufferedIOBase):
    def __init__(self, raw) -> None:
        self.raw, self.count = raw, 0

    def write(self, data) -> int:
        self.count += len(data)
        return self.raw.write(data)

    def flush(self) -> None:
        self.raw.flush()


class SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a site folder below SUB_PATH and counts the bytes of every response.

    With ``compress`` it sends text files gzip-encoded, as a production web server would.
    """

    compress = False
    headers_to_add: dict = {}
    sent: list  # (path, bytes sent: status line, headers and body), shared by the server's handlers
    COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".txt", ".xml", ".csv", ".ics")

    def setup(self) -> None:
        super().setup()
        self.wfile = _CountingWriter(self.wfile)

    def handle_one_request(self) -> None:
        self.wfile.count = 0
        super().handle_one_request()
        if self.wfile.count and getattr(self, "path", None):
            self.sent.append((self.path, self.wfile.count))

    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(SUB_PATH):
            return str(Path(self.directory) / "__outside_sub_path__")
        return super().translate_path("/" + path[len(SUB_PATH):])

    def do_GET(self) -> None:
        if not self.compress or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().do_GET()
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path) or not path.endswith(self.COMPRESSIBLE):
            return super().do_GET()  # folders without a slash (redirect), images, missing files
        data = gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def end_headers(self) -> None:
        for name, value in self.headers_to_add.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args) -> None:
        pass


class Served:
    def __init__(self, url: str, sent: list) -> None:
        self.url, self.sent = url, sent


@contextlib.contextmanager
def serve(site: Path, port: int = 0, compress: bool = False, headers: dict | None = None):
    """Serve ``site`` on 127.0.0.1 below SUB_PATH; yields a ``Served`` (``url``, ``sent`` log)."""
    sent: list = []
    handler_class = type("Handler", (SubPathHandler,),
                         {"compress": compress, "sent": sent, "headers_to_add": dict(headers or {})})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler_class, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield Served(f"http://127.0.0.1:{httpd.server_address[1]}{SUB_PATH}", sent)
    finally:
        httpd.shutdown()
        httpd.server_close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ---------------------------------------------------------------- bytes on the wire

def first_visit_bytes(browser, served: Served, path: str, search: bool = True) -> tuple[int, list[tuple[str, int]]]:
    """Bytes the server sent (status line, headers and gzip body) for a first visit to ``path``.

    A new browser context, so nothing is cached. With ``search`` the visit also types a query, so the
    search script, its WebAssembly, the index chunks the query needs and the results' fragments count too.
    """
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    start = len(served.sent)
    page.goto(served.url + path, wait_until="networkidle")
    if search:
        open_search(page)
        page.wait_for_load_state("networkidle")
    context.close()
    rows = sorted(served.sent[start:], key=lambda row: -row[1])
    return sum(size for _, size in rows), rows


# WebPageTest's "3G Slow" profile: 400 kbit/s each way, 400 ms round trip (added to every request by CDP).
SLOW_3G = {"offline": False, "latency": 400, "downloadThroughput": 400_000 / 8, "uploadThroughput": 400_000 / 8}
PHONE = {"viewport": {"width": 375, "height": 667}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}


def phone_search_ms(browser, url: str, query: str = SEARCH_QUERY) -> float:
    """Milliseconds from a query put into the search box to its results on screen, on a phone over slow 3G.

    The page is open and the reader has tapped the box (which loads the search script and its WebAssembly);
    the time counts what the query itself needs: the index chunks of its words, the results' fragments."""
    context = browser.new_context(locale="zh-CN", **PHONE)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_3G)
    try:
        page.goto(url, wait_until="networkidle", timeout=120_000)
        page.focus("form[data-search] input[name=q]")
        page.wait_for_selector("form[data-search][data-search-ready]", state="attached", timeout=120_000)
        # From the query's input event to the first frame drawn with a result link in it, both noted by the page
        # itself (a poll from here would add its own delay).
        page.evaluate("""() => {
            const shown = () => document.querySelector('form[data-search] [data-search-results] a[data-search-result]');
            new MutationObserver((changes, observer) => {
                if (!shown()) return;
                observer.disconnect();
                requestAnimationFrame(() => { window.__searchShown = performance.now(); });
            }).observe(document.body, {childList: true, subtree: true});
            document.addEventListener('input', () => { window.__searchStart = performance.now(); },
                                      {capture: true, once: true});
        }""")
        type_query(page, query)
        page.wait_for_function("window.__searchShown !== undefined", timeout=120_000)
        return page.evaluate("window.__searchShown - window.__searchStart")
    finally:
        context.close()


def query_bytes(browser, served: Served, url: str, query: str) -> int:
    """Bytes the server sent (gzip) for one query, after the first visit of ``url`` and a tap on the box."""
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(url, wait_until="networkidle")
        page.focus("form[data-search] input[name=q]")
        page.wait_for_selector("form[data-search][data-search-ready]", state="attached")
        start = len(served.sent)
        type_query(page, query)
        wait_for_results(page, query)
        page.wait_for_load_state("networkidle")
        return sum(size for _, size in served.sent[start:])
    finally:
        context.close()


# ---------------------------------------------------------------- report for people

def _report(site: Path, port: int = 0) -> None:
    from playwright.sync_api import sync_playwright

    from tests.support import load_catalog

    from tests.conftest import CHROMIUM, CHROMIUM_ARGS

    catalog = load_catalog(ROOT / "policy_data")
    kinds = page_kinds(site, catalog)
    with serve(site, port, compress=True) as served, sync_playwright() as playwright:
        base = served.url
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        print(f"{'kind':28} {'axe violations':>15} {'nodes':>6} {'first visit+search (gzip B)':>29}  path")
        for kind, path in list(kinds.items()) + [("search results open", "")]:
            context = browser.new_context(locale="zh-CN")
            page = context.new_page()
            page.goto(base + path)
            if kind == "search results open":
                open_search(page)
            violations = run_axe(page)
            total, _ = first_visit_bytes(browser, served, path, search=True)
            nodes = sum(len(v["nodes"]) for v in violations)
            print(f"{kind:28} {len(violations):>15} {nodes:>6} {total:>29}  /{path}")
            if violations:
                print(describe(violations))
            context.close()
        browser.close()


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    if len(sys.argv) > 1:
        _report(Path(sys.argv[1]).resolve())
    else:
        import tempfile

        from scripts.build import build

        with tempfile.TemporaryDirectory() as folder:
            port = free_port()
            os.environ["SITE_URL"] = f"http://127.0.0.1:{port}{SUB_PATH}"
            assert build(Path(folder) / "site", quiet=True) == 0
            _report(Path(folder) / "site", port)
