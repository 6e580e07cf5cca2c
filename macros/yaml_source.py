"""YAML text -> values with positions, refusing hostile input before it costs anything.

A file is parsed once into a node tree (for positions) and constructed from that same tree (for
values), so the line a message points at is the line the contributor wrote.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .problems import DataError, FieldPath, Location, Problem, dotted

# ------------------------------------------------------------------------------- hostile input

MAX_FILE_BYTES = 1024 * 1024  # the largest real data file is about 40 KiB
MAX_DEPTH = 12  # the schemas nest at most six levels; libyaml's composer crashes near 100,000

_MERGE_TAG = "tag:yaml.org,2002:merge"
_ALIAS = (
    "expected the value written out, found an alias of a value written earlier: "
    "anchors and aliases are not allowed in data files; copy the value instead"
)
_MERGE = (
    "expected the fields written out, found a merge key (<<): merge keys are not allowed "
    "in data files; write each field instead"
)
_DEEP = (
    f"expected at most {MAX_DEPTH} levels of nesting (the schema needs no more), found deeper "
    "nesting here; check the indentation and brackets"
)

# C0 and C1 controls other than tab, line feed and carriage return; bidirectional overrides,
# which can make text read differently from what it says.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LEADING_BLOCK = re.compile(r"^[ \-?:]*", flags=re.MULTILINE)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_SUSPICIOUS_DEPTH = 64  # above this rough bound, count the nesting exactly before composing


def _too_large(size: int) -> str:
    return (
        f"expected a data file of at most {MAX_FILE_BYTES:,} bytes (1 MiB), found {size:,} "
        "bytes; split it or remove what does not belong in it"
    )


def _one_alias_problem(problems: list, text: str) -> list:
    """One message for all the aliases of a file, at the first one: they are one mistake.

    The node tree keeps only where an anchored value was written, so the first alias's own
    position comes from the event stream (read only on this error path).
    """
    aliases = [p for p in problems if p[2] is _ALIAS]
    if not aliases:
        return problems
    location, name = aliases[0][0], ""
    loader = _SafeLoader(text)
    try:
        while (event := loader.get_event()) is not None:
            if isinstance(event, yaml.AliasEvent):
                location = (event.start_mark.line + 1, event.start_mark.column + 1)
                name = f" *{event.anchor}"
                break
    finally:
        loader.dispose()
    more = f" ({len(aliases)} aliases in this file)" if len(aliases) > 1 else ""
    message = _ALIAS.replace("an alias", f"an alias{name}") + more
    return [p for p in problems if p[2] is not _ALIAS] + [(location, aliases[0][1], message)]


def _control_characters(text: str, display: str) -> list[Problem]:
    problems = []
    for match in _CONTROL.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        problems.append(
            Problem(
                display,
                line,
                column,
                "(text)",
                f"expected printable text, found the control character "
                f"U+{ord(match.group()):04X}; delete it (or retype the line)",
            )
        )
        if len(problems) == 10:
            break
    return problems


def _too_deep(text: str, display: str) -> list[Problem]:
    """Refuse nesting deeper than MAX_DEPTH before libyaml's recursive composer sees it.

    A cheap bound first (brackets, and the leading indentation and dashes of any line); only a
    file over that bound is scanned event by event, which is exact and stops at the limit.
    """
    depth = deepest = 0
    for bracket in _NOT_BRACKET.sub("", text):
        depth = depth + 1 if bracket in "[{" else max(depth - 1, 0)
        deepest = max(deepest, depth)
    block = max(map(len, _LEADING_BLOCK.findall(text)), default=0)
    if deepest + block + 1 <= _SUSPICIOUS_DEPTH:
        return []
    loader = _SafeLoader(text)
    depth = 0
    try:
        while (event := loader.get_event()) is not None:
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH + 1:  # the root mapping is level 1, its fields level 2
                    line, col = event.start_mark.line + 1, event.start_mark.column + 1
                    return [Problem(display, line, col, "(yaml)", _DEEP)]
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        if mark is not None and "nesting depth" in (error.problem or ""):  # libyaml's own limit
            return [Problem(display, mark.line + 1, mark.column + 1, "(yaml)", _DEEP)]
        return []  # a syntax error: parse_yaml reports it with its position
    finally:
        loader.dispose()
    return []


# libyaml's parser (shipped in PyYAML's wheels) is about ten times faster and gives the same marks.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Document:
    """A parsed YAML file: its value and where each field of it was written."""

    path: Path
    data: Any
    positions: dict[FieldPath, Location]

    def where(self, field: FieldPath) -> Location:
        """The position of `field`, or of its nearest written ancestor (for a missing key)."""
        for end in range(len(field), -1, -1):
            if field[:end] in self.positions:
                return self.positions[field[:end]]
        return (1, 1)


def _mark(node: yaml.Node) -> Location:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


_COMPLEX_KEY = "expected a field name as the key, found a {kind} used as a key (`? ...`)"
_STR, _MAP, _SEQ = (f"tag:yaml.org,2002:{kind}" for kind in ("str", "map", "seq"))


def _record_positions(
    node: yaml.Node,
    field: FieldPath,
    positions: dict[FieldPath, Location],
    problems: list,
    seen_nodes: set[int],
    construct: Callable[[yaml.Node], Any],
    unbuilt: list[yaml.Node],
) -> Any:
    """Record where each field was written; note keys written twice, aliases and deep nesting.
    Return the node's value, built as PyYAML's safe constructor builds it: text, mappings and
    lists here (the walk visits them anyway), other scalars by `construct`. Anything else (a
    tagged collection such as `!!set`) goes into `unbuilt`, and the caller has the
    constructor build the whole document instead.

    An alias is the same node object reached a second time, so `seen_nodes` finds every alias
    (and a recursive one) without expanding it.
    """
    if len(field) > MAX_DEPTH:
        problems.append((_mark(node), field, _DEEP))
        return None
    if isinstance(node, yaml.ScalarNode):
        return node.value if node.tag == _STR else construct(node)
    if id(node) in seen_nodes:
        problems.append((positions.get(field, _mark(node)), field, _ALIAS))
        return None
    seen_nodes.add(id(node))
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, Location] = {}
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key_node.tag == _MERGE_TAG:
                problems.append((_mark(key_node), field + (key,), _MERGE))
                continue
            if not isinstance(key_node, yaml.ScalarNode):  # `? [a, b]`: no field is named so
                kind = "mapping" if isinstance(key_node, yaml.MappingNode) else "list"
                problems.append((_mark(key_node), field, _COMPLEX_KEY.format(kind=kind)))
                continue
            mark = _mark(key_node)
            if key in seen:
                problems.append(
                    (
                        mark,
                        field + (key,),
                        f"expected each key once, found {key!r} again "
                        f"(first at line {seen[key][0]})",
                    )
                )
            seen[key] = mark
            here = field + (key,)
            positions[here] = mark
            value = _record_positions(
                value_node, here, positions, problems, seen_nodes, construct, unbuilt
            )
            if not unbuilt:
                mapping[key if key_node.tag == _STR else construct(key_node)] = value
        if node.tag != _MAP:
            unbuilt.append(node)
        return mapping
    items = []
    for index, item in enumerate(node.value):
        here = field + (index,)
        positions[here] = _mark(item)
        items.append(
            _record_positions(item, here, positions, problems, seen_nodes, construct, unbuilt)
        )
    if node.tag != _SEQ:
        unbuilt.append(node)
    return items


def parse_yaml(path: Path, display: str) -> Document:
    """Parse one YAML file, or raise DataError naming the line YAML could not read.

    Hostile input is refused before libyaml composes it: an oversized file, control characters,
    and nesting deep enough to exhaust the composer's stack. Aliases and merge keys are refused
    while positions are recorded, before any value is built, so a "billion laughs" file costs
    no more than its own size.
    """
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DataError([Problem(display, 1, 1, "(file)", _too_large(size))])
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(
            [Problem(display, 1, 1, "(file)", f"expected a UTF-8 text file, found {error}")]
        ) from None
    refused = _control_characters(text, display) or _too_deep(text, display)
    if refused:
        raise DataError(refused)
    loader = _SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise DataError(
                [
                    Problem(
                        display, 1, 1, "(file)", "expected a mapping of fields, found an empty file"
                    )
                ]
            )
        positions: dict[FieldPath, Location] = {(): _mark(node)}
        duplicates: list = []
        unbuilt: list[yaml.Node] = []
        data = _record_positions(
            node, (), positions, duplicates, set(), loader.construct_object, unbuilt
        )
        duplicates = _one_alias_problem(duplicates, text)
        if duplicates:
            raise DataError(
                [
                    Problem(display, line, col, dotted(field), message)
                    for (line, col), field, message in duplicates
                ]
            )
        if unbuilt:
            data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        tab = _indenting_tab(text, line)
        if tab is not None:
            raise DataError(
                [
                    Problem(
                        display,
                        line,
                        tab,
                        "(yaml)",
                        "expected indentation with spaces, "
                        "found a tab: indent with spaces, not tabs",
                    )
                ]
            ) from None
        problem = error.problem or "unreadable YAML"
        context = ""
        if error.context:
            started = error.context_mark
            where = f" that starts at line {started.line + 1}, column {started.column + 1}"
            context = f" ({error.context}{where if started else ''})"
        raise DataError(
            [
                Problem(
                    display,
                    line,
                    col,
                    "(yaml)",
                    f"expected valid YAML, found a syntax error: {problem}{context}",
                )
            ]
        ) from None
    finally:
        loader.dispose()
    return Document(path, data, positions)


def _indenting_tab(text: str, line: int) -> int | None:
    """The column of a tab in the indentation of `line` (YAML forbids tabs there), or None."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return None
    written = lines[line - 1]
    indentation = written[: len(written) - len(written.lstrip(" \t"))]
    return indentation.index("\t") + 1 if "\t" in indentation else None
