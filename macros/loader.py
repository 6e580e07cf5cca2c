"""YAML -> models, once. Every error names the file, line, column and field.

A file is parsed once into a node tree (for positions) and constructed from that same tree (for
values), so the line a message points at is the line the contributor wrote. Validation errors from
pydantic are translated into `file:line:col: field.path: expected X, found Y`.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)

Location = tuple[int, int]  # 1-based line and column
FieldPath = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (or doubtful) in a data file."""

    file: str
    line: int
    column: int
    field: str
    message: str
    # A note is not a mistake: it says what could not be checked because of one elsewhere.
    note: bool = False

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.field}: {self.message}"


class DataError(Exception):
    """Raised with every problem found, so a contributor sees all of them in one run."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = sorted(problems)
        count = sum(not p.note for p in self.problems)
        heading = f"{count} problem{'s' if count != 1 else ''} in the data files:"
        super().__init__("\n".join([heading, *map(str, self.problems)]))


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
    block = max((len(m.group()) for m in _LEADING_BLOCK.finditer(text)), default=0)
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


# ----------------------------------------------------------------------------------- YAML parsing

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


def _record_positions(
    node: yaml.Node,
    field: FieldPath,
    positions: dict[FieldPath, Location],
    problems: list,
    seen_nodes: set[int],
) -> None:
    """Record where each field was written; note keys written twice, aliases and deep nesting.

    An alias is the same node object reached a second time, so `seen_nodes` finds every alias
    (and a recursive one) without expanding it.
    """
    if len(field) > MAX_DEPTH:
        problems.append((_mark(node), field, _DEEP))
        return
    if isinstance(node, yaml.MappingNode | yaml.SequenceNode):
        if id(node) in seen_nodes:
            problems.append((positions.get(field, _mark(node)), field, _ALIAS))
            return
        seen_nodes.add(id(node))
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, Location] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key_node.tag == _MERGE_TAG:
                problems.append((_mark(key_node), field + (key,), _MERGE))
                continue
            if key in seen:
                problems.append(
                    (
                        _mark(key_node),
                        field + (key,),
                        f"expected each key once, found {key!r} again "
                        f"(first at line {seen[key][0]})",
                    )
                )
            seen[key] = _mark(key_node)
            positions[field + (key,)] = _mark(key_node)
            _record_positions(value_node, field + (key,), positions, problems, seen_nodes)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            positions[field + (index,)] = _mark(item)
            _record_positions(item, field + (index,), positions, problems, seen_nodes)


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
        _record_positions(node, (), positions, duplicates, set())
        duplicates = _one_alias_problem(duplicates, text)
        if duplicates:
            raise DataError(
                [
                    Problem(display, line, col, dotted(field), message)
                    for (line, col), field, message in duplicates
                ]
            )
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


# ------------------------------------------------------------------------- pydantic translation


def dotted(field: FieldPath) -> str:
    """A field path as a contributor reads it: skills_to_learn[3].priority."""
    text = ""
    for part in field:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(root)"


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value; quote it to write text)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "...'"


def _holds(container: Any, part: str | int) -> bool:
    if isinstance(container, dict):
        return part in container
    return isinstance(container, list) and isinstance(part, int) and 0 <= part < len(container)


def _data_path(data: Any, loc: Iterable[str | int]) -> FieldPath:
    """Drop the parts of a pydantic location that are not in the data (union branch names)."""
    kept: list[str | int] = []
    current = data
    for part in loc:
        if _holds(current, part):
            current = current[part]
        elif isinstance(part, str) and part in _BRANCH_TAGS:
            continue  # the name of a union member, not a key of the data
        elif isinstance(current, dict) and isinstance(part, str):
            current = None  # a missing or unknown key: name it, and look no deeper
        else:
            continue
        kept.append(part)
    return tuple(kept)


# Names pydantic gives union members in error locations (the question types are a tagged union).
_BRANCH_TAGS = {"single", "multiple", "numeric", "code-output"}


def _field_info(model: type[BaseModel], loc: FieldPath):
    """The pydantic FieldInfo at `loc` (following nested models), or None."""
    candidates: list[type[BaseModel]] = [model]
    info = None
    for part in loc:
        if isinstance(part, int):
            continue
        following, info = [], None
        for candidate in candidates:
            field = candidate.model_fields.get(part)
            if field is not None:
                info = info or field
                following.extend(_unwrap(field.annotation))
        candidates = following
    return info


def _accepts_null(model: type[BaseModel], loc: FieldPath) -> bool:
    info = _field_info(model, loc)
    return info is not None and type(None) in _leaf_types(info.annotation)


def _leaf_types(annotation: Any) -> list[Any]:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _leaf_types(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(annotation) for t in _leaf_types(arg)]
    return [annotation]


# What each pydantic error kind expected, in a contributor's words (`{...}` from the error's ctx).
_EXPECTED = {
    "literal_error": "one of {expected}",
    "enum": "one of {expected}",
    "greater_than": "a number greater than {gt}",
    "greater_than_equal": "a number of at least {ge}",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "string_type": "text",
    "string_too_short": "non-empty text",
    "string_too_long": "at most {max_length} characters",
    "string_pattern_mismatch": "lower-case words joined by hyphens (like ai-platform-engineer)",
    "too_short": "at least {min_length} item(s)",
    "list_type": "a list",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "dict_type": "a mapping",
    "union_tag_invalid": "one of {expected_tags}",
    "union_tag_not_found": "this field (the question's type)",
}


def _expected(error: dict, model: type[BaseModel], loc: FieldPath) -> str:
    kind = error["type"]
    ctx = error.get("ctx", {})
    if kind == "missing":
        if _accepts_null(model, loc):
            return "expected this field (write null where the source does not state it)"
        return "expected this field"
    if kind == "extra_forbidden":
        return f"expected one of the keys {', '.join(_allowed_keys(model, loc[:-1]))}"
    if kind == "value_error":
        message = str(ctx.get("error", error["msg"]))
        return message if message.startswith("expected") else f"expected {message}"
    if kind in _EXPECTED:
        return "expected " + _EXPECTED[kind].format(**ctx)
    return f"expected {error['msg'][0].lower()}{error['msg'][1:]}"


def _found(error: dict, model: type[BaseModel], loc: FieldPath) -> str:
    kind = error["type"]
    if kind == "missing":
        return "it missing"
    if kind == "value_error":
        return ""  # our own messages already say what was found
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(str(loc[-1]), _allowed_keys(model, loc[:-1]), n=1)
        return f"unknown key {loc[-1]!r}" + (f" (did you mean {close[0]!r}?)" if close else "")
    if kind == "union_tag_invalid":
        return repr(error["ctx"]["tag"])
    if kind == "string_too_long":
        return f"{len(error['input'])}"
    if kind == "too_short":
        return f"{len(error['input'])}"
    return _describe(error["input"])


def _unwrap(annotation: Any) -> list[Any]:
    """The model classes an annotation can hold (through Annotated, Optional, list, unions)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType):
        return [m for arg in typing.get_args(annotation) for m in _unwrap(arg)]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return []


def _allowed_keys(model: type[BaseModel], loc: FieldPath) -> list[str]:
    candidates: list[type[BaseModel]] = [model]
    for part in loc:
        if isinstance(part, int):
            continue
        following = []
        for candidate in candidates:
            field = candidate.model_fields.get(part)
            if field is not None:
                following.extend(_unwrap(field.annotation))
        candidates = following or candidates
    keys: list[str] = []
    for candidate in candidates:
        keys.extend(k for k in candidate.model_fields if k not in keys)
    return keys


def validate_document(document: Document, model: type[M], display: str) -> M:
    """Validate a parsed document against `model`, or raise DataError with every problem."""
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        grouped: dict[FieldPath, list[dict]] = {}
        for item in error.errors(include_url=False):
            field = _data_path(document.data, item["loc"])
            if item["type"] in ("union_tag_invalid", "union_tag_not_found"):
                field += (item["ctx"]["discriminator"].strip("'"),)
            grouped.setdefault(field, []).append(item)
        problems = []
        for field, items in grouped.items():
            expected = " or ".join(
                dict.fromkeys(_expected(i, model, field).removeprefix("expected ") for i in items)
            )
            found = _found(items[0], model, field)
            message = f"expected {expected}" + (f", found {found}" if found else "")
            line, col = document.where(field)
            problems.append(Problem(display, line, col, dotted(field), message))
        raise DataError(problems) from None


def load_file(path: Path, model: type[M], root: Path | None = None) -> M:
    display = _display_path(path, root)
    return validate_document(parse_yaml(path, display), model, display)


def _display_path(path: Path, root: Path | None) -> str:
    try:
        return str(path.resolve().relative_to((root or Path.cwd()).resolve()))
    except ValueError:
        return str(path)
