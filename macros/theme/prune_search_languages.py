"""Remove the search language packs that the site's search never loads.

Material ships lunr support for 30 languages; the search worker loads only the configured ones
(plus a stemmer base, and a segmenter for ja/hi/th). Fewer files to publish, mirror and audit.
"""
from __future__ import annotations

import json
from macros.core.build_context import BuildContext, StepFailed

from . import material

SEGMENTERS = {"ja": "tinyseg.js", "hi": "wordcut.js", "th": "wordcut.js"}


def prune_search_languages(context: BuildContext) -> None:
    index = context.site / material.SEARCH_INDEX
    lunr = context.site / material.LUNR
    if not index.exists() or not lunr.is_dir():
        raise StepFailed("the search index or the lunr folder is missing; is the search plugin on?")
    languages = json.loads(index.read_text(encoding="utf-8"))["config"]["lang"]
    keep = {"min/lunr.stemmer.support.min.js", *(f"min/lunr.{lang}.min.js" for lang in languages)}
    keep |= {SEGMENTERS[lang] for lang in languages if lang in SEGMENTERS}
    if len(languages) > 1:
        keep.add("min/lunr.multi.min.js")
    for path in lunr.rglob("*.js"):
        if str(path.relative_to(lunr)) not in keep:
            path.unlink()
