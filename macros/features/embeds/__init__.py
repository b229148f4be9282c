"""Embeds: task and department cards that departments can show on their own sites in an iframe."""
from macros.core.feature import Feature, here

from .outputs import write_embeds

FEATURE = Feature(
    name="embeds",
    doc=__doc__,
    templates=here(__file__, "templates"),
    outputs=write_embeds,
)
