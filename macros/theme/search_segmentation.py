"""Let Material's search read the last character of a Chinese query.

Material's search worker cuts a Chinese query into the words of its index (``segment`` in
``integrations/search/query/segment``). Its loop stops one character short: ``j < query.length``
never tries a word that ends at the end of the query, so 工伤 is searched as 工* (every word
beginning with 工), 交社保 loses 保, and the last word of every query is cut. This step changes the two
bounds in the built worker so the whole query is read. If the worker no longer has this code (a new
Material release), the build stops here so the fix can be checked again, not silently dropped.
"""
from __future__ import annotations

from macros.core.build_context import BuildContext, StepFailed

from . import material

FIXES = [
    # every word that starts at s, up to and including the last character
    ("for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)",
     "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)"),
    # carry on with the word that starts at the last character, too
    ("n[a]&&a<t.length-1&&(i[s++]=a)", "n[a]&&a<t.length&&(i[s++]=a)"),
]


def fix_query_segmentation(context: BuildContext) -> None:
    for worker in material.search_workers(context.site):
        text = worker.read_text(encoding="utf-8")
        for old, new in FIXES:
            if text.count(old) != 1:
                raise StepFailed(f"{worker.name}: the query segmentation code has changed; check the fix in "
                                 f"macros/theme/search_segmentation.py against this Material version")
            text = text.replace(old, new)
        worker.write_text(text, encoding="utf-8")
