"""Map the document model onto the current schema (plan.yaml, tasks.yaml, documents.yaml).

Official text goes in verbatim. Fields the schema requires but the source does not have get the marker
``（原文无）`` and a review item; what the schema cannot hold yet (a deadline with no machine value, a
printed task number that differs from the running number, 配合 beyond ``lead``) goes to the review list
with its source line — never into the official text.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Optional

from .metadata import HEADER, Metadata, read_metadata
from .model import Block, Line, SourceDocument, Units
from .organizations import Matcher, NewOrganization
from .phrases import clauses, deadline_value, target_fields, target_phrases
from .problems import ImportProblem
from .structure import DATE, ORG_END
from .units import merge
from .yamlout import Commented

NOT_IN_SOURCE = "（原文无）"
REVIEW = "导入待审核"


@dataclass
class PlanOutput:
    plan: dict
    tasks: dict
    documents: Optional[dict]
    new_organizations: list[NewOrganization]
    metadata: Metadata


def descendants(blocks: list[Block]):
    for block in blocks:
        yield block
        yield from descendants(block.children)


def render(block: Block, with_label: bool = False) -> str:
    """The block's official text with its deeper numbered items, as printed (paragraphs joined by \\n)."""
    own = block.full_text if with_label and block.inline_heading else block.text
    head = f"{block.label}{block.heading}" if with_label and not block.inline_heading else ""
    if with_label and block.inline_heading:
        own = f"{block.label}{own}"
    pieces = [piece for piece in (head, own) if piece]
    pieces += [render(child, with_label=True) for child in block.children]
    return "\n".join(pieces)


class Writer:
    def __init__(self, document: SourceDocument, plan_id: str, organizations: list[dict]) -> None:
        self.document, self.plan_id = document, plan_id
        self.metadata = read_metadata(document)
        self.orgs = Matcher(organizations, self.metadata.region, plan_id)
        self.note = document.note
        self.task_comments: dict[str, str] = {}

    # ------------------------------------------------------------ plan

    def write(self) -> PlanOutput:
        document, meta = self.document, self.metadata
        blocks = document.blocks
        # Tasks are the 1. 2. … items; a plan without them has its tasks at （一）（二）….
        task_level = 3 if any(b.level == 3 for b in descendants(blocks)) else 2
        sections = [b for b in blocks if b.level == 1]
        if not sections or any(b.level != 1 for b in blocks):
            loose = [b for b in blocks if b.level != 1]
            self.note(loose[0].line, "结构", "方案没有一级标题（一、二、…）包住全部任务：部分和任务按现有编号导入")
            sections = [b if b.level == 1 else Block(1, "", 0, "", "", b.line, children=[b]) for b in blocks]
            sections = _merge_synthetic(sections)
        task_sections = self._task_sections(sections, task_level)
        first, last = sections.index(task_sections[0]), sections.index(task_sections[-1])
        before, after = sections[:first], sections[last + 1:]
        parts, tasks = self._parts_and_tasks(sections[first: last + 1], task_level)
        year = meta.year
        if year is None:
            year = int(meta.written[1][:4]) if meta.written else 2000
            self.note(document.title_line, "元数据", f"没有找到方案年份，暂填 {year}，请填写")
        plan = {
            "id": self.plan_id,
            "region": meta.region or NOT_IN_SOURCE,
            "year": year,
            "title": document.title,
            "short_title": Commented(self._short_title(), f"{REVIEW}：简称是我们拟定的，不是原文"),
            "status_line": document.status_line or NOT_IN_SOURCE,
            "metadata": self._metadata_fields(meta),
            "implements": [],
            "preamble": "\n".join(line.text for line in document.preamble) or NOT_IN_SOURCE,
            "goal": self._goal(before),
            "tasks_heading": self._tasks_heading(task_sections),
            "parts": parts,
            **self._requirements(after),
        }
        if not meta.region:
            self.note(document.title_line, "元数据", "没有认出地区（region），填了“（原文无）”，请填写")
        if not document.status_line:
            self.note(document.title_line, "元数据", "原文标题下没有状态行（如“（征求意见稿）”）：status_line 填了“（原文无）”")
        if not document.preamble:
            self.note(document.title_line, "结构", "标题和第一个编号之间没有前言：preamble 填了“（原文无）”")
        self._cited_documents()
        tasks = [Commented(t, self.task_comments[t["id"]]) if t["id"] in self.task_comments else t for t in tasks]
        return PlanOutput(plan, {"tasks": tasks}, self._documents(), self.orgs.new, meta)

    def _task_sections(self, sections: list[Block], task_level: int) -> list[Block]:
        def has_tasks(section: Block) -> bool:
            return any(b.level == task_level for b in descendants(section.children))

        found = [s for s in sections if has_tasks(s)]
        if task_level == 2:
            with_units = [s for s in found if any(b.units for b in descendants(s.children))]
            found = with_units or found[1:] or found
        if not found:
            raise ImportProblem(self.document.path, sections[0].line, "numbered headings but no tasks beneath them",
                                "tasks numbered 1. 2. … or （一）（二）… under a heading such as 二、重点任务")
        return found

    def _parts_and_tasks(self, sections: list[Block], task_level: int) -> tuple[list, list]:
        groups: list[tuple[Block, list[Block]]] = []  # (part block, its tasks)
        for section in sections:
            if task_level == 2 or not any(child.level == 2 for child in section.children):
                groups.append((section, [c for c in section.children if c.level == task_level]))
                continue
            loose: list[Block] = []
            for child in section.children:
                if child.level == 2:
                    if loose:
                        groups.append((section, loose))
                        loose = []
                    groups.append((child, [c for c in child.children if c.level == 3]))
                elif child.level == 3:
                    loose.append(child)
            if loose:
                groups.append((section, loose))
        if len(sections) > 1 and task_level == 3 and any(part.level == 2 for part, _ in groups):
            self.note(sections[1].line, "结构", "任务分在几个一级标题下：现行格式只有一个任务标题，其他一级标题没有写入，请核对")
        parts, tasks = [], []
        width = 3 if sum(len(t) for _, t in groups) > 99 else 2
        for part_number, (part_block, task_blocks) in enumerate(groups, 1):
            part_id = f"p{part_number}"
            part_tasks = []
            for block in task_blocks:
                task_id = f"t{len(tasks) + 1:0{width}d}"
                part_tasks.append(self._task(task_id, len(tasks) + 1, part_id, block))
                tasks.append(part_tasks[-1])
            parts.append(self._part(part_id, part_block, task_blocks, part_tasks))
        return parts, tasks

    def _part(self, part_id: str, block: Block, task_blocks: list[Block], tasks: list[dict]) -> dict:
        part: dict = {"id": part_id, "label": block.label or NOT_IN_SOURCE, "heading": block.heading or NOT_IN_SOURCE}
        if not block.label:
            self.note(block.line, "结构", f"部分 {part_id} 在原文中没有编号和标题：label、heading 填了“（原文无）”")
        own_text = block.text if task_blocks else render(block)
        if block.inline_heading and own_text:
            self.note(block.line, "结构", f"部分“{block.label}{block.heading}”的标题和正文在同一段，已在第一个句号处分开")
        if own_text:
            part["text"] = own_text
            part.update(self._targets_and_milestones(part_id, block, own_text))
        units = _merged(block.units)
        if units is not None:
            part["responsibility"] = self._responsibility(units)
        else:
            part["responsibility"] = self._part_units_from_tasks(block, task_blocks)
        for task in tasks:
            if task.get("responsibility") == part["responsibility"]:
                del task["responsibility"]
        return part

    def _part_units_from_tasks(self, block: Block, task_blocks: list[Block]) -> dict:
        names: list[str] = []
        lead: list[str] = []
        for task in task_blocks:
            units = _merged(task.units)
            if units:
                names += [n for n in units.names if n not in names]
        if names:
            source = "（原文未写本部分的责任单位；导入时汇总了各任务的责任单位）"
            self.note(block.line, "单位", f"部分“{block.label}{block.heading}”没有自己的责任单位：现行格式要求填写，"
                      "导入时汇总了各任务的单位（原文每项任务的单位写在任务上）")
            return {"source": source, "units": self._ids(names, block.line), "lead": lead}
        issuer = self.metadata.issuer
        if issuer:
            self.note(block.line, "单位", f"部分“{block.label}{block.heading}”和它的任务都没有写责任单位：暂填发文单位“{issuer}”，请核对")
            return {"source": "（原文未写责任单位；导入时暂填发文单位）", "units": self._ids([issuer], block.line), "lead": []}
        raise ImportProblem(self.document.path, block.line, f"no 责任单位 for “{block.label}{block.heading}” nor for its tasks, "
                            "and no issuing unit", "责任单位/牵头单位 lines (or a 任务分工表): the data format needs the "
                            "units responsible for each part")

    def _task(self, task_id: str, number: int, part_id: str, block: Block) -> dict:
        text = render(block)
        if not text:
            text = block.heading + ("。" if block.inline_heading else "")
            self.note(block.line, "结构", f"任务 {number}“{block.heading[:20]}”只有一句：text 填了这一整句（与 title 相同）")
        if block.label and block.value and block.value != number:
            self.note(block.line, "编号", f"原文序号“{block.label}”写成第 {number} 项（现行格式要求任务从 1 连续编号；"
                      "原文序号待数据格式增加 label 字段后保存）")
        task = {"id": task_id, "number": number, "part": part_id, "title": block.heading, "text": text}
        task.update(self._targets_and_milestones(task_id, block, text))
        units = _merged(block.units)
        if units is not None:
            task["responsibility"] = self._responsibility(units)
        if block.cut_off:
            self.task_comments[task_id] = f"{REVIEW}：文件在这一项中间结束，只导入了现有部分"
        return task

    # ------------------------------------------------------------ units

    def _ids(self, names: list[str], line: int) -> list[str]:
        ids: list[str] = []
        for name in names:
            org_id = self.orgs.id_for(name, line)
            if org_id not in ids:
                ids.append(org_id)
        return ids

    def _responsibility(self, units: Units) -> dict:
        if units.support:
            self.note(units.line, "单位", f"配合单位 {'、'.join(units.support)}：现行格式只区分牵头（lead），配合单位写入 units，"
                      "待数据格式增加 support 字段")
        return {"source": units.source, "units": self._ids(units.names, units.line),
                "lead": self._ids(units.lead, units.line)}

    # ------------------------------------------------------------ deadlines and targets

    def _targets_and_milestones(self, item_id: str, block: Block, text: str) -> dict:
        plan_year = self.metadata.year
        targets, milestones, used = [], [], set()
        for index, phrase in enumerate(target_phrases(text, block.line), 1):
            fields = target_fields(phrase)
            scope = fields.pop("scope") or "（待审核）"
            deadline = next((d for d in block.deadlines if d.segment == phrase.segment
                             and deadline_value(d.text, plan_year)[0]), None)
            target = {"id": f"{item_id}-{index}", "metric": fields.pop("metric"), **fields, "scope": scope}
            if deadline is not None:
                used.add(id(deadline))
                target["deadline"] = self._deadline(deadline.text, plan_year)
            target["source"] = phrase.segment
            targets.append(Commented(target, f"{REVIEW}：从原文第 {block.line} 行推测的目标"))
            self.note(block.line, "目标", f"{item_id}: 推测目标“{phrase.text}”（{target['metric'][:20]}，{target['comparator']}），"
                      "请核对指标、范围和时限")
        for phrase in block.deadlines:
            if id(phrase) in used or phrase.segment not in text:
                continue
            value, _ = deadline_value(phrase.text, plan_year)
            if value is None:
                self.note(block.line, "时限", f"{item_id}: 时间说法“{phrase.text}”在现行格式中没有机器可读的写法（如长期坚持、每季度），"
                          "只记在这里，待数据格式扩展")
                continue
            milestones.append(self._milestone(f"{item_id}-m{len(milestones) + 1}", phrase.segment, phrase.text, block.line))
        if block.table_deadline:
            value, _ = deadline_value(block.table_deadline, plan_year)
            if value is None:
                self.note(block.line, "时限", f"{item_id}: 完成时限“{block.table_deadline}”（分工表）没有机器可读的写法，只记在这里")
            else:
                first_clause = next(clauses(text))[1].rstrip("。；;！？")
                milestones.append(self._milestone(f"{item_id}-m{len(milestones) + 1}", first_clause,
                                                  block.table_deadline, block.line, what=block.heading))
        result = {}
        if targets:
            result["targets"] = targets
        if milestones:
            result["milestones"] = milestones
        return result

    def _milestone(self, milestone_id: str, sentence: str, phrase: str, line: int, what: str = "") -> Commented:
        self.note(line, "时限", f"{milestone_id}: 推测时限“{phrase}”，请核对要做的事和日期")
        return Commented({"id": milestone_id, "what": what or _short(sentence), "deadline": self._deadline(phrase, self.metadata.year),
                          "source": sentence}, f"{REVIEW}：从原文第 {line} 行推测的时限")

    @staticmethod
    def _deadline(phrase: str, plan_year: Optional[int]) -> dict:
        value, inferred = deadline_value(phrase, plan_year)
        deadline = {"text": phrase, "value": value}
        if inferred:
            deadline["inferred"] = inferred
        return deadline

    # ------------------------------------------------------------ the rest of the plan

    def _metadata_fields(self, meta: Metadata) -> dict:
        issuers = []
        if meta.issuer:
            issuer_id = self.orgs.id_for(meta.issuer, meta.issuer_line or 1)
            issuers.append(issuer_id)
            self.note(meta.issuer_line, "元数据", f"发文机关识别为“{meta.issuer}”（{issuer_id}），请核对")
        else:
            self.note(self.document.title_line, "元数据", "没有认出发文机关，metadata.issuers 留空，请填写")
        return {
            "issuers": issuers,
            "doc_number": meta.doc_number,
            "index_number": meta.index_number,
            "written_date": {"text": meta.written[0], "value": meta.written[1]} if meta.written else None,
            "published_date": {"text": meta.published[0], "value": meta.published[1]} if meta.published else None,
            "topic": meta.topic,
            "status": meta.status,
        }

    def _short_title(self) -> str:
        title = re.sub(r"^关于", "", self.document.title)
        short = title if len(title) <= 24 else title[:23] + "…"
        status = self.metadata.status
        return f"{short}（{status}）" if status == "征求意见稿" else short

    def _goal(self, before: list[Block]) -> dict:
        if not before:
            self.note(self.document.title_line, "结构", "任务之前没有“目标/总体要求”一节：goal.heading 填了“（原文无）”")
            return {"heading": NOT_IN_SOURCE, "text": None}
        for extra in before[1:]:
            self.note(extra.line, "未导入", f"“{extra.label}{extra.heading}”一节在现行格式中没有位置（只有一个 goal），"
                      "原文没有导入，请核对")
        goal = before[0]
        text = render(goal) or None
        return {"heading": f"{goal.label}{goal.heading}", "text": text}

    def _tasks_heading(self, task_sections: list[Block]) -> str:
        if len(task_sections) == 1 and task_sections[0].label:
            return f"{task_sections[0].label}{task_sections[0].heading}"
        self.note(task_sections[0].line, "结构", "任务不在同一个一级标题下：tasks_heading 填了“（原文无）”，各一级标题写作部分")
        return NOT_IN_SOURCE

    def _requirements(self, after: list[Block]) -> dict:
        if not after:
            return {"requirements_heading": NOT_IN_SOURCE, "requirements": []}
        section = after[0]
        requirements = []
        for child in section.children:
            text = render(child)
            if not text:
                text = NOT_IN_SOURCE
                self.note(child.line, "结构", f"“{child.label}{child.heading}”只有标题没有正文：text 填了“（原文无）”")
            requirements.append({"label": child.label, "heading": child.heading, "text": text})
        if section.text:
            self.note(section.line, "未导入", f"“{section.label}{section.heading}”下的不编号正文在现行格式中没有位置，没有导入：“{section.text[:30]}…”")
        for extra in after[1:]:
            self.note(extra.line, "未导入", f"“{extra.label}{extra.heading}”一节在现行格式中没有位置（只有一个 requirements），没有导入")
        return {"requirements_heading": f"{section.label}{section.heading}", "requirements": requirements}

    def _cited_documents(self) -> None:
        preamble = "".join(line.text for line in self.document.preamble)
        for match in re.finditer(r"《[^》]+》\s*[（(][^）)]*?〔\d{4}〕\d+号[）)]", preamble):
            self.note(self.document.preamble[0].line, "依据", f"方案依据“{match.group()}”：如需在网站上链接，请加入 references.yaml "
                      "并填写 implements")

    # ------------------------------------------------------------ covering documents

    def _documents(self) -> Optional[dict]:
        groups: list[list[Line]] = []
        for line in self.document.front:
            starts_document = HEADER.match(line.text) or (
                _is_title(line.text))
            if starts_document and (not groups or any(_is_title(l.text) for l in groups[-1])):
                groups.append([])
            if not groups:
                groups.append([])
            groups[-1].append(line)
        documents, used = [], set()
        for lines in groups:
            title = next((l.text for l in lines if _is_title(l.text)), None)
            if title is None:
                self.note(lines[0].line, "未导入", f"方案之前的 {len(lines)} 段没有认出是哪份文件，没有导入")
                continue
            kind = re.search(r"(通知|函|决定|通报|批复|意见)$", title).group(1)
            base = {"函": "letter", "通知": "notice", "决定": "decision", "通报": "bulletin", "批复": "reply", "意见": "opinion"}[kind]
            doc_id = base if base not in used else f"{base}-{len(used) + 1}"
            used.add(doc_id)
            documents.append(Commented(self._document(doc_id, kind, title, lines), f"{REVIEW}：随方案提供的文件，种类和各段类型是推测的"))
            self.note(lines[0].line, "文件", f"方案之前的“{title[:30]}…”导入为 documents.yaml 的 {doc_id}（{len(lines)} 段），请核对")
        return {"documents": documents} if documents else None

    def _document(self, doc_id: str, kind: str, title: str, lines: list[Line]) -> dict:
        body, seen_paragraph = [], False
        attachments, issuers, recipients = [], [], []
        for line in lines:
            text = line.text
            if HEADER.match(text):
                block_kind = "header"
                issuer = self.orgs.match(HEADER.match(text).group("issuer"))
                issuers += [issuer] if issuer else []
            elif text == title:
                block_kind = "title"
            elif re.search(r"[：:]$", text) and "。" not in text and not seen_paragraph:
                block_kind = "recipients"
                recipients = [org for name in re.split(r"[、，,]", text.rstrip("：:")) if (org := self.orgs.match(name))]
            elif re.match(r"(联系人|联系电话|电子邮箱|邮箱|传真)", text):
                block_kind = "contact"
            elif text.startswith("附件"):
                block_kind = "attachment"
                core = re.sub(r"[《》（）()\s]|征求意见稿|附件[：:]?", "", text)
                if difflib.SequenceMatcher(None, core, re.sub(r"\s", "", self.document.title)).ratio() > 0.8:
                    attachments.append(self.plan_id)
            elif seen_paragraph and (DATE.match(text) or ORG_END.search(text)) and "。" not in text:
                block_kind = "signature"
            else:
                block_kind = "paragraph"
                seen_paragraph = True
            body.append({"kind": block_kind, "text": text})
        short = "征求意见函" if kind == "函" and "征求" in title else ("印发通知" if kind == "通知" and "印发" in title else kind)
        return {
            "id": doc_id, "kind": kind, "title": title, "short_title": short,
            "metadata": {"issuers": issuers, "doc_number": None, "index_number": None, "written_date": None,
                         "published_date": None, "topic": None, "status": self.metadata.status},
            "recipients": recipients, "attachments": attachments, "body": body,
        }


def _is_title(text: str) -> bool:
    return "关于" in text[:30] and bool(re.search(r"(通知|函|决定|通报|批复|意见)$", text)) and "。" not in text


def _merge_synthetic(sections: list[Block]) -> list[Block]:
    merged: list[Block] = []
    for section in sections:
        if merged and not section.label and not merged[-1].label:
            merged[-1].children += section.children
        else:
            merged.append(section)
    return merged


def _merged(statements: list[Units]) -> Optional[Units]:
    return merge(statements) if statements else None


def _short(sentence: str) -> str:
    return sentence if len(sentence) <= 40 else sentence[:39] + "…"


def write_plan(document: SourceDocument, plan_id: str, organizations: list[dict]) -> PlanOutput:
    return Writer(document, plan_id, organizations).write()
