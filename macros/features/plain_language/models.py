"""The plain-language layer: explanations, glossary, questions, audience guides, policy notes.

Everything here is written by us, not copied from the source, and is shown on the site marked as
解读. Facts a reader needs but the source does not give are ``Gap`` entries: empty, shown as 待公布,
with the department to ask. Cross-references are checked in ``checks.py`` beside this file.
"""
from __future__ import annotations

from typing import Optional

from pydantic import Field, model_validator

from macros.core.models import Model, Slug, Text

PENDING = "待公布"


class Gap(Model):
    """A fact the reader needs that the source does not give (yet)."""

    need: Text = Field(description="读者需要而原文没有写的信息，如“补贴标准和申请条件”")
    ask: Slug = Field(description="可以询问的单位（组织 id）")
    value: Optional[Text] = Field(default=None, description="公布后再填写；没有公布就留空，网页显示“待公布”")
    source: Optional[Text] = Field(default=None, description="填写 value 时必须写明出处（哪份正式文件）")

    @model_validator(mode="after")
    def _value_has_source(self) -> "Gap":
        if self.value and not self.source:
            raise ValueError("a gap with a `value` needs a `source` naming the published document it comes from")
        return self


class Explanation(Model):
    """The plain-language explanation of one task, or of a part that has text of its own."""

    item: Slug = Field(description="任务 id（如 t01）或有自己正文的部分 id（如 p5）")
    what: Text = Field(description="这条说的是什么：用短句、大白话说明方案的内容")
    for_you: Text = Field(description="对您有什么用：谁能受益、怎么受益")
    how_to: Text = Field(description="怎么办：去哪里、找哪个单位、问什么。不写原文没有的电话、地址、手续")
    ask: list[Slug] = Field(default=[], description="可以询问的单位（组织 id），应是本条的责任单位")
    keywords: list[Text] = Field(default=[], description="群众常用的说法，显示为“相关说法”，也供搜索使用")
    gaps: list[Gap] = Field(default=[], description="读者需要但原文没有的信息，网页显示“待公布”")


class ExplanationList(Model):
    """``plans/<id>/explanations.yaml``."""

    explanations: list[Explanation]


class Term(Model):
    """A word of the plan that a reader may not know."""

    id: Slug = Field(description="词语标识，用作锚点 /glossary/#<id>")
    term: Text = Field(description="原文中的写法，必须在方案原文中出现")
    aliases: list[Text] = Field(default=[], description="原文中的其他写法（也会在页面上标注）")
    definition: Text = Field(description="一两句通俗解释")


class Glossary(Model):
    """``glossary.yaml``."""

    terms: list[Term] = Field(min_length=1)


class Theme(Model):
    id: Slug = Field(description="主题标识，用作锚点 /questions/#theme-<id>")
    title: Text = Field(description="主题名称，如“找工作”")


class Question(Model):
    """A question a reader would ask, answered in plain words, resting on tasks of the plan."""

    id: Slug = Field(description="问题标识，发布后不要修改（宣传单等按 id 引用），用作锚点 /questions/#<id>")
    theme: Slug = Field(description="所属主题的 id（见 themes）")
    question: Text = Field(description="读者的问法")
    answer: Text = Field(description="通俗回答；不写原文没有的电话、地址、金额、日期和手续")
    tasks: list[Slug] = Field(min_length=1, description="回答所依据的任务 id（或有正文的部分 id，如 p5）")
    ask: list[Slug] = Field(default=[], description="可以询问的单位（组织 id）")
    plan: Optional[Slug] = Field(default=None, description="所依据的方案 id；不写时用文件开头的 plan（一个文件可以涉及几个方案）")


class QuestionList(Model):
    """``questions.yaml``."""

    plan: Optional[Slug] = Field(default=None, description="问题所依据的方案 id（各条也可以自己写 plan）")
    themes: list[Theme] = Field(min_length=1, description="问答页上的分组，按此顺序显示")
    questions: list[Question] = Field(min_length=1)


class GuideSection(Model):
    id: Slug = Field(description="小节标识，用作锚点")
    heading: Text
    text: Text = Field(description="通俗说明")
    tasks: list[Slug] = Field(default=[], description="相关任务 id")
    questions: list[Slug] = Field(default=[], description="相关问题 id（见 questions.yaml）")
    ask: list[Slug] = Field(default=[], description="可以询问的单位（组织 id）")


class Guide(Model):
    """A page for one audience: what in the plan matters to them and whom to ask."""

    id: Slug = Field(description="决定网址 /guides/<id>/，发布后不要修改")
    audience: Text = Field(description="读者群体，如“农民工”")
    title: Text
    intro: Text
    sections: list[GuideSection] = Field(min_length=1)
    plan: Optional[Slug] = Field(default=None, description="所依据的方案 id；不写时用文件开头的 plan（一个文件可以涉及几个方案）")


class GuideList(Model):
    """``guides.yaml``."""

    plan: Optional[Slug] = Field(default=None, description="指南所依据的方案 id（各篇也可以自己写 plan）")
    guides: list[Guide] = Field(min_length=1)


class ReferenceNote(Model):
    """What a policy or campaign of ``references.yaml`` is, in plain words."""

    reference: Slug = Field(description="references.yaml 中的 id")
    plain: Text = Field(description="通俗说明：它是什么、和哪些任务有关")


class RelatedLaw(Model):
    """A law or regulation the plan does not name but readers need; cited by exact title and number."""

    id: Slug = Field(description="锚点 /policies/#<id>")
    title: Text = Field(description="准确全称")
    doc_number: Text = Field(description="准确文号")
    plain: Text = Field(description="通俗说明")
    tasks: list[Slug] = Field(min_length=1, description="相关任务 id")
    source: Text = Field(description="出处说明，写明这不是方案原文提到的")
    plan: Optional[Slug] = Field(default=None, description="所依据的方案 id；不写时用文件开头的 plan（一个文件可以涉及几个方案）")


class ReferenceNotes(Model):
    """``references_plain.yaml``."""

    plan: Optional[Slug] = Field(default=None, description="related_laws 中任务 id 所属的方案（各条也可以自己写 plan）")
    notes: list[ReferenceNote]
    related_laws: list[RelatedLaw] = []
