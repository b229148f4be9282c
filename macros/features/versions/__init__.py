"""Versions of a plan: each version of the official text kept whole at its own frozen address
(plans/<plan>/versions/<version>/), a list of the versions, and per pair of consecutive versions a “what
changed” page (tasks added, removed, renumbered and reworded, with a word-level diff and the editor's
one-line summaries); earlier versions say at the top that they are superseded; one feed entry per version.
The plan's own pages always show the current version (the plan folder's files)."""
from macros.core.feature import Feature, FileSpec, here

from .checks import versions_are_sound
from .models import VersionList
from .outputs import feed_entries
from .pages import superseded_meta, version_pages
from .queries import FILE
from .reading import load_versions
from .render import plan_versions_note, plan_versions_page, version_changes_page, version_page

FEATURE = Feature(
    name="versions",
    doc=__doc__,
    files=(FileSpec(FILE, VersionList, per_plan=True),),
    load=load_versions,
    checks=(versions_are_sound,),
    pages=version_pages,
    page_meta=superseded_meta,
    macros={"plan_versions_page": plan_versions_page, "version_page": version_page,
            "version_changes_page": version_changes_page},
    template_globals={"plan_versions_note": plan_versions_note},
    templates=here(__file__, "templates"),
    assets=here(__file__, "assets"),
    feed_entries=feed_entries,
)
