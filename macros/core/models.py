"""The schema of everything in ``policy_data/``.

One definition serves validation (with error locations), the JSON Schema that editors use
(``scripts/export_schema.py``) and the data-format documentation. Models describe the data only;
cross-references between files are checked in ``checks.py`` beside this file and in the features' checks.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal, Optional

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, create_model, field_validator, model_validator

from .deadlines import FORMS, Period, interpret, parse_period

Slug = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
        description="稳定的英文标识：小写字母、数字和连字符，例如 rsj、t01、daye-2023。发布后不要修改。",
    ),
]
Text = Annotated[str, Field(min_length=1, description="中文文本（纯文本，不能写 HTML）")]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def matching(pattern: str, expected: str, description: str):
    """A text type checked against ``pattern``, with an error message that says what is expected."""
    compiled = re.compile(pattern)

    def check(value: str) -> str:
        if not compiled.fullmatch(value):
            raise ValueError(expected)
        return value

    return Annotated[str, AfterValidator(check), Field(description=description, json_schema_extra={"pattern": pattern})]


# ---------------------------------------------------------------- shared: organizations, references


Level = Literal["国家", "省", "地级市", "县级市", "县", "区", "乡镇", "街道"]
OrganizationKind = Literal["政府部门", "党委部门", "群团组织", "法院检察院", "国有企业", "多个单位", "其他"]


class Organization(Model):
    """A unit named in the source: a department, the trade union, a ministry."""

    id: Slug
    name: Text = Field(description="全称，如“大冶市人力资源和社会保障局”")
    short_name: Text = Field(description="简称，如“市人社局”")
    aliases: list[Text] = Field(
        default=[], description="原文中出现的其他写法，如“人社局”“人社部门”，用于核对原文"
    )
    level: Level = Field(description="层级", examples=["县级市"])
    kind: OrganizationKind = Field(
        default="政府部门",
        description="单位类别；“多个单位”指“各乡镇（街道）”这样的一类单位，不是一个单位",
        examples=["群团组织"],
    )


class Reference(Model):
    """A policy document or a named campaign that the plan refers to."""

    id: Slug
    kind: Literal["policy", "campaign"] = Field(description="policy：政策文件；campaign：活动、行动、品牌")
    title: Text = Field(description="原文中的名称，逐字照录")
    doc_number: Optional[Text] = Field(default=None, description="发文字号，原文没有写就留空")
    issuer: Optional[Text] = Field(default=None, description="发文机关，原文没有写就留空")
    source: Text = Field(description="出处，例如“种子原文：印发通知、方案前言”")


# ---------------------------------------------------------------- deadlines and targets


class Deadline(Model):
    """A deadline in the source's words plus what it means (its period)."""

    text: Text = Field(description="原文中的时间说法，逐字照录，如“2024年6月底前”“一季度”“长期坚持”",
                       examples=["2024年6月底前"])
    value: str = Field(
        description=(
            "它的意思（机器可读）。常见说法可以不写，由程序读出：“2024年6月底前”→2024-06，“长期坚持”→continuous。"
            "写法：2023（全年）、2023-end（年底）、2023-H1（上半年）、2023-Q1（季度）、2023-06（某月底前）、"
            "2023-07-06（日期）、2023-07-06T16:00（时刻）、2023/2025（跨年度）、quarterly@2024（自某年起每季度，"
            "另有 monthly@、yearly@）、continuous（长期坚持，没有截止日期）、2024/spring-festival（某年春节前）、"
            "2024/school-start（某年秋季开学前）、spring-festival（每年春节前后）、none（原文没有写时间）"
        ),
        examples=["2024-06", "quarterly@2024", "continuous", "2023/2025"],
    )
    inferred: Optional[Text] = Field(
        default=None,
        description="原文没有写明而由我们推定的部分（如年份），必须在这里说明推定的依据",
    )

    @model_validator(mode="before")
    @classmethod
    def _value_from_text(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("value") in (None, "") and isinstance(data.get("text"), str):
            read = interpret(data["text"])
            if read is None:
                raise ValueError(
                    f"a `value` saying what {data['text']!r} means (the phrase cannot be read without a guess); "
                    f"one of: {FORMS}"
                )
            data = {**data, "value": read}
        return data

    @field_validator("value", mode="before")
    @classmethod
    def _value_as_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @field_validator("value")
    @classmethod
    def _value_parses(cls, value: str) -> str:
        parse_period(value)  # raises ValueError with the accepted forms
        return value

    @model_validator(mode="after")
    def _inference_is_explicit(self) -> "Deadline":
        period = self.period
        if period.year is not None and str(period.year) not in self.text and not self.inferred:
            raise ValueError(
                f"an `inferred:` note that says why the year is {period.year}, "
                f"because the source words {self.text!r} do not contain it"
            )
        return self

    @property
    def period(self) -> Period:
        return parse_period(self.value)


class Baseline(Model):
    value: float = Field(description="基数")
    year: Optional[int] = Field(default=None, description="基数的年份")


class Target(Model):
    """A quantitative target stated in the official text (a sentence of it, or a row of its table)."""

    id: Slug = Field(description="目标标识，用作网页锚点 #target-<id>")
    metric: Text = Field(description="指标，如“脱贫人口（含防止返贫监测对象）务工规模”")
    comparator: Literal[">=", "<=", "=", "range", "approx"] = Field(
        description="比较方式：不低于、不高于、等于、区间、约（原文写“约”“左右”）", examples=["approx"])
    value: Optional[float] = Field(default=None, description="数值（comparator 为 range 时不填）")
    min: Optional[float] = Field(default=None, description="区间下限（仅 range）")
    max: Optional[float] = Field(default=None, description="区间上限（仅 range）")
    unit: Text = Field(description="单位，如“人”“个”“%”“家”")
    scope: Text = Field(description="范围，如“全市”“每个社区（村委会）”")
    year: Optional[int] = Field(default=None, description="目标年份（原文写明时填写）")
    baseline: Optional[Baseline] = Field(default=None, description="基数（原文写明时填写），如“比2022年增长10%”的2022年数")
    deadline: Optional[Deadline] = Field(default=None, description="完成时限；原文没有写就不填")
    source: Optional[Text] = Field(default=None, description="目标所在的原文句子，必须逐字出现在条目正文中")
    table_row: Optional[Text] = Field(
        default=None, description="目标来自任务分工表时：表中这一行的文字，逐字照录（与 source 二选一）")

    @model_validator(mode="after")
    def _value_fits_comparator(self) -> "Target":
        if (self.source is None) == (self.table_row is None):
            raise ValueError("either `source` (the sentence of the text) or `table_row` (the row of the table), one of them")
        if self.comparator == "range":
            if self.min is None or self.max is None or self.value is not None:
                raise ValueError("`min` and `max` (and no `value`) for comparator `range`")
            if self.min > self.max:
                raise ValueError(f"`min` ({self.min:g}) not larger than `max` ({self.max:g})")
        elif self.value is None or self.min is not None or self.max is not None:
            raise ValueError(f"`value` (and no `min`/`max`) for comparator `{self.comparator}`")
        return self


class Milestone(Model):
    """Something to be done by a deadline, without a number to reach."""

    id: Slug = Field(description="标识，用作网页锚点 #milestone-<id>")
    what: Text = Field(description="要做的事，简短")
    deadline: Deadline
    source: Text = Field(description="原文句子，必须逐字出现在条目正文中")


# ---------------------------------------------------------------- the plan


class Responsibility(Model):
    """Who carries out an item: lead units (牵头), supporting units (配合) or, where the source does not say,
    the responsible units (责任单位) together."""

    source: Text = Field(description="原文中的责任单位一行（或几行），逐字照录，如“牵头单位：县人社局；配合单位：县财政局”")
    units: list[Slug] = Field(default=[], description="全部责任单位的 id，按原文顺序；只写 lead 和 support 时可以不写")
    lead: list[Slug] = Field(default=[], description="牵头单位的 id（原文写明牵头时填写）")
    support: list[Slug] = Field(default=[], description="配合单位的 id（原文写明配合时填写）")

    @model_validator(mode="before")
    @classmethod
    def _units_from_roles(cls, data: Any) -> Any:
        if isinstance(data, dict) and not data.get("units"):
            units = list(dict.fromkeys([*(data.get("lead") or []), *(data.get("support") or [])]))
            if not units:
                raise ValueError("`units` (责任单位), or `lead` (牵头) and `support` (配合) units")
            data = {**data, "units": units}
        return data

    @model_validator(mode="after")
    def _roles_are_units(self) -> "Responsibility":
        if both := [unit for unit in self.lead if unit in self.support]:
            raise ValueError(f"a unit either leading or supporting, not both: {', '.join(both)}")
        if outside := [unit for unit in [*self.lead, *self.support] if unit not in self.units]:
            raise ValueError(f"lead and support units that are among `units` (not: {', '.join(outside)})")
        return self

    def role(self, unit: str) -> str:
        """牵头, 配合 or 责任单位 (a unit the source names without a role)."""
        return "牵头" if unit in self.lead else "配合" if unit in self.support else "责任单位"


class Item(Model):
    """What tasks and parts share: official text with its targets, milestones and references."""

    text: Text = Field(description="正文，逐字照录原文（只可修复分页造成的断行）")
    targets: list[Target] = []
    milestones: list[Milestone] = []
    references: list[Slug] = Field(default=[], description="本条提到的政策或活动的 id（见 references.yaml）")

    @model_validator(mode="after")
    def _sources_are_in_text(self) -> "Item":
        body = squash(self.text)
        for kind, entries in (("targets", self.targets), ("milestones", self.milestones)):
            for index, entry in enumerate(entries):
                if entry.source is not None and squash(entry.source) not in body:
                    raise SourceNotInText(kind, index, entry.source)
        return self


class Measure(Model):
    """A numbered sub-measure of a task, e.g. “（1）…”, itself possibly with sub-measures (①…)."""

    label: Text = Field(description="原文序号，照录，如“（1）”“①”")
    text: Text = Field(description="正文，逐字照录")
    measures: list["Measure"] = Field(default=[], description="下一级措施")


class Task(Item):
    id: Slug = Field(description="任务标识，如 t01；决定网址 …/tasks/<id>/，发布后不要修改")
    number: int = Field(ge=1, description="全方案的顺序号 1、2、3……（网址和排序用）")
    label: Optional[Text] = Field(
        default=None, description="原文序号，照录，如“1.”“（三）”“第五条”；不写时显示为“<number>.”", examples=["1."])
    part: Optional[Slug] = Field(default=None, description="所属部分的 id，如 p1；不分部分的方案不写")
    title: Text = Field(description="标题，即原文序号后、第一个句号前的文字")
    responsibility: Optional[Responsibility] = Field(
        default=None, description="本任务的责任单位；不写时沿用所属部分的责任单位"
    )
    deadline: Optional[Deadline] = Field(default=None, description="本任务的完成时限，如任务分工表的“完成时限”一栏")
    measures: list[Measure] = Field(default=[], description="原文列出的下一级措施（（1）、① 等），逐字照录")

    @property
    def printed_label(self) -> str:
        return self.label or f"{self.number}."


class Part(Item):
    id: Slug = Field(description="部分标识，如 p1；决定网址 …/parts/<id>/")
    label: Text = Field(description="原文序号，照录原文的括号，如“(一)”或“（二）”")
    heading: Text = Field(description="原文标题")
    theme: Optional[Slug] = Field(default=None, description="所属主题的 id（见 plan.yaml 的 themes）")
    parent: Optional[Slug] = Field(default=None, description="上一级部分的 id（多级结构时填写，如“（一）”属于“一、”）")
    text: Optional[Text] = Field(default=None, description="部分自身的正文（只有不分任务的部分才有）")
    responsibility: Optional[Responsibility] = Field(
        default=None, description="本部分的责任单位，本部分的任务没有写责任单位时沿用")

    @model_validator(mode="after")
    def _sources_are_in_text(self) -> "Part":
        if self.text is None:
            if self.targets or self.milestones:
                raise ValueError("the part's own `text` for its targets and milestones to quote from")
            return self
        return Item._sources_are_in_text(self)


class Requirement(Model):
    label: Text = Field(description="原文序号，如“(一)”")
    heading: Text
    text: Text


class Section(Model):
    heading: Text = Field(description="原文标题，如“一、行动目标”")
    text: Optional[Text] = None


class DocumentMetadata(Model):
    """The fields of a gov.cn policy page; null where the source does not give them."""

    issuers: list[Slug] = Field(default=[], description="发文机关（组织 id）")
    doc_number: Optional[Text] = Field(default=None, description="发文字号")
    index_number: Optional[Text] = Field(default=None, description="索引号")
    written_date: Optional[Deadline] = Field(default=None, description="成文日期")
    published_date: Optional[Deadline] = Field(default=None, description="发布日期")
    topic: Optional[Text] = Field(default=None, description="主题分类")


Stage = Literal["consultation", "submitted", "issued", "revised", "repealed", "expired"]


class Status(Model):
    """Where a plan or a document stands. Every sentence about it on the site comes from the wording
    table of ``macros/core/status.py``, keyed by ``stage``."""

    stage: Stage = Field(description=(
        "方案所处的阶段：consultation（征求意见）、submitted（报送审定）、issued（印发施行）、revised（经过修订）、"
        "repealed（废止）、expired（失效）。网站上对每个阶段的说法见数据格式页的“状态的说法”"), examples=["issued"])
    consultation_until: Optional[Deadline] = Field(
        default=None, description="征求意见的截止时间（consultation；不写时取征求意见函的反馈截止时间）")
    issued_on: Optional[dt.date] = Field(default=None, description="印发日期（issued、revised、repealed、expired 时必填）",
                                         examples=["2024-03-20"])
    doc_number: Optional[Text] = Field(default=None, description="发文字号（issued、revised、repealed、expired 时必填）",
                                       examples=["清政办发〔2024〕7号"])
    revised_on: Optional[dt.date] = Field(default=None, description="修订日期（revised 时必填）")
    revised_by: Optional[Text] = Field(default=None, description="由哪份文件修订（标题和文号，revised 时必填）")
    ended_on: Optional[dt.date] = Field(default=None, description="废止或失效的日期（repealed、expired 时必填）")
    ended_by: Optional[Text] = Field(default=None, description="由哪份文件废止（标题和文号，repealed 时必填）")

    @model_validator(mode="after")
    def _stage_has_its_facts(self) -> "Status":
        needed = {
            "issued": ("issued_on", "doc_number"),
            "revised": ("issued_on", "doc_number", "revised_on", "revised_by"),
            "repealed": ("issued_on", "doc_number", "ended_on", "ended_by"),
            "expired": ("issued_on", "doc_number", "ended_on"),
        }.get(self.stage, ())
        if missing := [name for name in needed if getattr(self, name) is None]:
            raise ValueError(f"for stage {self.stage!r} also {', '.join(f'`{name}`' for name in missing)}")
        return self


class Theme(Model):
    id: Slug = Field(description="主题标识，如 anye")
    label: Text = Field(description="主题名称，如“安业”")
    summary: Optional[Text] = Field(default=None, description="一句话说明（本站写的），显示在首页的主题卡片上")


class SourceRef(Model):
    """Where the text on this site was taken from."""

    url: Optional[str] = Field(default=None, description="原文网址（政府网站）")
    retrieved: Optional[dt.date] = Field(default=None, description="取得原文的日期")
    file: Optional[Text] = Field(default=None, description="原文文件名（导入时记录）")
    sha256: Optional[str] = Field(default=None, description="原文文件的 SHA-256 校验值（导入时记录）")


class Plan(Model):
    """``plans/<id>/plan.yaml``: the plan document, its sections and its parts."""

    id: Slug = Field(description="方案标识，出现在所有网址中，如 daye-2023；必须与文件夹名相同")
    region: Text = Field(description="地区，如“大冶市”")
    year: int = Field(ge=2000, le=2100)
    title: Text = Field(description="方案全称，逐字照录")
    short_title: Text = Field(description="网站上使用的简称（我们拟定，不是原文）")
    level: Optional[Level] = Field(default=None, description="制定方案的政府层级，如“县级市”")
    status: Status = Field(description="方案现在的状态；网站上关于状态的每一句话都由它而来")
    status_line: Optional[Text] = Field(default=None, description="原文标题下的一行，如“（试行）”，逐字照录；没有就不写")
    metadata: DocumentMetadata
    source: Optional[SourceRef] = Field(default=None, description="原文出处：网址和取得日期，或导入的文件")
    implements: list[Slug] = Field(default=[], description="本方案依据的上级文件（references.yaml 中的 id）")
    implements_plans: list[Slug] = Field(
        default=[], description="本方案落实的上位方案（本站收录的其他方案的 id）；两边的网页都会显示")
    themes: list[Theme] = Field(default=[], description="方案的主题（如“安业、安薪、安身”），部分的 theme 写这里的 id")
    themes_heading: Optional[Text] = Field(default=None, description="首页主题卡片的标题（本站写的），如“三个“安””")
    summary: Optional[Text] = Field(default=None, description="一句话说明方案为谁做什么（本站写的通俗话），显示在首页")
    preamble: Optional[Text] = Field(default=None, description="前言，逐字照录")
    goal: Optional[Section] = Field(default=None, description="目标一节（原文有才写）")
    tasks_heading: Optional[Text] = Field(default=None, description="任务一节的标题，如“二、重点任务”")
    parts: list[Part] = Field(default=[], description="部分（一级、二级标题）；不分部分的方案不写")
    requirements_heading: Optional[Text] = None
    requirements: list[Requirement] = []
    coordination: Optional[Responsibility] = Field(
        default=None, description="原文写明的总体工作机制（牵头与参与单位）"
    )


class Block(Model):
    kind: Literal["header", "title", "recipients", "paragraph", "contact", "attachment", "signature"]
    text: Text


class Contact(Model):
    person: Optional[Text] = None
    phone: Optional[Text] = None
    email: Optional[Text] = None


class Document(Model):
    """``plans/<id>/documents.yaml``: a source document other than the plan text itself."""

    id: Slug = Field(description="文件标识，决定网址 …/documents/<id>/")
    kind: Text = Field(description="文种，如“函”“通知”")
    title: Text = Field(description="标题，逐字照录")
    short_title: Text = Field(description="网站上使用的简称（我们拟定）")
    metadata: DocumentMetadata
    status: Optional[Status] = Field(default=None, description="文件自己的状态；不写时与方案相同")
    recipients: list[Slug] = Field(default=[], description="主送单位（组织 id）")
    implements: list[Slug] = Field(default=[], description="文件依据的上级文件（references.yaml 中的 id）")
    deadline: Optional[Deadline] = Field(default=None, description="反馈截止时间")
    contact: Optional[Contact] = None
    signatories: list[Slug] = Field(default=[], description="落款单位（组织 id）")
    attachments: list[Slug] = Field(default=[], description="附件：方案 id")
    body: list[Block] = Field(min_length=1, description="全文，按原文顺序逐段照录")


class TaskList(Model):
    tasks: list[Task] = Field(min_length=1)


class DocumentList(Model):
    documents: list[Document]


class OrganizationList(Model):
    organizations: list[Organization] = Field(min_length=1)


class ReferenceList(Model):
    references: list[Reference]


# ---------------------------------------------------------------- export views


class ExportModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def view(model: type[BaseModel], *, omit: tuple[str, ...] = (), replace: Optional[dict[str, Any]] = None,
         add: Optional[dict[str, tuple]] = None, name: Optional[str] = None) -> type[ExportModel]:
    """An export view of a data model: its fields with their descriptions, some left out or given another
    type (e.g. a deadline with its worked-out period), plus computed fields. The open data is made of
    these, so its JSON Schema and the data format come from one definition."""
    fields: dict[str, tuple] = {}
    for field_name, info in model.model_fields.items():
        if field_name in omit:
            continue
        annotation = (replace or {}).get(field_name, info.annotation)
        default = ... if info.is_required() else info.get_default(call_default_factory=True)
        fields[field_name] = (annotation, Field(default, description=info.description))
    fields.update(add or {})
    return create_model(name or model.__name__, __base__=ExportModel, __doc__=model.__doc__, **fields)


# ---------------------------------------------------------------- helpers


def squash(text: str) -> str:
    """Text without any whitespace: how official text is compared with the source."""
    return re.sub(r"\s+", "", text)


class SourceNotInText(ValueError):
    def __init__(self, kind: str, index: int, source: str) -> None:
        self.kind, self.index, self.source = kind, index, source
        super().__init__(
            "a sentence copied from this item's `text` (this one is not a sentence of it)"
        )

