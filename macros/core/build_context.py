"""What the steps after MkDocs share: the catalog, the new site folder, its address and one renderer."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .catalog import Catalog
from .render import Renderer


class StepFailed(Exception):
    """Stops the build; the old site/ stays in place."""


@dataclass
class BuildContext:
    catalog: Catalog
    site: Path  # the new site, not yet swapped in
    site_url: str
    site_name: str
    renderer: Renderer = field(init=False)  # one for every stand-alone page: templates compiled once

    def __post_init__(self) -> None:
        self.renderer = Renderer(self.catalog, site={}, site_url=self.site_url)

    def render_at(self, path: str) -> Renderer:
        return self.renderer.at(path)

    def canonical(self, path: str) -> str:
        return self.renderer.canonical(path)

    def write(self, path: str, content: str | bytes) -> None:
        target = self.site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            target.write_text(content, encoding="utf-8")
        else:
            target.write_bytes(content)
