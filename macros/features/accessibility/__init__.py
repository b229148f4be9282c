"""Accessibility and older readers: the bar of reading aids (大字, 高对比, 朗读正文) on every page. Its markup
is a theme override (macros/theme/overrides/partials/access.html)."""
from macros.core.feature import Feature, here

FEATURE = Feature(name="accessibility", doc=__doc__, assets=here(__file__, "assets"))
