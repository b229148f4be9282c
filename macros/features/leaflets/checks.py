"""Cross-reference checks of ``leaflets.yaml``: plan, tasks, questions, contacts and figures."""
from __future__ import annotations

from macros.core.catalog import Catalog
from macros.core.checks import NUMBER, allowed_figures, duplicates, one_of

from .queries import FILE, leaflet_list, questions_by_id


def leaflets_refer_to_data(catalog: Catalog, report) -> None:
    leaflets = leaflet_list(catalog)
    if not leaflets:
        return
    file = catalog.file(FILE)
    duplicates(report, file, leaflets, ("leaflets",), "leaflet")
    questions = questions_by_id(catalog)
    for index, leaflet in enumerate(leaflets):
        path = ("leaflets", index)
        bundle = catalog.plans.get(leaflet.plan)
        if bundle is None:
            report(file, path + ("plan",), repr(leaflet.plan), "a plan id, " + one_of(catalog.plans))
            continue
        task_ids = [task.id for task in bundle.tasks]
        carried = []
        for number, section in enumerate(leaflet.sections):
            tasks = []
            for position, task_id in enumerate(section.tasks):
                if task_id not in task_ids:
                    report(file, path + ("sections", number, "tasks", position), repr(task_id),
                           f"a task id of plan {leaflet.plan!r}, " + one_of(task_ids))
                else:
                    tasks.append(bundle.task(task_id))
            carried += tasks
            figures = allowed_figures(bundle, tasks)
            for point_index, point in enumerate(section.points):
                for figure in NUMBER.findall(point):
                    if figure not in figures:
                        report(file, path + ("sections", number, "points", point_index), repr(figure),
                               "only figures that are targets (or deadline years) of this section's tasks: "
                               + (", ".join(sorted(figures)) or "(these tasks have none)"))
        responsible = {unit for task in carried for unit in bundle.responsibility(task).units}
        for position, org_id in enumerate(leaflet.contacts):
            if org_id not in catalog.organizations:
                report(file, path + ("contacts", position), repr(org_id),
                       "an organization id from organizations.yaml, " + one_of(catalog.organizations))
            elif org_id not in responsible:
                report(file, path + ("contacts", position), repr(org_id),
                       "a unit responsible for one of the leaflet's tasks, " + one_of(responsible))
        for position, question_id in enumerate(leaflet.questions):
            if questions is None:
                continue  # checked once questions.yaml exists; until then the leaflet prints without them
            if question_id not in questions:
                report(file, path + ("questions", position), repr(question_id),
                       "a question id from questions.yaml, " + one_of(questions))
            elif not set(questions[question_id].tasks) & {task.id for task in carried}:
                report(file, path + ("questions", position), repr(question_id),
                       "a question that rests on one of the leaflet's tasks (this one rests on "
                       + ", ".join(questions[question_id].tasks) + ")")
