"""The site identity a Chinese government website shows in its footer, read from mkdocs.yml.

``extra.site`` holds 主办单位, 政府网站标识码, ICP备案号 and 公安备案号 (shown by
macros/theme/overrides/partials/copyright.html). Until the publisher fills them in they hold placeholders that
start with "待填写". A normal build warns about them; a release build (``scripts/build.py --release``,
``make release``) refuses to build. ``extra.site.licence`` is the licence of the open data (/data/).

The site's address (``site_url``, from ``SITE_URL``) goes into every canonical link, QR code, feed and
calendar: a release build refuses it when it is missing, a loopback address (localhost, 127.0.0.1, ::1)
or a domain reserved for examples and tests (example.com/.net/.org, *.example, *.test, *.invalid,
*.localhost). Any other build is a preview and says so on every page (partials/preview.html).
"""
from __future__ import annotations

import ipaddress
import sys
from pathlib import Path
from typing import Optional
from urllib.parse import urlsplit

PLACEHOLDER = "待填写"
FIELDS = {"host": "主办单位", "site_code": "政府网站标识码", "icp": "ICP备案号", "police": "公安备案号",
          "licence": "开放数据的使用许可"}
# Domains reserved for documentation and tests (RFC 2606, RFC 6761): never a published site.
EXAMPLE_DOMAINS = ("example.com", "example.net", "example.org")
RESERVED_TOP_LEVEL = ("example", "test", "invalid", "localhost")


def problems(site: dict) -> list[str]:
    """What is missing or still a placeholder, one line per field."""
    found = []
    for key, label in FIELDS.items():
        value = str(site.get(key) or "").strip()
        if not value or PLACEHOLDER in value:
            found.append(f"extra.site.{key} ({label}): found {value or 'nothing'!r}; expected the real value")
    return found


def address_problem(site_url: Optional[str]) -> Optional[str]:
    """Why ``site_url`` cannot be the address of a published site, or None when it can."""
    url = (site_url or "").strip()
    if not url:
        return "site_url: found nothing; expected the address the site is published at: set SITE_URL"
    parts = urlsplit(url)
    host = (parts.hostname or "").rstrip(".").lower()
    expected = "expected the public address the site is published at, such as https://www.<县>.gov.cn/zcjd/: set SITE_URL"
    if parts.scheme not in ("http", "https") or not host:
        return f"site_url: found {url!r}; {expected}"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        address = None
    if address is not None and (address.is_loopback or address.is_unspecified or address.is_link_local):
        return f"site_url: found {url!r}, a loopback or local address; {expected}"
    if host == "localhost" or host.rsplit(".", 1)[-1] in RESERVED_TOP_LEVEL:
        return f"site_url: found {url!r}, a name reserved for local use and tests; {expected}"
    if any(host == domain or host.endswith("." + domain) for domain in EXAMPLE_DOMAINS):
        return f"site_url: found {url!r}, a domain reserved for examples; {expected}"
    return None


def read_site_url(config_file: Path) -> str:
    """``site_url`` as MkDocs will see it (``!ENV [SITE_URL, …]`` resolved)."""
    from mkdocs.utils.yaml import yaml_load

    with open(config_file, encoding="utf-8") as handle:
        config = yaml_load(handle) or {}
    return str(config.get("site_url") or "")


def check_address(config_file: Path, release: bool) -> bool:
    """A release build stops on an address that is not a public one; other builds are previews."""
    problem = address_problem(read_site_url(config_file))
    if problem and release:
        print(f"ERROR   -  {config_file.name}: the site's address is not a public one:\n    {problem}\n"
              "    Links, QR codes, feeds and calendars would point there. Nothing was built; site/ is unchanged.",
              file=sys.stderr)
        return False
    return True


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
