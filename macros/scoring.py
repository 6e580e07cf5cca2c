"""A quiz's answers as the terminal and answer files give them, scored through `grading.judge`.

Letters are letters of the SHOWN order (`cues.shown_order`), as in the browser; an option may also
be named by its id (`grading.option_id`). Every decision about right or wrong is `judge`'s.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Literal, assert_never

from .cues import shown_order
from .grading import LETTERS, Judgement, Status, format_number, judge, key_of, option_id, percent
from .models import (
    AnyQuestion,
    ChoiceQuestion,
    CodeOutput,
    MultipleChoice,
    Numeric,
    Option,
    Quiz,
    SingleChoice,
)

_ID = re.compile(r"^[0-9a-f]{8}$")


def shown_options(question: ChoiceQuestion) -> list[Option]:
    """The options in the order the learner sees them; letter i names the i-th of these."""
    return [question.options[i] for i in shown_order(question.id, len(question.options))]


def letter_range(question: ChoiceQuestion) -> str:
    return f"a to {LETTERS[len(question.options) - 1]}"


def _choice_raw(question: ChoiceQuestion, answer: object) -> list[str] | Judgement:
    shown = shown_options(question)
    ids = [option_id(o.text) for o in shown]
    items = (
        list(answer)
        if isinstance(answer, list | tuple | set | frozenset)
        else re.split(r"[\s,]+", str(answer).strip())
    )
    chosen: list[str] = []
    for item in (str(i).strip() for i in items):
        if not item:
            continue
        if _ID.match(item) and item in ids:
            chosen.append(item)
        elif len(item) == 1 and item.lower() in LETTERS[: len(shown)]:
            chosen.append(ids[LETTERS.index(item.lower())])
        else:
            return Judgement(
                "unreadable",
                f"“{item}” is not an option here. Type the letter of {_what_to_choose(question)}, "
                f"{letter_range(question)}.",
            )
    return list(dict.fromkeys(chosen))


def _what_to_choose(question: ChoiceQuestion) -> str:
    match question:
        case SingleChoice():
            return "one option"
        case MultipleChoice():
            return "each option you choose"
        case _:
            assert_never(question)


def judge_raw(question: AnyQuestion, answer: object) -> list[str] | str | Judgement:
    """What a learner typed (or an answers file holds) in the form `judge` takes."""
    match question:
        case SingleChoice() | MultipleChoice():
            return _choice_raw(question, answer)
        case Numeric() | CodeOutput():
            if isinstance(answer, int | float) and not isinstance(answer, bool):
                return format_number(answer)
            return answer if isinstance(answer, str) else ""
        case _:
            assert_never(question)


def judge_answer(question: AnyQuestion, answer: object) -> Judgement:
    raw = judge_raw(question, answer)
    return raw if isinstance(raw, Judgement) else judge(key_of(question), raw)


def key_text(question: AnyQuestion) -> str:
    """The key, written for a person (letters of the shown order)."""
    match question:
        case SingleChoice() | MultipleChoice():
            shown = enumerate(shown_options(question))
            return ", ".join(f"{LETTERS[i]}) {o.text}" for i, o in shown if o.correct)
        case Numeric():
            unit = f" {question.answer.unit}" if question.answer.unit else ""
            tolerance = question.answer.tolerance
            within = f" (±{format_number(tolerance)})" if tolerance else ""
            return f"{format_number(question.answer.value)}{unit}{within}"
        case CodeOutput():
            return question.output
        case _:
            assert_never(question)


def key_as_typed(question: AnyQuestion) -> str:
    """The key as a learner types it in the terminal: shown letters, or the number, or the text."""
    match question:
        case SingleChoice() | MultipleChoice():
            return " ".join(
                LETTERS[i] for i, o in enumerate(shown_options(question)) if o.correct
            )
        case Numeric():
            return format_number(question.answer.value)
        case CodeOutput():
            return question.output
        case _:
            assert_never(question)


def key_answer(question: AnyQuestion):
    """The key by FILE position (an index, or a frozenset of them), the value, or the output."""
    match question:
        case SingleChoice():
            return next(i for i, o in enumerate(question.options) if o.correct)
        case MultipleChoice():
            return frozenset(i for i, o in enumerate(question.options) if o.correct)
        case Numeric():
            return question.answer.value
        case CodeOutput():
            return question.output
        case _:
            assert_never(question)


# ------------------------------------------------------------------------------------- a quiz

Outcome = Status | Literal["unanswered"]


@dataclass(frozen=True)
class Verdict:
    question_id: str
    topic: str
    status: Outcome
    message: str = ""  # why an answer could not be scored

    @property
    def answered(self) -> bool:
        return self.status in ("right", "wrong")

    @property
    def correct(self) -> bool:
        return self.status == "right"


@dataclass(frozen=True)
class TopicScore:
    topic: str
    correct: int
    answered: int
    total: int

    @property
    def percent(self) -> int:
        return percent(self.correct, self.answered)


@dataclass(frozen=True)
class QuizResult:
    role: str
    verdicts: list[Verdict]
    topics: list[TopicScore] = field(default_factory=list)

    @property
    def correct(self) -> int:
        return sum(v.correct for v in self.verdicts)

    @property
    def answered(self) -> int:
        return sum(v.answered for v in self.verdicts)

    @property
    def total(self) -> int:
        return len(self.verdicts)

    @property
    def percent(self) -> int:
        """Of the answered questions: an untouched question says nothing about the learner."""
        return percent(self.correct, self.answered)

    def study_next(self, known: Collection[str] = ()) -> list[TopicScore]:
        """Answered topics below full marks, weakest first, leaving out the skills in `known`
        (those the pathway lists as transferable: the learner has them already)."""
        weak = [t for t in self.topics if t.correct < t.answered and t.topic not in known]
        return sorted(weak, key=lambda t: t.percent)


def result_of(quiz: Quiz, verdicts: Mapping[str, Verdict]) -> QuizResult:
    ordered = [verdicts.get(q.id) or Verdict(q.id, q.topic, "unanswered") for q in quiz.questions]
    topics = []
    for topic in quiz.topics:
        mine = [v for v in ordered if v.topic == topic]
        topics.append(
            TopicScore(
                topic, sum(v.correct for v in mine), sum(v.answered for v in mine), len(mine)
            )
        )
    return QuizResult(quiz.role, ordered, topics)


def grade_quiz(quiz: Quiz, answers: Mapping[str, object]) -> QuizResult:
    """Score answers keyed by question id (each taken as the first answer to its question)."""
    verdicts = {}
    for question in quiz.questions:
        if answers.get(question.id) is None:
            continue
        judgement = judge_answer(question, answers[question.id])
        message = "" if judgement.counts else judgement.message
        verdicts[question.id] = Verdict(question.id, question.topic, judgement.status, message)
    return result_of(quiz, verdicts)
