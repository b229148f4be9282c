"""Permalinks: 复制链接, 引用 and 嵌入 controls on every citable page and target, and the
首次发布 / 最近更新 line of every page the change log names."""
from macros.core.feature import Feature, here

from .page_dates import add_page_dates
from .render import permalink

FEATURE = Feature(
    name="permalinks",
    doc=__doc__,
    template_globals={"permalink": permalink},
    templates=here(__file__, "templates"),
    assets=here(__file__, "assets"),
    transform=add_page_dates,
)
