"""The plain-language layer: explanations, glossary, questions, guides and policy notes.

Data: every task and the coordination part is explained; the words are short and carry no figure that
is not a target; broken data is reported with file, line and field. Site: the 解读 is marked and sits
above the official text; glossary marks leave the official text as it was and work by tap and on paper.

    .venv/bin/python -m pytest tests/plain_language/test_plain_language.py -q
    .venv/bin/python scripts/plain_report.py      # the figures
"""
from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

import pytest

from tests.support import mutate, page_html
from macros.core import urls
from macros.features.plain_language import queries as plain
from macros.core.load import DataErrors
from tests.support import load_catalog, transformed
from macros.features.plain_language.glossary_marks import mark_terms
from macros.core.models import squash
from scripts.plain_report import readability

PLAN = "daye-2023"
EXPLANATIONS = "plans/daye-2023/explanations.yaml"
AUDIENCES = {"农民工", "用人单位", "返乡创业者", "新就业形态从业者"}
WORKER_TOPICS = ["找工作", "学技能", "工资被拖欠", "社保和工伤", "住房", "孩子上学", "落户"]
MARK = re.compile(r'<a class="pp-term" href="#pp-note-([a-z0-9-]+)"[^>]*>([^<]+)</a>')


# ---------------------------------------------------------------- data


def test_every_task_and_the_coordination_part_are_explained(catalog):
    bundle = catalog.plan(PLAN)
    items = [item.id for item in bundle.items()]
    assert "p5" in items and len(items) == len(bundle.tasks) + 1
    for item_id in items:
        e = plain.explanation(bundle, item_id)
        assert e is not None, f"{item_id} has no explanation in {EXPLANATIONS}"
        assert e.what.startswith("方案"), f"{item_id}: say that this is what the (draft) plan proposes"
        assert len(e.keywords) >= 5, f"{item_id}: give the everyday words readers use"
        assert e.ask, f"{item_id}: name a department to ask"


def test_there_are_enough_terms_questions_and_guides(catalog):
    assert len(plain.glossary(catalog)) >= 30
    questions = plain.questions(catalog)
    assert len(questions) >= 30
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", q.id) for q in questions)
    for theme, found in plain.questions_by_theme(catalog):
        assert found, f"theme {theme.id} has no questions"
    guides = plain.guides(catalog)
    assert {g.audience for g in guides} == AUDIENCES
    workers = next(g for g in guides if g.audience == "农民工")
    assert [s.heading for s in workers.sections][:len(WORKER_TOPICS)] == WORKER_TOPICS


def test_sentences_are_short(catalog):
    figures = readability(catalog)
    print(f"\nreadability: {figures}")
    assert figures["sentences"] > 300
    assert figures["average"] <= 25
    assert figures["longest"] <= 60


def test_sentences_are_cut_where_a_reader_stops():
    assert plain.sentences("方案提出，要做。“春暖农民工”开展！可以问吗？") == ["方案提出，要做。", "“春暖农民工”开展！", "可以问吗？"]
    assert plain.sentences("他说：“要做。”然后走了。") == ["他说：“要做。”", "然后走了。"]
    assert plain.han_count("2023年底达到50%以上。") == 6


def test_plain_texts_give_no_contact_details_or_links(catalog):
    for entry in plain.plain_texts(catalog):
        assert not re.search(r"@|https?:|www\.|\d{5,}", entry.text), (entry.file, entry.path, entry.text)


def test_every_figure_in_plain_text_is_a_target(catalog):
    """The loader's check passes on the real data, and every figure it allows is a target or its year."""
    bundle = catalog.plan(PLAN)
    targets = {f"{v:g}" for _, t in bundle.targets() for v in (t.value, t.min, t.max) if v is not None}
    years = {str(e.period.year) for e in bundle.dated_entries() if e.period.year}
    found = {n for entry in plain.plain_texts(catalog) for n in re.findall(r"\d+(?:\.\d+)?", entry.text)}
    assert found, "no figures at all: the check would prove nothing"
    assert found <= targets | years, found - targets - years


# ---------------------------------------------------------------- broken data is reported


def errors_of(data: Path) -> list[str]:
    with pytest.raises(DataErrors) as raised:
        load_catalog(data)
    return [str(error) for error in raised.value.errors]


def test_a_figure_that_is_no_target_is_reported(data_copy):
    line = mutate(data_copy, EXPLANATIONS, "目标是2023年全市脱贫人口务工规模不低于5357人。",
                  "目标是2023年全市脱贫人口务工规模不低于5358人。")
    errors = errors_of(data_copy)
    assert any(e.startswith(f"policy_data/{EXPLANATIONS}:{line}: explanations[3].what: found '5358'") and "5357" in e
               for e in errors), errors


def test_a_figure_of_another_task_is_reported(data_copy):
    mutate(data_copy, "questions.yaml", "它把零工驿站、职工之家", "600家驿站，它把零工驿站、职工之家")
    assert any("questions.yaml" in e and "found '600'" in e for e in errors_of(data_copy))


def test_a_long_sentence_is_reported(data_copy):
    long = "方案提出" + "、".join(["稳岗返还", "社会保险补贴", "免申即享", "直补快办"] * 5) + "。"
    line = mutate(data_copy, EXPLANATIONS, "企业稳住了，", long)
    errors = errors_of(data_copy)
    assert any(e.startswith(f"policy_data/{EXPLANATIONS}:{line}: explanations[0].for_you: found a sentence of")
               and "at most 60" in e for e in errors), errors


def test_unknown_references_are_reported(data_copy):
    mutate(data_copy, "questions.yaml", 'tasks: ["t02", "t06"]', 'tasks: ["t02", "t99"]')
    mutate(data_copy, "guides.yaml", '"village-employment-staff", ', '"no-such-question", ')
    mutate(data_copy, "glossary.yaml", 'term: "零工驿站"', 'term: "零工站点"')
    errors = "\n".join(errors_of(data_copy))
    assert re.search(r"questions\.yaml:\d+: questions\[0\]\.tasks\[1\]: found 't99'; expected a task id", errors)
    assert re.search(r"guides\.yaml:\d+: guides\[0\]\.sections\[0\]\.questions\[2\]: found 'no-such-question'", errors)
    assert re.search(r"glossary\.yaml:\d+: terms\[\d+\]\.term: found '零工站点'; expected a word that appears", errors)


def test_asking_a_unit_that_is_not_responsible_is_reported(data_copy):
    line = mutate(data_copy, EXPLANATIONS, 'ask: ["jyj"]', 'ask: ["ybj"]')
    errors = errors_of(data_copy)
    assert any(e.startswith(f"policy_data/{EXPLANATIONS}:{line}: explanations[19].ask[0]: found 'ybj'") for e in errors), errors


def test_a_gap_filled_without_a_source_is_reported(data_copy):
    mutate(data_copy, EXPLANATIONS, '- need: "招聘活动的时间和地点"\n        ask: "rsj"',
           '- need: "招聘活动的时间和地点"\n        ask: "rsj"\n        value: "每月一次"')
    assert any("explanations[1].gaps[0]" in e and "`source`" in e for e in errors_of(data_copy))


# ---------------------------------------------------------------- the built site


def article(html: str) -> str:
    return re.split(r'<article class="md-content__inner[^>]*>', html, maxsplit=1)[1].split("</article>", 1)[0]


def text(fragment: str) -> str:
    return html_lib.unescape(re.sub(r"<[^>]+>", "", fragment))


def test_task_pages_show_the_explanation_above_the_official_text(site, catalog):
    bundle = catalog.plan(PLAN)
    for task in bundle.tasks:
        body = article(page_html(site, urls.task(PLAN, task.id)))
        e = plain.explanation(bundle, task.id)
        assert body.index('id="plain"') < body.index('id="official-text"'), task.id
        block = body.split('<section class="pp-plain"', 1)[1].split("</section>", 1)[0]
        assert "不是原文" in block, task.id
        shown = squash(text(block))
        for field in (e.what, e.for_you, e.how_to):
            assert squash(field) in shown, (task.id, field)
        keywords = block.split("相关说法", 1)[1]
        assert all(f'<span class="pp-keyword">{word}</span>' in keywords for word in e.keywords), task.id
        for gap in e.gaps:
            assert f"{gap.need}：<strong class=\"pp-gap\">待公布</strong>，可以问" in block, (task.id, gap.need)
            assert f'departments/{gap.ask}/"' in block.split(gap.need, 1)[1].split("</li>", 1)[0]


def test_task_pages_show_their_questions(site, catalog):
    for task_id, question_id in (("t16", "boss-not-paying"), ("t21", "settle-in-city"), ("t07", "business-loan")):
        body = article(page_html(site, urls.task(PLAN, task_id)))
        q = plain.question(catalog, question_id)
        questions = body.split('<section class="pp-plain pp-plain--questions"', 1)[1]
        assert squash(q.question) in squash(text(questions)) and squash(q.answer) in squash(text(questions))
        assert f'href="../../../../questions/#{q.id}"' in questions
    body = article(page_html(site, urls.part(PLAN, "p5")))
    assert 'id="plain"' in body and 'href="../../../../questions/#one-stop"' in body


def test_questions_page_is_grouped_by_theme_and_links_to_tasks(site, catalog):
    body = article(page_html(site, urls.questions()))
    position = 0
    for theme, found in plain.questions_by_theme(catalog):
        position = body.index(f'id="{urls.question_theme_anchor(theme.id)}"', position)
        for q in found:
            at = body.index(f'<h3 id="{q.id}">', position)
            entry = body[at:].split('<div class="pp-question">', 1)[0]
            for item_id in q.tasks:
                kind = "parts" if item_id.startswith("p") else "tasks"
                assert f'href="../plans/{PLAN}/{kind}/{item_id}/"' in entry, (q.id, item_id)
    assert "不是原文" in text(body)


def test_glossary_page_defines_every_term(site, catalog):
    body = article(page_html(site, urls.glossary()))
    for term in plain.glossary(catalog):
        assert f'<dt id="{term.id}">{term.term}' in body
        assert html_lib.escape(term.definition, quote=False) in body
    assert "pp-term" not in body, "the glossary page is not marked"


def test_guides_point_to_tasks_questions_and_departments(site, catalog):
    index = article(page_html(site, urls.guides()))
    for guide in plain.guides(catalog):
        assert f'href="{guide.id}/"' in index
        body = article(page_html(site, urls.guide(guide.id)))
        for section in guide.sections:
            part = body.split(f'<h2 id="{section.id}">', 1)[1].split("</section>", 1)[0]
            for item_id in section.tasks:
                kind = "parts" if item_id.startswith("p") else "tasks"
                assert f'href="../../plans/{PLAN}/{kind}/{item_id}/"' in part, (guide.id, section.id, item_id)
            for question_id in section.questions:
                assert f'href="../../questions/#{question_id}"' in part, (guide.id, question_id)
            for org_id in section.ask:
                assert f'href="../../departments/{org_id}/"' in part, (guide.id, org_id)


def test_the_home_page_leads_to_the_guides(site, catalog):
    body = article(page_html(site, ""))
    entry = body.split('<nav class="pp-entry"', 1)[1].split("</nav>", 1)[0]
    for guide in plain.guides(catalog):
        assert f'href="guides/{guide.id}/">{guide.title}</a>' in entry
    assert 'href="questions/"' in entry and 'href="glossary/"' in entry


def test_related_policies_are_explained_and_linked_both_ways(site, catalog):
    body = article(page_html(site, urls.references()))
    notes = plain.reference_notes(catalog)
    for note in notes.notes:
        section = body.split(f'<section class="pp-reference" id="{note.reference}">', 1)[1].split("</section>", 1)[0]
        assert squash(note.plain) in squash(text(section)), note.reference
        assert "解读" in section
    for law in notes.related_laws:
        section = body.split(f'id="{law.id}"', 1)[1].split("</section>", 1)[0]
        assert law.doc_number in section and "方案原文没有提到" in text(section)
        for task_id in law.tasks:
            assert f'href="../plans/{PLAN}/tasks/{task_id}/"' in section
    task_page = page_html(site, urls.task(PLAN, "t16"))
    assert 'href="../../../../policies/#zunfa-shoufa"' in task_page


# ---------------------------------------------------------------- glossary marks


def test_marks_keep_the_official_text_and_mark_each_term_once(site, catalog):
    bundle = catalog.plan(PLAN)
    words = {w: t.id for t in plain.glossary(catalog) for w in (t.term, *t.aliases)}
    for task in bundle.tasks:
        body = article(page_html(site, urls.task(PLAN, task.id)))
        official = body.split('<blockquote class="pp-official">', 1)[1].split("</blockquote>", 1)[0]
        assert text(official) == f"{task.number}. {task.title}。{task.text}", task.id
        marks = MARK.findall(body)
        ids = [term_id for term_id, _ in marks]
        assert len(ids) == len(set(ids)), (task.id, ids)
        for term_id, word in marks:
            assert words[word] == term_id
        notes = page_html(site, urls.task(PLAN, task.id)).split("</article>", 1)[1]
        assert [f"pp-note-{i}" for i in ids] == re.findall(r'<li id="(pp-note-[a-z0-9-]+)"', notes)
    t01 = article(page_html(site, urls.task(PLAN, "t01")))
    assert 'href="#pp-note-job-stabilization-refund"' in t01 and 'href="#pp-note-no-application-needed"' in t01


def test_the_first_occurrence_outside_links_and_headings_is_marked(catalog):
    page = ('<html><body><a href="x">零工驿站</a><article class="md-content__inner md-typeset"><h2>零工驿站</h2>'
            '<p><a href="y">零工驿站</a>推动零工驿站延伸，零工驿站示范店；灵活就业。</p></article></body></html>')
    marked = transformed(catalog, page, "plans/daye-2023/tasks/t06/", mark_terms)
    body = article(marked)
    assert text(body) == text(article(page)), "the article keeps its text; the list follows it"
    assert "本页词语解释" in marked.split("</article>", 1)[1]
    assert body.count('class="pp-term"') == 2
    assert '<h2>零工驿站</h2><p><a href="y">零工驿站</a>推动<a class="pp-term" href="#pp-note-gig-station"' in body
    assert "零工驿站</a>延伸，零工驿站示范店" in body
    assert 'href="../../../../glossary/#gig-station"' in marked
    assert '<body><a href="x">零工驿站</a>' in marked, "only the article is marked"


def test_a_stray_end_tag_cannot_move_a_mark_into_a_heading(catalog):
    """The old string-based marker kept its own tag stack; `</p>` inside a heading emptied it."""
    page = ('<html><body><article class="md-content__inner md-typeset"><h2>标题</p>工伤保险</h2>'
            '<p>参加工伤保险。</p></article></body></html>')
    marked = article(transformed(catalog, page, "plans/daye-2023/tasks/t09/", mark_terms))
    heading = marked.split("</h2>", 1)[0]
    assert "pp-term" not in heading, heading
    assert '<a class="pp-term"' in marked.split("</h2>", 1)[1], "the word is marked where it may be: in the paragraph"


def test_marks_stay_out_of_links_and_headings(site):
    for path in (urls.task(PLAN, "t15"), urls.plan_text(PLAN), urls.questions(), urls.guide("workers")):
        body = article(page_html(site, path))
        assert MARK.search(body), path
        for tag, inner in re.findall(r'<(h[1-6]|a)\b(?![^>]*class="pp-term")[^>]*>(.*?)</\1>', body, flags=re.S):
            assert 'class="pp-term"' not in inner, (path, tag, inner[:200])


def test_a_tap_shows_the_definition_in_place(server, browser):
    context = browser.new_context(locale="zh-CN", has_touch=True, is_mobile=True, viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(server + urls.task(PLAN, "t01"))
        term = page.locator('a.pp-term[href="#pp-note-job-stabilization-refund"]')
        word = term.inner_text()
        definition = term.get_attribute("data-def")
        term.tap()
        bubble = page.locator(".pp-term-bubble")
        bubble.wait_for(state="visible")
        assert bubble.inner_text() == f"{word}：{definition}"
        assert page.url.endswith("/t01/"), "the tap must not jump away"
        box, anchor = bubble.bounding_box(), term.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390 and box["y"] >= anchor["y"]
        page.locator("h1").tap()
        bubble.wait_for(state="hidden")
    finally:
        context.close()


def test_marks_print_as_numbered_notes(server, browser):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(server + urls.task(PLAN, "t16"))
        page.emulate_media(media="print")
        first = page.locator("a.pp-term").first
        number = first.get_attribute("data-n")
        after = page.evaluate("(el) => getComputedStyle(el, '::after').content", first.element_handle())
        assert after == f'"{number}"'
        notes = page.locator(".pp-gloss-notes")
        assert notes.is_visible()
        assert "本页词语解释" in notes.inner_text()
        assert notes.locator("li").count() == page.locator("a.pp-term").count()
    finally:
        context.close()
