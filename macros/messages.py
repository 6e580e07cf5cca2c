"""Pydantic's validation errors -> a contributor's words: `field.path: expected X, found Y`.

Each message names the field as written in the file (union branch names dropped) and its
position from the parsed Document.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from .problems import DataError, FieldPath, Problem, dotted
from .yaml_source import Document

M = TypeVar("M", bound=BaseModel)


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


def _leaf_types(annotation: Any, *, into_lists: bool = False) -> list[Any]:
    """The types an annotation can hold, through Annotated and unions (and lists, if asked)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _leaf_types(typing.get_args(annotation)[0], into_lists=into_lists)
    if origin in (typing.Union, types.UnionType) or (into_lists and origin is list):
        return [
            leaf
            for arg in typing.get_args(annotation)
            for leaf in _leaf_types(arg, into_lists=into_lists)
        ]
    return [annotation]


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    leaves = _leaf_types(annotation, into_lists=True)
    return [t for t in leaves if isinstance(t, type) and issubclass(t, BaseModel)]


def _walk(
    model: type[BaseModel], loc: FieldPath
) -> tuple[list[type[BaseModel]], FieldInfo | None]:
    """Follow `loc` through nested models (list indices skipped).

    Returns the models whose keys are allowed at `loc` (where the path leaves the models, the
    last ones it reached) and the field at `loc` (None once the path has left the models).
    """
    candidates: list[type[BaseModel]] = [model]
    info: FieldInfo | None = None
    left = False
    for part in loc:
        if isinstance(part, int):
            continue
        fields = [f for c in candidates if (f := c.model_fields.get(part)) is not None]
        info = fields[0] if fields and not left else None
        following = [m for f in fields for m in _models_in(f.annotation)]
        left = left or not following
        candidates = following or candidates
    return candidates, info


def accepts_null(model: type[BaseModel], loc: FieldPath) -> bool:
    """Whether the field at `loc` may be written as null."""
    _, info = _walk(model, loc)
    return info is not None and type(None) in _leaf_types(info.annotation)


def _allowed_keys(model: type[BaseModel], loc: FieldPath) -> list[str]:
    candidates, _ = _walk(model, loc)
    return list(dict.fromkeys(key for candidate in candidates for key in candidate.model_fields))


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
        if accepts_null(model, loc):
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
