"""Open data: each plan as JSON (with its JSON Schema) and its tasks and targets as CSV, and the page
that documents them."""
from macros.core.feature import Feature, here

from .outputs import write_open_data
from .pages import data_page, data_pages

FEATURE = Feature(
    name="open_data",
    doc=__doc__,
    pages=data_pages,
    macros={"data_page": data_page},
    templates=here(__file__, "templates"),
    outputs=write_open_data,
)
