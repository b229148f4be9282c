"""The data format page for editors, written out from the same models that validate the data."""
from macros.core.feature import Feature, here

from .render import data_format

FEATURE = Feature(name="data_format", doc=__doc__, macros={"data_format": data_format},
                  templates=here(__file__, "templates"))
