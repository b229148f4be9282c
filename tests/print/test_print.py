"""Print: leaflet and official-text PDFs, QR codes that lead back, the print view of a page, the 打印 action.

PDFs are read with poppler-utils (pdfinfo, pdffonts, pdftotext, pdftoppm) and QR codes decoded with
zbar-tools (zbarimg), the tools a person would use; pages are printed by headless Chromium.
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.support import page_html
from macros.features.leaflets import queries
from macros.features.print.pages import downloads
from macros.core import urls
from macros.core.load import DataErrors
from tests.support import load_catalog
from macros.core.models import squash

TOFU = "\ufffd\u25a1\u25af\u2610"  # replacement character and the boxes of missing glyphs


def run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def pdf_pages(pdf: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", str(pdf)), re.M).group(1))


def pdf_text(pdf: Path) -> str:
    return run("pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-")  # in the order it is set


def pdf_fonts(pdf: Path) -> list[tuple[str, str]]:
    """(font name, embedded yes/no) of every font of the PDF."""
    lines = run("pdffonts", str(pdf)).splitlines()[2:]
    return [(line.split()[0], line.split()[-5]) for line in lines if line.strip()]


def qr_codes(pdf: Path, tmp_path: Path) -> list[str]:
    """Every QR code on every page, rendered at 150 dpi as a printer would."""
    prefix = tmp_path / pdf.stem
    run("pdftoppm", "-r", "150", "-png", str(pdf), str(prefix))
    codes = []
    for image in sorted(tmp_path.glob(pdf.stem + "*.png")):
        result = subprocess.run(["zbarimg", "-q", "--raw", str(image)], capture_output=True, text=True)
        codes += [line for line in result.stdout.splitlines() if line]
    return codes


def flat(text: str) -> str:
    return squash(text)


# ---------------------------------------------------------------- leaflets


def leaflet_ids() -> list[str]:
    from tests.support import ROOT

    return [leaflet.id for leaflet in queries.leaflet_list(load_catalog(ROOT / "policy_data"))]


ISSUE_LEAFLETS = {  # the four leaflets the issue asks for, and what each must cover
    "wages-rights": ("工资", "合同", "社保", "仲裁"),
    "jobs-skills": ("找工作", "技能", "培训"),
    "settling-in": ("住房", "上学", "落户"),
    "returnee-business": ("返乡创业",),
}


def test_the_leaflets_of_the_issue(catalog):
    for leaflet_id, words in ISSUE_LEAFLETS.items():
        leaflet = queries.leaflet(catalog, leaflet_id)
        text = leaflet.title + "".join(point for section in leaflet.sections for point in section.points)
        text += "".join(section.heading for section in leaflet.sections)
        for word in words:
            assert word in text, f"leaflet {leaflet_id} does not cover {word}"


@pytest.mark.parametrize("leaflet_id", leaflet_ids())
def test_leaflet_pdf(site, catalog, base_url, tmp_path, leaflet_id):
    view = queries.leaflet_view(catalog, leaflet_id)
    pdf = site / urls.leaflet_pdf(leaflet_id)
    assert pdf.is_file(), f"{urls.leaflet_pdf(leaflet_id)} was not built"
    assert 1 <= pdf_pages(pdf) <= 2, "a leaflet is one sheet printed on both sides at most"
    fonts = pdf_fonts(pdf)
    assert fonts and all(embedded == "yes" for _, embedded in fonts), f"fonts not all embedded: {fonts}"
    text = pdf_text(pdf)
    body = flat(text)
    assert flat(view["leaflet"].title) in body
    for task in view["tasks"]:
        assert flat(f"第{task.number}项{task.title}") in body, f"task {task.id} is not on the leaflet"
    for contact in view["contacts"]:
        assert flat(contact.name) in body
    for question in view["questions"]:
        assert flat(question.question) in body
    assert "征求意见稿" in body and "待公布" in body
    assert not any(char in text for char in TOFU), "the PDF has replacement characters or boxes"
    assert len(re.findall(r"[\u4e00-\u9fff]", text)) > 300, "the Chinese text did not come through"
    assert qr_codes(pdf, tmp_path) == [base_url + urls.leaflet(leaflet_id)]


def test_leaflet_page_links_its_pdf_and_tasks(site, catalog):
    for leaflet in queries.leaflet_list(catalog):
        html = page_html(site, urls.leaflet(leaflet.id))
        assert f'href="../../downloads/leaflet-{leaflet.id}.pdf"' in html
        assert "pp-action--pdf" in html, "the page actions offer the PDF"
        for section in leaflet.sections:
            for task_id in section.tasks:
                assert f'href="../../plans/{leaflet.plan}/tasks/{task_id}/"' in html


def test_downloads_page_lists_every_pdf(site, catalog):
    html = page_html(site, urls.downloads())
    listed = downloads(catalog)
    assert len(listed) >= 4 + 3
    for item in listed:
        link = urls.relative(item.url, urls.downloads())
        assert f'href="{link}"' in html, f"{item.url} is not linked from the downloads page"
        assert (site / item.url).is_file(), f"{item.url} is linked but was not built"


# ---------------------------------------------------------------- the official text (GB/T 9704)


def official_pdfs(catalog) -> list[tuple[str, Path]]:
    result = []
    for bundle in catalog.plans.values():
        result.append((urls.plan_text(bundle.id), Path(urls.document_pdf(bundle.id, "plan-text"))))
        result += [(urls.document(bundle.id, d.id), Path(urls.document_pdf(bundle.id, d.id))) for d in bundle.documents]
    return result


def test_official_pdfs_in_official_layout(site, catalog, base_url, tmp_path):
    bundle = catalog.plan("daye-2023")
    documents = official_pdfs(catalog)
    assert len(documents) == 3, "the plan, the consultation letter and the notice"
    for page, relative in documents:
        pdf = site / relative
        info = run("pdfinfo", str(pdf))
        assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info), info
        fonts = pdf_fonts(pdf)
        assert all(embedded == "yes" for _, embedded in fonts), fonts
        assert any("Fang" in name for name, _ in fonts), f"no 仿宋 font (texlive-lang-chinese): {fonts}"
        text = pdf_text(pdf)
        assert not any(char in text for char in TOFU)
        assert "征求意见" in text and re.search(r"^—\s*1\s*—$", text, re.M), "status and GB/T page numbers"
        assert qr_codes(pdf, tmp_path) == [base_url + page]
    margins = re.compile(r"—\d+—|" + re.escape(flat(bundle.status.label)))
    plan_text = margins.sub("", flat(pdf_text(site / documents[0][1])))  # page numbers and running heads
    for task in bundle.tasks:
        assert flat(f"{task.number}. {task.title}。{task.text}") in plan_text, f"task {task.id} is not verbatim"
    for requirement in bundle.plan.requirements:
        assert flat(requirement.text) in plan_text


def test_official_pdf_follows_gbt_9704(site):
    """Body 三号 (16 pt) 仿宋 in lines of 28 characters, title 二号 (22 pt), 订口 28 mm: read back from the PDF."""
    pdf = site / urls.document_pdf("daye-2023", "plan-text")
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
                       run("pdftotext", "-f", "1", "-l", "2", "-bbox", str(pdf), "-"))
    sizes = {round(float(y1) - float(y0)) for _, y0, _, y1, _ in words}
    assert {16, 22} <= sizes, sorted(sizes)
    left = min(float(x0) for x0, *_ in words)
    assert abs(left - 28 * 72 / 25.4) < 1, f"the left margin is {left * 25.4 / 72:.1f} mm, not 28 mm"
    title_top = next(float(y0) for _, y0, _, _, text in words if text.startswith("关于实施"))
    half_leading = 22 * (1.45 - 1) / 2
    assert abs(title_top - half_leading - 37 * 72 / 25.4) < 1, "the text area starts 37 mm from the top (天头)"
    longest = max(len(text) for *_, text in words if text.isascii() is False and not re.search(r"[ -~]", text))
    assert longest == 28, f"the longest line of full-width characters has {longest}, not 28"


# ---------------------------------------------------------------- the print view of any page


def test_every_page_has_a_print_header_with_its_canonical_url(site, base_url):
    pages = [p for p in site.rglob("index.html") if 'class="md-content__inner' in p.read_text(encoding="utf-8")]
    assert len(pages) > 40
    for page in pages:
        html = page.read_text(encoding="utf-8")
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
        path = page.parent.relative_to(site).as_posix()
        assert canonical == base_url + ("" if path == "." else path + "/")
        assert html.count('class="pp-print-only pp-print-header"') == 1, f"{path}: no print header"
        header = html.split('class="pp-print-only pp-print-header"', 1)[1].split('</svg></div>', 1)[0]
        assert f'<p class="pp-print-url">{canonical}</p>' in header
        assert "征求意见稿" in header and "信息截至" in header and '<svg viewbox' in header.lower()


def test_task_page_printed_by_chromium(server, page, catalog, tmp_path):
    bundle = catalog.plan("daye-2023")
    task, after = bundle.task("t13"), bundle.task("t14")
    url = server + urls.task("daye-2023", task.id)
    page.goto(url)
    pdf = tmp_path / "task.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = pdf_text(pdf)
    body = flat(text)
    assert flat(task.text) in body, "the official text of the task"
    assert url in text, "the page's URL"
    assert "征求意见稿" in body and "信息截至" in body
    if catalog.shared_files.get("glossary.yaml"):  # glossary marks (issue 3) print as numbered notes
        assert "本页词语解释" in body, "glossary terms are printed with their definitions"
    # None of the navigation: the next task appears only in the navigation and the pager.
    assert after.title not in body
    for chrome in ("跳转至", "搜索", "主办单位", "上一项", "下一项", "复制链接"):
        assert chrome not in body, f"{chrome!r} (navigation or page chrome) was printed"
    assert "打印" not in body, "the print action itself is printed"
    assert qr_codes(pdf, tmp_path) == [url]
    assert 1 <= pdf_pages(pdf) <= 4


def test_collapsed_content_is_printed_open(server, page, tmp_path):
    page.goto(server + urls.task("daye-2023", "t01"))
    page.evaluate("""() => document.querySelector('article').insertAdjacentHTML('beforeend',
        '<details><summary>更多</summary><p>收起来的内容也要印出来</p></details>')""")
    pdf = tmp_path / "details.pdf"
    page.pdf(path=str(pdf), format="A4")
    assert "收起来的内容也要印出来" in flat(pdf_text(pdf))


def test_print_action_with_and_without_javascript(server, browser):
    url = server + urls.task("daye-2023", "t01")
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    page.goto(url)
    button = page.locator("[data-pp-print]")
    assert button.is_visible() and button.inner_text() == "打印"
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    button.click()
    assert page.evaluate("() => window.__printed") == 1
    page.emulate_media(media="print")
    assert not button.is_visible(), "the print action must not appear on paper"
    assert errors == []
    context.close()

    context = browser.new_context(locale="zh-CN", java_script_enabled=False)
    page = context.new_page()
    page.goto(server + urls.leaflet("wages-rights"))
    assert not page.locator("[data-pp-print]").is_visible(), "without JavaScript the button would do nothing"
    assert page.locator(".pp-action--hint").is_visible(), "without JavaScript the browser's print menu is named"
    assert page.locator(".pp-action--pdf").is_visible()
    context.close()


# ---------------------------------------------------------------- leaflet data is checked


def _errors(root: Path) -> str:
    with pytest.raises(DataErrors) as caught:
        load_catalog(root)
    return caught.value.report()


def test_leaflet_data_errors_name_file_line_and_field(data_copy):
    leaflets = data_copy / "leaflets.yaml"
    text = leaflets.read_text(encoding="utf-8")
    bad = (text.replace("到2023年底，这类项目占50%以上", "到2023年底，这类项目占60%以上", 1)
               .replace('tasks: ["t14"]', 'tasks: ["t99"]', 1)
               .replace('contacts: ["rsj", "zjj", "gaj", "ybj", "zgh"]', 'contacts: ["rsj", "jyj"]', 1)
               .replace('"boss-not-paying"', '"no-such-question"', 1))
    assert bad.count("60%") == 1
    leaflets.write_text(bad, encoding="utf-8")
    report = _errors(data_copy)
    figure_line = text[: text.index("这类项目占50%以上")].count("\n") + 1
    task_line = text[: text.index('tasks: ["t14"]')].count("\n") + 1
    assert f"leaflets.yaml:{figure_line}: leaflets[0].sections[0].points[1]: found '60'" in report
    assert f"leaflets.yaml:{task_line}: leaflets[0].sections[1].tasks[0]: found 't99'" in report
    assert "leaflets[0].contacts[1]: found 'jyj'; expected a unit responsible for one of the leaflet's tasks" in report
    if (data_copy / "questions.yaml").exists():
        assert "leaflets[0].questions[0]: found 'no-such-question'" in report
