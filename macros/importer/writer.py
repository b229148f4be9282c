"""Map the document model onto the schema (plan.yaml, tasks.yaml, documents.yaml).

Official text goes in verbatim. What the importer guesses — the status, the level, new units, deadline
values it had to infer, targets and milestones — is written in the data and listed in the review list
(``import-review.md`` and ``review.yaml``) with its source line. Optional fields the source does not have
(status line, preamble, goal, parts, …) are left out; only required fields the source lacks get the
marker ``（原文无）`` and a review item.

Structure: one heading above all the tasks (二、重点任务) is ``tasks_heading``; its （一）（二）… are parts.
Tasks right under that heading make a flat plan (no parts). Tasks under several headings make the
headings parts, and their （一）… parts with ``parent``. Deeper items of a task ((1), ① …) are its
``measures``; the numbering is kept as printed in ``label``.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Optional

from .metadata import HEADER, Metadata, read_metadata
from .model import Block, Line, SourceDocument, Units
from .organizations import Matcher, NewOrganization, region_level
from .phrases import clauses, deadline_entry, deadline_value, is_dated, target_fields, target_phrases
from .problems import ImportProblem
from .structure import DATE, ORG_END
from .units import merge
from .yamlout import Commented

NOT_IN_SOURCE = "（原文无）"
REVIEW = "导入待审核"
STAGE_WORDS = {"consultation": "征求意见", "submitted": "报送审定", "issued": "印发施行"}


@dataclass
class PlanOutput:
    plan: dict
    tasks: dict
    documents: Optional[dict]
    new_organizations: list[NewOrganization]
    metadata: Metadata


@dataclass
class PartSpec:
    """A part to write: its block, the block of its parent part (if nested) and its tasks."""

    block: Block
    parent: Optional[Block]
    tasks: list[Block]
    made_up: bool = False  # no heading of its own in the source


def descendants(blocks: list[Block]):
    for block in blocks:
        yield block
        yield from descendants(block.children)


def render(block: Block, with_label: bool = False) -> str:
    """The block's official text with its deeper numbered items, as printed (paragraphs joined by \n)."""
    own = block.full_text if with_label and block.inline_heading else block.text
    head = f"{block.label}{block.heading}" if with_label and not block.inline_heading else ""
    if with_label and block.inline_heading:
        own = f"{block.label}{own}"
    pieces = [piece for piece in (head, own) if piece]
    pieces += [render(child, with_label=True) for child in block.children]
    return "\n".join(pieces)


def measure_text(block: Block) -> str:
    """A sub-measure's words after its label, as printed (its own units statement put back where it stood)."""
    text = block.full_text if block.inline_heading else "\n".join(filter(None, (block.heading, block.text)))
    for units in block.units:
        text += units.source if units.source[:1] in "（([【〔" else "\n" + units.source
    return text or NOT_IN_SOURCE


class Writer:
    def __init__(self, document: SourceDocument, plan_id: str, organizations: list[dict]) -> None:
        self.document, self.plan_id = document, plan_id
        self.metadata = read_metadata(document)
        self.level = region_level(self.metadata.region, organizations)
        self.orgs = Matcher(organizations, self.metadata.region, plan_id, self.level)
        self.note = document.note
        self.task_comments: dict[str, str] = {}
        self.task_lines: dict[str, int] = {}

    # ------------------------------------------------------------ plan

    def write(self) -> PlanOutput:
        document, meta = self.document, self.metadata
        blocks = document.blocks
        # Tasks are the 1. 2. … items; a plan without them has its tasks at （一）（二）….
        task_level = 3 if any(b.level == 3 for b in descendants(blocks)) else 2
        sections = [b for b in blocks if b.level == 1]
        if not sections or any(b.level != 1 for b in blocks):
            sections = [b if b.level == 1 else Block(1, "", 0, "", "", b.line, children=[b]) for b in blocks]
            sections = _merge_synthetic(sections)
        task_sections = self._task_sections(sections, task_level)
        first, last = sections.index(task_sections[0]), sections.index(task_sections[-1])
        before, after = sections[:first], sections[last + 1:]
        tasks_heading, specs, flat = self._shape(sections[first: last + 1], task_level)
        parts, tasks = self._parts_and_tasks(specs, flat)
        self._fill_missing_units(parts, tasks)
        year = meta.year
        if year is None:
            year = int(meta.written[1][:4]) if meta.written else 2000
            self.note(document.title_line, "元数据", f"没有找到方案年份，暂填 {year}，请填写")
        plan: dict = {
            "id": self.plan_id,
            "region": meta.region or NOT_IN_SOURCE,
            "year": year,
            "title": document.title,
            "short_title": Commented(self._short_title(), f"{REVIEW}：简称是我们拟定的，不是原文"),
        }
        if self.level:
            plan["level"] = Commented(self.level, f"{REVIEW}：层级是按地区名称推测的")
            self.note(document.title_line, "元数据", f"方案层级（level）按地区“{meta.region}”推测为“{self.level}”，请核对")
        if document.status_line:
            plan["status_line"] = document.status_line
        plan["metadata"] = self._metadata_fields(meta)
        plan["status"] = self._status(meta)
        plan["source"] = {"file": document.path, "sha256": document.sha256}
        plan["implements"] = []
        if document.preamble:
            plan["preamble"] = "\n".join(line.text for line in document.preamble)
        if (goal := self._goal(before)) is not None:
            plan["goal"] = goal
        if tasks_heading:
            plan["tasks_heading"] = tasks_heading
        if parts:
            plan["parts"] = parts
        plan.update(self._requirements(after))
        if not meta.region:
            self.note(document.title_line, "元数据", "没有认出地区（region），填了“（原文无）”，请填写")
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

    def _shape(self, sections: list[Block], task_level: int) -> tuple[Optional[str], list[PartSpec], bool]:
        """The tasks heading, the parts (flat: one group of tasks that is no part), nested or not."""
        def subsections(section: Block) -> list[Block]:
            return [c for c in section.children if c.level == 2] if task_level == 3 else []

        def loose(section: Block) -> list[Block]:
            return [c for c in section.children if c.level == task_level]

        single = len(sections) == 1
        if single and not subsections(sections[0]):
            section = sections[0]
            if section.label:
                self.note(section.line, "结构", f"任务直接列在“{section.label}{section.heading}”下，没有分部分：按不分部分的方案导入")
            else:
                self.note(section.line, "结构", "任务前没有一级标题（一、二、…）：按不分部分的方案导入，不写 tasks_heading")
            heading = f"{section.label}{section.heading}" if section.label else None
            return heading, [PartSpec(section, None, loose(section))], True
        tasks_heading = f"{sections[0].label}{sections[0].heading}" if single and sections[0].label else None
        specs: list[PartSpec] = []
        nested = False
        for section in sections:
            own, parent = loose(section), None
            if section.label and (not single or own):
                specs.append(PartSpec(section, None, own))
                parent = section
            elif own:  # tasks outside any heading, among parts: the schema needs a part for them
                specs.append(PartSpec(section, None, own, made_up=True))
            for sub in subsections(section):
                specs.append(PartSpec(sub, parent, [c for c in sub.children if c.level == 3]))
                nested = nested or parent is not None
        if nested:
            self.note(sections[0].line, "结构", "任务分在几个一级标题下：一级标题写作部分，其下的（一）（二）… 写作它们的下一级部分（parent）")
        elif not single:
            self.note(sections[0].line, "结构", "任务分在几个一级标题下：各一级标题写作部分，不写 tasks_heading")
        return tasks_heading, specs, False

    def _parts_and_tasks(self, specs: list[PartSpec], flat: bool) -> tuple[list, list]:
        parts, tasks, ids = [], [], {}
        width = 3 if sum(len(s.tasks) for s in specs) > 99 else 2
        for spec in specs:
            part_id = None if flat else f"p{len(parts) + 1}"
            if part_id:
                ids[id(spec.block)] = part_id
            part_tasks = []
            for block in spec.tasks:
                task_id = f"t{len(tasks) + 1:0{width}d}"
                part_tasks.append(self._task(task_id, len(tasks) + 1, part_id, block))
                tasks.append(part_tasks[-1])
            if part_id:
                parent_id = ids.get(id(spec.parent)) if spec.parent is not None else None
                parts.append(self._part(part_id, parent_id, spec, part_tasks))
        return parts, tasks

    def _part(self, part_id: str, parent_id: Optional[str], spec: PartSpec, tasks: list[dict]) -> dict:
        block = spec.block
        part: dict = {"id": part_id, "label": block.label or NOT_IN_SOURCE, "heading": block.heading or NOT_IN_SOURCE}
        if parent_id:
            part["parent"] = parent_id
        if spec.made_up:
            self.note(block.line, "结构", f"部分 {part_id} 在原文中没有编号和标题（这些任务不在任何一级标题下，而别的任务在）："
                      "label、heading 填了“（原文无）”")
        has_children = spec.tasks or any(c.level == 2 for c in block.children)
        own_text = block.text if has_children else render(block)
        if block.inline_heading and own_text:
            self.note(block.line, "结构", f"部分“{block.label}{block.heading}”的标题和正文在同一段，已在第一个句号处分开")
        if own_text:
            part["text"] = own_text
            part.update(self._targets_and_milestones(part_id, block, own_text))
        units = _merged(block.units)
        if units is not None:
            part["responsibility"] = self._responsibility(units)
            for task in tasks:
                if task.get("responsibility") == part["responsibility"]:
                    del task["responsibility"]
        return part

    def _fill_missing_units(self, parts: list[dict], tasks: list[dict]) -> None:
        """Every task must end up with units (its own or its nearest part's): where the source names none,
        the issuing unit, for review."""
        by_id = {part["id"]: part for part in parts}

        def inherited(part_id: Optional[str]) -> bool:
            while part_id:
                part = by_id[part_id]
                if "responsibility" in part:
                    return True
                part_id = part.get("parent")
            return False

        missing = [task for task in tasks if "responsibility" not in task and not inherited(task.get("part"))]
        if not missing:
            return
        issuer = self.metadata.issuer
        if not issuer:
            task = missing[0]
            raise ImportProblem(self.document.path, None, f"no 责任单位 for task {task['number']}“{task['title'][:20]}” "
                                "nor for its part, and no issuing unit", "责任单位/牵头单位 lines (or a 任务分工表): the data "
                                "format needs the units responsible for each task")
        fallback = {"source": "（原文未写责任单位；导入时暂填发文单位）", "units": self._ids([issuer], self.metadata.issuer_line or 1)}
        for task in missing:
            task["responsibility"] = Commented(dict(fallback), f"{REVIEW}：原文没有写这一项的责任单位，暂填发文单位")
            self.note(self.task_lines.get(task["id"]), "单位", f"任务 {task['number']}“{task['title'][:20]}”和它所属的部分都没有写责任单位："
                      f"暂填发文单位“{issuer}”，请核对")

    def _task(self, task_id: str, number: int, part_id: Optional[str], block: Block) -> dict:
        text = block.text
        if not text:
            text = block.heading + ("。" if block.inline_heading else "")
            self.note(block.line, "结构", f"任务 {number}“{block.heading[:20]}”只有一句：text 填了这一整句（与 title 相同）")
        task: dict = {"id": task_id, "number": number}
        self.task_lines[task_id] = block.line
        if block.label:
            task["label"] = block.label
        if part_id:
            task["part"] = part_id
        task.update(title=block.heading, text=text)
        task.update(self._targets_and_milestones(task_id, block, text))
        deadline = self._task_deadline(task_id, block)
        if deadline is not None:
            task["deadline"] = deadline
        if block.children:
            task["measures"] = self._measures(task_id, block.children)
        units = _merged(block.units)
        if units is not None:
            task["responsibility"] = self._responsibility(units)
        if block.cut_off:
            self.task_comments[task_id] = f"{REVIEW}：文件在这一项中间结束，只导入了现有部分"
        return task

    def _measures(self, task_id: str, children: list[Block]) -> list[dict]:
        measures = []
        for child in children:
            measure: dict = {"label": child.label or NOT_IN_SOURCE, "text": measure_text(child)}
            if child.units:
                self.note(child.line, "单位", f"{task_id}: 措施“{child.label}”自己写了责任单位（“{child.units[0].source}”）："
                          "措施没有 responsibility 字段，单位留在措施正文里，请核对任务的责任单位")
            if child.deadlines:
                self.note(child.line, "时限", f"{task_id}: 措施“{child.label}”中的时间说法“{child.deadlines[0].text}”没有写成里程碑"
                          "（里程碑的原句必须在任务正文中），需要时请写在任务上")
            if child.children:
                measure["measures"] = self._measures(task_id, child.children)
            measures.append(measure)
        return measures

    # ------------------------------------------------------------ units

    def _ids(self, names: list[str], line: int) -> list[str]:
        ids: list[str] = []
        for name in names:
            org_id = self.orgs.id_for(name, line)
            if org_id not in ids:
                ids.append(org_id)
        return ids

    def _responsibility(self, units: Units) -> dict:
        """牵头 → lead, 配合 → support; 责任单位 with no role → units. ``units`` is left out when lead and
        support say it all (the loader makes it lead + support)."""
        lead = self._ids(units.lead, units.line)
        support = self._ids(units.support, units.line)
        both = [org for org in support if org in lead]
        if both:
            support = [org for org in support if org not in lead]
            self.note(units.line, "单位", f"“{units.source}”把同一单位写成了牵头和配合（{'、'.join(both)}）：只记为牵头，请核对")
        responsibility: dict = {"source": units.source}
        if units.responsible:
            responsibility["units"] = [org for org in self._ids(units.names, units.line)]
        if lead:
            responsibility["lead"] = lead
        if support:
            responsibility["support"] = support
        return responsibility

    # ------------------------------------------------------------ deadlines and targets

    def _targets_and_milestones(self, item_id: str, block: Block, text: str) -> dict:
        plan_year = self.metadata.year
        targets, milestones, used = [], [], set()
        for index, phrase in enumerate(target_phrases(text, block.line), 1):
            fields = target_fields(phrase)
            scope = fields.pop("scope") or "（待审核）"
            deadline = next((d for d in block.deadlines if d.segment == phrase.segment
                             and deadline_entry(d.text, plan_year)), None)
            target = {"id": f"{item_id}-{index}", "metric": fields.pop("metric"), **fields, "scope": scope}
            if deadline is not None:
                used.add(id(deadline))
                target["deadline"] = deadline_entry(deadline.text, plan_year)
            target["source"] = phrase.segment
            targets.append(Commented(target, f"{REVIEW}：从原文第 {block.line} 行推测的目标"))
            self.note(block.line, "目标", f"{item_id}: 推测目标“{phrase.text}”（{target['metric'][:20]}，{target['comparator']}），"
                      "请核对指标、范围和时限")
        for phrase in block.deadlines:
            if id(phrase) in used or phrase.segment not in text:
                continue
            value, _ = deadline_value(phrase.text, plan_year)
            if value is None or not is_dated(value):
                meaning = f"（可写作 {value}）" if value else ""
                self.note(block.line, "时限", f"{item_id}: 时间说法“{phrase.text}”{meaning}没有截止日期，没有写成里程碑；"
                          "需要时请写在任务的 deadline 或 milestones 里")
                continue
            milestones.append(self._milestone(f"{item_id}-m{len(milestones) + 1}", phrase.segment, phrase.text, block.line))
        result = {}
        if targets:
            result["targets"] = targets
        if milestones:
            result["milestones"] = milestones
        return result

    def _task_deadline(self, task_id: str, block: Block):
        """The task's own 完成时限 (a table column or a "完成时限：" statement): ``{text}`` when the loader reads
        it by itself; else a suggested ``value`` (or ``none``), in the review list."""
        phrase = block.table_deadline
        if phrase is None:
            for child in descendants(block.children):
                if child.table_deadline:
                    phrase = child.table_deadline
                    self.note(child.line, "时限", f"{task_id}: 完成时限“{phrase}”写在措施“{child.label}”之后：作为任务的完成时限，请核对")
                    break
        if not phrase:
            return None
        entry = deadline_entry(phrase, self.metadata.year)
        where = f"完成时限“{phrase}”（{block.deadline_origin}）"
        if entry is None:
            self.note(block.line, "时限", f"{task_id}: {where}读不出日期：暂记为 value: none（没有日期），请核对，"
                      "能确定时写成 2024-06、2024-Q2、quarterly@2024 等")
            return Commented({"text": phrase, "value": "none"}, f"{REVIEW}：读不出日期，暂记为 none")
        if "value" in entry:
            self.note(block.line, "时限", f"{task_id}: {where}推定为 {entry['value']}"
                      + ("（年份按方案年份推定）" if "inferred" in entry else "") + "，请核对")
            return Commented(entry, f"{REVIEW}：时限的意思（value）是推定的")
        return entry

    def _milestone(self, milestone_id: str, sentence: str, phrase: str, line: int, what: str = "") -> Commented:
        self.note(line, "时限", f"{milestone_id}: 推测时限“{phrase}”，请核对要做的事和日期")
        return Commented({"id": milestone_id, "what": what or _short(sentence), "deadline": deadline_entry(phrase, self.metadata.year),
                          "source": sentence}, f"{REVIEW}：从原文第 {line} 行推测的时限")

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
        }

    def _status(self, meta: Metadata) -> Commented:
        """The plan's status: always a guess, always an open review item."""
        status: dict = {"stage": meta.stage}
        if meta.stage == "issued":
            date = meta.written or meta.published
            status.update(issued_on=date[1], doc_number=meta.doc_number)
        words = STAGE_WORDS[meta.stage]
        if meta.stage_evidence:
            message = f"状态（status.stage）推测为 {meta.stage}（{words}），依据是{meta.stage_evidence}，请核对"
        else:
            message = (f"没有认出方案的状态（原文没有状态行、发文字号或日期）：status.stage 暂记为 {meta.stage}（{words}），"
                       "请核对并改为实际的阶段（issued 还要 issued_on 和 doc_number）")
        self.note(self.document.status_line_no or self.document.title_line, "状态", message)
        return Commented(status, f"{REVIEW}：状态是推测的（{meta.stage_evidence or '原文没有依据'}）")

    def _short_title(self) -> str:
        title = re.sub(r"^关于", "", self.document.title)
        return title if len(title) <= 24 else title[:23] + "…"

    def _goal(self, before: list[Block]) -> Optional[dict]:
        if not before:
            return None
        for extra in before[1:]:
            self.note(extra.line, "未导入", f"“{extra.label}{extra.heading}”一节在数据格式中没有位置（只有一个 goal），"
                      "原文没有导入，请核对")
        goal = before[0]
        return {"heading": f"{goal.label}{goal.heading}", "text": render(goal) or None}

    def _requirements(self, after: list[Block]) -> dict:
        if not after:
            return {}
        section = after[0]
        requirements = []
        for child in section.children:
            text = render(child)
            if not text:
                text = NOT_IN_SOURCE
                self.note(child.line, "结构", f"“{child.label}{child.heading}”只有标题没有正文：text 填了“（原文无）”")
            requirements.append({"label": child.label, "heading": child.heading, "text": text})
        if section.text:
            self.note(section.line, "未导入", f"“{section.label}{section.heading}”下的不编号正文在数据格式中没有位置，没有导入：“{section.text[:30]}…”")
        for extra in after[1:]:
            self.note(extra.line, "未导入", f"“{extra.label}{extra.heading}”一节在数据格式中没有位置（只有一个 requirements），没有导入")
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
                         "published_date": None, "topic": None},
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
