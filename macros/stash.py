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
# Closing tags (the "/" captured) and opening tags that need a closing tag (nothing captured),
# in one scan: how deep a line leaves us in HTML. An opening tag is read to its ">", so a "</"
# inside an attribute's value is not taken for a closing tag (as Markdown's HTML parser reads it).
_CLOSING_OR_OPENING = re.compile(
    r"<(/)[a-zA-Z]"
    r"|<(?!(?:area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)\b)[a-zA-Z][^>]*>"
)
_PLACEHOLDER = re.compile(r"<p>PWSTASH(\d+)X</p>")
_MARKDOWN_INSIDE = re.compile(r"<[a-zA-Z][^>]*\smarkdown=")
# A line that is only the start tag of an element asking for Markdown inside it.
_MARKDOWN_CONTAINER = re.compile(r"\s*<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*\smarkdown=[^>]*>\s*$")


def _depth(depth: int, html: str, floor: bool = True) -> int:
    """How deep in HTML we are after `html`, from `depth` (never below 0 with `floor`)."""
    if "<" in html:
        tags = _CLOSING_OR_OPENING.findall(html)  # "/" for each closing tag, "" for each opening
        depth += len(tags) - 2 * tags.count("/")
    return max(0, depth) if floor else depth


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
            # A block that asks for Markdown inside it (md_in_html) holds headings for Markdown
            # to render: Markdown gets its frame, and the HTML blocks inside it are hidden too.
            if "markdown=" in text and _MARKDOWN_INSIDE.search(text):
                parts.append(f"\n{self._hide_inside(text)}\n")
            elif text.startswith("<"):
                parts.append(f"\n{self._placeholder(text)}\n")
            elif text:  # not HTML after all: Markdown's to read
                parts.append(f"\n{text}\n")
            block.clear()

        for line in markdown.split("\n"):
            if depth == 0 and (not line or line.isspace() or _HEADING.match(line)):
                if block:
                    flush()
                parts.append(line)
                continue
            block.append(line)
            depth = _depth(depth, line)
        flush()
        return "\n".join(parts)

    def _placeholder(self, html: str) -> str:
        key = str(len(self.blocks))
        self.blocks[key] = html
        return f"{self.MARK}{key}X"

    def _hide_inside(self, text: str) -> str:
        """A block with Markdown inside: its own lines that open or close an element asking for
        Markdown, its headings and blank lines stay; each run of other HTML between them, when
        it closes every tag it opens, becomes a placeholder paragraph."""
        parts: list[str] = []
        run: list[str] = []
        containers: list[str] = []  # the elements asking for Markdown that are open here

        def flush() -> None:
            html = "\n".join(run).strip("\n")
            if (
                html.startswith("<")
                and _depth(0, html, floor=False) == 0
                and not _MARKDOWN_INSIDE.search(html)  # e.g. <div markdown="1">x</div> on one line
            ):
                parts.append(f"\n{self._placeholder(html)}\n")
            elif html:
                parts.append(html)
            run.clear()

        for line in text.split("\n"):
            opening = _MARKDOWN_CONTAINER.match(line)
            closes = bool(containers) and line.strip() == f"</{containers[-1]}>"
            if opening or closes or _HEADING.match(line) or not line.strip():
                flush()
                if opening:
                    containers.append(opening[1])
                elif closes:
                    containers.pop()
                parts.append(line)
                continue
            run.append(line)
        flush()
        return "\n".join(parts)

    def restore(self, html: str) -> str:
        """The converted page with each placeholder replaced by its HTML block."""
        return _PLACEHOLDER.sub(lambda found: self.blocks.pop(found[1]), html)
