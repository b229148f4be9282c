"""``plans/<plan>/versions.yaml``: the versions of a plan's official text, oldest first.

The plan folder always holds the current version (its plan.yaml, tasks.yaml …); every earlier version is
kept whole, frozen, in ``plans/<plan>/versions/<version id>/plan.yaml`` and ``tasks.yaml`` (the same format
as the current ones, validated by the same models). The last entry of the list is the current version.
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from pydantic import Field, field_validator

from macros.core.models import Model, Slug, Text

MAX_SUMMARY = 120  # characters of one editor's summary: one line, plain words


class Version(Model):
    """One version of the plan's official text."""

    id: Slug = Field(description=(
        "版本标识，决定网址 …/versions/<id>/，发布后不要修改；不能含有“-to-”（“改了什么”网页的网址用它连接两个版本），"
        "如 draft、issued、rev-2025"), examples=["draft"])
    label: Text = Field(description="这一版的名称，照录原文的说法（原文标题下括号里或发文时的字样），显示在各版本的网页上")
    date: dt.date = Field(description="这一版的日期：公开征求意见、报送或印发的日期", examples=["2024-01-10"])
    note: Optional[Text] = Field(default=None, description="本站写的一句说明：这一版是谁在什么时候公布的（不是原文）")
    changes: dict[Slug, Text] = Field(default={}, description=(
        "与上一版相比，每项有变化的任务一句话的通俗说明（编辑写的，不是原文），显示在“改了什么”网页上：任务 id → 说明。"
        "新增、改了文字、改了序号的任务用本版的 id，删去的任务用上一版的 id。第一版不写"),
        examples=[{"t02": "岗位信息改为每半月汇总一次。"}])

    @field_validator("changes")
    @classmethod
    def _one_line_each(cls, changes: dict[str, str]) -> dict[str, str]:
        for task_id, summary in changes.items():
            if "\n" in summary or len(summary) > MAX_SUMMARY:
                raise ValueError(f"one line of at most {MAX_SUMMARY} characters for {task_id!r} "
                                 f"(found {len(summary)} characters{', several lines' if chr(10) in summary else ''})")
        return changes


class VersionList(Model):
    """``plans/<id>/versions.yaml``: the versions of the plan, oldest first; the last is the current one, whose
    files are the plan folder's own. Earlier ones are in ``versions/<id>/plan.yaml`` and ``tasks.yaml``."""

    versions: list[Version] = Field(min_length=1, description="各版本，按时间先后；最后一项是现在的版本")
