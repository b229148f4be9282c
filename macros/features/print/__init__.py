"""Print: a print view of every page with a header that leads back online (QR code), the 打印 action,
A4 PDFs of the leaflets and of the source documents in official layout, and the downloads page."""
from macros.core.feature import Feature, here

from .pages import download_pages, downloads_page, file_sizes
from .pdfs import print_pdfs
from .print_header import add_print_header


def print_transform(page) -> None:
    """Its part of the one HTML pass: the print header of every page, the file sizes on the downloads page."""
    add_print_header(page)
    file_sizes(page)


FEATURE = Feature(
    name="print",
    doc=__doc__,
    pages=download_pages,
    macros={"downloads_page": downloads_page},
    templates=here(__file__, "templates"),
    assets=here(__file__, "assets"),
    outputs=print_pdfs,
    transform=print_transform,
)
