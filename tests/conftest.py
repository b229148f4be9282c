"""Shared fixtures: the built site, a loopback server for it (under a sub-path), headless Chromium.

The site is built once per test session into a temporary folder, with SITE_URL pointing at the
loopback server, so canonical URLs, QR codes and feeds can be followed in tests.

SITE_UNDER_TEST=<folder> with SITE_UNDER_TEST_URL=<the address it was built for> tests a site built
elsewhere instead (scripts/zensical_canary.py): only the tests of that site run, on that port.
"""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.support import ROOT, environment, load_catalog  # noqa: E402,F401  (ROOT: for tests that import it from here)
from tests.browser_checks import SUB_PATH, free_port, page_kinds, serve  # noqa: E402  (SUB_PATH: served as a county portal would)

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
]
SITE_UNDER_TEST = os.environ.get("SITE_UNDER_TEST")
# Fixtures of tests that build a site of their own: not a check of the site under test.
OWN_BUILD = {"fixture_site", "fixture_data", "data_copy", "public_site"}


def pytest_collection_modifyitems(config, items):
    """With SITE_UNDER_TEST, only the tests that check the site (through ``site``, ``server`` or ``kinds``) run."""
    if SITE_UNDER_TEST:
        left_out = [item for item in items if "site" not in item.fixturenames or OWN_BUILD & set(item.fixturenames)]
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if item not in left_out]


@pytest.fixture(scope="session")
def catalog():
    return load_catalog(ROOT / "policy_data")


SEED = Path(os.environ.get("SEED_PATH") or ROOT.parent / "shared" / "seed" / "000_98d1fb3628adf284.txt")


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The source: the only source of truth for the official text."""
    if not SEED.is_file():
        pytest.fail(f"the seed is missing at {SEED}; set SEED_PATH")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def server_port() -> int:
    if SITE_UNDER_TEST:
        url = urlsplit(os.environ["SITE_UNDER_TEST_URL"])
        assert url.path == SUB_PATH, f"SITE_UNDER_TEST_URL must end in {SUB_PATH}: the server serves the site there"
        return url.port
    return free_port()


@pytest.fixture(scope="session")
def base_url(server_port) -> str:
    """The site's root URL on the loopback server, sub-path included, with a trailing slash."""
    return f"http://127.0.0.1:{server_port}{SUB_PATH}"


@pytest.fixture(scope="session")
def site(tmp_path_factory, base_url) -> Path:
    """The site, built once for the whole test session."""
    if SITE_UNDER_TEST:
        return Path(SITE_UNDER_TEST)
    from scripts.build import build

    site_dir = tmp_path_factory.mktemp("built") / "site"
    with environment(SITE_URL=base_url):
        assert build(site_dir, quiet=True) == 0, "the site did not build"
    return site_dir


@pytest.fixture(scope="session")
def server(site, server_port):
    with serve(site, server_port) as served:
        yield served.url


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright (no browser download needed)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A private copy of policy_data/ that a test may break."""
    target = tmp_path / "policy_data"
    shutil.copytree(ROOT / "policy_data", target)
    return target


@pytest.fixture(scope="module")
def kinds(site, catalog):
    """One page of every kind of page the site has."""
    return page_kinds(site, catalog)


@pytest.fixture(scope="session")
def fixture_data(tmp_path_factory) -> Path:
    """policy_data/ plus every invented test plan of tests/fixtures/ (other places, other shapes, other
    statuses: test-qinghe-2024, test-lanxi-district-2024, test-provincial-2022)."""
    from tests.fixtures.combine import combined_policy_data

    return combined_policy_data(tmp_path_factory.mktemp("fixture-data") / "policy_data")


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory, fixture_data) -> Path:
    """The site built from ``fixture_data``: Daye and the invented plans side by side (with the PDFs)."""
    from scripts.build import build

    site_dir = tmp_path_factory.mktemp("fixture-built") / "site"
    assert build(site_dir, quiet=True, data=fixture_data) == 0, "the site with the test plans did not build"
    return site_dir
