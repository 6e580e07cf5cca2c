"""Every answer key is proven: structure, grading with the key and against it, recomputation."""

from __future__ import annotations

import ast
import subprocess
import sys
from itertools import combinations

import pytest
from conftest import PROJECT

from macros import grading
from macros.catalog import load_catalog
from macros.models import CodeOutput, MultipleChoice, Numeric, SingleChoice
from macros.rules import MIN_EXECUTABLE, MIN_QUESTIONS, MIN_TOPICS

pytestmark = pytest.mark.data
CATALOG = load_catalog(PROJECT)
QUESTIONS = [(role, q) for role, quiz in CATALOG.quizzes.items() for q in quiz.questions]
ALLOWED_IMPORTS = set(sys.stdlib_module_names) | {"numpy"}


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


def test_question_ids_are_unique_and_topics_are_skills_of_the_pathway():
    ids = [q.id for _, q in QUESTIONS]
    assert len(ids) == len(set(ids))
    for role, question in QUESTIONS:
        assert question.topic in CATALOG.pathways[role].skills_by_id, question.id


def test_quizzes_cover_the_minimum_of_skills_each():
    for role, quiz in CATALOG.quizzes.items():
        assert len(quiz.topics) >= MIN_TOPICS, role


@pytest.mark.parametrize("item", QUESTIONS, ids=qid)
def test_options_are_unique_and_single_choice_has_exactly_one_key(item):
    _, question = item
    if isinstance(question, SingleChoice | MultipleChoice):
        texts = [o.text.strip().casefold() for o in question.options]
        assert len(texts) == len(set(texts))
    if isinstance(question, SingleChoice):
        assert sum(o.correct for o in question.options) == 1
    assert question.explanation.strip() and question.reference.url.startswith("https://")


def test_answering_every_quiz_with_its_key_scores_100_percent():
    for role, quiz in CATALOG.quizzes.items():
        answers = {}
        for q in quiz.questions:
            key = grading.key_answer(q)
            # Answer as a person would type it: letters for options, text for numbers.
            if isinstance(q, SingleChoice):
                answers[q.id] = grading.LETTERS[key]
            elif isinstance(q, MultipleChoice):
                answers[q.id] = " ".join(grading.LETTERS[i] for i in sorted(key))
            else:
                answers[q.id] = str(key)
        result = grading.grade_quiz(quiz, answers)
        assert (result.correct, result.percent) == (len(quiz.questions), 100), role
        assert result.weak_topics == []


@pytest.mark.parametrize("item", QUESTIONS, ids=qid)
def test_every_wrong_answer_is_marked_wrong(item):
    _, q = item
    if isinstance(q, SingleChoice):
        key = grading.key_answer(q)
        for index in range(len(q.options)):
            assert grading.is_correct(q, index) == (index == key)
    elif isinstance(q, MultipleChoice):
        key = grading.key_answer(q)
        every = range(len(q.options))
        for size in range(1, len(q.options) + 1):
            for chosen in combinations(every, size):
                assert grading.is_correct(q, frozenset(chosen)) == (frozenset(chosen) == key)
    elif isinstance(q, Numeric):
        value, tolerance = q.answer.value, q.answer.tolerance
        assert grading.is_correct(q, value + tolerance)
        assert not grading.is_correct(q, value + tolerance * 1.01 + 1e-9)
        assert not grading.is_correct(q, value - tolerance * 1.01 - 1e-9)
    else:
        assert grading.is_correct(q, "  " + q.output.replace(" ", "\n") + "\n")
        assert not grading.is_correct(q, q.output + "0")
        assert not grading.is_correct(q, "")


def _imports(code: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add((node.module or "").split(".")[0])
    return names


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-I", "-c", code], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


EXECUTABLE = [
    (role, q)
    for role, q in QUESTIONS
    if isinstance(q, CodeOutput) or (isinstance(q, Numeric) and q.compute)
]


@pytest.mark.parametrize("item", EXECUTABLE, ids=qid)
def test_executable_keys_are_recomputed(item):
    _, q = item
    code = q.code if isinstance(q, CodeOutput) else q.compute
    assert _imports(code) <= ALLOWED_IMPORTS, "only the standard library and NumPy"
    if isinstance(q, CodeOutput):
        printed = _run(code)
        assert grading.normalize_output(printed) == grading.normalize_output(q.output)
    else:
        result = float(_run(code + "\nprint(repr(float(result)))").splitlines()[-1])
        assert abs(result - q.answer.value) <= max(q.answer.tolerance / 2, 1e-9), (
            f"computed {result}, stored key {q.answer.value}"
        )
