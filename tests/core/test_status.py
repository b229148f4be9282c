"""Status is data: every sentence about where a plan stands comes from the wording table of
macros/core/status.py, follows the data on every surface, and bad status data gets a clear error."""
from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys

import pytest

from macros.core import status as wording
from macros.core.load import DataErrors
from macros.core.models import Status
from tests.support import ROOT, load_catalog, mutate

# Phrases that state or depend on a status. They may appear in the wording table only (and in the data).
STATUS_PHRASES = ("征求意见稿", "送审稿", "现行有效", "已废止", "已失效", "已修订", "尚未正式", "正式印发", "已印发")
# Where the phrases may appear, and why: the table itself; the importer and its page recognise them in
# the source documents an office imports (they read them, they never state a status).
ALLOWED = {"macros/core/status.py", "docs/about/importing.md"}
ALLOWED_FOLDERS = ("macros/importer/",)
SEARCHED = [*ROOT.glob("macros/**/*.py"), *ROOT.glob("macros/**/*.html"), *ROOT.glob("macros/**/*.js"),
            *ROOT.glob("macros/**/*.css"), *ROOT.glob("docs/**/*.md"), *ROOT.glob("scripts/**/*.py"), ROOT / "mkdocs.yml",
            ROOT / "README.md", ROOT / "ARCHITECTURE.md"]
DRAFT_WORDING = re.compile(r"征求意见稿|正在征求意见|意见征集|还在征求|尚未正式|送审稿|草稿|反馈修改意见")
# Pages for editors that document every status word (the wording table, what the importer recognises):
# they describe the vocabulary, they say nothing about a plan.
VOCABULARY_PAGES = ("about/data-format/", "about/importing/")


def test_status_phrases_live_only_in_the_wording_table():
    found = []
    for path in SEARCHED:
        relative = path.relative_to(ROOT).as_posix()
        if relative in ALLOWED or relative.startswith(ALLOWED_FOLDERS):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            found += [f"{relative}:{number}: {phrase}" for phrase in STATUS_PHRASES if phrase in line]
    assert found == []


def test_every_stage_has_its_wording():
    stages = Status.model_fields["stage"].annotation.__args__
    keys = set(wording.WORDING)
    assert {stage for stage in stages if stage != "consultation"} <= keys
    assert {"consultation", "consultation-open", "consultation-closed"} <= keys


def test_a_consultation_is_open_until_its_deadline_and_closed_after_it(catalog):
    bundle = catalog.plan("daye-2023")
    assert wording.consultation_end(bundle.plan.status, bundle.documents) == dt.date(2023, 7, 6)
    open_ = wording.plan_status(bundle, today=dt.date(2023, 7, 1))
    closed = wording.plan_status(bundle, today=dt.date(2023, 7, 7))
    assert open_.key == "consultation-open" and "截至2023年7月6日" in open_.line
    assert closed.key == "consultation-closed" and "已于2023年7月6日截止" in closed.line
    assert not open_.final and not closed.final


def test_the_built_site_says_the_consultation_closed(site):
    """Built in 2026: the consultation of 2023 has closed, and every page of the plan says so once, on top."""
    for path in ("plans/daye-2023/tasks/t01/index.html", "index.html", "plans/daye-2023/index.html"):
        html = (site / path).read_text(encoding="utf-8")
        lines = re.findall(r'<p class="pp-announce">([^<]*)</p>', html)
        assert lines == ["征求意见稿：意见征集已于2023年7月6日截止，正式文件尚未在本站发布。"], path


def _issued_daye(data):
    """The Daye plan as it would be once issued: status, date, 文号; its draft-only papers gone."""
    plan = data / "plans" / "daye-2023" / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    text = text.replace('status:\n  stage: "consultation"\n',
                        'status:\n  stage: "issued"\n  issued_on: 2023-09-01\n  doc_number: "冶人社发〔2023〕18号"\n')
    text = text.replace('status_line: "(征求意见稿)"\n', "")
    plan.write_text(text, encoding="utf-8")
    (data / "plans" / "daye-2023" / "documents.yaml").unlink()  # the consultation letter and the draft notice
    glossary = data / "glossary.yaml"
    glossary.write_text(re.sub(r'  - id: "draft-for-comment"\n(    .*\n)+', "", glossary.read_text(encoding="utf-8")),
                        encoding="utf-8")
    changes = data / "changes.yaml"
    changes.write_text(changes.read_text(encoding="utf-8").replace("（征求意见稿）", ""), encoding="utf-8")


def _texts(site):
    """Every published text: the HTML's visible text, PDF text (pdftotext), ICS, Atom, JSON, CSV."""
    import lxml.html

    for path in sorted(site.rglob("*")):
        if path.suffix == ".html":
            tree = lxml.html.document_fromstring(path.read_bytes())
            for element in tree.iter("script", "style"):
                element.drop_tree()
            yield path, tree.text_content()
        elif path.suffix in (".ics", ".xml", ".json", ".csv"):
            yield path, path.read_text(encoding="utf-8-sig")
        elif path.suffix == ".pdf":
            yield path, subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_an_issued_plan_is_never_called_a_draft(data_copy, tmp_path):
    _issued_daye(data_copy)
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, str(ROOT / "scripts/build.py"), "--data", str(data_copy), "--site-dir", str(site)],
                            capture_output=True, text=True, timeout=900,
                            env={**__import__("os").environ, "SITE_URL": "https://example.gov.cn/zcjd/"})
    assert result.returncode == 0, result.stderr[-3000:]
    checked = 0
    for path, text in _texts(site):
        relative = path.relative_to(site).as_posix()
        if path.name.endswith(".schema.json") or "pagefind" in path.parts or relative.startswith(VOCABULARY_PAGES):
            continue
        draft = DRAFT_WORDING.findall(text)
        assert not draft, f"{path.relative_to(site)}: {sorted(set(draft))}"
        checked += 1
    assert checked > 100
    task = (site / "plans/daye-2023/tasks/t01/index.html").read_text(encoding="utf-8")
    assert "现行有效：2023年9月1日印发（冶人社发〔2023〕18号）。" in task
    export = json.loads((site / "data/daye-2023/plan.json").read_text(encoding="utf-8"))
    assert export["status"] == "现行有效" and export["plan"]["status"]["doc_number"] == "冶人社发〔2023〕18号"
    assert "冶人社发〔2023〕18号" in subprocess.run(["pdftotext", str(site / "downloads/daye-2023-plan-text.pdf"), "-"],
                                                  capture_output=True, text=True).stdout


STATUS_BLOCK = 'status:\n  stage: "consultation"\n'


@pytest.mark.parametrize("new, field, expected", [
    ('status:\n  stage: "final"\n', "status.stage", "'consultation', 'submitted', 'issued'"),
    ('status:\n  stage: "issued"\n', "status", "`issued_on`, `doc_number`"),
    ('status:\n  stage: "issued"\n  issued_on: 2023-09-01\n', "status", "`doc_number`"),
    ('status:\n  stage: "repealed"\n  issued_on: 2023-09-01\n  doc_number: "x"\n', "status", "`ended_on`, `ended_by`"),
])
def test_bad_status_gets_a_clear_error(data_copy, new, field, expected):
    line = mutate(data_copy, "plans/daye-2023/plan.yaml", STATUS_BLOCK, new)
    with pytest.raises(DataErrors) as raised:
        load_catalog(data_copy)
    message = str(raised.value)
    assert f"policy_data/plans/daye-2023/plan.yaml:{line}: {field}" in message or \
        f"policy_data/plans/daye-2023/plan.yaml:{line + 1}: {field}" in message, message
    assert expected in message, message


def test_an_uninterpretable_deadline_names_the_accepted_forms(data_copy):
    mutate(data_copy, "plans/daye-2023/tasks.yaml", '          text: "一季度"\n          value: "2023-Q1"\n',
           '          text: "适时"\n')
    with pytest.raises(DataErrors) as raised:
        load_catalog(data_copy)
    message = str(raised.value)
    assert "tasks.yaml:" in message and "tasks[0].milestones[0].deadline" in message
    assert "'适时'" in message and "quarterly@2024" in message and "continuous" in message


def test_a_unit_cannot_lead_and_support_at_once(data_copy):
    line = mutate(data_copy, "plans/daye-2023/plan.yaml", '      lead: []\n',
                  '      lead: ["rsj"]\n      support: ["rsj"]\n')
    with pytest.raises(DataErrors) as raised:
        load_catalog(data_copy)
    message = str(raised.value)
    assert "plan.yaml:" in message and "parts[0].responsibility" in message and "not both: rsj" in message


def test_an_unknown_unit_is_named_with_the_known_ones(data_copy):
    line = mutate(data_copy, "plans/daye-2023/plan.yaml", '        - "fgw"\n', '        - "no-such-unit"\n')
    with pytest.raises(DataErrors) as raised:
        load_catalog(data_copy)
    assert f"plans/daye-2023/plan.yaml:{line}: parts[0].responsibility.units[1]: found 'no-such-unit'" in str(raised.value)


def test_plans_cannot_implement_each_other_in_a_circle(tmp_path):
    from tests.fixtures.combine import combined_policy_data

    data = combined_policy_data(tmp_path / "policy_data")
    daye, other = data / "plans/daye-2023/plan.yaml", data / "plans/test-qinghe-2024/plan.yaml"
    daye.write_text(daye.read_text(encoding="utf-8") + 'implements_plans: ["test-qinghe-2024"]\n', encoding="utf-8")
    other.write_text(other.read_text(encoding="utf-8").replace("implements: []\n", 'implements: []\nimplements_plans: ["daye-2023"]\n'),
                     encoding="utf-8")
    with pytest.raises(DataErrors) as raised:
        load_catalog(data)
    message = str(raised.value)
    assert "implements_plans[0]" in message and "circle" in message and "daye-2023 → test-qinghe-2024 → daye-2023" in message
