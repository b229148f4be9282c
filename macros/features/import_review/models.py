"""The schema of ``policy_data/plans/<id>/review.yaml``: what the importer guessed and a person has not
checked yet (written by scripts/import_plan.py beside ``import-review.md``)."""
from __future__ import annotations

from typing import Optional

from pydantic import Field

from macros.core.models import Model, Text


class ReviewItem(Model):
    """One thing to check against the source document."""

    what: Text = Field(description="要核对的方面，如“单位”“时限”“状态”“新单位”", examples=["时限"])
    source_line: Optional[int] = Field(
        default=None, ge=1, description="来源文件中的行号（PDF 是提取出的文字的行号，Word 是段落序号）；全文性的条目不写")
    note: Optional[Text] = Field(default=None, description="导入程序的说明：推测了什么、应当核对什么")


class ReviewList(Model):
    """Open items of an imported plan. While there are any, every page of the plan says “导入待审核” and a
    release build refuses the plan. Delete the items you have checked, or the whole file."""

    open_items: list[ReviewItem] = Field(default=[], description="还没有人工核对的条目")
