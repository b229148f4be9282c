"""The one ordered list of the site's features.

The order is the order of the navigation (after the home page), of the checks, of the stylesheets and
scripts, of the output files written after MkDocs and of the transforms in the one HTML pass. Adding a
feature: make its folder in macros/features/ with ``FEATURE = Feature(...)`` and add it here.
"""
from __future__ import annotations

from macros.core.feature import Feature
from macros.features import (
    accessibility, calendars, changes, contacts, data_format, departments, embeds, leaflets, open_data,
    import_review, permalinks, plain_language, plan_pages, policies, print, progress, redirects, search, versions,
)
from macros.theme import COMPACT_HTML, MATERIAL

FEATURES: tuple[Feature, ...] = (
    MATERIAL,  # Material's own files made local and fixed, before any feature writes
    plain_language.FEATURE,  # first: the glossary marks run before anything else adds text to a page
    plan_pages.FEATURE,
    versions.FEATURE,  # after the plan pages: its line replaces the plan's status line on earlier versions' pages
    import_review.FEATURE,  # the “导入待审核” mark on the pages of an imported plan not yet reviewed
    progress.FEATURE,  # after the plan pages: its 工作进展 section follows them in the navigation
    departments.FEATURE,
    policies.FEATURE,
    leaflets.FEATURE,
    print.FEATURE,
    permalinks.FEATURE,
    contacts.FEATURE,  # “找谁、怎么找” on the pages above (a template global) and the release check
    open_data.FEATURE,
    changes.FEATURE,
    calendars.FEATURE,
    embeds.FEATURE,
    redirects.FEATURE,  # after every page and card exists
    search.FEATURE,
    accessibility.FEATURE,
    data_format.FEATURE,
    COMPACT_HTML,  # last: every transform has run
)
