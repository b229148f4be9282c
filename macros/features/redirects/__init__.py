"""Redirects: an address that was published once keeps working (policy_data/redirects.yaml)."""
from macros.core.feature import Feature, FileSpec, here

from .checks import redirects_lead_to_pages
from .models import RedirectList
from .outputs import write_redirects

FEATURE = Feature(
    name="redirects",
    doc=__doc__,
    files=(FileSpec("redirects.yaml", RedirectList),),
    checks=(redirects_lead_to_pages,),
    templates=here(__file__, "templates"),
    outputs=write_redirects,
)
