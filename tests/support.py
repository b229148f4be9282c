"""Helpers every test folder shares: the repository root, the loader with the site's features, reading
built pages and breaking a copy of the data on purpose."""
from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros.core.load import load_catalog as _load  # noqa: E402
from macros.registry import FEATURES  # noqa: E402


def load_catalog(root):
    """The validated catalog of a policy_data folder, read with every feature of the site."""
    return _load(root, FEATURES)


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def page_html(site: Path, url_path: str) -> str:
    """The HTML built for a site-relative URL path such as ``plans/daye-2023/tasks/t01/``."""
    return (site / url_path / "index.html").read_text(encoding="utf-8")


def mutate(data: Path, file: str, old: str, new: str, occurrence: int = 1) -> int:
    """Replace the n-th ``old`` in a data file; return the 1-based line where it stood."""
    path = data / file
    text = path.read_text(encoding="utf-8")
    start = -1
    for _ in range(occurrence):
        start = text.index(old, start + 1)
    path.write_text(text[:start] + new + text[start + len(old):], encoding="utf-8")
    return text.count("\n", 0, start) + 1


def transformed(catalog, markup: str, path: str, *transforms) -> str:
    """``markup`` after the given transforms of the one HTML pass, as the page at site path ``path``."""
    import tempfile

    import lxml.html

    from macros.core.build_context import BuildContext
    from macros.core.html_pass import DOCTYPE, HtmlPage

    context = BuildContext(catalog, Path(tempfile.gettempdir()), site_url="", site_name="")
    page = HtmlPage(path, lxml.html.document_fromstring(markup), context)
    for transform in transforms:
        transform(page)
    return lxml.html.tostring(page.tree, encoding="unicode", doctype=DOCTYPE)


@contextlib.contextmanager
def environment(**values: str):
    """Set environment variables for a block (a build reads SITE_URL, SOURCE_DATE_EPOCH…), then restore them."""
    previous = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
