"""Open data read back: plan.json against its JSON Schema and the data, the CSVs as a spreadsheet reads
them, and every URL in them pointing at a built page (and anchor)."""
from __future__ import annotations

import csv
import io
import json
from urllib.parse import urlparse

import jsonschema
import pytest

from macros.core import urls
from macros.features.open_data import exports as open_data
from scripts import url_manifest


@pytest.fixture(scope="module")
def export(site):
    return json.loads((site / urls.plan_json("daye-2023")).read_text(encoding="utf-8"))


def _walk_urls(value, base_url):
    if isinstance(value, dict):
        for item in value.values():
            yield from _walk_urls(item, base_url)
    elif isinstance(value, list):
        for item in value:
            yield from _walk_urls(item, base_url)
    elif isinstance(value, str) and value.startswith(("http://", "https://")):
        yield value


def test_plan_json_validates_against_the_published_schema(site, export, base_url):
    schema = json.loads((site / urls.export_schema()).read_text(encoding="utf-8"))
    assert schema["$id"] == base_url + urls.export_schema()
    assert export["$schema"] == schema["$id"]
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(export)
    broken = dict(export, tasks=[dict(export["tasks"][0], number="one")])
    with pytest.raises(jsonschema.ValidationError):  # the schema is strict enough to catch a bad file
        jsonschema.Draft202012Validator(schema).validate(broken)


def test_plan_json_holds_every_part_task_target_and_document(export, catalog):
    bundle = catalog.plan("daye-2023")
    assert export["status"] == bundle.status.label == "征求意见稿" and export["status_note"] == bundle.status.sentence
    assert export["plan"]["status"]["stage"] == bundle.plan.status.stage == "consultation"
    assert export["plan"]["title"] == bundle.plan.title
    assert [p["id"] for p in export["parts"]] == [p.id for p in bundle.parts]
    assert [t["id"] for t in export["tasks"]] == [t.id for t in bundle.tasks]
    assert [d["id"] for d in export["documents"]] == [d.id for d in bundle.documents]
    explained = open_data.explanations(bundle)
    for task, data in zip(bundle.tasks, export["tasks"]):
        assert (data["number"], data["title"], data["text"], data["part"]) == (task.number, task.title, task.text, task.part)
        responsibility = bundle.responsibility(task)
        assert data["responsibility"]["units"] == list(responsibility.units)
        assert data["responsibility"]["source"] == responsibility.source
        assert data["references"] == list(task.references)
        plain = explained.get(task.id)
        assert data["plain"] == (plain.model_dump(mode="json") if plain else None), task.id
    exported_targets = {t["id"]: t for item in export["tasks"] + export["parts"] for t in item["targets"]}
    assert set(exported_targets) == {target.id for _, target in bundle.targets()}
    for item, target in bundle.targets():
        data = exported_targets[target.id]
        assert (data["metric"], data["comparator"], data["value"], data["min"], data["max"], data["unit"], data["scope"]) \
            == (target.metric, target.comparator, target.value, target.min, target.max, target.unit, target.scope)
        if target.deadline:
            period = target.deadline.period
            assert data["deadline"]["text"] == target.deadline.text
            assert data["deadline"]["period"]["first_day"] == period.first_day.isoformat()
            assert data["deadline"]["period"]["last_day"] == period.last_day.isoformat()
        else:
            assert data["deadline"] is None
    milestones = {m["id"]: m for item in export["tasks"] + export["parts"] for m in item["milestones"]}
    assert milestones["q1-job-policies"]["deadline"]["period"]["iso"] == "2023-01-01/2023-03-31"
    spring = milestones["spring-warmth"]
    assert spring["deadline"]["period"]["kind"] == "recurring" and spring["deadline"]["period"]["first_day"] is None
    assert spring["in_calendar"] is False
    letter = next(d for d in export["documents"] if d["id"] == "consultation-letter")
    assert letter["deadline"]["period"]["iso"] == "2023-07-06T16:00" and letter["deadline"]["inferred"]
    assert {o["id"] for o in export["organizations"]} >= set(bundle.responsible_units())
    assert {r["id"] for r in export["references"]} >= set(bundle.plan.implements)


def test_every_url_in_the_exports_is_a_built_page_or_file(site, export, catalog, base_url):
    found = list(_walk_urls(export, base_url))
    for name in ("tasks.csv", "targets.csv"):
        found += [row["url"] for row in _read_csv(site / "data" / "daye-2023" / name)]
    assert len(found) > 60
    paths = [url[len(base_url):] for url in found if url.startswith(base_url)]
    assert len(paths) == len(found), [url for url in found if not url.startswith(base_url)]
    assert url_manifest.broken(sorted(set(paths)), site, catalog) == []


def _read_csv(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name}: UTF-8 with BOM so that Excel reads the Chinese"
    assert b"\r\n" in raw
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_tasks_csv_has_one_row_per_task(site, catalog):
    bundle = catalog.plan("daye-2023")
    rows = _read_csv(site / urls.tasks_csv("daye-2023"))
    assert list(rows[0]) == [name for name, _ in open_data.TASK_COLUMNS]
    assert [row["task_id"] for row in rows] == [task.id for task in bundle.tasks]
    for task, row in zip(bundle.tasks, rows):
        assert row["number"] == str(task.number) and row["title"] == task.title and row["text"] == task.text
        assert row["responsible_unit_ids"].split(";") == list(bundle.responsibility(task).units)
        assert row["targets"] == ";".join(t.id for t in task.targets)


def test_targets_csv_has_one_row_per_target(site, catalog):
    bundle = catalog.plan("daye-2023")
    rows = _read_csv(site / urls.targets_csv("daye-2023"))
    assert list(rows[0]) == [name for name, _ in open_data.TARGET_COLUMNS]
    assert [row["target_id"] for row in rows] == [target.id for _, target in bundle.targets()]
    for (item, target), row in zip(bundle.targets(), rows):
        assert row["metric"] == target.metric and row["unit"] == target.unit and row["source"] == target.source
        for field in ("value", "min", "max"):
            expected = getattr(target, field)
            assert (float(row[field]) if row[field] else None) == expected, (target.id, field)
        assert row["deadline_text"] == (target.deadline.text if target.deadline else "")
        assert urlparse(row["url"]).fragment == f"target-{target.id}"


def test_the_data_page_documents_every_file_and_field(site):
    html = (site / "data" / "index.html").read_text(encoding="utf-8")
    for link in ("daye-2023/plan.json", "daye-2023/tasks.csv", "daye-2023/targets.csv", "plan.schema.json",
                 "../calendar/daye-2023.ics", "../changes/feed.xml"):
        assert f'href="{link}"' in html, link
    for name, _ in open_data.TASK_COLUMNS + open_data.TARGET_COLUMNS:
        assert f"<code>{name}</code>" in html, name
    for field in open_data.PlanExport.model_json_schema(by_alias=True)["$defs"]["Task"]["properties"]:
        assert f"<code>{field}</code>" in html, field
    assert "春节" in html and "日历里没有这一项" in html
