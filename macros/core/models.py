"""The schema of everything in ``policy_data/``.

One definition serves validation (with error locations), the JSON Schema that editors use
(``scripts/export_schema.py``) and the data-format documentation. Models describe the data only;
cross-references between files are checked in ``checks.py`` beside this file and in the features' checks.
"""
from __future__ import annotations

import re
from typing import Annotated, Any, Literal, Optional

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, create_model, field_validator, model_validator

from .deadlines import Period, parse_period

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


class Organization(Model):
    """A unit named in the source: a department, the trade union, a ministry."""

    id: Slug
    name: Text = Field(description="全称，如“大冶市人力资源和社会保障局”")
    short_name: Text = Field(description="简称，如“市人社局”")
    aliases: list[Text] = Field(
        default=[], description="原文中出现的其他写法，如“人社局”“人社部门”，用于核对原文"
    )
    level: Literal["国家", "省", "县级市"] = Field(description="层级")


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
    """A deadline in the source's words plus its machine-readable period."""

    text: Text = Field(description="原文中的时间说法，逐字照录，如“2023年底”“一季度”")
    value: str = Field(
        description=(
            "机器可读的时间：2023（全年）、2023-end（年底）、2023-Q1（季度）、2023-07-06（日期）、"
            "2023-07-06T16:00（时刻）、spring-festival（每年春节前后）"
        )
    )
    inferred: Optional[Text] = Field(
        default=None,
        description="原文没有写明而由我们推定的部分（如年份），必须在这里说明推定的依据",
    )

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


class Target(Model):
    """A quantitative target stated in the official text."""

    id: Slug = Field(description="目标标识，用作网页锚点 #target-<id>")
    metric: Text = Field(description="指标，如“脱贫人口（含防止返贫监测对象）务工规模”")
    comparator: Literal[">=", "<=", "=", "range"] = Field(description="比较方式：不低于、不高于、等于、区间")
    value: Optional[float] = Field(default=None, description="数值（comparator 为 range 时不填）")
    min: Optional[float] = Field(default=None, description="区间下限（仅 range）")
    max: Optional[float] = Field(default=None, description="区间上限（仅 range）")
    unit: Text = Field(description="单位，如“人”“个”“%”“家”")
    scope: Text = Field(description="范围，如“全市”“每个社区（村委会）”")
    deadline: Optional[Deadline] = Field(default=None, description="完成时限；原文没有写就不填")
    source: Text = Field(description="目标所在的原文句子，必须逐字出现在条目正文中")

    @model_validator(mode="after")
    def _value_fits_comparator(self) -> "Target":
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
    source: Text = Field(description="原文中的责任单位一行，逐字照录，如“[责任单位：市人社局、…]”")
    units: list[Slug] = Field(min_length=1, description="责任单位的 id，按原文顺序")
    lead: list[Slug] = Field(default=[], description="牵头单位的 id（只在原文写明牵头时填写）")


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
                if squash(entry.source) not in body:
                    raise SourceNotInText(kind, index, entry.source)
        return self


class Task(Item):
    id: Slug = Field(description="任务标识，如 t01；决定网址 …/tasks/<id>/，发布后不要修改")
    number: int = Field(ge=1, description="原文中的序号")
    part: Slug = Field(description="所属部分的 id，如 p1")
    title: Text = Field(description="标题，即原文序号后、第一个句号前的文字")
    responsibility: Optional[Responsibility] = Field(
        default=None, description="只在本任务的责任单位与所属部分不同时填写"
    )


class Part(Item):
    id: Slug = Field(description="部分标识，如 p1；决定网址 …/parts/<id>/")
    label: Text = Field(description="原文序号，照录原文的括号，如“(一)”或“（二）”")
    heading: Text = Field(description="原文标题")
    theme: Optional[Literal["安业", "安薪", "安身"]] = Field(default=None, description="对应的“安”")
    text: Optional[Text] = Field(default=None, description="部分自身的正文（只有不分任务的部分才有）")
    responsibility: Responsibility

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
    status: Text = Field(description="文件状态，如“征求意见稿”“征求意见”")


class Plan(Model):
    """``plans/<id>/plan.yaml``: the plan document, its sections and its parts."""

    id: Slug = Field(description="方案标识，出现在所有网址中，如 daye-2023；必须与文件夹名相同")
    region: Text = Field(description="地区，如“大冶市”")
    year: int = Field(ge=2000, le=2100)
    title: Text = Field(description="方案全称，逐字照录")
    short_title: Text = Field(description="网站上使用的简称（我们拟定，不是原文）")
    status_line: Text = Field(description="原文标题下的状态行，如“(征求意见稿)”")
    metadata: DocumentMetadata
    implements: list[Slug] = Field(default=[], description="本方案依据的上级文件（references.yaml 中的 id）")
    preamble: Text = Field(description="前言，逐字照录")
    goal: Section
    tasks_heading: Text
    parts: list[Part] = Field(min_length=1)
    requirements_heading: Text
    requirements: list[Requirement]
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

