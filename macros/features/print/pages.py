"""The downloads page: every PDF the build makes, and the page each one prints."""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from macros.core import urls
from macros.core.as_of import information_date
from macros.core.catalog import Catalog
from macros.core.formats import chinese_date
from macros.core.render import Renderer
from macros.core.site_map import NavEntry, Page, call, page_file
from macros.features.leaflets.queries import leaflet_list


@dataclass(frozen=True)
class Download:
    kind: str  # "leaflet" or "document"
    url: str  # site path of the PDF
    page: str  # site path of the page it prints
    title: str
    note: str


def downloads(catalog: Catalog) -> list[Download]:
    """Every PDF the build writes: leaflets, then each plan's text and source documents."""
    result = [
        Download("leaflet", urls.leaflet_pdf(entry.id), urls.leaflet(entry.id), entry.title,
                 f"写给{entry.audience}")
        for entry in leaflet_list(catalog)
    ]
    for bundle in catalog.plans.values():
        plan = bundle.plan
        result.append(Download("document", urls.document_pdf(plan.id, "plan-text"), urls.plan_text(plan.id),
                               plan.title, f"方案全文 · {bundle.status.label} · 公文格式"))
        for document in bundle.documents:
            result.append(Download("document", urls.document_pdf(plan.id, document.id),
                                   urls.document(plan.id, document.id), document.title,
                                   f"{document.short_title} · {bundle.document_status(document).label} · 公文格式"))
    return result


def downloads_page(r: Renderer) -> Markup:
    return r.render("downloads.html", downloads=downloads(r.catalog),
                    as_of=chinese_date(information_date(r.catalog)))


def download_pages(catalog: Catalog) -> tuple[list[Page], list[NavEntry]]:
    page = Page(page_file(urls.downloads()), "下载和打印", call("downloads_page"))
    return [page], [page.file]


def file_sizes(page) -> None:
    """On the downloads page, each file's format and size (the PDFs exist once the outputs ran, before the
    one HTML pass): "PDF，346 KB". Without the file (outputs skipped) the cell keeps saying "PDF"."""
    if page.path != urls.downloads():
        return
    for cell in page.tree.xpath("//*[@data-pp-file]"):
        target = page.context.site / cell.get("data-pp-file")
        del cell.attrib["data-pp-file"]
        if target.is_file():
            size = target.stat().st_size
            cell.text = f"PDF，{size / 1024:.0f} KB" if size < 1024 * 1024 else f"PDF，{size / 1024 / 1024:.1f} MB"
