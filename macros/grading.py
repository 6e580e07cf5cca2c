"""One key, one rule: each question's key, and the one function that says if an answer is right.

Pure: no I/O, no MkDocs. docs/javascripts/grading.js exports `judge` and `percent` with exactly the
same behaviour, and tests/grading_cases.json is run against both.

- `option_id(text)`: the identity of an option, independent of its position in the file or on
  screen; saved answers to choice questions are lists of these.
- `key_of(question)`: the key as JSON, built once here and carried by the page in one place:
  `{"type": "single"|"multiple", "correct": [ids]}`,
  `{"type": "numeric", "value": v, "tolerance": t, "unit": "GB"}`,
  `{"type": "code-output", "output": "..."}`.
- `judge(key, raw)`: `Judgement(status, message)`, status one of right, wrong, unreadable (the
  message says what to type) and ambiguous (the message asks which was meant). `raw` is a list of
  option ids for a choice question, the typed text otherwise.
- `percent(correct, total)`: an integer percent, halves rounded up (20 of 32 is 63).
"""

from __future__ import annotations

import json
import string
from dataclasses import dataclass
from typing import Literal, TypedDict, assert_never

from .models import AnyQuestion, CodeOutput, MultipleChoice, Numeric, SingleChoice, option_id

LETTERS = string.ascii_lowercase

Status = Literal["right", "wrong", "unreadable", "ambiguous"]


class ChoiceKey(TypedDict):
    type: Literal["single", "multiple"]
    correct: list[str]


class NumericKey(TypedDict):
    type: Literal["numeric"]
    value: float
    tolerance: float
    unit: str


class OutputKey(TypedDict):
    type: Literal["code-output"]
    output: str


Key = ChoiceKey | NumericKey | OutputKey


@dataclass(frozen=True)
class Judgement:
    status: Status
    message: str

    @property
    def counts(self) -> bool:
        """Whether this is a verdict on the answer (right or wrong), not a request to retype."""
        return self.status in ("right", "wrong")


RIGHT = Judgement("right", "Correct.")
WRONG = Judgement("wrong", "Not quite.")
CHOOSE_ONE = "Choose one option."
CHOOSE_SOME = "Choose every option that applies (at least one)."
TYPE_OUTPUT = (
    "Type what the code prints. Spaces around brackets, commas and other symbols do not matter."
)


def format_number(value: float) -> str:
    """A number as a person would write it, with no precision lost: 4, 0.269, 1048576."""
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


def key_of(question: AnyQuestion) -> Key:
    """The question's key in the shared JSON form (see the module docstring)."""
    match question:
        case SingleChoice() | MultipleChoice():
            return ChoiceKey(
                type=question.type,
                correct=[option_id(o.text) for o in question.options if o.correct],
            )
        case Numeric():
            return NumericKey(
                type="numeric",
                value=float(question.answer.value),
                tolerance=float(question.answer.tolerance),
                unit=question.answer.unit,
            )
        case CodeOutput():
            return OutputKey(type="code-output", output=question.output)
        case _:
            assert_never(question)


def key_json(question: AnyQuestion) -> str:
    """The key as the page carries it (compact JSON, for one `data-pw-key` attribute)."""
    return json.dumps(key_of(question), separators=(",", ":"), ensure_ascii=False)


def _judge_choice(key: ChoiceKey, raw: object) -> Judgement:
    single = key["type"] == "single"
    if not isinstance(raw, list | tuple) or not all(isinstance(item, str) for item in raw):
        return Judgement("unreadable", CHOOSE_ONE if single else CHOOSE_SOME)
    chosen = set(raw)
    if not chosen or (single and len(chosen) != 1):
        return Judgement("unreadable", CHOOSE_ONE if single else CHOOSE_SOME)
    return RIGHT if chosen == set(key["correct"]) else WRONG


def within(value: float, key: NumericKey) -> bool:
    """The tolerance test; the slack of a billionth absorbs binary rounding of decimal input."""
    target, tolerance = key["value"], key["tolerance"]
    return abs(value - target) <= tolerance + 1e-9 * (abs(target) + tolerance)


# Reading typed answers (macros/answers.py) is for judging them, which a build never does: the
# reader and its patterns load on the first answer judged.


def _judge_numeric(key: NumericKey, raw: object) -> Judgement:
    from .answers import Ambiguous, Number, Unreadable, read_number

    if not isinstance(raw, str):
        raw = ""
    reading = read_number(raw, key["unit"])
    match reading:
        case Number(value=value):
            return RIGHT if within(value, key) else WRONG
        case Unreadable(message=message):
            return Judgement("unreadable", message)
        case Ambiguous(message=message):
            return Judgement("ambiguous", message)
        case _:
            assert_never(reading)


def _judge_output(key: OutputKey, raw: object) -> Judgement:
    from .answers import strip_space, tokens

    if not isinstance(raw, str) or not strip_space(raw):
        return Judgement("unreadable", TYPE_OUTPUT)
    return RIGHT if tokens(raw) == tokens(key["output"]) else WRONG


def judge(key: Key, raw: object) -> Judgement:
    """Whether `raw` answers the question whose key is `key` (the one rule, see above)."""
    kind = key["type"]
    match kind:
        case "single" | "multiple":
            return _judge_choice(key, raw)  # type: ignore[arg-type]
        case "numeric":
            return _judge_numeric(key, raw)  # type: ignore[arg-type]
        case "code-output":
            return _judge_output(key, raw)  # type: ignore[arg-type]
        case _:
            assert_never(kind)


def percent(correct: int, total: int) -> int:
    """`correct` of `total` as a whole percent, halves rounded up (20 of 32 is 63); 0 of 0 is 0."""
    return (200 * correct + total) // (2 * total) if total else 0
