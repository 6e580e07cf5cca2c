"""What a learner does on a quiz page, in a real browser: answer a question by its key or not."""

from __future__ import annotations

from macros import grading
from macros.models import MultipleChoice, SingleChoice
from macros.render import shown_options


def section(page, question):
    return page.locator(f"section[data-pw-question='{question.id}']")


def typed_key(question) -> str:
    """The key as a learner would type it (numeric and code-output questions)."""
    if question.type == "numeric":
        return grading.format_number(question.answer.value)
    return question.output


def picks(question, correctly: bool) -> set[str]:
    """Option ids to select: the keys, or a choice that is wrong (shown order does not matter)."""
    options = shown_options(question)
    keys = {o.id for o in options if o.correct}
    if correctly:
        return keys
    if isinstance(question, SingleChoice):
        return {next(o.id for o in options if not o.correct)}
    return keys ^ {options[0].id}


def fill(page, question, correctly: bool = True, typed: str | None = None):
    """Give an answer through the form without checking it."""
    scope = section(page, question)
    if isinstance(question, SingleChoice):
        # A radio is unchecked only by checking another one, as a reader does.
        (wanted,) = picks(question, correctly)
        scope.locator(f"input[value='{wanted}']").check()
    elif isinstance(question, MultipleChoice):
        wanted = picks(question, correctly)
        for option in shown_options(question):
            scope.locator(f"input[value='{option.id}']").set_checked(option.id in wanted)
    else:
        if typed is None:
            key = typed_key(question)
            if correctly:
                typed = key
            elif question.type == "numeric":
                wrong = question.answer.value + question.answer.tolerance * 2 + 1
                typed = grading.format_number(wrong)
            else:
                typed = key + " nope"
        scope.locator("input.pw-input").fill(typed)
    return scope


def answer(page, question, correctly: bool = True, typed: str | None = None):
    """Answer one question and check it, as a reader with a mouse would."""
    scope = fill(page, question, correctly, typed)
    scope.get_by_role("button", name="Check answer").click()
    return scope
