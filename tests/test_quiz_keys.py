"""Every answer key, through the one judge: the key scores, every other answer does not.

Rules the loader enforces (unique ids and options, one key per single-choice question, topics
that are skills of the pathway) are tested once, on broken files, in test_broken_data.py; the
executable keys are run by `pathways validate` (test_checks.py, test_broken_data.py).
"""

from __future__ import annotations

from itertools import combinations

import pytest
from conftest import PROJECT

from macros import grading, scoring
from macros.catalog import load_catalog
from macros.cues import shown_order
from macros.models import CodeOutput, MultipleChoice, Numeric, SingleChoice
from macros.rules import MIN_EXECUTABLE, MIN_QUESTIONS, MIN_TOPICS

pytestmark = pytest.mark.data
CATALOG = load_catalog(PROJECT)
QUESTIONS = [(role, q) for role, quiz in CATALOG.quizzes.items() for q in quiz.questions]


def qid(item):
    return item[1].id


def test_every_role_has_a_quiz_of_the_minimum_size():
    assert sorted(CATALOG.quizzes) == sorted(CATALOG.pathways)
    for role, quiz in CATALOG.quizzes.items():
        assert len(quiz.questions) >= MIN_QUESTIONS, role


def test_every_quiz_has_the_minimum_of_executable_questions_and_all_types_are_used():
    for role, quiz in CATALOG.quizzes.items():
        executable = [
            q
            for q in quiz.questions
            if isinstance(q, CodeOutput) or (isinstance(q, Numeric) and q.compute)
        ]
        assert len(executable) >= MIN_EXECUTABLE, role
    assert {q.type for _, q in QUESTIONS} == {"single", "multiple", "numeric", "code-output"}


def test_quizzes_cover_the_minimum_of_skills_each():
    for role, quiz in CATALOG.quizzes.items():
        assert len(quiz.topics) >= MIN_TOPICS, role


def test_references_use_https():
    """The model allows http(s); a reference a learner follows must be https."""
    plain = [q.id for _, q in QUESTIONS if not q.reference.url.startswith("https://")]
    assert plain == []


def typed(question) -> str:
    """The key as a learner types it: letters of the shown order, computed here."""
    if isinstance(question, SingleChoice | MultipleChoice):
        order = shown_order(question.id, len(question.options))
        return " ".join(
            "abcdefghij"[pos] for pos, i in enumerate(order) if question.options[i].correct
        )
    if isinstance(question, Numeric):
        return grading.format_number(question.answer.value)
    return question.output


def test_answering_every_quiz_with_its_key_scores_100_percent():
    for role, quiz in CATALOG.quizzes.items():
        result = scoring.grade_quiz(quiz, {q.id: typed(q) for q in quiz.questions})
        wrong = [v.question_id for v in result.verdicts if not v.correct]
        assert wrong == [], role
        assert result.percent == 100 and result.study_next() == []


@pytest.mark.parametrize("item", QUESTIONS, ids=qid)
def test_every_wrong_answer_is_marked_wrong(item):
    _, q = item
    key = grading.key_of(q)
    if isinstance(q, SingleChoice | MultipleChoice):
        ids = [grading.option_id(o.text) for o in q.options]
        assert len(set(ids)) == len(ids), "two options share an id"
        right = {grading.option_id(o.text) for o in q.options if o.correct}
        sizes = [1] if isinstance(q, SingleChoice) else range(1, len(ids) + 1)
        for size in sizes:
            for chosen in combinations(ids, size):
                expected = "right" if set(chosen) == right else "wrong"
                assert grading.judge(key, list(chosen)).status == expected, chosen
    elif isinstance(q, Numeric):
        value, tolerance, unit = q.answer.value, q.answer.tolerance, q.answer.unit
        beyond = tolerance * 1.01 + 1e-6 * max(1.0, abs(value))
        for raw, expected in (
            (repr(value), "right"),
            (repr(value + tolerance), "right"),
            (f"{repr(value)} {unit}".strip(), "right"),
            (repr(value + beyond), "wrong"),
            (repr(value - beyond), "wrong"),
        ):
            assert grading.judge(key, raw).status == expected, raw
    else:
        assert grading.judge(key, "  " + q.output.replace(" ", "\n") + "\n").status == "right"
        assert grading.judge(key, q.output + "0").status == "wrong"
        assert grading.judge(key, "").status == "unreadable"
