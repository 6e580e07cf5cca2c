"""Pure grading of answers against a quiz's keys: no I/O, no MkDocs.

The terminal (`pathways quiz`, `pathways grade`), the tests and the browser apply the same rules;
docs/javascripts/quiz.js mirrors `is_correct` and `normalize_output` and is tested against the
same cases.

An answer is, by question type:
- single: the index of the chosen option (0-based), or its letter ("b");
- multiple: a list of indices or letters (order does not matter);
- numeric: a number, or text holding one ("1,024" and "4.0" are fine);
- code-output: the text the code prints (runs of white space are treated as one space).
"""

from __future__ import annotations

import hashlib
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .models import CodeOutput, MultipleChoice, Numeric, Quiz, SingleChoice

LETTERS = string.ascii_lowercase
_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


class AnswerError(ValueError):
    """An answer that cannot be read for its question (not a wrong answer: an unreadable one)."""


def format_number(value: float) -> str:
    """A number as a person would write it, with no precision lost: 4, 0.269, 1048576."""
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


def normalize_output(text: str) -> str:
    return " ".join(text.split())


def parse_number(raw: Any) -> float:
    if isinstance(raw, bool):
        raise AnswerError(f"expected a number, found {raw!r}")
    if isinstance(raw, int | float):
        return float(raw)
    text = str(raw).strip().replace(",", "").replace("_", "").replace(" ", "")
    if not _NUMBER.match(text):
        raise AnswerError(f"expected a number, found {raw!r}")
    return float(text)


def _option_index(question, raw: Any) -> int:
    count = len(question.options)
    if isinstance(raw, bool):
        raise AnswerError(f"expected an option letter, found {raw!r}")
    if isinstance(raw, int):
        index = raw
    elif isinstance(raw, str) and len(raw.strip()) == 1 and raw.strip().lower() in LETTERS:
        index = LETTERS.index(raw.strip().lower())
    else:
        raise AnswerError(f"expected an option letter a-{LETTERS[count - 1]}, found {raw!r}")
    if not 0 <= index < count:
        raise AnswerError(f"expected an option letter a-{LETTERS[count - 1]}, found {raw!r}")
    return index


def parse_answer(question, raw: Any):
    """Turn a raw answer (from a terminal, a file or a form) into the form `is_correct` takes."""
    if isinstance(question, SingleChoice):
        return _option_index(question, raw)
    if isinstance(question, MultipleChoice):
        items = (
            raw if isinstance(raw, list | tuple | set) else re.split(r"[\s,]+", str(raw).strip())
        )
        indices = frozenset(_option_index(question, item) for item in items if item != "")
        if not indices:
            raise AnswerError("expected at least one option letter, found none")
        return indices
    if isinstance(question, Numeric):
        return parse_number(raw)
    if isinstance(question, CodeOutput):
        if not isinstance(raw, str | int | float) or isinstance(raw, bool):
            raise AnswerError(f"expected the printed text, found {raw!r}")
        return str(raw)
    raise TypeError(f"unknown question type {type(question).__name__}")


def correct_options(question) -> frozenset[int]:
    return frozenset(i for i, option in enumerate(question.options) if option.correct)


def is_correct(question, answer) -> bool:
    """Whether a parsed answer matches the key."""
    if isinstance(question, SingleChoice):
        return answer in correct_options(question) and isinstance(answer, int)
    if isinstance(question, MultipleChoice):
        return frozenset(answer) == correct_options(question)
    if isinstance(question, Numeric):
        return abs(answer - question.answer.value) <= question.answer.tolerance + 1e-12
    if isinstance(question, CodeOutput):
        return normalize_output(answer) == normalize_output(question.output)
    raise TypeError(f"unknown question type {type(question).__name__}")


def key_text(question) -> str:
    """The key, written for a person."""
    if isinstance(question, SingleChoice | MultipleChoice):
        return ", ".join(
            f"{LETTERS[i]}) {question.options[i].text}" for i in sorted(correct_options(question))
        )
    if isinstance(question, Numeric):
        unit = f" {question.answer.unit}" if question.answer.unit else ""
        tolerance = question.answer.tolerance
        within = f" (±{format_number(tolerance)})" if tolerance else ""
        return f"{format_number(question.answer.value)}{unit}{within}"
    return question.output


def key_answer(question):
    """The key in the form `is_correct` takes (the tests answer every quiz with it)."""
    if isinstance(question, SingleChoice):
        return next(iter(correct_options(question)))
    if isinstance(question, MultipleChoice):
        return correct_options(question)
    if isinstance(question, Numeric):
        return question.answer.value
    return question.output


@dataclass(frozen=True)
class Verdict:
    question_id: str
    topic: str
    answered: bool
    correct: bool
    problem: str = ""  # why an answer could not be read


@dataclass(frozen=True)
class TopicScore:
    topic: str
    correct: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.correct / self.total) if self.total else 0


@dataclass(frozen=True)
class QuizResult:
    role: str
    verdicts: list[Verdict]
    topics: list[TopicScore] = field(default_factory=list)

    @property
    def correct(self) -> int:
        return sum(v.correct for v in self.verdicts)

    @property
    def total(self) -> int:
        return len(self.verdicts)

    @property
    def percent(self) -> int:
        return round(100 * self.correct / self.total) if self.total else 0

    @property
    def weak_topics(self) -> list[TopicScore]:
        """Topics below full marks, weakest first."""
        return sorted((t for t in self.topics if t.correct < t.total), key=lambda t: t.percent)


def grade_question(question, raw: Any) -> Verdict:
    if raw is None:
        return Verdict(question.id, question.topic, answered=False, correct=False)
    try:
        answer = parse_answer(question, raw)
    except AnswerError as error:
        return Verdict(
            question.id, question.topic, answered=False, correct=False, problem=str(error)
        )
    return Verdict(question.id, question.topic, answered=True, correct=is_correct(question, answer))


def grade_quiz(quiz: Quiz, answers: Mapping[str, Any]) -> QuizResult:
    """Grade answers keyed by question id; an unanswered question counts as not correct."""
    verdicts = [grade_question(q, answers.get(q.id)) for q in quiz.questions]
    topics = []
    for topic in quiz.topics:
        mine = [v for v in verdicts if v.topic == topic]
        topics.append(TopicScore(topic, sum(v.correct for v in mine), len(mine)))
    return QuizResult(quiz.role, verdicts, topics)


# --- The shared key and judgement API (common brief, formats 2-4). A minimal version so the quiz
# page can carry keys; the e10-grading branch owns the full rules and their shared case table.

_GROUPED = re.compile(r"^[+-]?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$")
_DECIMAL_COMMA = re.compile(r"^[+-]?\d*,\d+$")
_TOKEN = re.compile(r"\w+(?:\.\w+)*|\S")


def option_id(text: str) -> str:
    """An option's identity, stable when options are reordered or shown shuffled."""
    return hashlib.sha256(text.strip().casefold().encode()).hexdigest()[:8]


def key_of(question) -> dict:
    """The key as the page carries it (JSON in `data-pw-key`) and `judge` reads it."""
    if isinstance(question, SingleChoice | MultipleChoice):
        correct = [option_id(o.text) for o in question.options if o.correct]
        return {"type": question.type, "correct": correct}
    if isinstance(question, Numeric):
        answer = question.answer
        return {
            "type": "numeric",
            "value": answer.value,
            "tolerance": answer.tolerance,
            "unit": answer.unit,
        }
    if isinstance(question, CodeOutput):
        return {"type": "code-output", "output": question.output}
    raise TypeError(f"unknown question type {type(question).__name__}")


@dataclass(frozen=True)
class Judgement:
    status: str  # "right", "wrong", "unreadable" or "ambiguous"
    message: str


def _read_number(text: str, unit: str) -> tuple[float | None, str]:
    text = text.strip()
    if unit and text.casefold().endswith(unit.casefold()):
        text = text[: -len(unit)]
    text = text.replace(" ", "").replace("_", "")
    if _GROUPED.match(text):
        if "." not in text and text.count(",") == 1:
            return None, "ambiguous"
        text = text.replace(",", "")
    elif _DECIMAL_COMMA.match(text):
        text = text.replace(",", ".")
    return (float(text), "") if _NUMBER.match(text) else (None, "unreadable")


def judge(key: dict, raw) -> Judgement:
    kind = key["type"]
    if kind in ("single", "multiple"):
        if not raw:
            return Judgement("unreadable", "Choose an answer first.")
        right = sorted(raw) == sorted(key["correct"])
        return Judgement("right" if right else "wrong", "")
    if kind == "numeric":
        unit = key.get("unit", "")
        value, problem = _read_number(str(raw), unit)
        if problem == "ambiguous":
            return Judgement(
                "ambiguous",
                f"Did you mean {raw} with a thousands separator or a "
                "decimal comma? Type it without the comma, or with a point.",
            )
        if value is None:
            suffix = f", optionally followed by {unit}" if unit else ""
            return Judgement("unreadable", f"Type a number such as 0.25 or 0,25{suffix}.")
        right = abs(value - key["value"]) <= key["tolerance"] + 1e-9 * max(1, abs(key["value"]))
        return Judgement("right" if right else "wrong", "")
    if not str(raw).strip():
        return Judgement("unreadable", "Type what the code prints.")
    right = _TOKEN.findall(str(raw)) == _TOKEN.findall(key["output"])
    return Judgement("right" if right else "wrong", "")


def percent(correct: int, total: int) -> int:
    """Whole percent, halves rounded up as on the page (20 of 32 is 63)."""
    return (200 * correct + total) // (2 * total) if total else 0
