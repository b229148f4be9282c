"""Keep every byte of the site on our own host.

Material for MkDocs ships loaders that fetch from unpkg.com (a ResizeObserver polyfill for old
browsers, Mermaid for diagrams) and from GitHub's or GitLab's API (repository facts); Zensical's bundle also
names cdn.jsdelivr.net (Pyodide). We use none of these features,
but a reader in mainland China must never wait on a blocked host, so the addresses are replaced by
empty local scripts. Source maps are developer tools only and are removed to keep the site small.
"""
from __future__ import annotations

import re
import shutil

from macros.core.build_context import BuildContext

from . import material

EMPTY_SCRIPT = "data:text/javascript,"
REMOTE_LOADERS = re.compile(r"https://(unpkg\.com|cdn\.jsdelivr\.net|api\.github\.com|\$\{\w+\}/api/v4)/[^\"'`]*")


def keep_local(context: BuildContext) -> None:
    for source_map in context.site.rglob("*.map"):
        source_map.unlink()
    for unused in material.search_files(context.site):  # Material's search is off: nothing loads these
        shutil.rmtree(unused) if unused.is_dir() else unused.unlink()
    for bundle in material.bundles(context.site):
        text = REMOTE_LOADERS.sub(EMPTY_SCRIPT, bundle.read_text(encoding="utf-8"))
        text = re.sub(r"\n?//# sourceMappingURL=\S+", "", text)  # it pointed at a removed file
        bundle.write_text(text, encoding="utf-8")
