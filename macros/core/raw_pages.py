"""Markdown passes a generated page's HTML through without reading it.

A generated page's body is one macro call whose result is HTML made by our autoescaped templates
(``Renderer.render``). Markdown reads such HTML twice with Python's html.parser (MkDocs for its anchor
ids, Markdown for where each raw block ends) only to pass it through: about a third of the MkDocs step.
Here the page's HTML is stashed whole before either reads it. The one difference: Markdown puts a line
break between two top-level blocks that a template wrote side by side, which no browser shows. Added by
the build, not in mkdocs.yml: ``serve`` and Zensical read the pages as before.
"""
from __future__ import annotations

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from mkdocs.plugins import BasePlugin


class RawPagesPlugin(BasePlugin):
    def __init__(self, generated: frozenset[str]) -> None:
        super().__init__()
        self.generated = generated  # the generated pages' files below docs/
        self.extension = _RawBlock()

    def on_config(self, config):
        config.markdown_extensions.append(self.extension)
        return config

    def on_page_markdown(self, markdown, page, config, files):
        # MkDocs converts each page right after its on_page_markdown event (and after the macros' own).
        self.extension.active = page.file.src_uri in self.generated
        return markdown


class _RawBlock(Extension):
    active = False

    def extendMarkdown(self, md: Markdown) -> None:
        # After whitespace normalization (30), before MkDocs' (21) and Markdown's (20) readers of raw HTML.
        md.preprocessors.register(_Stash(md, self), "pp_raw_page", 25)


class _Stash(Preprocessor):
    def __init__(self, md: Markdown, extension: _RawBlock) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        html = "\n".join(lines).strip("\n")
        # Markdown's own test of a block it passes through: a page that does not start with a block-level
        # tag is read as before.
        if not self.extension.active or not self.md.postprocessors["raw_html"].isblocklevel(html):
            return lines
        return ["", self.md.htmlStash.store(html), "", ""]
