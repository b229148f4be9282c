"""Reading aids for older readers (适老化) in headless Chromium: large text (at least 150%), high contrast,
read aloud (speech synthesis, zh-CN, play/stop), remembered across pages; line spacing; no pop-ups;
hidden on paper and without JavaScript.
"""
from __future__ import annotations

import pytest

from tests.browser_checks import set_modes

TEXT_SIZE = "() => parseFloat(getComputedStyle(document.querySelector('.md-content p')).fontSize)"
COLOURS = """() => { const s = getComputedStyle(document.querySelector('.md-content p'));
  return [getComputedStyle(document.body).backgroundColor, s.color]; }"""

# Records what the page asks the speech engine to say; the browser's own engine is used otherwise.
SPEECH_RECORDER = """
window.__spoken = []; window.__cancelled = 0;
const engine = window.speechSynthesis;
engine.speak = (utterance) => { window.__spoken.push({text: utterance.text, lang: utterance.lang});
                                window.__lastUtterance = utterance; };
engine.cancel = () => { window.__cancelled += 1; };
"""


@pytest.fixture
def task_url(server, catalog):
    plan = next(iter(catalog.plans.values()))
    return server + f"plans/{plan.id}/tasks/{plan.tasks[0].id}/", server + f"plans/{plan.id}/tasks/{plan.tasks[1].id}/"


def test_the_controls_are_visible_buttons(page, task_url):
    page.goto(task_url[0])
    for name in ("大字", "高对比", "朗读正文"):
        button = page.get_by_role("button", name=name)
        assert button.is_visible(), name
        assert button.get_attribute("aria-pressed") == "false"
        box = button.bounding_box()
        assert box["height"] >= 40 and box["width"] >= 40, (name, box)  # big enough for a finger


def test_large_text_is_at_least_150_percent_and_remembered(page, task_url):
    page.goto(task_url[0])
    normal = page.evaluate(TEXT_SIZE)
    page.get_by_role("button", name="大字").click()
    assert page.get_by_role("button", name="大字").get_attribute("aria-pressed") == "true"
    assert page.evaluate(TEXT_SIZE) >= 1.5 * normal
    page.goto(task_url[1])  # another page: still large
    assert page.evaluate(TEXT_SIZE) >= 1.5 * normal
    assert page.get_by_role("button", name="大字").get_attribute("aria-pressed") == "true"
    page.get_by_role("button", name="大字").click()
    assert page.evaluate(TEXT_SIZE) == pytest.approx(normal)
    page.reload()
    assert page.evaluate(TEXT_SIZE) == pytest.approx(normal)


def test_high_contrast_is_white_on_black_and_remembered(page, task_url):
    page.goto(task_url[0])
    assert page.evaluate(COLOURS)[0] == "rgb(255, 255, 255)"
    page.get_by_role("button", name="高对比").click()
    assert page.evaluate(COLOURS) == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
    link = page.locator(".md-content a[href]").first
    assert link.evaluate("a => getComputedStyle(a).color") == "rgb(255, 235, 59)"
    page.goto(task_url[1])
    assert page.evaluate(COLOURS) == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
    assert page.evaluate("localStorage.getItem('pp-access')") == '{"contrast":true}'


def test_read_aloud_speaks_the_main_text_in_chinese_and_stops(browser, task_url, catalog):
    context = browser.new_context(locale="zh-CN")
    context.add_init_script(SPEECH_RECORDER)
    page = context.new_page()
    page.goto(task_url[0])
    button = page.get_by_role("button", name="朗读正文")
    button.click()
    spoken = page.evaluate("window.__spoken")
    assert spoken and {piece["lang"] for piece in spoken} == {"zh-CN"}
    text = "".join(piece["text"] for piece in spoken)
    task = next(iter(catalog.plans.values())).tasks[0]
    assert task.title in text and task.text[:30] in text
    assert "跳到正文" not in text and "大字" not in text  # the page's own controls are not read
    assert all(len(piece["text"]) <= 120 for piece in spoken)
    stop = page.get_by_role("button", name="停止朗读")
    assert stop.get_attribute("aria-pressed") == "true"
    stop.click()
    assert page.evaluate("window.__cancelled") >= 2  # once before speaking, once to stop
    assert page.get_by_role("button", name="朗读正文").get_attribute("aria-pressed") == "false"
    context.close()


def test_read_aloud_button_resets_when_speech_ends(browser, task_url):
    context = browser.new_context(locale="zh-CN")
    context.add_init_script(SPEECH_RECORDER)
    page = context.new_page()
    page.goto(task_url[0])
    page.get_by_role("button", name="朗读正文").click()
    page.evaluate("window.__lastUtterance.onend()")
    assert page.get_by_role("button", name="朗读正文").get_attribute("aria-pressed") == "false"
    context.close()


@pytest.mark.parametrize("large", [False, True], ids=["normal text", "large text"])
def test_body_text_line_spacing_is_at_least_one_and_a_half(browser, server, task_url, large):
    context = browser.new_context(locale="zh-CN")
    set_modes(context, large=large)
    page = context.new_page()
    tight = []
    for url in (server, *task_url):
        page.goto(url)
        tight += page.evaluate("""() => Array.from(document.querySelectorAll(
                '.md-content p, .md-content li, .md-content td, .md-content dd'))
            .filter(el => { const s = getComputedStyle(el);
                            return el.textContent.trim() && parseFloat(s.lineHeight) / parseFloat(s.fontSize) < 1.5; })
            .map(el => el.outerHTML.slice(0, 100) + ' ' + getComputedStyle(el).lineHeight)""")
    context.close()
    assert not tight, tight[:5]


def test_no_pop_ups_or_dialogs(page, task_url):
    events = []
    page.on("popup", lambda popup: events.append(f"popup {popup.url}"))
    page.on("dialog", lambda dialog: events.append(f"dialog {dialog.message}") or dialog.dismiss())
    page.goto(task_url[0])
    for name in ("大字", "高对比", "大字", "高对比"):
        page.get_by_role("button", name=name).click()
    page.goto(task_url[1])
    assert not events
    assert page.evaluate("window.open.toString()").endswith("{ [native code] }")


def test_controls_are_not_printed(page, task_url):
    page.goto(task_url[0])
    page.emulate_media(media="print")
    assert not page.locator(".pp-access").is_visible()
    assert not page.locator(".pp-skip").is_visible()


def test_without_javascript_the_bar_is_hidden_and_the_page_reads(browser, task_url, catalog):
    context = browser.new_context(locale="zh-CN", java_script_enabled=False)
    page = context.new_page()
    page.goto(task_url[0])
    assert not page.locator(".pp-access").is_visible()
    task = next(iter(catalog.plans.values())).tasks[0]
    assert task.title in page.locator("h1").inner_text()
    context.close()
