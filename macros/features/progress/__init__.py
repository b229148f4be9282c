"""Progress: the reports departments send as CSV or .xlsx (policy_data/progress/), shown on each task page
(latest status, history, bars and charts as static SVG), on a progress page per plan (roll-ups per part,
department and status; what is past its deadline), on department pages, in the open data and the feed."""
from macros.core.feature import Feature, here

from .outputs import feed_entries, write_progress
from .pages import progress_pages
from .reading import load_progress
from .render import department_progress, progress_data_files, progress_format, progress_page, task_progress

FEATURE = Feature(
    name="progress",
    doc=__doc__,
    load=load_progress,
    pages=progress_pages,
    macros={"progress_page": progress_page},
    template_globals={"task_progress": task_progress, "department_progress": department_progress,
                      "progress_data_files": progress_data_files, "progress_format": progress_format},
    templates=here(__file__, "templates"),
    assets=here(__file__, "assets"),
    outputs=write_progress,
    feed_entries=feed_entries,
)
