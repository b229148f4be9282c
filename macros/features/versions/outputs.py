"""The Atom feed: one entry per version of a plan (Feature.feed_entries)."""
from __future__ import annotations

from macros.core import urls
from macros.core.build_context import BuildContext
from macros.core.feature import FeedEntry
from macros.core.formats import chinese_date

from .queries import histories

CATEGORY = "方案版本"


def feed_entries(context: BuildContext) -> list[FeedEntry]:
    entries = []
    for plan_id, plan_history in histories(context.catalog).items():
        plan = context.catalog.plan(plan_id).plan
        for version in plan_history.versions:
            meta, previous = version.meta, plan_history.previous(version)
            frozen = context.canonical(urls.plan_version(plan_id, version.id))
            lines = [f"《{version.bundle.plan.title}》{meta.label}（{chinese_date(meta.date)}）：{frozen}"]
            if meta.note:
                lines.append(f"说明：{meta.note}")
            link = frozen
            if previous:
                c = plan_history.compare(previous, version)
                link = context.canonical(urls.version_changes(plan_id, previous.id, version.id))
                lines.append(f"与{previous.meta.label}相比：新增 {len(c.added)} 项任务，删去 {len(c.removed)} 项，"
                             f"改了文字 {len(c.reworded)} 项，改了序号 {len(c.renumbered)} 项（{link}）。")
                lines += [f"- {task_id}：{summary}" for task_id, summary in meta.changes.items()]
            entries.append(FeedEntry(id=frozen, title=f"方案版本：{plan.short_title}（{meta.label}）", date=meta.date,
                                     link=link, category=CATEGORY, content="\n".join(lines)))
    return entries
