"""The schema of ``policy_data/contacts.yaml`` (how to reach each organization) and
``policy_data/hotlines.yaml`` (the national service hotlines).

Nothing here may be invented: every value is copied from a published source, recorded in ``source`` with
the date it was checked (``checked``). An organization without an entry is shown as "联系方式本站还没有公布".
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from pydantic import Field, model_validator

from macros.core.models import Model, Slug, Text, matching

PhoneNumber = matching(
    r"^[0-9][0-9-]{2,19}$",
    "a phone number of digits and hyphens only, such as 12345 or 0714-1234567",
    "电话号码：只写数字和连字符，如 12345、010-12351；照出处抄写",
)
WebAddress = matching(
    r"^https?://[^\s<>\"']+$",
    "a web address starting with http:// or https://",
    "网址：以 http:// 或 https:// 开头，照出处抄写",
)


class Phone(Model):
    """One phone number and what it is for."""

    label: Text = Field(description="这个号码是做什么的，如“咨询”“投诉举报”；照出处的说法")
    number: PhoneNumber


class Contact(Model):
    """How to reach one organization, as published by a source that is recorded."""

    organization: Slug = Field(description="单位 id（见 organizations.yaml）")
    phones: list[Phone] = Field(default=[], description="电话，按显示的顺序")
    address: Optional[Text] = Field(default=None, description="办事地址，照出处抄写")
    hours: Optional[Text] = Field(default=None, description="办公或接听时间，照出处抄写，如“工作日 8:30—12:00”")
    website: Optional[WebAddress] = Field(default=None, description="单位网站")
    source: Text = Field(description="出处：网址或文件名称（发文字号），写清楚是在哪里看到的")
    checked: dt.date = Field(description="最近一次对照出处核对的日期，如 2026-12-01")

    @model_validator(mode="after")
    def _has_a_value(self) -> "Contact":
        if not (self.phones or self.address or self.hours or self.website):
            raise ValueError("at least one of phones, address, hours or website (an entry without them says nothing)")
        return self


class ContactList(Model):
    contacts: list[Contact] = Field(default=[], description="各单位的联系方式；没有出处的不要写")


class Hotline(Model):
    """A national service hotline: its number, what it is for, and the document that set it up."""

    id: Slug = Field(description="热线标识，如 hotline-12345")
    number: PhoneNumber
    name: Text = Field(description="热线名称，照出处的说法，如“12345政务服务便民热线”")
    serves: Text = Field(description="受理什么，照出处的说法概括，不加出处没有的内容")
    note: Optional[Text] = Field(default=None, description="拨打说明，照出处的说法，如怎样接入省级热线")
    organizations: list[Slug] = Field(
        default=[], description="只在这些单位的“找谁、怎么找”里显示（单位 id）；不写就在所有页面显示")
    source: Text = Field(description="出处：设立或规定这条热线的文件名称和发文字号，或其网址")
    source_url: Optional[WebAddress] = Field(default=None, description="出处的网址（有就写）")
    checked: dt.date = Field(description="最近一次对照出处核对的日期")


class HotlineList(Model):
    hotlines: list[Hotline] = Field(default=[], description="全国统一的服务热线")
