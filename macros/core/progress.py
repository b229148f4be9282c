"""Progress of the long steps and the summary at the end of a build.

On a terminal a step shows a bar with done / total and the time left (rich); elsewhere (CI, a log file)
it writes a plain line every ``EVERY`` seconds and one when it ends, so a log shows the build moving
without a line per page. ``Summary`` collects the time of each step and the warnings, and prints one
screen at the end: pages, files, warnings, time per step.
"""
from __future__ import annotations

import logging
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Optional

EVERY = 10.0  # seconds between two plain progress lines


def on_terminal() -> bool:
    return sys.stderr.isatty()


@contextmanager
def step(label: str, total: int, quiet: bool = False) -> Iterator[Callable[[int], None]]:
    """Yields ``advance(n=1)``; shows progress of ``label`` towards ``total``."""
    if quiet or total <= 0:
        yield lambda n=1: None
        return
    if on_terminal():
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("剩余"),
                      TimeRemainingColumn(), transient=True, console=_console()) as bar:
            task = bar.add_task(label, total=total)
            yield lambda n=1: bar.advance(task, n)
        return
    started = last = time.perf_counter()
    done = 0

    def advance(n: int = 1) -> None:
        nonlocal done, last
        done += n
        now = time.perf_counter()
        if now - last >= EVERY and done < total:
            left = (now - started) / done * (total - done)
            print(f"{label}: {done}/{total}, about {left:.0f} s left", file=sys.stderr, flush=True)
            last = now

    yield advance
    print(f"{label}: {done}/{total} in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)


def _console():
    from rich.console import Console

    return Console(stderr=True)


class WarningCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@dataclass
class Summary:
    steps: list[tuple[str, float]] = field(default_factory=list)
    warnings: WarningCounter = field(default_factory=WarningCounter)
    started: float = field(default_factory=time.perf_counter)

    @contextmanager
    def timed(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        yield
        self.steps.append((name, time.perf_counter() - started))

    def report(self, site: Path, part: Optional[str] = None) -> str:
        files = [p for p in site.rglob("*") if p.is_file()]
        pages = sum(1 for p in files if p.name == "index.html")
        total = time.perf_counter() - self.started
        width = max((len(name) for name, _ in self.steps), default=10)
        lines = [f"Built {site}{f' ({part})' if part else ''}: {pages} pages, {len(files)} files, "
                 f"{self.warnings.count} warnings, {total:.1f} s"]
        lines += [f"  {name:<{width}}  {seconds:7.2f} s" for name, seconds in self.steps]
        return "\n".join(lines)


def _pages_plugin():
    from mkdocs.plugins import BasePlugin

    class PagesPlugin(BasePlugin):
        """Counts the pages MkDocs renders (added by the build; not in mkdocs.yml)."""

        def __init__(self, advance: Callable[[int], None]) -> None:
            super().__init__()
            self.advance = advance

        def on_post_page(self, output, page, config):
            self.advance(1)
            return output

    return PagesPlugin


def __getattr__(name: str):
    if name == "PagesPlugin":  # MkDocs is imported only when a build runs
        return _pages_plugin()
    raise AttributeError(name)
