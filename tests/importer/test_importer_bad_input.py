"""Bad input: a clear one-line error naming file, line, what was found and what is expected; exit 1; nothing written."""
from __future__ import annotations

import pytest
from tests.importer.support import FIXTURES, load, run_cli, snapshot

def minimal_pdf(extra_trailer: str = "", objects: tuple[str, ...] = ()) -> bytes:
    """A one-page PDF with no text, written by hand, with extra objects and trailer entries."""
    bodies = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
              "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>", *objects]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(bodies, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(bodies) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += f"trailer\n<< /Size {len(bodies) + 1} /Root 1 0 R {extra_trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def encrypted_pdf() -> bytes:
    """A PDF protected by a user password (standard security handler, RC4): it cannot be opened without it."""
    security = "<< /Filter /Standard /V 1 /R 2 /O <{}> /U <{}> /P -44 >>".format("ab" * 32, "cd" * 32)
    return minimal_pdf("/Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]",
                       (security,))


def scanned_pdf(path) -> None:
    from PIL import Image, ImageDraw
    image = Image.new("RGB", (620, 877), "white")
    ImageDraw.Draw(image).rectangle((60, 80, 560, 120), fill="black")  # a line of "print" as pixels
    image.save(path, "PDF")


CASES = {
    "empty.txt": (lambda p: p.write_bytes(b""), "empty.txt:1: found an empty file; expected the text of a plan"),
    "blank.txt": (lambda p: p.write_text("\n  \n\u3000\n", encoding="utf-8"), "found an empty file"),
    "scan.pdf": (scanned_pdf, "scan.pdf: found a PDF of 1 page(s) with no text layer (a scan); expected a PDF with "
                 "a text layer: the importer does no OCR"),
    "locked.pdf": (lambda p: p.write_bytes(encrypted_pdf()), "locked.pdf: found an encrypted PDF (it asks for a password)"),
    "broken.pdf": (lambda p: p.write_bytes(b"%PDF-1.4\nnot really"), "broken.pdf: found"),
    "plan.doc": (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512),
                 "plan.doc: found an old binary Word file (.doc); expected a .docx file: open it in Word or WPS and save it as .docx"),
    "renamed.docx": (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512), "found an old binary Word file (.doc)"),
    "notzip.docx": (lambda p: p.write_bytes(b"plain text, not a Word file"), "notzip.docx: found a file that is not a readable .docx"),
    "plan.odt": (lambda p: p.write_bytes(b"PK\x03\x04"), "plan.odt: found a .odt file; expected one of .docx, .pdf, .txt, .html"),
    "mixed.txt": (lambda p: p.write_bytes("一、总体要求\n".encode("utf-8") + "（一）加强领导。\n".encode("gb18030")),
                  "mixed.txt:2: found mixed encodings: line 1 is UTF-8 but line 2 is not; expected one encoding for the whole file"),
    "prose.txt": (lambda p: p.write_text("关于做好农民工工作的一些想法\n\n要把工作做好。\n\n要加强领导。\n", encoding="utf-8"),
                  "prose.txt:1: found no numbered structure (3 paragraphs, none of them numbered); expected a plan whose "
                  "parts and tasks are numbered 一、 （一） 1. (or a 任务分工表)"),
    "sections.txt": (lambda p: p.write_text("某县实施方案\n\n一、总体要求\n\n二、保障措施\n", encoding="utf-8"),
                     "sections.txt:3: found numbered headings but no tasks beneath them; expected tasks numbered 1. 2. …"),
    "empty.html": (lambda p: p.write_text("<html><body><div class='nav'>首页</div><script>x()</script></body></html>",
                                          encoding="utf-8"), "empty.html:1: found a web page with no text"),
    "headings.txt": (lambda p: p.write_text("某县实施方案\n\n（1）第一件事。\n\n（2）第二件事。\n", encoding="utf-8"),
                     "found no numbered structure (3 paragraphs, 2 of them numbered but only in deeper levels such as “（1）第一件事。…”)"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_is_refused_in_one_line_and_nothing_is_written(name, tmp_path, data_dir):
    make, expected = CASES[name]
    source = tmp_path / name
    make(source)
    before = snapshot(data_dir)
    run = run_cli(source, "--plan", "new-plan", "--data", data_dir)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert run.stderr.startswith("error: ") and expected in run.stderr, run.stderr
    assert snapshot(data_dir) == before


def test_path_that_does_not_exist(tmp_path, data_dir):
    run = run_cli(tmp_path / "nowhere.docx", "--plan", "new-plan", "--data", data_dir)
    assert run.returncode == 1 and "nowhere.docx: found no such file; expected the path of a .docx, .pdf" in run.stderr


def test_plan_id_that_is_not_a_slug(data_dir):
    run = run_cli(FIXTURES / "lishan-2023.txt", "--plan", "立山", "--data", data_dir)
    assert run.returncode == 1 and "--plan: found '立山'; expected a plan id of lower-case ASCII letters" in run.stderr


def test_existing_plan_is_not_overwritten_without_force(seed_path, tmp_path, data_dir):
    """daye-2023 exists (hand-made): importing a changed seed over it shows the diff and stops."""
    changed = tmp_path / "changed.txt"
    changed.write_text(seed_path.read_text(encoding="utf-8").replace("努力将农民工稳在当地。", "努力将农民工稳在本地。"),
                       encoding="utf-8")
    before = snapshot(data_dir)
    run = run_cli(changed, "--plan", "daye-2023", "--data", data_dir)
    assert run.returncode == 1
    assert "found plan 'daye-2023' already exists and the new version changes" in run.stderr
    assert "expected --force (make import … FORCE=1)" in run.stderr
    assert "--- a/" in run.stdout and "+++ b/" in run.stdout  # the diff is shown
    assert "-    text: \"完善重点企业用工保障机制" in run.stdout and "稳在本地" in run.stdout
    assert "任务 t03 的原文有改动：“…将农民工稳在当地。” → “…将农民工稳在本地。”" in run.stdout or "t03 的原文有改动" in run.stdout
    assert snapshot(data_dir) == before


def test_re_importing_the_seed_over_the_hand_made_plan_changes_nothing(seed_path, data_dir):
    """The hand-made daye-2023 and an import of its source agree: nothing to write, nothing written."""
    before = snapshot(data_dir)
    run = run_cli(seed_path, "--plan", "daye-2023", "--data", data_dir)
    assert run.returncode == 0, run.stderr
    assert "与来源文件一致，没有改动" in run.stdout
    assert snapshot(data_dir) == before


def test_missing_arguments_are_a_usage_error(data_dir):
    run = run_cli("--data", data_dir)
    assert run.returncode == 2 and "SOURCE and --plan are required" in run.stderr


def test_a_truncated_copy_imports_what_it_has_and_flags_the_last_task(seed_path, tmp_path, data_dir):
    text = seed_path.read_text(encoding="utf-8")
    cut = text[: text.index("件，依法保障农民工劳动报酬权益")]  # stops inside task 16, before the units of part (三)
    source = tmp_path / "cut.txt"
    source.write_text(cut, encoding="utf-8")
    run = run_cli(source, "--plan", "cut-plan", "--data", data_dir)
    assert run.returncode == 0, run.stderr
    tasks_file = data_dir / "plans" / "cut-plan" / "tasks.yaml"
    tasks = load(tasks_file)["tasks"]
    assert [t["number"] for t in tasks] == list(range(1, 17))
    assert tasks[-1]["text"].endswith("及时有效查处拖欠农民工工资案")
    assert "导入待审核：文件在这一项中间结束" in tasks_file.read_text(encoding="utf-8")
    assert "不完整 · 文件在“16.维护农民工合法权益" in run.stdout


def test_unexpected_failure_is_one_line_not_a_traceback(tmp_path, data_dir):
    (data_dir / "organizations.yaml").write_text("organizations: [\n", encoding="utf-8")  # unreadable YAML
    run = run_cli(FIXTURES / "lishan-2023.txt", "--plan", "x", "--data", data_dir)
    assert run.returncode == 1 and "Traceback" not in run.stderr and run.stderr.startswith("error: ")
