"""A real address (issue 12): a release build refuses a missing, loopback or example SITE_URL; a preview
build says on every page that it is a preview; the footer shows the site identity and the open-data licence
from mkdocs.yml; built for https://example.gov.cn/zcjd/, nothing in the site points at 127.0.0.1 or
localhost: HTML, CSV, JSON, ICS, Atom, sitemaps, the PDFs' text and every QR code (PDFs and inline SVG).
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest

from scripts import site_identity
from tests.support import ROOT, html_files

PUBLIC = "https://example.gov.cn/zcjd/"  # example.gov.cn is not a reserved example domain
LOOPBACK = re.compile(r"127\.0\.0\.1|localhost|\[::1\]", re.I)


@pytest.mark.parametrize("url", ["", "http://127.0.0.1:8000/", "http://localhost/zcjd/", "http://[::1]/",
                                 "https://example.com/", "https://www.example.org/zcjd/", "http://example.net",
                                 "https://site.example/", "https://portal.test/", "https://x.invalid/",
                                 "https://a.localhost/", "ftp://www.daye.gov.cn/"])
def test_the_address_check_refuses(url):
    assert site_identity.address_problem(url), url


@pytest.mark.parametrize("url", [PUBLIC, "https://www.daye.gov.cn/zcjd/nmg/", "http://zcjd.hubei.gov.cn/"])
def test_the_address_check_accepts(url):
    assert site_identity.address_problem(url) is None


@pytest.mark.parametrize("site_url", [None, "http://127.0.0.1:8000/", "https://www.example.com/zcjd/"])
def test_release_build_refuses_the_address(tmp_path, site_url):
    site_dir = tmp_path / "site"
    environment = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    if site_url:
        environment["SITE_URL"] = site_url
    result = subprocess.run([sys.executable, "scripts/build.py", "--release", "--site-dir", str(site_dir)],
                            cwd=ROOT, env=environment, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "the site's address is not a public one" in result.stderr and "set SITE_URL" in result.stderr
    assert not site_dir.exists()


def test_release_build_lists_the_missing_contacts(tmp_path):
    result = subprocess.run([sys.executable, "scripts/build.py", "--release", "--site-dir", str(tmp_path / "site")],
                            cwd=ROOT, env=dict(os.environ, SITE_URL=PUBLIC), capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "the site's address" not in result.stderr
    assert "pages send readers to organizations whose contact is not published" in result.stderr
    assert "policy_data/contacts.yaml: contacts: found no entry for rsj (大冶市人力资源和社会保障局" in result.stderr


def test_every_page_of_a_preview_build_says_it_is_a_preview(site):
    pages = [path for path in html_files(site) if 'class="md-banner' in path.read_text(encoding="utf-8")]
    assert len(pages) > 40
    missing = [str(path.relative_to(site)) for path in pages if "pp-preview" not in path.read_text(encoding="utf-8")]
    assert not missing, missing[:10]


def test_a_release_build_shows_no_preview_notice():
    partial = (ROOT / "macros/theme/overrides/partials/preview.html").read_text(encoding="utf-8")
    template = jinja2.Environment(autoescape=True).from_string(partial)
    assert "预览版" in template.render(config={"extra": {"release": False}})
    assert template.render(config={"extra": {"release": True}}).strip() == ""


def test_the_footer_shows_the_open_data_licence(site):
    configured = site_identity.read(ROOT / "mkdocs.yml")
    html = (site / "index.html").read_text(encoding="utf-8")
    footer = html[html.index("pp-identity"):]
    assert f"开放数据的使用许可：{configured['licence']}" in footer
    assert "licence" in site_identity.FIELDS
    assert "extra.site.licence (开放数据的使用许可)" in "\n".join(site_identity.problems({}))


# ---------------------------------------------------------------- built for a public address

@pytest.fixture(scope="module")
def public_site(tmp_path_factory) -> Path:
    from scripts.build import build

    site_dir = tmp_path_factory.mktemp("public") / "site"
    previous = os.environ.get("SITE_URL")
    os.environ["SITE_URL"] = PUBLIC
    try:
        assert build(site_dir, quiet=True) == 0
    finally:
        os.environ.pop("SITE_URL") if previous is None else os.environ.__setitem__("SITE_URL", previous)
    return site_dir


def _run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def test_no_file_points_at_a_loopback_address(public_site):
    kinds = {".html", ".csv", ".json", ".ics", ".xml", ".txt", ".svg", ".webmanifest"}
    checked, found = 0, []
    for path in public_site.rglob("*"):
        if path.is_file() and (path.suffix in kinds or path.name.endswith(".xml.gz")):
            data = path.read_bytes()
            if path.name.endswith(".gz"):
                import gzip
                data = gzip.decompress(data)
            checked += 1
            for match in LOOPBACK.finditer(data.decode("utf-8", "replace")):
                found.append(f"{path.relative_to(public_site)}: {match.group(0)}")
    assert checked > 60 and any(public_site.rglob("*.ics")) and any(public_site.rglob("*.csv"))
    assert (public_site / "changes/feed.xml").is_file()
    assert not found, found[:20]
    assert PUBLIC in (public_site / "changes/feed.xml").read_text(encoding="utf-8")


def test_no_pdf_text_or_qr_code_points_at_a_loopback_address(public_site, tmp_path):
    pdfs = sorted(public_site.rglob("*.pdf"))
    assert len(pdfs) >= 5
    codes = []
    for pdf in pdfs:
        text = _run("pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-")
        assert not LOOPBACK.search(text), pdf.name
        _run("pdftoppm", "-r", "150", "-png", str(pdf), str(tmp_path / pdf.stem))
    for image in sorted(tmp_path.glob("*.png")):
        result = subprocess.run(["zbarimg", "-q", "--raw", str(image)], capture_output=True, text=True)
        codes += [line for line in result.stdout.splitlines() if line]
    assert len(codes) >= len(pdfs)
    assert all(code.startswith(PUBLIC) for code in codes), codes


def test_the_inline_qr_code_of_a_printed_page_leads_to_the_public_address(public_site, browser, tmp_path):
    """The print header's QR code is inline SVG: print the page in Chromium, then decode it."""
    from tests.browser_checks import serve

    with serve(public_site) as served:
        context = browser.new_context(locale="zh-CN")
        page = context.new_page()
        page.goto(served.url + "departments/")
        page.emulate_media(media="print")
        pdf = tmp_path / "page.pdf"
        page.pdf(path=str(pdf), format="A4")
        context.close()
    _run("pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp_path / "page"))
    codes = []
    for image in tmp_path.glob("page*.png"):
        codes += subprocess.run(["zbarimg", "-q", "--raw", str(image)], capture_output=True, text=True).stdout.split()
    assert codes == [PUBLIC + "departments/"], codes
