"""The grading rules: the shared case table against grading.py, and the quiz-level scoring."""

from __future__ import annotations

import hashlib
import json

import pytest
from conftest import ROOT
from factories import quiz_data

from macros import grading, scoring
from macros.cues import shown_order
from macros.models import Quiz

CASES = json.loads((ROOT / "tests" / "grading_cases.json").read_text(encoding="utf-8"))
QUIZ = Quiz.model_validate(quiz_data())
SINGLE, MULTIPLE, NUMERIC, CODE = QUIZ.questions


def case_id(case) -> str:
    return f"{case['key']}:{json.dumps(case['raw'], ensure_ascii=False)}"


@pytest.mark.parametrize("case", CASES["judge"], ids=case_id)
def test_the_shared_cases_in_python(case):
    judgement = grading.judge(CASES["keys"][case["key"]], case["raw"])
    assert judgement.status == case["status"], judgement.message
    assert case.get("message_has", "") in judgement.message


def test_the_case_table_covers_every_status_and_kind():
    statuses = {c["status"] for c in CASES["judge"]}
    kinds = {CASES["keys"][c["key"]]["type"] for c in CASES["judge"]}
    assert statuses == {"right", "wrong", "unreadable", "ambiguous"}
    assert kinds == {"single", "multiple", "numeric", "code-output"}


@pytest.mark.parametrize("case", CASES["percent"], ids=lambda c: f"{c['correct']}of{c['total']}")
def test_percent_rounds_halves_up(case):
    assert grading.percent(case["correct"], case["total"]) == case["percent"]


def test_every_message_that_refuses_an_answer_says_what_to_type():
    for case in CASES["judge"]:
        judgement = grading.judge(CASES["keys"][case["key"]], case["raw"])
        if judgement.status == "unreadable":
            assert any(word in judgement.message for word in ("Type", "Choose")), case
        if judgement.status == "ambiguous":
            assert judgement.message.startswith("Did you mean"), case


def test_option_id_is_the_shared_formula():
    text = "  Paged Attention "
    expected = hashlib.sha256(b"paged attention").hexdigest()[:8]
    assert grading.option_id(text) == grading.option_id("PAGED ATTENTION") == expected


def test_key_of_each_kind():
    ids = {o.text: grading.option_id(o.text) for o in SINGLE.options}
    assert grading.key_of(SINGLE) == {"type": "single", "correct": [ids["B"]]}
    assert grading.key_of(MULTIPLE) == {
        "type": "multiple",
        "correct": [grading.option_id("A"), grading.option_id("C")],
    }
    assert grading.key_of(NUMERIC) == {
        "type": "numeric",
        "value": 4.0,
        "tolerance": 0.5,
        "unit": "apples",
    }
    assert grading.key_of(CODE) == {"type": "code-output", "output": "6"}
    assert json.loads(grading.key_json(NUMERIC)) == grading.key_of(NUMERIC)


def shown_letter(question, text: str) -> str:
    order = shown_order(question.id, len(question.options))
    file_index = [o.text for o in question.options].index(text)
    return "abcdefghij"[order.index(file_index)]


def test_letters_are_letters_of_the_shown_order():
    right = shown_letter(SINGLE, "B")
    assert scoring.judge_answer(SINGLE, right).status == "right"
    for other in ("A", "C"):
        assert scoring.judge_answer(SINGLE, shown_letter(SINGLE, other)).status == "wrong"
    both = f"{shown_letter(MULTIPLE, 'C')}, {shown_letter(MULTIPLE, 'A').upper()}"
    assert scoring.judge_answer(MULTIPLE, both).status == "right"
    assert scoring.key_text(SINGLE) == f"{right}) B"


def test_options_can_be_named_by_id_and_the_reading_accepts_its_own_output():
    ids = [grading.option_id("A"), grading.option_id("C")]
    assert scoring.judge_answer(MULTIPLE, ids).status == "right"
    read = scoring.judge_raw(MULTIPLE, "a c")
    assert scoring.judge_raw(MULTIPLE, read) == read
    assert scoring.judge_raw(MULTIPLE, frozenset(read)) in (read, read[::-1])


@pytest.mark.parametrize("raw", ["z", "ab", "7"])
def test_an_unknown_letter_is_refused_with_the_letters_to_use(raw):
    judgement = scoring.judge_answer(SINGLE, raw)
    assert judgement.status == "unreadable"
    assert f"“{raw}” is not an option here" in judgement.message and "a to c" in judgement.message


def test_numbers_in_answer_files_may_be_numbers():
    assert scoring.judge_answer(NUMERIC, 4).status == "right"
    assert scoring.judge_answer(NUMERIC, 4.6).status == "wrong"
    assert scoring.judge_answer(CODE, 6).status == "right"


def test_the_score_counts_answered_questions_and_topics_say_how_many():
    answers = {SINGLE.id: shown_letter(SINGLE, "B"), MULTIPLE.id: shown_letter(MULTIPLE, "A")}
    answers[NUMERIC.id] = "four"  # unreadable: not an answer
    result = scoring.grade_quiz(QUIZ, answers)
    assert (result.correct, result.answered, result.total, result.percent) == (1, 2, 4, 50)
    assert [(t.topic, t.correct, t.answered, t.total) for t in result.topics] == [
        ("tensor-things", 1, 2, 4)
    ]
    assert [v.status for v in result.verdicts] == ["right", "wrong", "unreadable", "unanswered"]
    assert [t.topic for t in result.study_next()] == ["tensor-things"]
    assert result.study_next(known={"tensor-things"}) == []


def test_a_topic_with_no_answered_question_is_not_sent_to_review():
    result = scoring.grade_quiz(QUIZ, {})
    assert result.percent == 0 and result.answered == 0
    assert result.study_next() == []
