"""The pure grading rules, on a quiz written inside the test."""

from __future__ import annotations

import pytest
from factories import quiz_data

from macros import grading
from macros.models import Quiz

QUIZ = Quiz.model_validate(quiz_data())
SINGLE, MULTIPLE, NUMERIC, CODE = QUIZ.questions


@pytest.mark.parametrize("raw", ["b", "B", " b ", 1])
def test_single_choice_takes_a_letter_or_an_index(raw):
    assert grading.grade_question(SINGLE, raw).correct


@pytest.mark.parametrize("raw", ["a", "c", 0, 2])
def test_single_choice_wrong_options(raw):
    verdict = grading.grade_question(SINGLE, raw)
    assert verdict.answered and not verdict.correct


@pytest.mark.parametrize(
    "raw,correct",
    [
        ("a c", True),
        ("c,a", True),
        (["a", "c"], True),
        ("a", False),
        ("a b c", False),
        ("b", False),
    ],
)
def test_multiple_choice_needs_all_and_only_the_keys(raw, correct):
    assert grading.grade_question(MULTIPLE, raw).correct is correct


@pytest.mark.parametrize(
    "raw,correct",
    [
        ("4", True),
        ("4.5", True),
        ("3.5", True),
        (4, True),
        ("4.6", False),
        ("1e0", False),
        ("+4.0", True),
    ],
)
def test_numeric_answers_within_tolerance(raw, correct):
    assert grading.grade_question(NUMERIC, raw).correct is correct


def test_numbers_with_thousands_separators():
    assert grading.parse_number("1,024") == 1024.0


@pytest.mark.parametrize("raw", ["four", "", "4 apples", True, "1..2"])
def test_unreadable_numbers_are_not_answers(raw):
    verdict = grading.grade_question(NUMERIC, raw)
    assert not verdict.answered and not verdict.correct and "expected a number" in verdict.problem


@pytest.mark.parametrize("raw", ["z", "ab", 7, -1])
def test_unknown_option_letters_are_not_answers(raw):
    verdict = grading.grade_question(SINGLE, raw)
    assert not verdict.answered and "a-c" in verdict.problem


def test_code_output_ignores_runs_of_white_space():
    assert grading.grade_question(CODE, "  6\n").correct
    assert not grading.grade_question(CODE, "7").correct


def test_quiz_result_counts_unanswered_as_not_correct_and_breaks_down_by_topic():
    result = grading.grade_quiz(QUIZ, {SINGLE.id: "b", MULTIPLE.id: "a"})
    assert (result.correct, result.total, result.percent) == (1, 4, 25)
    assert [(t.topic, t.correct, t.total) for t in result.topics] == [("tensor-things", 1, 4)]
    assert [t.topic for t in result.weak_topics] == ["tensor-things"]
    assert [v.answered for v in result.verdicts] == [True, True, False, False]


def test_key_text_reads_like_an_answer():
    assert grading.key_text(SINGLE) == "b) B"
    assert grading.key_text(MULTIPLE) == "a) A, c) C"
    assert grading.key_text(NUMERIC) == "4 apples (±0.5)"
    assert grading.key_text(CODE) == "6"
