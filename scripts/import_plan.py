#!/usr/bin/env python3
"""Import a plan from the document a government has: .docx, .pdf (with a text layer), .txt, saved .html.

    python scripts/import_plan.py SOURCE --plan PLAN_ID [--data policy_data] [--force] [--dry-run]
    python scripts/import_plan.py --benchmark [--pages 30]
    python scripts/import_plan.py SOURCE --plan EXISTING --new-version ID --label 名称 --date YYYY-MM-DD [--note …]
        [--previous-version ID --previous-label 名称 --previous-date YYYY-MM-DD]   (a new version of a plan)

Writes policy_data/plans/<PLAN_ID>/ (plan.yaml, tasks.yaml, documents.yaml, import-review.md) after the
project's validator accepts it, and prints the review list. Re-importing into an existing plan shows a diff
and writes only with --force; hand-written fields and files (explanations.yaml, …) are kept.
Exit status: 0 written (or nothing to change), 1 bad input or refused, 2 wrong command line.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.importer import ImportProblem, NeedsForce, import_plan, prepare  # noqa: E402
from macros.importer.review import REVIEW_FILE, terminal_summary  # noqa: E402
from scripts import import_version_options as versions  # noqa: E402


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source", nargs="?", type=Path, help="the .docx, .pdf, .txt or .html file")
    parser.add_argument("--plan", help="the new plan's id, e.g. xianning-2024 (lower-case letters, digits, hyphens)")
    parser.add_argument("--data", type=Path, default=ROOT / "policy_data", help="the policy_data folder")
    parser.add_argument("--force", action="store_true", help="re-import: write the changes shown in the diff")
    parser.add_argument("--dry-run", action="store_true", help="show what would be written, write nothing")
    parser.add_argument("--benchmark", action="store_true", help="time the import of a generated long document")
    versions.add_options(parser)
    parser.add_argument("--pages", type=int, default=30, help="pages of the benchmark document (default 30)")
    args = parser.parse_args(argv)
    if args.benchmark:
        return benchmark(args.pages)
    if args.source is None or not args.plan:
        parser.error("SOURCE and --plan are required (make import SOURCE=<file> PLAN=<plan-id>)")
    try:
        result = (versions.run(args, parser) if args.new_version else
                  import_plan(args.source, args.plan, args.data, force=args.force, dry_run=args.dry_run))
    except NeedsForce as refused:
        report = refused.result
        print(report.diff, end="")
        print("\n".join(["", f"重新导入 {report.plan_id} 的改动："] + [f"- {c}" for c in report.changes]))
        print(f"error: {refused}", file=sys.stderr)
        return 1
    except ImportProblem as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    except Exception as error:  # never a traceback for an editor: say what to send to the developers
        print(f"error: {args.source}: found an unexpected problem ({type(error).__name__}: {error}); "
              "expected to import it — please send this file and message to the site's developers", file=sys.stderr)
        return 1
    print(terminal_summary(result.document, result.new_organizations))
    if result.diff:
        print(result.diff, end="")
    for change in result.changes:
        print(f"- 改动：{change}")
    counts = "，".join(f"{name} {count}" for name, count in result.counts.items())
    if result.reimport and not result.changes and not result.diff:
        print(f"{result.plan_dir}: 与来源文件一致，没有改动。")
    elif result.written:
        print(f"{result.plan_dir}: 已写入（{counts}）。请逐项核对 {result.plan_dir / REVIEW_FILE}。")
    else:
        print(f"{result.plan_dir}: 试运行，没有写入（{counts}）。")
    return 0


CHARACTERS_PER_PAGE = 600  # an A4 page of an official document (GB/T 9704): 22 lines of 28 characters


def benchmark(pages: int) -> int:
    """Times the import of a generated plan of ``pages`` A4 pages, as text and as a PDF (made with WeasyPrint)."""
    text = benchmark_document(pages)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        sources = [folder / "benchmark.txt", folder / "benchmark.pdf"]
        sources[0].write_text(text, encoding="utf-8")
        benchmark_pdf(text, sources[1])
        for source in sources:
            data = folder / f"policy_data-{source.suffix[1:]}"
            shutil.copytree(ROOT / "policy_data", data)
            started = time.perf_counter()
            result = prepare(source, "benchmark", data)
            prepared = time.perf_counter() - started
            started = time.perf_counter()
            import_plan(source, "benchmark", data)
            written = time.perf_counter() - started
            print(f"{source.suffix[1:]}: {pages}-page plan ({len(text)} characters, {result.counts['任务']} tasks, "
                  f"{result.counts['部分']} parts): {prepared:.2f} s to read, structure, match units and make the YAML; "
                  f"{written:.2f} s including writing and the project's validator (scripts/validate.py)")
    return 0


def benchmark_pdf(text: str, path: Path) -> None:
    import html

    from weasyprint import HTML
    body = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip() and not line.startswith("—"))
    HTML(string=f"""<html><head><style>@page {{ size: A4; margin: 37mm 26mm 35mm 28mm;
        @bottom-center {{ content: "— " counter(page) " —" }} }}
        body {{ font: 16pt/28pt "Noto Serif CJK SC" }} p {{ margin: 0; text-indent: 2em }}</style></head>
        <body>{body}</body></html>""").write_pdf(path)


def benchmark_document(pages: int) -> str:
    """A plan shaped like a county's: parts, numbered tasks with 牵头单位/配合单位 lines, deadlines, page numbers."""
    units = ["县人社局", "县发改局", "县财政局", "县教育局", "县住建局", "县农业农村局", "县医保局", "县总工会"]
    lines = ["县人民政府办公室文件", "", "县促进农民工高质量就业实施方案", "", "为做好农民工就业工作，结合我县实际，制定本方案。", "",
             "一、总体目标", "", "到2025年，全县农民工就业质量明显提升。", "", "二、重点任务", ""]
    task = part = 0
    while sum(map(len, lines)) < pages * CHARACTERS_PER_PAGE:
        part += 1
        lines += [f"（{_chinese(part)}）第{_chinese(part)}方面重点工作", ""]
        for _ in range(4):
            task += 1
            lead, support = units[task % len(units)], units[(task + 3) % len(units)]
            lines += [f"{task}.推进第{task}项工作。围绕第{task}项工作深入推进就业服务质量提升工程，把政策咨询、就业失业登记、"
                      f"职业介绍等服务覆盖全体城乡劳动者，2024年{task % 12 + 1}月底前全县新增城镇就业不少于{task * 10}人。"
                      f"长期坚持开展第{task}项服务，每季度通报一次进展，确保第{task}项工作取得实效。", "",
                      f"牵头单位：{lead}", f"配合单位：{support}、各乡镇人民政府", ""]
        lines += [f"— {part} —", ""]
    lines += ["三、工作要求", "", "（一）加强组织领导。各单位要落实责任。", ""]
    return "\n".join(lines)


def _chinese(value: int) -> str:
    digits = "零一二三四五六七八九"
    if value < 10:
        return digits[value]
    tens, ones = divmod(value, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
