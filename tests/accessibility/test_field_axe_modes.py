"""Every display mode passes axe-core (WCAG 2.0/2.1 A and AA) on every page, hand-written pages included, at
phone, tablet and desktop widths (issue 12): default, 大字, 高对比 and both. One browser context per mode
and width, every page in a loop.
"""
from __future__ import annotations

import pytest

from tests.browser_checks import describe, every_page, run_axe, set_modes

MODES = {"default": {}, "large": {"large": True}, "contrast": {"contrast": True},
         "large+contrast": {"large": True, "contrast": True}}
WIDTHS = {"phone": 375, "tablet": 768, "desktop": 1280}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("mode", MODES)
def test_axe_in_every_mode_at_every_width(site, server, browser, mode, width):
    context = browser.new_context(locale="zh-CN", viewport={"width": WIDTHS[width], "height": 800},
                                  is_mobile=WIDTHS[width] < 700)
    set_modes(context, **MODES[mode])
    page = context.new_page()
    pages = every_page(site)
    failures = []
    for path in pages:
        page.goto(server + path)
        violations = run_axe(page)
        if violations:
            failures.append(f"/{path}:\n{describe(violations)}")
    context.close()
    assert len(pages) > 40
    assert not failures, f"{len(failures)} pages in mode {mode} at {WIDTHS[width]} px:\n" + "\n".join(failures[:15])
