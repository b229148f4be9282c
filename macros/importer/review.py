"""The review list: everything the importer guessed or could not write, with the source line it came from.

Written twice, from the same items: ``import-review.md`` for people (rewritten at every import) and
``review.yaml`` (``open_items``) for the site: while a plan has open items its pages carry the mark
“导入待审核” and ``make release`` refuses it (macros/features/import_review). An editor deletes the items
they have checked, or the whole file once everything is reviewed.
"""
from __future__ import annotations

from .model import Review, SourceDocument
from .organizations import NewOrganization
from .yamlout import dump

REVIEW_FILE = "import-review.md"
REVIEW_DATA = "review.yaml"


def review_markdown(document: SourceDocument, plan_id: str, new_organizations: list[NewOrganization],
                    changes: list[str], counts: dict) -> str:
    items = sorted(document.review, key=lambda item: (item.line or 0))
    lines = [
        "---",
        f"plan: {plan_id}",
        f"source: {document.path}",
        f"sha256: {document.sha256}",
        f"format: {document.format}" + (f" ({document.encoding})" if document.encoding else ""),
        f"open_items: {len(items) + len(new_organizations)}",
        "---",
        "",
        f"# 导入待审核：{plan_id}",
        "",
        "这份清单由导入程序生成（`scripts/import_plan.py`），每次导入都会重写，不要在这里修改。",
        "逐项核对后修改 YAML 文件；官方原文以来源文件为准。",
        "",
        f"来源：`{document.path}`，{document.format}" + (f"，编码 {document.encoding}" if document.encoding else "")
        + f"，SHA-256 `{document.sha256}`。",
        "",
        "导入结果：" + "，".join(f"{name} {count}" for name, count in counts.items()) + "。",
        "",
    ]
    if changes:
        lines += ["## 与上次导入相比的改动", ""] + [f"- {change}" for change in changes] + [""]
    if new_organizations:
        lines += ["## 新建的单位（已加入 organizations.yaml，标有“导入待审核”）", "",
                  "全称和层级是推测的；笼统的说法（如“各街道”）可能不该算作单位。", ""]
        lines += [f"- 第 {org.line} 行：`{org.id}` {org.short_name} → 全称暂记为“{org.name}”"
                  + ("（笼统说法，不是具体单位）" if org.is_group else "") for org in new_organizations]
        lines.append("")
    lines += ["## 逐项核对", ""]
    lines += [format_item(item) for item in items]
    return "\n".join(lines) + "\n"


def open_items(document: SourceDocument, new_organizations: list[NewOrganization]) -> list[dict]:
    """The items of review.yaml: what to check, the source line, the importer's note."""
    items = [{"what": item.topic, "source_line": item.line, "note": item.message}
             for item in sorted(document.review, key=lambda item: (item.line or 0))]
    items += [{"what": "新单位", "source_line": org.line,
               "note": f"{org.id} {org.short_name} → 全称暂记为“{org.name}”，层级“{org.level}”、类别“{org.kind}”是推测的"
               + ("（笼统说法，不是具体单位）" if org.is_group else "")} for org in new_organizations]
    return items


def review_yaml(document: SourceDocument, plan_id: str, new_organizations: list[NewOrganization]) -> str:
    header = ["yaml-language-server: $schema=../../schema/review.schema.json",
              f"导入待审核（{plan_id}）：scripts/import_plan.py 从 {document.path}（SHA-256 {document.sha256[:16]}…）导入时推测的各项，"
              f"详见 {REVIEW_FILE}。",
              "核对并改好 YAML 后，删掉核对过的条目；全部核对完就删掉本文件。有条目时，本方案各页显示“导入待审核”，",
              "make release 不发布。"]
    return dump({"open_items": open_items(document, new_organizations)}, header)


def format_item(item: Review) -> str:
    where = f"第 {item.line} 行" if item.line else "全文"
    return f"- {where} · {item.topic} · {item.message}"


def terminal_summary(document: SourceDocument, new_organizations: list[NewOrganization], limit: int = 40) -> str:
    items = sorted(document.review, key=lambda item: (item.line or 0))
    shown = [format_item(item) for item in items[:limit]]
    if len(items) > limit:
        shown.append(f"- …另有 {len(items) - limit} 项，见 {REVIEW_FILE}")
    shown += [f"- 第 {org.line} 行 · 新单位 · {org.short_name}（{org.id}）" for org in new_organizations]
    return "\n".join(shown)
