"""Honest scoring in the terminal: the progress file, the first answer scored, practice retries."""

from __future__ import annotations

import json

import pytest
from conftest import example_project
from factories import quiz_data
from test_cli import CATALOG, run, typed_key, wrong_letter

from macros import grading, progress
from macros.cues import shown_order
from macros.models import Quiz, SingleChoice

ROLE = "ai-platform-engineer"
QUIZ = CATALOG.quiz(ROLE)
FIRST_CHOICE = next(q for q in QUIZ.questions if isinstance(q, SingleChoice))
BEFORE = QUIZ.questions[: QUIZ.questions.index(FIRST_CHOICE)]


def answer_lines(wrong_first_choice: bool) -> list[str]:
    """Every question before the first single-choice one with its key, then that one."""
    last = wrong_letter(FIRST_CHOICE) if wrong_first_choice else typed_key(FIRST_CHOICE)
    return [typed_key(q) for q in BEFORE] + [last]


def wrong_option_text() -> str:
    order = shown_order(FIRST_CHOICE.id, len(FIRST_CHOICE.options))
    return FIRST_CHOICE.options[order["abcdefghij".index(wrong_letter(FIRST_CHOICE))]].text


def take(store, lines: list[str], *extra: str):
    return run("quiz", ROLE, "--progress", str(store), *extra, stdin="\n".join(lines) + "\n",
               env={"COLUMNS": "200"})


def test_the_first_answer_is_scored_and_a_retry_is_practice(tmp_path):
    store = tmp_path / "progress.json"
    done = take(store, [*answer_lines(wrong_first_choice=True), "q"])
    assert done.returncode == 0, done.stderr
    saved = json.loads(store.read_text(encoding="utf-8"))
    assert (saved["format"], saved["version"]) == (progress.FORMAT, progress.VERSION)
    entry = saved["quizzes"][ROLE][FIRST_CHOICE.id]
    assert entry["first"]["status"] == entry["last"]["status"] == "wrong"
    assert entry["first"]["answer"] == [grading.option_id(wrong_option_text())]
    assert entry["first"]["at"].endswith("Z")
    answered = len(BEFORE) + 1

    # Again: the answered questions are not asked, the rest are.
    again = take(store, ["q"])
    assert f"{answered} question(s) answered before" in again.stdout
    assert f"Question 1 of {len(QUIZ.questions) - answered}" in again.stdout

    # Practice on the missed one: the right answer now does not change the score.
    retry = take(store, [typed_key(FIRST_CHOICE)], "--retry-missed")
    assert retry.returncode == 0, retry.stderr
    assert "practice on the 1 question(s) you missed" in retry.stdout
    assert "These tries are not scored" in retry.stdout
    assert "✓ Correct." in retry.stdout and "Practice: only your first answer" in retry.stdout
    assert f"Score so far: {answered - 1} of {answered} answered correct" in retry.stdout
    entry = json.loads(store.read_text(encoding="utf-8"))["quizzes"][ROLE][FIRST_CHOICE.id]
    assert (entry["first"]["status"], entry["last"]["status"]) == ("wrong", "right")


@pytest.mark.parametrize(
    "content,reason",
    [
        ("{not json", "not JSON"),
        ('{"format": "backend-ai-pathways-progress", "version": 2, "quizzes": {}}',
         "expected version 1, found 2"),
        ('{"format": "something-else", "version": 1, "quizzes": {}}',
         "expected format 'backend-ai-pathways-progress'"),
        ('{"format": "backend-ai-pathways-progress", "version": 1, "quizzes": {"r": {"q": '
         '{"fingerprint": "f", "first": {"answer": "1", "status": "maybe", "at": "t"}}}}}',
         "quizzes.r.q.first.status: expected right or wrong, found 'maybe'"),
    ],
)
def test_an_unusable_progress_file_is_refused_and_left_unchanged(tmp_path, content, reason):
    store = tmp_path / "progress.json"
    store.write_text(content, encoding="utf-8")
    done = take(store, answer_lines(wrong_first_choice=False))
    assert done.returncode == 2
    assert reason in done.stderr and "left unchanged" in done.stderr
    assert store.read_text(encoding="utf-8") == content
    assert "Question 1" not in done.stdout


def test_retry_missed_needs_a_progress_file():
    done = run("quiz", ROLE, "--retry-missed", stdin="q\n")
    assert done.returncode == 2 and "--retry-missed needs --progress FILE" in done.stderr


def test_keys_this_version_does_not_know_are_kept(tmp_path):
    store = tmp_path / "progress.json"
    plans = {ROLE: {"start": "2026-12-07", "hours": 12}}
    saved = progress.empty_store() | {"plans": plans, "later": {"kept": True}}
    store.write_text(json.dumps(saved), encoding="utf-8")
    take(store, [typed_key(QUIZ.questions[0]), "q"])
    after = json.loads(store.read_text(encoding="utf-8"))
    assert after["plans"] == plans and after["later"] == {"kept": True}
    assert QUIZ.questions[0].id in after["quizzes"][ROLE]


def test_an_answer_saved_for_an_older_version_of_a_question_is_not_scored():
    question = QUIZ.questions[0]
    store = progress.empty_store()
    assert progress.record(store, ROLE, question, "x", "wrong") is True
    assert progress.record(store, ROLE, question, "y", "right") is False
    store["quizzes"][ROLE][question.id]["fingerprint"] = "changed"
    assert progress.scored_verdicts(store, QUIZ) == {}
    assert progress.record(store, ROLE, question, "z", "right") is True


def test_a_skill_the_learner_brings_is_never_sent_to_review(tmp_path):
    quiz = quiz_data()
    quiz["questions"][0]["topic"] = "api-development"  # a transferable skill of the pathway
    project = example_project(tmp_path, quiz=quiz)
    single, multiple = quiz["questions"][:2]
    lines = []
    for data in (single, multiple):  # both answered wrongly
        question = next(q for q in Quiz.model_validate(quiz).questions if q.id == data["id"])
        lines.append(wrong_letter(question) if isinstance(question, SingleChoice) else "b")
    done = run("--root", str(project), "quiz", "example-role", stdin="\n".join([*lines, "q"]),
               env={"COLUMNS": "200"})
    assert done.returncode == 0, done.stderr
    assert "some missed (a skill you bring)" in done.stdout
    study = done.stdout.split("Study next", 1)[1]
    assert "#skill-tensor-things" in study and "api-development" not in study



@pytest.mark.parametrize(
    ("sections", "problem"),
    [
        ({"tasks": {"r": {"0a1b2c3d": "2026-11-28T10:00:00.000Z"}}}, None),
        ({"skills": {"deep-learning": "2026-11-28T10:00:00.000Z"}}, None),
        ({"plans": {"r": {"start": "2026-12-07", "hours": 10}}}, None),
        ({"tasks": []}, "tasks: expected an object, found list"),
        ({"tasks": {"r": {"0a1b": True}}}, "tasks.r.0a1b: expected an ISO time, found True"),
        ({"skills": {"x": "yesterday"}}, "skills.x: expected an ISO time, found 'yesterday'"),
        (
            {"plans": {"r": {"start": "2026-02-30", "hours": 10}}},
            "plans.r.start: expected a date YYYY-MM-DD, found '2026-02-30'",
        ),
        (
            {"plans": {"r": {"start": "2026-12-07", "hours": 0}}},
            "plans.r.hours: expected whole hours a week from 1 to 80, found 0",
        ),
    ],
)
def test_the_journey_sections_are_checked_like_the_quizzes(sections, problem):
    assert progress.problem_of({**progress.empty_store(), **sections}) == problem
