"""The theme: Material for MkDocs. Its overrides, its base stylesheet, and every step that depends on
Material's markup or built files (see material.py). Two entries of the feature list: the patches of
Material's files run before any feature's outputs, the compaction of the HTML after every transform."""
from macros.core.build_context import BuildContext
from macros.core.feature import Feature, here

from . import compact_html, material
from .compact_html import compact
from .local_only import keep_local

OVERRIDES = here(__file__, "overrides")


def patch_material(context: BuildContext) -> None:
    keep_local(context)


MATERIAL = Feature(
    name="theme",
    doc="Material's files made local (no other hosts). Its search plugin is off: the site has its own (features/search).",
    assets=here(__file__, "assets"),
    outputs=patch_material,
    transform=material.valid_markup,
)
COMPACT_HTML = Feature(name="compact_html", doc=compact_html.__doc__, transform=compact)
