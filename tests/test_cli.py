"""The `pathways` command, run as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import PROJECT, ROOT, example_project

from macros import grading
from macros.catalog import load_catalog
from macros.cues import shown_order
from macros.grading import LETTERS
from macros.models import MultipleChoice, SingleChoice
from macros.rules import MIN_EXECUTABLE, MIN_QUESTIONS, MIN_TOPICS, PLACEHOLDER_MARK

PATHWAYS = Path(sys.executable).parent / "pathways"
CATALOG = load_catalog(PROJECT)


def run(
    *args: str, stdin: str = "", cwd: Path = PROJECT, env: dict | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(PATHWAYS), *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def shown_letters(question) -> list[str]:
    """The letters of the key as shown: computed from the shown order, not by the CLI's code."""
    order = shown_order(question.id, len(question.options))
    return [LETTERS[pos] for pos, i in enumerate(order) if question.options[i].correct]


def typed_key(question) -> str:
    if isinstance(question, SingleChoice | MultipleChoice):
        return " ".join(shown_letters(question))
    if question.type == "numeric":
        return grading.format_number(question.answer.value)
    return question.output


def wrong_letter(question: SingleChoice) -> str:
    return next(c for c in LETTERS[: len(question.options)] if c not in shown_letters(question))


def test_quiz_list_names_every_quiz():
    done = run("quiz", "--list")
    assert done.returncode == 0
    for role, quiz in CATALOG.quizzes.items():
        assert f"{len(quiz.questions):3} questions" in done.stdout and role in done.stdout


def test_taking_a_quiz_in_the_terminal_with_the_keys():
    role = "ai-platform-engineer"
    quiz = CATALOG.quiz(role)
    answers = "\n".join(typed_key(q) for q in quiz.questions) + "\n"
    done = run("quiz", role, stdin=answers)
    assert done.returncode == 0, done.stderr
    total = len(quiz.questions)
    assert done.stdout.count("✓ Correct.") == total
    assert "✗" not in done.stdout
    assert f"Score: {total} of {total} correct (100%)" in done.stdout
    assert "Study next" not in done.stdout


def test_options_are_shown_in_the_shown_order_with_their_letters():
    role = "ai-platform-engineer"
    question = next(q for q in CATALOG.quiz(role).questions if isinstance(q, SingleChoice))
    done = run("quiz", role, stdin="q\n", env={"COLUMNS": "300"})
    order = shown_order(question.id, len(question.options))
    lines = [line.strip() for line in done.stdout.splitlines()]
    for position, index in enumerate(order):
        text = question.options[index].text.replace("`", "").replace("**", "")
        assert f"{LETTERS[position]}) {text}" in lines, text


def test_a_wrong_answer_is_explained_a_bad_one_asked_again_and_the_topic_named():
    role = "ai-platform-engineer"
    quiz = CATALOG.quiz(role)
    pathway = CATALOG.pathway(role)
    known = {skill.id for skill in pathway.transferable_skills}
    wrong = next(q for q in quiz.questions if isinstance(q, SingleChoice) and q.topic not in known)
    lines = []
    for question in quiz.questions[: quiz.questions.index(wrong) + 1]:
        if question is wrong:
            lines += ["zz", wrong_letter(question)]
        else:
            lines.append(typed_key(question))
    done = run("quiz", role, stdin="\n".join(lines + ["q"]) + "\n", env={"COLUMNS": "300"})
    assert done.returncode == 0
    assert "“zz” is not an option here" in done.stdout  # "zz" was not taken as an answer
    key = next(o.text for o in wrong.options if o.correct)
    assert f"✗ Not quite. The answer: {shown_letters(wrong)[0]}) {key}".replace("`", "") in (
        done.stdout.replace("`", "")
    )
    assert wrong.reference.url in done.stdout
    assert "Stopped" in done.stdout
    answered = quiz.questions.index(wrong) + 1
    assert f"Score so far: {answered - 1} of {answered} answered correct" in done.stdout
    skill = pathway.skills_by_id[wrong.topic]
    assert f"- {skill.name}: pathways/{role}/#skill-{wrong.topic}" in done.stdout
    assert f"#skill-{wrong.topic}" not in done.stdout.split("Study next")[0]


def test_grade_a_file_of_answers_with_shown_letters_and_option_ids(tmp_path):
    role = "deep-learning-engineer"
    quiz = CATALOG.quiz(role)
    answers = {q.id: typed_key(q) for q in quiz.questions[:-1]}
    by_id = next(q for q in quiz.questions[:-1] if isinstance(q, MultipleChoice))
    answers[by_id.id] = [grading.option_id(o.text) for o in by_id.options if o.correct]
    answers["no-such-question"] = "a"
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump({"role": role, "answers": answers}), encoding="utf-8")
    done = run("grade", str(path), env={"COLUMNS": "300"})
    assert done.returncode == 0, done.stderr
    total = len(quiz.questions)
    assert f"Score so far: {total - 1} of {total - 1} answered correct (100%)" in done.stdout
    assert f"- unanswered {quiz.questions[-1].id}  key: " in done.stdout
    assert done.stdout.count("✓ correct") == total - 1
    assert "no question 'no-such-question'" in done.stderr


def test_grade_rejects_a_malformed_file(tmp_path):
    path = tmp_path / "answers.yaml"
    path.write_text("- a\n- b\n", encoding="utf-8")
    done = run("grade", str(path))
    assert done.returncode == 2 and "expected a mapping with 'role' and 'answers'" in done.stderr


@pytest.mark.data
def test_validate_passes_on_the_data():
    done = run("validate")
    assert done.returncode == 0, done.stderr
    assert "OK: 0 error(s)" in done.stdout


def test_validate_warns_of_the_sources_disagreements():
    done = run("validate", cwd=ROOT)
    assert "data/pathways/ai-model-optimizer.yaml" in done.stdout
    assert "salary_change" in done.stdout and "(warning)" in done.stdout


def test_the_untouched_scaffold_fails_validate_naming_each_placeholder(tmp_path):
    project = example_project(tmp_path)
    done = run("--root", str(project), "new", "ml-security-engineer")
    assert done.returncode == 0, done.stderr
    written = {
        "data/pathways/ml-security-engineer.yaml": "../../schemas/pathway.schema.json",
        "quizzes/ml-security-engineer.yaml": "../schemas/quiz.schema.json",
    }
    validated = run("validate", "data/pathways/ml-security-engineer.yaml", cwd=project)
    assert validated.returncode == 1
    errors = validated.stderr.splitlines()
    for name, schema in written.items():
        lines = (project / name).read_text(encoding="utf-8").splitlines()
        assert lines[0] == f"# yaml-language-server: $schema={schema}"
        # Every line that holds a placeholder value (not a comment) has its own error.
        marked = [
            number
            for number, line in enumerate(lines, start=1)
            if not line.lstrip().startswith("#")
            and (PLACEHOLDER_MARK in line or f"{PLACEHOLDER_MARK.lower()}-" in line)
        ]
        assert marked
        for number in marked:
            here = [e for e in errors if e.startswith(f"{name}:{number}:")]
            assert len(here) == 1 and "the scaffold's placeholder" in here[0], (number, errors)
    quiz = (project / "quizzes/ml-security-engineer.yaml").read_text(encoding="utf-8")
    assert (
        f"at least {MIN_QUESTIONS} questions, at least {MIN_EXECUTABLE} of them executable" in quiz
    )
    assert f"on at least {MIN_TOPICS} different topics" in quiz
    again = run("--root", str(project), "new", "ml-security-engineer")
    assert again.returncode == 2 and "exists already" in again.stderr


def test_the_external_link_checker_reports_dead_links(tmp_path):
    """Against a server on loopback: the scheduled workflow runs the same code on the real web."""
    from conftest import serve

    from macros.links import check_all

    (tmp_path / "alive.html").write_text("ok", encoding="utf-8")
    with serve(tmp_path) as base:
        failed = check_all([f"{base}alive.html", f"{base}dead.html"])
    assert failed == {f"{base}dead.html": "HTTP 404"}


def test_external_links_lists_every_reference():
    from macros.links import external_links

    used = external_links(CATALOG)
    for quiz in CATALOG.quizzes.values():
        for question in quiz.questions:
            assert f"quiz:{quiz.role}#{question.id}" in used[question.reference.url]


def test_without_a_chromium_the_tests_say_how_to_get_one(monkeypatch, tmp_path):
    """On a machine with no Chromium, the browser fixture fails with install instructions."""
    from types import SimpleNamespace

    from conftest import CHROMIUM_HELP, find_chromium

    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("PATHWAYS_CHROMIUM", raising=False)
    nothing = SimpleNamespace(chromium=SimpleNamespace(executable_path=str(tmp_path / "none")))
    assert find_chromium(nothing) is None
    for way in (
        "apt-get install chromium",
        "brew install --cask chromium",
        "playwright install chromium",
        "PATHWAYS_CHROMIUM",
    ):
        assert way in CHROMIUM_HELP
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    assert find_chromium(nothing) == str(fake)
