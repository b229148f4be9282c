"""The site identity a Chinese government website shows in its footer, read from mkdocs.yml.

``extra.site`` holds 主办单位, 政府网站标识码, ICP备案号 and 公安备案号 (shown by
macros/theme/overrides/partials/copyright.html). Until the publisher fills them in they hold placeholders that
start with "待填写". A normal build warns about them; a release build (``scripts/build.py --release``,
``make release``) refuses to build.
"""
from __future__ import annotations

import sys
from pathlib import Path

PLACEHOLDER = "待填写"
FIELDS = {"host": "主办单位", "site_code": "政府网站标识码", "icp": "ICP备案号", "police": "公安备案号"}


def problems(site: dict) -> list[str]:
    """What is missing or still a placeholder, one line per field."""
    found = []
    for key, label in FIELDS.items():
        value = str(site.get(key) or "").strip()
        if not value or PLACEHOLDER in value:
            found.append(f"extra.site.{key} ({label}): found {value or 'nothing'!r}; expected the real value")
    return found


def read(config_file: Path) -> dict:
    from mkdocs.utils.yaml import yaml_load  # understands !ENV like MkDocs itself

    with open(config_file, encoding="utf-8") as handle:
        config = yaml_load(handle) or {}
    return dict((config.get("extra") or {}).get("site") or {})


def check(config_file: Path, release: bool) -> bool:
    """Report placeholders on stderr; False when a release build must stop."""
    found = problems(read(config_file))
    if not found:
        return True
    kind = "ERROR" if release else "WARNING"
    lines = [f"{kind}  -  {config_file.name}: the site identity in the footer is not filled in:"]
    lines += [f"    {line}" for line in found]
    if release:
        lines.append("    A release build needs the real values. Nothing was built; site/ is unchanged.")
    else:
        lines.append("    Fill them in before publishing: a release build (make release) stops on them.")
    print("\n".join(lines), file=sys.stderr)
    return not release
