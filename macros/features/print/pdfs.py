"""Print the leaflets and the source documents to PDF with WeasyPrint (A4, fonts embedded).

Leaflets use Noto Sans CJK SC (Debian fonts-noto-cjk) at a large size and must fit on one sheet printed
on both sides (two pages): a longer one stops the build. Source documents follow GB/T 9704 in the Fandol
fonts of TeX Live (Debian texlive-lang-chinese: 仿宋, 宋, 黑, 楷); without them, Noto Serif CJK SC.
Each PDF carries a QR code of its page's canonical URL.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import sys
import time
from importlib.metadata import version
from pathlib import Path

from markupsafe import Markup

from macros.core import urls
from macros.core.as_of import information_date
from macros.core.build_context import BuildContext, StepFailed
from macros.core.formats import chinese_date
from macros.features.leaflets import queries

from .qr import qr_svg

LEAFLET_MAX_PAGES = 2
FANDOL_DIRS = [Path("/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"),
               Path("/usr/share/fonts/opentype/fandol")]
FANDOL = [("PP Fang", 400, "FandolFang-Regular.otf"), ("PP Song", 400, "FandolSong-Regular.otf"),
          ("PP Song", 700, "FandolSong-Bold.otf"), ("PP Hei", 400, "FandolHei-Regular.otf"),
          ("PP Hei", 700, "FandolHei-Bold.otf"), ("PP Kai", 400, "FandolKai-Regular.otf")]
CACHE = Path(__file__).resolve().parents[3] / ".build" / "pdf-cache"


def font_faces() -> Markup:
    """@font-face rules for the Fandol fonts that are installed (the stacks fall back to Noto CJK)."""
    rules = []
    for family, weight, name in FANDOL:
        path = next((d / name for d in FANDOL_DIRS if (d / name).exists()), None)
        if path:
            rules.append(f'@font-face {{ font-family: "{family}"; font-weight: {weight}; src: url("{path.as_uri()}"); }}')
    if len(rules) < len(FANDOL):
        print("print_pdfs: the Fandol fonts (Debian texlive-lang-chinese) are missing; the official text is "
              "set in Noto Serif CJK SC instead of 仿宋", file=sys.stderr)
    return Markup("\n".join(rules))


def _write(source: str, target: Path, faces: str) -> tuple[int, bool]:
    """Render ``source`` to ``target``: its number of pages, and whether it came from the cache. A PDF whose source, fonts and WeasyPrint are
    unchanged is copied from the cache (.build/pdf-cache/): WeasyPrint output is byte-for-byte repeatable."""
    fonts = [Path(url) for url in re.findall(r'url\("file://([^"]+)"\)', faces)]
    stamp = "".join(f"{font}:{font.stat().st_size}:{font.stat().st_mtime_ns}" for font in fonts)
    key = hashlib.sha256(f"{version('weasyprint')}\n{stamp}\n{source}".encode()).hexdigest()[:32]
    target.parent.mkdir(parents=True, exist_ok=True)
    cached = next(CACHE.glob(f"{key}-*.pdf"), None) if CACHE.is_dir() else None
    if cached:
        shutil.copyfile(cached, target)
        os.utime(cached)  # recently used
        return int(cached.stem.rsplit("-", 1)[1]), True
    import weasyprint  # only when something is to be drawn: importing it takes most of a second

    document = weasyprint.HTML(string=source, base_url=str(target.parent)).render()
    document.write_pdf(target)
    pages = len(document.pages)
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = CACHE / f"{key}.{os.getpid()}.tmp"  # builds may run side by side
    shutil.copyfile(target, partial)
    os.replace(partial, CACHE / f"{key}-{pages}.pdf")
    return pages, False


def _prune_cache(days: int = 14) -> None:
    cutoff = time.time() - days * 86400
    for entry in CACHE.glob("*.pdf") if CACHE.is_dir() else []:
        if entry.stat().st_mtime < cutoff:
            entry.unlink(missing_ok=True)


def print_pdfs(context: BuildContext) -> None:
    if not context.site_url:
        raise StepFailed("no site_url: set SITE_URL so the PDFs can link back to their pages")
    started = time.perf_counter()
    catalog, site, site_name, renderer = context.catalog, context.site, context.site_name, context.render_at("")
    as_of = chinese_date(information_date(catalog))
    faces = font_faces()
    made = []

    def page_of(path: str) -> dict:
        url = renderer.canonical(path)
        return {"url": url, "qr": qr_svg(url, "网页版的二维码"), "as_of": as_of, "site_name": site_name,
                "font_faces": faces}

    for leaflet in queries.leaflet_list(catalog):
        source = renderer.render("print/leaflet_pdf.html", **queries.leaflet_view(catalog, leaflet.id),
                                 **page_of(urls.leaflet(leaflet.id)))
        target = site / urls.leaflet_pdf(leaflet.id)
        pages, cached = _write(source, target, faces)
        if pages > LEAFLET_MAX_PAGES:
            raise StepFailed(f"leaflet {leaflet.id!r} prints on {pages} pages; at most {LEAFLET_MAX_PAGES} "
                             "(one sheet, both sides): shorten it in policy_data/leaflets.yaml")
        made.append((target, pages, cached))
    for bundle in catalog.plans.values():
        plan = bundle.plan
        documents = [(None, urls.plan_text(plan.id), "plan-text", plan.title, plan.metadata)]
        documents += [(d, urls.document(plan.id, d.id), d.id, d.title, d.metadata) for d in bundle.documents]
        for document, page, document_id, title, metadata in documents:
            source = renderer.render("print/official_pdf.html", plan=plan, outline=bundle.outline(), document=document,
                                     title=title, metadata=metadata,
                                     status=bundle.document_status(document) if document else bundle.status,
                                     **page_of(page))
            target = site / urls.document_pdf(plan.id, document_id)
            made.append((target, *_write(source, target, faces)))
    _prune_cache()
    elapsed = time.perf_counter() - started
    summary = ", ".join(f"{target.name} {pages} p. {target.stat().st_size // 1024} KB" for target, pages, _ in made[:12])
    summary += ", …" if len(made) > 12 else ""
    reused = sum(cached for *_, cached in made)
    print(f"print_pdfs: {len(made)} PDFs ({reused} unchanged, from .build/pdf-cache) in {elapsed:.1f} s: {summary}",
          file=sys.stderr)
