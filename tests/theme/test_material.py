"""Every dependency on Material for MkDocs, each checked by name on the built site.

When a Material release (or a move to Zensical) breaks one of these, the test that fails says which
assumption no longer holds; macros/theme/material.py and ARCHITECTURE.md list them all.
"""
from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest

from macros.core import urls
from macros.theme import material
from tests.support import ROOT, page_html

MATERIAL_TEMPLATES = Path(__import__("material").__file__).parent / "templates"
OUR_ASSETS = sorted([*ROOT.glob("macros/features/*/assets/*"), *ROOT.glob("macros/theme/assets/*")])


def tree(site, path):
    return lxml.html.document_fromstring(page_html(site, path))


def test_the_article_of_a_themed_page_is_found(site, catalog):
    for path in (urls.home(), urls.task("daye-2023", "t01"), urls.departments()):
        article = material.article(tree(site, path))
        assert article is not None, f"{material.ARTICLE_CLASS}.{material.TYPESET_CLASS} article missing on {path!r}"
        assert next(article.iter("h1"), None) is not None, path


def test_the_canonical_url_is_read_from_the_page(site, base_url):
    page = tree(site, urls.task("daye-2023", "t01"))
    assert material.canonical_url(page) == base_url + urls.task("daye-2023", "t01")


def test_the_javascript_bundle_is_where_the_patches_look(site):
    assert material.bundles(site), material.BUNDLE_GLOB


def test_the_header_bar_holds_the_sites_search_form(site):
    """features/search puts its form at the end of Material's header bar."""
    for path in (urls.home(), urls.task("daye-2023", "t01")):
        bar = material.header_bar(tree(site, path))
        assert bar is not None, f"no nav.{material.HEADER_BAR_CLASS} in header.md-header on {path!r}"
        form = bar.find(".//form[@data-search]")
        assert form is not None and form.getparent() is bar, path


def test_materials_own_search_is_off_and_its_files_are_not_published(site):
    assert not (site / "search" / "search_index.json").exists()
    assert not material.search_files(site)
    theme = Path(__import__("material").__file__).parent / "templates" / material.JAVASCRIPTS
    assert [p for pattern in material.SEARCH_FILES for p in theme.glob(pattern)], "Material moved its search files"


@pytest.mark.parametrize("block", ["announce", "header", "site_nav"])
def test_the_blocks_our_override_extends_exist_in_materials_base_template(block):
    base = (MATERIAL_TEMPLATES / "base.html").read_text(encoding="utf-8")
    assert f"{{% block {block} %}}" in base, f"Material's base.html has no block {block!r} (macros/theme/overrides/main.html)"


# Partials of our own, included by our main.html; every other file in overrides/partials/ replaces Material's.
OUR_PARTIALS = {"access.html", "status.html", "preview.html", "review.html"}


def test_the_partials_we_replace_exist_in_material():
    replaced = [p for p in (ROOT / "macros/theme/overrides/partials").glob("*.html") if p.name not in OUR_PARTIALS]
    assert replaced, "copyright.html at least"
    for partial in replaced:
        assert (MATERIAL_TEMPLATES / "partials" / partial.name).is_file(), partial.name


def test_our_partials_are_included_by_our_main_template():
    main = (ROOT / "macros/theme/overrides/main.html").read_text(encoding="utf-8")
    for name in OUR_PARTIALS:
        assert f'"partials/{name}"' in main, name


def test_every_material_class_our_css_and_js_use_is_on_the_built_pages(site):
    used = {name for path in OUR_ASSETS for name in re.findall(r"\.(md-[a-z_-]+[a-z])", path.read_text(encoding="utf-8"))}
    built = " ".join(page_html(site, path) for path in (urls.home(), urls.task("daye-2023", "t01"), urls.responsibilities("daye-2023")))
    built += " ".join(p.read_text(encoding="utf-8") for p in (site / material.JAVASCRIPTS).glob(material.BUNDLE_GLOB))
    missing = sorted(name for name in used - material.OPTIONAL_CLASSES if name not in built)
    assert not missing, f"Material no longer has these classes our stylesheets and scripts rely on: {missing}"
