"""Match unit names to ``organizations.yaml``: by full name, short name, aliases and common abbreviations.

市人社局 ↔ 大冶市人力资源和社会保障局: both reduce to the key 人社局 (the region and the level prefix
dropped, the full department name replaced by its usual abbreviation). A name that matches nothing
becomes a new organization, marked for review.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

# Full department names and the abbreviations government documents use for them.
ABBREVIATIONS = [
    ("人力资源和社会保障", "人社"), ("人力资源社会保障", "人社"), ("发展和改革", "发改"), ("发展改革", "发改"),
    ("住房和城乡建设", "住建"), ("住房城乡建设", "住建"), ("医疗保障", "医保"), ("农业农村", "农业农村"),
    ("市场监督管理", "市场监管"), ("生态环境", "环保"), ("自然资源和规划", "自然资源"), ("交通运输", "交通"),
    ("卫生健康", "卫健"), ("卫生和健康", "卫健"), ("文化和旅游", "文旅"), ("文化旅游", "文旅"), ("退役军人事务", "退役军人"),
    ("工业和信息化", "工信"), ("经济和信息化", "经信"), ("科学技术", "科技"), ("应急管理", "应急"),
    ("行政审批服务", "行政审批"), ("数据资源管理", "数据"), ("商务", "商务"), ("统计", "统计"), ("税务", "税务"),
    ("委员会", "委"), ("办公室", "办"),
]
LEVEL_PREFIX = re.compile(r"^(?:[\u4e00-\u9fff]{1,6}?(?:省|自治区))?(?:[\u4e00-\u9fff]{1,6}?市)?(?:[\u4e00-\u9fff]{1,6}?(?:县|区|旗))?")
GROUPS = re.compile(r"^(各|全|有关|相关|其他)|(各专班|各部门|各单位|等)$")


def key_of(name: str, region: str = "") -> str:
    """The comparable core of a unit name: no region, no 市/县/区 prefix, usual abbreviations."""
    name = re.sub(r"\s+", "", name)
    if region and name.startswith(region):
        name = name[len(region):]
    elif not name.startswith(("市场", "市委", "县委", "区委")):
        name = re.sub(r"^(?:市|县|区|省)(?=[\u4e00-\u9fff]{2})", "", name)
    for full, short in ABBREVIATIONS:
        name = name.replace(full, short)
    return name


@dataclass
class NewOrganization:
    id: str
    name: str
    short_name: str
    line: int
    is_group: bool
    level: str = "县级市"  # guessed: level_of()
    kind: str = "政府部门"  # guessed: kind_of()


@dataclass
class Matcher:
    """Finds the id of a printed unit name; names it cannot find become ``NewOrganization``s.

    Short names and abbreviations are relative to a region (市人社局 is a different office in every city),
    so they match only organizations of the plan's region or of no region; full names match anywhere.
    """

    organizations: list[dict]
    region: str  # e.g. "大冶市", "鞍山市立山区"; "" when unknown
    id_prefix: str
    level: str = ""  # the plan's level (region_level), for the level of new units
    new: list[NewOrganization] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.full_names: dict[str, str] = {}
        self.keys: dict[str, list[tuple[str, str]]] = {}
        self.used_ids = {org["id"] for org in self.organizations}
        for org in self.organizations:
            region = org_region(org.get("name", ""))
            self.full_names[re.sub(r"\s+", "", org.get("name", ""))] = org["id"]
            for name in [org.get("name", ""), org.get("short_name", "")] + list(org.get("aliases") or []):
                if name:
                    self._remember(name, org["id"], region)

    def _remember(self, name: str, org_id: str, region: str) -> None:
        for key in {re.sub(r"\s+", "", name), key_of(name, region)}:
            entries = self.keys.setdefault(key, [])
            if (org_id, region) not in entries:
                entries.append((org_id, region))

    def _same_region(self, region: str) -> bool:
        if not self.region or not region:
            return True
        return self.region.endswith(region) or region.endswith(self.region)

    def match(self, name: str) -> Optional[str]:
        exact = re.sub(r"\s+", "", name)
        if exact in self.full_names:
            return self.full_names[exact]
        for key in (exact, key_of(name, self.region)):
            for org_id, region in self.keys.get(key, []):
                if self._same_region(region):
                    return org_id
        return None

    def id_for(self, name: str, line: int) -> str:
        found = self.match(name)
        if found:
            return found
        number = len(self.new) + 1
        while f"{self.id_prefix}-u{number:02d}" in self.used_ids:
            number += 1
        is_group = bool(GROUPS.search(name))
        local = re.sub(r"^(?:市|县|区)(?=[\u4e00-\u9fff]{2})", "", name)
        full = name if is_group or org_region(name) or not self.region else self.region + local
        new = NewOrganization(f"{self.id_prefix}-u{number:02d}", full, name, line, is_group,
                              level_of(name, self.level), kind_of(name, is_group))
        self.used_ids.add(new.id)
        self.new.append(new)
        self.full_names[re.sub(r"\s+", "", full)] = new.id
        self._remember(name, new.id, self.region)
        return new.id


def org_region(name: str) -> str:
    match = LEVEL_PREFIX.match(name)
    return match.group(0) if match else ""


# ---------------------------------------------------------------- levels and kinds (guesses, for review)

LEVELS = ("国家", "省", "地级市", "县级市", "县", "区", "乡镇", "街道")
PARTY = re.compile(r"^(?:[\u4e00-\u9fff]{0,8}?[省市县区])?委(?!员会)|宣传部|组织部|统战部|政法委|纪委|监委|网信办|编办|机构编制|党校|党委")
MASS = re.compile(r"工会|团委|团[省市县区]委|共青团|妇联|妇女联合会|残联|残疾人联合会|科协|工商联|红十字会|侨联|文联")
COURT = re.compile(r"法院|检察院")
COMPANY = re.compile(r"公司|集团|银行|供电|烟草")


def region_level(region: str, organizations: list[dict]) -> str:
    """The government level of a region as printed ("鞍山市立山区" → 区); a 市 takes the level that
    organizations.yaml gives units of that region, else 县级市 (a guess the review list asks about)."""
    if not region:
        return ""
    if region.endswith(("街道", "街道办事处")):
        return "街道"
    if region.endswith(("乡", "镇")):
        return "乡镇"
    if region.endswith("区") and not region.endswith("自治区"):
        return "区"
    if region.endswith(("县", "旗")):
        return "县"
    if region.endswith(("省", "自治区")):
        return "省"
    levels = [org.get("level") for org in organizations if org.get("name", "").startswith(region)]
    return max(set(levels), key=levels.count) if levels else "县级市"


def level_of(name: str, plan_level: str) -> str:
    """A new unit's level: its own prefix where it has one (市… in a district plan is the city above), else the plan's."""
    if re.search(r"街道(?:办事处)?$", name) and not name.startswith("各"):
        return "街道"
    if re.search(r"[乡镇](?:人民政府|政府)?$", name) and not name.startswith("各"):
        return "乡镇"
    if name.startswith("省"):
        return "省"
    if name.startswith("市") and not name.startswith("市场") and plan_level in ("区", "县"):
        return "地级市"
    return plan_level if plan_level in LEVELS else "县级市"


def kind_of(name: str, is_group: bool) -> str:
    if is_group:
        return "多个单位"
    for pattern, kind in ((COURT, "法院检察院"), (MASS, "群团组织"), (PARTY, "党委部门"), (COMPANY, "国有企业")):
        if pattern.search(name):
            return kind
    return "政府部门"
