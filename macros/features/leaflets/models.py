"""The schema of ``policy_data/leaflets.yaml``: printable leaflets (明白纸) for one audience each.

A leaflet carries tasks of a plan, questions of ``questions.yaml`` and departments to contact, in the
order given here. Its points are plain language written by us; cross-references and the figures used
in the points are checked in ``checks.py`` beside this file.
"""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import Field

from macros.core.models import Model, Slug, Text


class LeafletSection(Model):
    """One block of a leaflet: a heading in the reader's words, short points and the tasks behind them."""

    heading: Text = Field(description="小标题，用读者的话，如“工资被拖欠怎么办”")
    points: list[Text] = Field(
        min_length=1,
        description="通俗要点，每条一两句短句，只说方案原文写了的内容；数字必须是所列任务中的目标数字",
    )
    tasks: list[Slug] = Field(min_length=1, description="这些要点依据的任务 id（同一方案），按印出的顺序")


class Leaflet(Model):
    """A leaflet (明白纸): a web page and an A4 PDF of at most two pages."""

    id: Slug = Field(description="明白纸标识，决定网址 leaflets/<id>/ 和 PDF 文件名，发布后不要修改")
    plan: Slug = Field(description="依据的方案 id，如 daye-2023")
    title: Text = Field(description="标题，短，读者一看就懂")
    audience: Text = Field(description="写给谁看，如“在工地、工厂打工的农民工”")
    theme: Optional[Slug] = Field(default=None, description="对应的主题 id（见方案 plan.yaml 的 themes）")
    summary: Text = Field(description="开头一两句话：这张明白纸讲什么")
    sections: list[LeafletSection] = Field(min_length=1, description="正文各块，按印出的顺序")
    questions: list[Slug] = Field(default=[], description="附上的问答 id（见 questions.yaml），按印出的顺序")
    contacts: list[Slug] = Field(
        min_length=1, description="“找谁问”：单位 id（见 organizations.yaml），必须是所列任务的责任单位"
    )


class LeafletList(Model):
    leaflets: list[Leaflet] = Field(min_length=1)
