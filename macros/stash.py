"""Our pages' HTML kept away from the Markdown processor, which would only pass it through.

A generated page is Markdown headings (for the table of contents and search) around HTML blocks
that our templates wrote. Python-Markdown copies raw HTML blocks into the page unchanged, but
first parses every tag of them to find where each block ends: about a fifth of a build. `hide`
puts a one-word paragraph in place of each HTML block and keeps the block; `restore` swaps the
blocks back into the converted page. The page comes out the same, without the parse.

Only a generator that runs a step after Markdown can restore (MkDocs and ProperDocs, through
macros/mkdocs_hooks.py); the adapter hides nothing elsewhere (Zensical), and pages stay the same.
"""

from __future__ import annotations

import re

# A Markdown heading of a template, e.g. `## Roadmap { #roadmap }`; headings stay Markdown.
_HEADING = re.compile(r"#{1,6} ")
# Opening tags that need a closing tag, and closing tags: how deep a line leaves us in HTML.
_OPENING = re.compile(
    r"<(?!(?:area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)\b)[a-zA-Z][^>]*>"
)
_CLOSING = re.compile(r"</[a-zA-Z]")
_PLACEHOLDER = re.compile(r"<p>PWSTASH(\d+)X</p>")
_MARKDOWN_INSIDE = re.compile(r"<[a-zA-Z][^>]*\smarkdown=")


class HtmlStash:
    """The HTML blocks of one build's pages, by number, until they go back into their page."""

    MARK = "PWSTASH"  # a placeholder's word: PWSTASH<number>X

    def __init__(self) -> None:
        self.blocks: dict[str, str] = {}

    def hide(self, markdown: str) -> str:
        """The page's Markdown with each HTML block replaced by a placeholder paragraph."""
        parts: list[str] = []
        block: list[str] = []
        depth = 0

        def flush() -> None:
            text = "\n".join(block).strip("\n")
            # A block that asks for Markdown inside it (md_in_html) holds headings and lists for
            # Markdown to render: it is not ours to pass around, so Markdown gets it.
            if text.startswith("<") and not _MARKDOWN_INSIDE.search(text):
                key = str(len(self.blocks))
                self.blocks[key] = text
                parts.append(f"\n{self.MARK}{key}X\n")
            elif text:  # not HTML after all: Markdown's to read
                parts.append(f"\n{text}\n")
            block.clear()

        for line in markdown.split("\n"):
            if depth == 0 and (_HEADING.match(line) or not line.strip()):
                flush()
                parts.append(line)
                continue
            block.append(line)
            depth = max(0, depth + len(_OPENING.findall(line)) - len(_CLOSING.findall(line)))
        flush()
        return "\n".join(parts)

    def restore(self, html: str) -> str:
        """The converted page with each placeholder replaced by its HTML block."""
        return _PLACEHOLDER.sub(lambda found: self.blocks.pop(found[1]), html)
