"""The change log as an Atom feed (RFC 4287) that a department can subscribe to."""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from macros.core import urls
from macros.core.build_context import BuildContext
from macros.core.changes import pages_of_item
from macros.core.site_map import site_map

from .render import item_label

ATOM = "http://www.w3.org/2005/Atom"
BEIJING = dt.timezone(dt.timedelta(hours=8))


def _timestamp(day: dt.date) -> str:
    """A change is dated by day; Atom wants a moment: the start of that day, Beijing time."""
    return dt.datetime(day.year, day.month, day.day, tzinfo=BEIJING).isoformat()


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    if text is not None:
        element.text = text
    return element


def atom_feed(context: BuildContext) -> bytes:
    catalog, canonical = context.catalog, context.canonical
    ET.register_namespace("", ATOM)
    entries = catalog.changes()
    # Other features' entries (e.g. new progress reports, Feature.feed_entries): after the changes, newest first.
    extra = [entry for feature in catalog.features if feature.feed_entries for entry in feature.feed_entries(context)]
    site_name = context.site_name or "本站"
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "zh-CN"})
    _add(feed, "id", canonical(urls.changes()))
    _add(feed, "title", f"{site_name}：更新记录")
    _add(feed, "subtitle", f"本站自己的更新记录（不是政府发文的日期）。{catalog.status_line}")
    _add(feed, "updated", _timestamp(max((*(c.date for c in entries), *(e.date for e in extra)), default=dt.date(1970, 1, 1))))
    _add(feed, "link", rel="self", type="application/atom+xml", href=canonical(urls.changes_feed()))
    _add(feed, "link", rel="alternate", type="text/html", href=canonical(urls.changes()))
    author = _add(feed, "author")
    _add(author, "name", site_name)
    _add(author, "uri", canonical(urls.home()))
    pages = site_map(catalog).paths
    for change in entries:
        link = canonical(urls.changes() + "#" + urls.change_anchor(change.id))
        entry = _add(feed, "entry")
        _add(entry, "id", link)
        _add(entry, "title", f"{change.kind}：{change.title}")
        _add(entry, "published", _timestamp(change.date))
        _add(entry, "updated", _timestamp(change.date))
        _add(entry, "link", rel="alternate", type="text/html", href=link)
        _add(entry, "category", term=change.kind)
        lines = [change.summary]
        if change.note:
            lines.append(f"说明：{change.note}")
        lines.append("涉及：")
        for ref in change.items:
            affected = sorted(pages_of_item(catalog, ref, pages))
            where = canonical(affected[0]) if len(affected) == 1 else f"{len(affected)} 个网页"
            lines.append(f"- {item_label(catalog, ref)}（{where}）")
        _add(entry, "content", "\n".join(lines), type="text")
    for other in sorted(extra, key=lambda e: e.date, reverse=True):
        entry = _add(feed, "entry")
        _add(entry, "id", other.id)
        _add(entry, "title", other.title)
        _add(entry, "published", _timestamp(other.date))
        _add(entry, "updated", _timestamp(other.date))
        _add(entry, "link", rel="alternate", type="text/html", href=other.link)
        _add(entry, "category", term=other.category)
        _add(entry, "content", other.content, type="text")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def write_feed(context: BuildContext) -> None:
    if context.catalog.shared_files.get("changes.yaml"):
        context.write(urls.changes_feed(), atom_feed(context))
