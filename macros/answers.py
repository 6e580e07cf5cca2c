"""Reading what a learner types: numbers as people write them, printed output as tokens.

Pure functions, no I/O. docs/javascripts/grading.js implements the same rules line for line, and
tests/grading_cases.json is run against both, so change them together.

Numbers ("forgiving input, strict facts"):
- a decimal point or a decimal comma: `0.0118` and `0,0118` are the same number;
- thousands separators where they cannot be misread: `1,024,000`, `12,345.6`, `1.024.000`,
  `1.024,5`, `1 024`, `1_024`;
- a lone comma followed by exactly three digits (`1,000`, `12,345`) could be either, so it is
  `Ambiguous` and the learner is asked which was meant; a point is always a decimal point
  unless there are two or more of them;
- an optional sign and exponent (`-2`, `1.5e-3`), and the question's own unit after the number
  (`14 GB`, `14gb`).

Printed output is compared token by token: a token is a run of ASCII letters, digits and `_`,
or any other single visible character. Spacing between tokens does not matter, characters do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Spaces a keyboard or a copy from a page may give: space, tab, line breaks, no-break and thin.
SPACE = " \t\n\r\f\v\u00a0\u2009\u202f"
_SPACE_CLASS = "[ \\t\\n\\r\\f\\v\\u00a0\\u2009\\u202f]"
_TOKEN = re.compile(r"[A-Za-z0-9_]+|[^ \t\n\r\f\v\u00a0\u2009\u202fA-Za-z0-9_]")
_EXPONENT = re.compile(r"^(.*?)([eE][+-]?[0-9]+)?$", re.DOTALL)

# Whole-number part and fraction, each written one way; the readings are tried in order.
_PLAIN = re.compile(r"^([0-9]+)$")
_POINT = re.compile(r"^([0-9]*)\.([0-9]+)$|^([0-9]+)\.()$")
_LONE_COMMA_GROUP = re.compile(r"^([1-9][0-9]{0,2}),([0-9]{3})$")
_COMMA = re.compile(r"^([0-9]*),([0-9]+)$")
_COMMA_GROUPS = re.compile(
    r"^([0-9]{1,3}(?:,[0-9]{3}){2,})$|^([0-9]{1,3}(?:,[0-9]{3})+)\.([0-9]+)$"
)
_POINT_GROUPS = re.compile(
    r"^([0-9]{1,3}(?:\.[0-9]{3}){2,})$|^([0-9]{1,3}(?:\.[0-9]{3})+),([0-9]+)$"
)
_SPACE_GROUPS = re.compile(
    rf"^([0-9]{{1,3}}(?:{_SPACE_CLASS}[0-9]{{3}})+)(?:[.,]([0-9]+))?$"
    r"|^([0-9]{1,3}(?:_[0-9]{3})+)(?:[.,]([0-9]+))?$"
)

EXAMPLE = "such as 12 or 0.5"


@dataclass(frozen=True)
class Number:
    value: float


@dataclass(frozen=True)
class Unreadable:
    message: str


@dataclass(frozen=True)
class Ambiguous:
    message: str


Reading = Number | Unreadable | Ambiguous


def strip_space(text: str) -> str:
    start, end = 0, len(text)
    while start < end and text[start] in SPACE:
        start += 1
    while end > start and text[end - 1] in SPACE:
        end -= 1
    return text[start:end]


def number_hint(unit: str) -> str:
    """What to type for a numeric question."""
    return f"Type a number, {EXAMPLE}" + (f" (in {unit})." if unit else ".")


def _canonical(whole: str, fraction: str) -> str:
    return (whole or "0") + ("." + fraction if fraction else "")


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch in "0123456789")


def _mantissa(body: str) -> str | tuple[str, str] | None:
    """The number `body` spells as canonical digits ('1024.5'), a pair of readings if a lone
    comma makes it ambiguous, or None."""
    if match := _PLAIN.fullmatch(body):
        return match.group(1)
    if match := _POINT.fullmatch(body):
        whole = match.group(1) if match.group(1) is not None else match.group(3)
        return _canonical(whole, match.group(2) or "")
    if match := _LONE_COMMA_GROUP.fullmatch(body):
        return (match.group(1) + match.group(2), _canonical(match.group(1), match.group(2)))
    if match := _COMMA.fullmatch(body):
        return _canonical(match.group(1), match.group(2))
    if match := _COMMA_GROUPS.fullmatch(body):
        if match.group(1) is not None:
            return _digits(match.group(1))
        return _canonical(_digits(match.group(2)), match.group(3))
    if match := _POINT_GROUPS.fullmatch(body):
        if match.group(1) is not None:
            return _digits(match.group(1))
        return _canonical(_digits(match.group(2)), match.group(3))
    if match := _SPACE_GROUPS.fullmatch(body):
        if match.group(1) is not None:
            return _canonical(_digits(match.group(1)), match.group(2) or "")
        return _canonical(_digits(match.group(3)), match.group(4) or "")
    return None


def _without_unit(text: str, unit: str) -> str:
    # Compared slice by slice, so a letter whose lower case is longer cannot shift the cut.
    if unit and len(text) > len(unit) and text[-len(unit):].lower() == unit.lower():
        return strip_space(text[: -len(unit)])
    return text


def read_number(raw: str, unit: str = "") -> Reading:
    """Read a typed number, allowing the question's own unit after it."""
    text = _without_unit(strip_space(raw), unit)
    if not text:
        return Unreadable(number_hint(unit))
    sign = ""
    if text[0] in "+-":
        sign, text = ("-" if text[0] == "-" else ""), text[1:]
    body, exponent = _EXPONENT.fullmatch(text).groups()
    mantissa = _mantissa(body)
    if mantissa is None:
        return Unreadable(f"“{strip_space(raw)}” is not a number we can read. {number_hint(unit)}")
    exponent = exponent or ""
    if isinstance(mantissa, tuple):
        grouped, decimal = mantissa
        return Ambiguous(
            f"Did you mean {grouped} or {decimal}? Type {grouped} (no comma) for the whole "
            f"number, or {decimal} (with a point) for the decimal."
        )
    return Number(float(sign + mantissa + exponent))


def tokens(text: str) -> list[str]:
    """Printed output as tokens: spacing between them does not matter, characters do."""
    return _TOKEN.findall(text)
