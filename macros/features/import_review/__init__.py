"""Import review: a plan imported by scripts/import_plan.py carries ``plans/<id>/review.yaml`` with the
items nobody has checked yet (``open_items``). While it has any, every page of the plan shows the mark
“导入待审核” in the announce bar (``page.meta.pp_review``, theme/overrides/partials/review.html), and a
release build (scripts/build.py --release, make release) refuses to publish, listing the items. Deleting
the checked items, or the file, clears the mark."""
from macros.core.feature import Feature, FileSpec, here

from .models import ReviewList
from .queries import REVIEW_FILE, open_items, release_problems, review_mark

FEATURE = Feature(
    name="import_review",
    doc=__doc__,
    files=(FileSpec(REVIEW_FILE, ReviewList, per_plan=True),),
    page_meta=review_mark,
    assets=here(__file__, "assets"),
)

__all__ = ["FEATURE", "open_items", "release_problems"]
