"""A small reader of built pages: find elements by tag, id or class and read their text."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)

    @property
    def text(self) -> str:
        parts = [c if isinstance(c, str) else c.text for c in self.children]
        return " ".join(" ".join(parts).split())

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(
        self,
        tag: str | None = None,
        *,
        id: str | None = None,  # noqa: A002
        cls: str | None = None,
    ) -> list[Element]:
        return [
            e
            for e in self.iter()
            if (tag is None or e.tag == tag)
            and (id is None or e.attrs.get("id") == id)
            and (cls is None or cls in e.classes)
        ]

    def find(self, tag: str | None = None, **kwargs) -> Element:
        found = self.find_all(tag, **kwargs)
        assert found, f"no <{tag or '*'}> with {kwargs}"
        return found[0]


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(source: str | Path) -> Element:
    builder = _Builder()
    builder.feed(source.read_text(encoding="utf-8") if isinstance(source, Path) else source)
    return builder.root


def article(page: Path) -> Element:
    """The page's content, without the navigation and search around it."""
    return parse(page).find("article")
