"""What a reviewer would reject although the files load: placeholders left in, a quiz too small.

The site build accepts such files, so a half-filled pathway can be previewed with `make serve`;
`pathways validate` (and so the tests and the pre-commit hook) reports them as errors.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, assert_never

from .catalog import Catalog
from .messages import accepts_null
from .models import AnyQuestion, CodeOutput, MultipleChoice, Numeric, Pathway, Quiz, SingleChoice
from .problems import FieldPath, Problem, dotted
from .rules import MIN_EXECUTABLE, MIN_QUESTIONS, MIN_TOPICS, is_placeholder
from .yaml_source import Document


def is_executable(question: AnyQuestion) -> bool:
    """A question whose key the tests recompute: code-output, or numeric with `compute`."""
    match question:
        case CodeOutput():
            return True
        case Numeric():
            return bool(question.compute)
        case SingleChoice() | MultipleChoice():
            return False
        case _:
            assert_never(question)


def _strings(value: Any, field: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, field + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, field + (index,))
    elif isinstance(value, str):
        yield field, value


def placeholder_problems(document: Document, display: str, model: type) -> list[Problem]:
    """One error per value still holding the scaffold's placeholder."""
    problems = []
    for field, text in _strings(document.data):
        if not is_placeholder(text):
            continue
        line, col = document.where(field)
        shown = text if len(text) <= 60 else text[:57] + "..."
        fix = "replace it as the comment above it says"
        if accepts_null(model, field):
            fix += ", or write null if your source does not state it"
        problems.append(
            Problem(
                display,
                line,
                col,
                dotted(field),
                f"expected a real value, found the scaffold's placeholder {shown!r}: {fix}",
            )
        )
    return problems


def model_of(document: Document) -> type:
    data = document.data
    return Quiz if isinstance(data, dict) and "questions" in data else Pathway


def quiz_size_problems(quiz: Quiz, document: Document, display: str) -> list[Problem]:
    """The quiz minimums (macros/rules.py), each with what to add."""
    line, col = document.where(("questions",))
    executable = sum(map(is_executable, quiz.questions))
    checks = [
        (
            len(quiz.questions),
            MIN_QUESTIONS,
            "questions",
            "add questions",
        ),
        (
            executable,
            MIN_EXECUTABLE,
            "executable questions (numeric with `compute:`, or code-output)",
            "add questions whose key the tests recompute",
        ),
        (
            len(quiz.topics),
            MIN_TOPICS,
            "topics (different skills of the pathway as `topic:`)",
            "add questions on other skills of the pathway",
        ),
    ]
    return [
        Problem(
            display,
            line,
            col,
            "questions",
            f"expected at least {minimum} {what}, found {found}: {fix} "
            f"({minimum - found} more; see CONTRIBUTING.md, 'Quiz questions')",
        )
        for found, minimum, what, fix in checks
        if found < minimum
    ]


def catalog_problems(catalog: Catalog, displays: set[str]) -> list[Problem]:
    """Quiz minimums, and a quiz for every pathway, for the files named in `displays`."""
    problems = []
    for role, pathway in catalog.pathway_records.items():
        quiz = catalog.quiz_records.get(role)
        if quiz is None:
            if pathway.file in displays:
                problems.append(
                    pathway.problem(
                        ("role",),
                        f"expected a quiz with role {role!r} in quizzes/, found none: "
                        f"write quizzes/{role}.yaml (`pathways new` writes one to fill in)",
                    )
                )
            continue
        if quiz.file in displays:
            problems.extend(quiz_size_problems(quiz.model, quiz.document, quiz.file))
    return problems
