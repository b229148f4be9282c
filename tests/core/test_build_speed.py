"""What makes the build faster changes nothing a reader gets: Markdown passing generated pages through
unread (core/raw_pages.py), and a helper process sharing the HTML pass (core/html_pass.py)."""
from __future__ import annotations

import ast
from pathlib import Path

import markdown
import pytest

from macros.core import html_pass
from macros.core.build_context import BuildContext, StepFailed
from macros.core.raw_pages import RawPagesPlugin
from macros.core.render import Renderer
from macros.core.site_map import site_map
from macros.registry import FEATURES
from macros.theme.compact_html import compact
from tests.support import load_catalog

EXTENSIONS = ["attr_list", "tables", "admonition", "toc"]  # mkdocs.yml


def test_markdown_passes_every_generated_page_through_as_it_would_read_it(fixture_data):
    """Every page of every plan shape: the same HTML as Markdown's own reading, apart from the line
    breaks it puts between top-level blocks (nothing a browser shows)."""
    catalog = load_catalog(fixture_data)
    renderer = Renderer(catalog, site={})
    macros = {name: function for feature in FEATURES for name, function in feature.macros.items()}
    extension = RawPagesPlugin(frozenset()).extension
    for page in site_map(catalog).pages:
        call = ast.parse(page.macro, mode="eval").body
        renderer.at(page.url)
        text = f"\n{macros[call.func.id](renderer, *(arg.value for arg in call.args))}\n"
        extension.active = False
        read = markdown.Markdown(extensions=EXTENSIONS).convert(text)
        extension.active = True
        passed = markdown.Markdown(extensions=[*EXTENSIONS, extension]).convert(text)
        assert passed.replace("\n", "") == read.replace("\n", ""), page.file


def test_markdown_still_reads_a_page_that_does_not_start_with_a_block():
    extension = RawPagesPlugin(frozenset()).extension
    extension.active = True
    assert markdown.Markdown(extensions=[extension]).convert("<b>*bold*</b> and *more*") == \
        "<p><b><em>bold</em></b> and <em>more</em></p>"


def _path_mark(page):
    page.tree.set("data-path", page.path)
    if page.path.startswith("broken"):
        raise StepFailed(f"{page.path}: cannot transform")


def _pages(site: Path, count: int, prefix: str = "p") -> None:
    for number in range(count):
        folder = site / f"{prefix}{number:03d}"
        folder.mkdir(parents=True)
        (folder / "index.html").write_text(f"<html><body>\n  <p>\n    {number}</p>\n  <pre>\n  kept</pre></body></html>",
                                           encoding="utf-8")


def test_the_html_pass_with_a_helper_writes_the_same_bytes(tmp_path, catalog, monkeypatch):
    alone, shared = tmp_path / "alone", tmp_path / "shared"
    for site in (alone, shared):
        _pages(site, 250)
    monkeypatch.setattr(html_pass, "HELPER_FROM", 10 ** 9)
    html_pass.run(BuildContext(catalog, alone, site_url="", site_name=""), [_path_mark, compact], quiet=True)
    monkeypatch.setattr(html_pass, "HELPER_FROM", 1)
    monkeypatch.setattr(html_pass, "_can_help", lambda: True)
    assert html_pass.run(BuildContext(catalog, shared, site_url="", site_name=""), [_path_mark, compact], quiet=True) == 250
    for file in alone.rglob("*.html"):
        assert (shared / file.relative_to(alone)).read_bytes() == file.read_bytes()


def test_a_failure_in_the_helper_stops_the_build(tmp_path, catalog, monkeypatch):
    _pages(tmp_path, 3)
    _pages(tmp_path, 1, prefix="broken")
    monkeypatch.setattr(html_pass, "HELPER_FROM", 1)
    monkeypatch.setattr(html_pass, "_can_help", lambda: True)
    broken, *good = sorted(tmp_path.rglob("*.html"))
    with pytest.raises(StepFailed, match="broken000/: cannot transform"):  # the helper does the 2nd, 4th… page
        html_pass.run(BuildContext(catalog, tmp_path, site_url="", site_name=""), [_path_mark], quiet=True,
                      files=[good[0], broken, *good[1:]])
