"""What search skips on our pages, kept out of its parser's way while it indexes the page.

Material's search plugin reads every tag of a page with Python's HTMLParser, including those
inside elements marked `data-search-exclude`, only to drop them: on a quiz page the answer forms,
keys and explanations are most of the tags, and most of the plugin's time. `hide` swaps each
excluded element for its skeleton, which is all the parser takes from it: the element's own tags
and, for each heading with an id inside it, that heading and the tags around it (such a heading
still opens an empty section of the index). After a page's first hidden element, a skeleton of
only the element's own two tags is left out as well, leaving the marker alone: the parser would
only add a level and remove it again (the first one keeps them, in case its start tag is what
opens the page's first section). `restore` puts the elements back after search has read the
page, before the theme writes it. The page and the search index come out the same.

Only a generator that runs steps between search and the theme can restore (MkDocs and ProperDocs,
through macros/mkdocs_hooks.py); elsewhere nothing is hidden.
"""

from __future__ import annotations

import re

# Start tags that search skips with all they hold: data-search-exclude, as our templates write it.
_EXCLUDED_START = re.compile(
    r"<([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?\sdata-search-exclude(?=[\s>/])[^>]*>"
)
# Search deletes such attributes (with a value) from the page it hands on: an element holding
# one is left to it, so that the page comes out the same.
_SEARCH_ATTRIBUTE_WITH_VALUE = re.compile(r'\sdata-search-\w+="[^"]+"')
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(/?)>")
# The same tags where none is self-closed (no "/>" in the element): three times quicker to find.
_OPEN_OR_CLOSE_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>")
_HEADING_WITH_ID = re.compile(r"<h[1-6]\b[^>]*\sid(?=[\s=>/])", re.IGNORECASE)
# A hidden element's marker: around its skeleton, or alone where the skeleton is left out.
_PLACEHOLDER = re.compile(r"<!--pwskip(\d+)(?:/-->|-->.*?<!--/pwskip-->)", re.DOTALL)
# Tags without an end tag: HTMLParser (and search) never put them on its stack.
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"}
    | {"source", "track", "wbr"}
)


def _skeleton(element: str) -> str | None:
    """The skeleton of `element` (see _tokens_skeleton). Without a heading with an id or a
    self-closed tag inside, it is the element's own start and end tags, once its tags are known
    to nest as search reads them: the common case (answer forms, explanations), checked without
    keeping tokens."""
    if "/>" in element or _HEADING_WITH_ID.search(element):
        return _tokens_skeleton(element)
    opened: list[str] = []
    closed = False  # the element's own end tag has been read
    for closing, tag in _OPEN_OR_CLOSE_TAG.findall(element):
        tag = tag.lower()
        if closed:  # more after it: not an element as _element_end cuts them
            return _tokens_skeleton(element)
        if closing:
            if not opened or opened[-1] != tag:
                return None
            opened.pop()
            closed = not opened
        elif tag in _VOID:
            continue
        elif opened and tag == opened[0]:
            return None
        else:
            opened.append(tag)
    if opened:
        return None
    start = _TAG.match(element)
    return None if start is None else start.group() + element[element.rindex("</") :]


def _tokens_skeleton(element: str) -> str | None:
    """The tags of `element` that search's parser acts on: the element's own, and each heading
    with an id inside it with the tags that enclose that heading.

    None where search would read the element otherwise than as one excluded whole. Its parser
    tells elements apart by tag name only and ignores an end tag that does not close the latest
    open element, so a nested element of the same name, a self-closing one or a stray end tag
    would end the exclusion early or late: such an element is left for search to read.
    """
    opened: list[tuple[str, int]] = []  # open elements: tag name, index of the start tag
    tokens: list[str] = []
    keep: set[int] = set()  # indexes of the tokens that make the skeleton
    for match in _TAG.finditer(element):
        closing, tag, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if not closing and tag in _VOID:
            continue
        if self_closing or (not closing and opened and tag == opened[0][0]):
            return None
        tokens.append(match.group())
        if not closing:
            opened.append((tag, len(tokens) - 1))
            if len(opened) == 1 or _HEADING_WITH_ID.match(match.group()):
                keep.update(index for _, index in opened)
            continue
        if not opened or opened[-1][0] != tag:
            return None
        if opened.pop()[1] in keep:
            keep.add(len(tokens) - 1)
    if opened:
        return None
    return "".join(token for index, token in enumerate(tokens) if index in keep)


def _element_end(html: str, name: str, start: int) -> int | None:
    """Where the element whose start tag begins at `start` ends (after its end tag); None for
    an element without one (a void element, or markup search would not read as we do)."""
    if name.lower() in _VOID:
        return None
    depth = 0
    for match in re.compile(rf"<(/?){name}\b[^>]*>", re.IGNORECASE).finditer(html, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return match.end()
    return None


def _has_search_attribute_with_value(element: str) -> bool:
    """Whether `_SEARCH_ATTRIBUTE_WITH_VALUE` is in `element`, tried only where the name is."""
    at = element.find("data-search-")
    while at != -1:
        if at and _SEARCH_ATTRIBUTE_WITH_VALUE.match(element, at - 1):
            return True
        at = element.find("data-search-", at + 1)
    return False


def _next_excluded(html: str, position: int) -> re.Match[str] | None:
    """`_EXCLUDED_START.search(html, position)`, with the regex run only on the tags that hold
    the attribute's name (str.find finds those five times quicker than the regex alone)."""
    at = html.find("data-search-exclude", position)
    while at != -1:
        # A match holding the name starts after the last ">" before it and ends at the next.
        start = max(position, html.rfind(">", 0, at) + 1)
        end = html.find(">", at)
        found = _EXCLUDED_START.search(html, start, len(html) if end == -1 else end + 1)
        if found is not None:
            return found
        at = html.find("data-search-exclude", at + 1)
    return None


class SearchSkip:
    """The excluded elements of one build's pages, by number, until they go back into their page."""

    MARK = "<!--pwskip"

    def __init__(self) -> None:
        self.elements: dict[str, str] = {}

    def hide(self, html: str) -> str:
        """The page's HTML with each excluded element replaced by its skeleton, marked."""
        parts: list[str] = []
        position = 0
        first = str(len(self.elements))  # the key of this page's first hidden element
        while found := _next_excluded(html, position):
            end = _element_end(html, found.group(1), found.start())
            element = html[found.start() : end] if end is not None else ""
            leave = not element or _has_search_attribute_with_value(element)
            skeleton = None if leave else _skeleton(element)
            if skeleton is None:  # left for search to read as it is
                parts.append(html[position : found.end()])
                position = found.end()
                continue
            key = str(len(self.elements))
            self.elements[key] = element
            parts.append(html[position : found.start()])
            own_tags = skeleton == found.group() + element[element.rindex("</") :]
            if key != first and own_tags:
                parts.append(f"<!--pwskip{key}/-->")
            else:
                parts += [f"<!--pwskip{key}-->", skeleton, "<!--/pwskip-->"]
            position = end
        return "".join(parts) + html[position:] if parts else html

    def restore(self, html: str) -> str:
        """The page's HTML with each hidden element back in place of its skeleton."""
        return _PLACEHOLDER.sub(lambda found: self.elements.pop(found[1]), html)
