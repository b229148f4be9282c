"""Accessibility in headless Chromium: axe-core (WCAG 2.0/2.1 A and AA) on every page, keyboard use,
skip link, headings, landmarks, and a phone-sized screen (375 px) with and without large text.

axe-core comes from the npm registry (package.json; `make test` runs `npm ci`). Figures per page kind:
`.venv/bin/python tests/browser_checks.py`.
"""
from __future__ import annotations

import pytest

from tests.browser_checks import describe, open_search, run_axe, set_modes

MODES = {"large text": {"large": True}, "high contrast": {"contrast": True},
         "large text and high contrast": {"large": True, "contrast": True}}


def test_axe_finds_no_violation_with_search_results_open(server, page):
    page.goto(server)
    open_search(page)
    assert page.locator("a[data-search-result]").count() > 0
    violations = run_axe(page)
    assert not violations, describe(violations)


@pytest.mark.parametrize("mode", MODES)
def test_axe_finds_no_violation_in_reading_modes(server, browser, kinds, mode):
    context = browser.new_context(locale="zh-CN")
    set_modes(context, **MODES[mode])
    page = context.new_page()
    failures = []
    for kind, path in kinds.items():
        page.goto(server + path)
        violations = run_axe(page)
        if violations:
            failures.append(f"{kind} /{path}:\n{describe(violations)}")
    page.goto(server)
    open_search(page)
    violations = run_axe(page)
    if violations:
        failures.append(f"search results open:\n{describe(violations)}")
    context.close()
    assert not failures, "\n".join(failures)


# ---------------------------------------------------------------- keyboard

FOCUSABLE = """() => Array.from(document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"])'))
  .filter(el => !el.disabled && el.tabIndex >= 0 && !el.closest('[hidden], [inert]'))
  .filter(el => { const s = getComputedStyle(el); const r = el.getBoundingClientRect();
                  return s.visibility !== 'hidden' && s.display !== 'none' && r.width > 0 && r.height > 0
                         && !el.closest('.md-top'); })
  .map((el, index) => { el.dataset.ppKey = index; return [String(index), el.outerHTML.slice(0, 120)]; })"""

FOCUSED = """() => { const el = document.activeElement; if (!el || el === document.body) return null;
  const s = getComputedStyle(el); const r = el.getBoundingClientRect();
  return {key: el.dataset.ppKey || null, html: el.outerHTML.slice(0, 120), width: r.width, height: r.height,
          top: r.top, bottom: r.bottom, left: r.left, right: r.right,
          vw: innerWidth, vh: innerHeight,
          outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
          shadow: s.boxShadow !== 'none'}; }"""


def _tab_through(page, limit: int = 400) -> list[dict]:
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None or (seen and focused["html"] == seen[0]["html"]):
            break
        seen.append(focused)
    return seen


@pytest.mark.parametrize("kind", ["home", "task", "targets", "department"])
def test_every_control_is_reached_by_tab_and_shows_focus(server, browser, kinds, kind):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + kinds[kind])
    expected = page.evaluate(FOCUSABLE)
    reached = _tab_through(page)
    problems = [f"not visible when focused: {f['html']}" for f in reached
                if f["width"] <= 0 or f["height"] <= 0 or f["bottom"] < 0 or f["top"] > f["vh"]]
    problems += [f"no visible focus indicator: {f['html']}" for f in reached if not (f["outline"] or f["shadow"])]
    reached_keys = {f["key"] for f in reached}
    problems += [f"not reachable with Tab: {html}" for key, html in expected if key not in reached_keys]
    context.close()
    assert len(reached) > 10
    assert not problems, "\n".join(problems)


def test_skip_link_is_first_and_jumps_to_the_content(server, browser, kinds):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + kinds["task"])
    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUSED)
    assert "跳到正文" in focused["html"] and focused["top"] >= 0 and focused["width"] > 0, focused
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#pp-content"
    page.keyboard.press("Tab")
    in_content = page.evaluate("document.activeElement.closest('.md-content') !== null")
    assert in_content, page.evaluate("document.activeElement.outerHTML.slice(0, 200)")
    context.close()


def test_menu_and_search_buttons_work_from_the_keyboard_on_a_phone(server, browser, kinds):
    context = browser.new_context(locale="zh-CN", viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.goto(server + kinds["task"])
    reached = [f["html"] for f in _tab_through(page, 30)]
    assert any('for="__drawer"' in html for html in reached), reached
    assert any('name="q"' in html for html in reached), reached  # the search box (features/search)
    page.focus('.md-header label[for="__drawer"]')
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__drawer').checked")
    context.close()


# ---------------------------------------------------------------- structure

HEADINGS = """() => Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'))
  .filter(h => h.getClientRects().length > 0 || h.closest('.md-content'))
  .map(h => [Number(h.tagName[1]), h.textContent.trim().slice(0, 40)])"""

LANDMARKS = """() => ({
  main: document.querySelectorAll('main').length,
  banner: document.querySelectorAll('body > header, body > div > header, header.md-header').length,
  contentinfo: document.querySelectorAll('footer').length,
  navigation: document.querySelectorAll('nav').length,
  search: document.querySelectorAll('[role=search]').length,
  unlabelledNav: Array.from(document.querySelectorAll('nav'))
    .filter(n => !n.getAttribute('aria-label') && !n.getAttribute('aria-labelledby')).length,
  contentInMain: document.querySelector('.md-content').closest('main') !== null })"""


def test_headings_are_in_order_with_one_h1(server, page, kinds):
    problems = []
    for kind, path in kinds.items():
        page.goto(server + path)
        headings = page.evaluate(HEADINGS)
        levels = [level for level, _ in headings]
        if levels.count(1) != 1 or not levels or levels[0] != 1:
            problems.append(f"{kind}: expected one h1 first, found {headings[:3]}")
        for (before, _), (level, text) in zip(headings, headings[1:]):
            if level > before + 1:
                problems.append(f"{kind}: h{before} is followed by h{level} ({text})")
    assert not problems, "\n".join(problems)


def test_landmarks(server, page, kinds):
    for kind, path in kinds.items():
        page.goto(server + path)
        found = page.evaluate(LANDMARKS)
        assert found["main"] == 1 and found["banner"] >= 1 and found["contentinfo"] == 1, (kind, found)
        assert found["navigation"] >= 1 and found["unlabelledNav"] == 0 and found["contentInMain"], (kind, found)
        assert page.locator("section.pp-access[aria-label]").count() == 1, kind


# ---------------------------------------------------------------- phone width

OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  // Inside a box that scrolls on its own, or a line cut short on purpose with … (the breadcrumb on a phone).
  const contained = el => { for (let p = el.parentElement; p; p = p.parentElement) {
      const style = getComputedStyle(p);
      if (['auto', 'scroll'].includes(style.overflowX) || style.textOverflow === 'ellipsis') return true; }
      return false; };
  const wide = Array.from(document.querySelectorAll('.md-header *, .pp-access *, .md-content *, .md-footer *'))
    .filter(el => { const r = el.getBoundingClientRect();
                    return r.width > 0 && r.right > width + 1 && !contained(el); })
    .map(el => el.outerHTML.slice(0, 100));
  return {scroll: document.body.scrollWidth - width, wide: wide.slice(0, 5)}; }"""


@pytest.mark.parametrize("large", [False, True], ids=["normal text", "large text"])
def test_phone_width_needs_no_horizontal_scrolling(server, browser, kinds, large):
    context = browser.new_context(locale="zh-CN", viewport={"width": 375, "height": 740}, is_mobile=True,
                                  device_scale_factor=1)
    set_modes(context, large=large)
    page = context.new_page()
    problems = []
    for kind, path in kinds.items():
        page.goto(server + path)
        assert page.evaluate("document.documentElement.classList.contains('pp-large')") == large
        found = page.evaluate(OVERFLOW)
        if found["scroll"] > 0 or found["wide"]:
            problems.append(f"{kind} /{path}: {found}")
    context.close()
    assert not problems, "\n".join(problems)
