"""Static SVG made at build time: a target's latest value against its goal (a bar) and its values over time.

No script, no colour that carries meaning: lines and text use ``currentColor`` (so print and the 高对比 mode
show them), the reached part of a bar is hatched, the goal is a solid mark or a dashed line, and every
number is written as text. Elements are built with lxml, so text from the data is escaped.
"""
from __future__ import annotations

from typing import Optional, Sequence

from lxml import etree
from markupsafe import Markup

from macros.core.formats import number

SVG = "http://www.w3.org/2000/svg"
WIDTH = 300


def _element(parent, tag: str, text: Optional[str] = None, **attributes) -> etree._Element:
    attrs = {key.rstrip("_").replace("_", "-"): str(value) for key, value in attributes.items()}
    element = etree.SubElement(parent, f"{{{SVG}}}{tag}", attrs) if parent is not None else etree.Element(f"{{{SVG}}}{tag}", attrs, nsmap={None: SVG})
    if text is not None:
        element.text = text
    return element


def _svg(height: int, label: str, css_class: str) -> etree._Element:
    svg = _element(None, "svg", viewBox=f"0 0 {WIDTH} {height}", role="img", class_=css_class, focusable="false")
    svg.set("aria-label", label)
    _element(svg, "title", label)
    return svg


def _goal_bounds(target) -> tuple[float, float]:
    if target.comparator == "range":
        return float(target.min), float(target.max)
    return float(target.value), float(target.value)


def _markup(svg: etree._Element) -> Markup:
    return Markup(etree.tostring(svg, encoding="unicode"))


def goal_bar(target, value: float, pattern_id: str, label: str) -> Markup:
    """The latest value as a hatched bar on a track from 0, the goal as a thick mark (a band for a range)."""
    low, high = _goal_bounds(target)
    scale = max(high, value, 0.0) or 1.0
    left, right = 4, WIDTH - 4
    x = lambda v: left + (right - left) * max(v, 0.0) / scale  # noqa: E731
    svg = _svg(46, label, "pp-bar")
    defs = _element(svg, "defs")
    pattern = _element(defs, "pattern", id=pattern_id, width=6, height=6, patternUnits="userSpaceOnUse",
                       patternTransform="rotate(45)")
    _element(pattern, "line", x1=0, y1=0, x2=0, y2=6, stroke="currentColor", stroke_width=3)
    _element(svg, "rect", x=left, y=20, width=right - left, height=14, fill="none", stroke="currentColor", stroke_width=1)
    if value > 0:
        _element(svg, "rect", x=left, y=20, width=f"{x(value) - left:.1f}", height=14, fill=f"url(#{pattern_id})",
                 stroke="currentColor", stroke_width=1.5, class_="pp-bar__value")
    if target.comparator == "range":
        _element(svg, "rect", x=f"{x(low):.1f}", y=16, width=f"{max(x(high) - x(low), 2):.1f}", height=22, fill="none",
                 stroke="currentColor", stroke_width=2, stroke_dasharray="3 2", class_="pp-bar__goal")
    else:
        _element(svg, "line", x1=f"{x(high):.1f}", y1=14, x2=f"{x(high):.1f}", y2=40, stroke="currentColor",
                 stroke_width=3, class_="pp-bar__goal")
    goal_text = f"目标 {number(low)}–{number(high)}" if target.comparator == "range" else f"目标 {number(high)}"
    anchor_goal = "end" if x(high) > WIDTH / 2 else "start"
    _element(svg, "text", goal_text, x=f"{x(high):.1f}", y=11, font_size=11, fill="currentColor", text_anchor=anchor_goal)
    _element(svg, "text", "0", x=left, y=46, font_size=10, fill="currentColor")
    value_x = min(max(x(value), left + 12), right)
    _element(svg, "text", f"最新 {number(value)}", x=f"{value_x:.1f}", y=46, font_size=11, fill="currentColor",
             text_anchor="end" if value_x > WIDTH / 2 else "start", font_weight="bold")
    return _markup(svg)


def history_chart(target, points: Sequence[tuple[str, float]], label: str) -> Markup:
    """Values over time: one point per period, each with its number, the goal as dashed line(s)."""
    low, high = _goal_bounds(target)
    values = [value for _, value in points]
    top = max([high, *values, 0.0]) or 1.0
    bottom = min([0.0, *values])
    height, plot_top, plot_bottom, left, right = 130, 22, 100, 34, WIDTH - 40
    y = lambda v: plot_bottom - (plot_bottom - plot_top) * (v - bottom) / ((top - bottom) or 1.0)  # noqa: E731
    step = (right - left) / max(len(points) - 1, 1)
    xs = [left + step * i if len(points) > 1 else (left + right) / 2 for i in range(len(points))]
    svg = _svg(height, label, "pp-chart")
    _element(svg, "line", x1=left - 6, y1=y(bottom), x2=right + 6, y2=y(bottom), stroke="currentColor", stroke_width=1)
    _element(svg, "text", number(bottom), x=left - 10, y=f"{y(bottom) + 4:.1f}", font_size=10, fill="currentColor", text_anchor="end")
    for goal in sorted({low, high}):
        _element(svg, "line", x1=left - 6, y1=f"{y(goal):.1f}", x2=right + 6, y2=f"{y(goal):.1f}", stroke="currentColor",
                 stroke_width=1.5, stroke_dasharray="5 4", class_="pp-chart__goal")
        _element(svg, "text", f"目标 {number(goal)}", x=left - 6, y=f"{y(goal) - 4:.1f}", font_size=10, fill="currentColor")
    _element(svg, "polyline", points=" ".join(f"{px:.1f},{y(v):.1f}" for px, v in zip(xs, values)), fill="none",
             stroke="currentColor", stroke_width=2, class_="pp-chart__line")
    for (period_label, value), px in zip(points, xs):
        _element(svg, "circle", cx=f"{px:.1f}", cy=f"{y(value):.1f}", r=4, fill="currentColor")
        _element(svg, "text", number(value), x=f"{px:.1f}", y=f"{y(value) - 8:.1f}", font_size=11, fill="currentColor",
                 text_anchor="middle", font_weight="bold")
        _element(svg, "text", period_label, x=f"{px:.1f}", y=height - 12, font_size=9, fill="currentColor", text_anchor="middle")
    return _markup(svg)
