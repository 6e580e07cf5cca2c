"""`pathways quiz`: the quiz in a terminal, drawn with rich.

Paragraphs are reflowed to the terminal's width (rich renders the Markdown, so the hard line breaks
of a YAML block are joined), code is highlighted, topics appear by the skill's name, and results
are marked in words and symbols, with colour only where the terminal has it (rich honours
`NO_COLOR` and `TERM=dumb`). Options are shown in `cues.shown_order`, lettered in that order.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import assert_never

from rich.console import Console
from rich.markdown import Markdown
from rich.padding import Padding
from rich.syntax import Syntax
from rich.table import Table
from rich.text import Text

from . import progress
from .grading import Judgement
from .models import AnyQuestion, CodeOutput, MultipleChoice, Numeric, Pathway, Quiz, SingleChoice
from .scoring import (
    LETTERS,
    QuizResult,
    judge_answer,
    judge_raw,
    key_text,
    result_of,
    shown_options,
)

STOP = ("q", "quit")


def make_console(**options) -> Console:
    return Console(highlight=False, emoji=False, **options)


def _how_to_answer(question: AnyQuestion) -> str:
    match question:
        case SingleChoice():
            return "Answer with one letter, or q to stop."
        case MultipleChoice():
            return "Answer with every letter that applies, e.g. a c, or q to stop."
        case Numeric():
            unit = f" in {question.answer.unit}" if question.answer.unit else ""
            return f"Answer with a number{unit}, or q to stop."
        case CodeOutput():
            return "Type what it prints (spacing between symbols does not matter), or q to stop."
        case _:
            assert_never(question)


def show_question(
    console: Console, question: AnyQuestion, number: int, total: int, topic_name: str
) -> None:
    console.print()
    console.rule(Text(f"Question {number} of {total}", style="bold"), align="left")
    console.print(Text(f"Topic: {topic_name} · {question.difficulty}", style="dim"))
    console.print(Markdown(question.prompt))
    match question:
        case SingleChoice() | MultipleChoice():
            options = Table.grid(padding=(0, 1))
            options.add_column(no_wrap=True)
            options.add_column()
            for index, option in enumerate(shown_options(question)):
                options.add_row(Text(f"{LETTERS[index]})", style="bold"), Markdown(option.text))
            console.print(Padding(options, (0, 0, 0, 2)))
        case CodeOutput():
            console.print(
                Padding(Syntax(question.code, "python", background_color="default"), (1, 0, 1, 2))
            )
        case Numeric():
            pass  # the prompt says it all; the answer is typed
        case _:
            assert_never(question)
    console.print(Text(_how_to_answer(question), style="dim"))


def show_result(console: Console, question: AnyQuestion, judgement: Judgement, scored: bool):
    line = Table.grid(padding=(0, 1))
    line.add_column(no_wrap=True)
    line.add_column()
    if judgement.status == "right":
        line.add_row(Text("✓ Correct.", style="bold green"), "")
    else:
        line.add_row(Text("✗ Not quite.", style="bold red"), _the_answer(question))
    console.print(line)
    if not scored:
        console.print(Text("Practice: only your first answer to a question is scored.", "italic"))
    console.print(Padding(Markdown(question.explanation), (0, 0, 0, 2)))
    console.print(Text(f"  Source: {question.reference.title}", style="dim"))
    console.print(f"  {question.reference.url}", soft_wrap=True, style="dim")


def _the_answer(question: AnyQuestion) -> Markdown | Text:
    """The key after a wrong answer: option texts are Markdown, a typed answer is shown as is."""
    match question:
        case SingleChoice() | MultipleChoice():
            return Markdown(f"The answer: {key_text(question)}")
        case Numeric() | CodeOutput():
            return Text("The answer: ") + Text(key_text(question), style="bold")
        case _:
            assert_never(question)


def show_breakdown(
    console: Console, result: QuizResult, pathway: Pathway, known: Collection[str]
) -> None:
    skills = pathway.skills_by_id
    if result.answered == result.total:
        headline = f"Score: {result.correct} of {result.total} correct ({result.percent}%)"
    else:
        headline = (
            f"Score so far: {result.correct} of {result.answered} answered correct "
            f"({result.percent}%); {result.total - result.answered} not answered"
        )
    weak = {t.topic for t in result.study_next(known)}
    table = Table(title=headline, title_justify="left", title_style="bold")
    table.add_column("Topic")
    table.add_column("Correct", justify="right", no_wrap=True)
    table.add_column("Answered", justify="right", no_wrap=True)
    table.add_column("Next")
    for topic in result.topics:
        if topic.answered == 0:
            verdict = "not answered yet"
        elif topic.topic in weak:
            verdict = "✗ review"
        elif topic.correct < topic.answered:
            verdict = "some missed (a skill you bring)"
        else:
            verdict = "✓ all correct"
        table.add_row(
            skills[topic.topic].name,
            f"{topic.correct} of {topic.answered}" if topic.answered else "–",
            f"{topic.answered} of {topic.total}",
            verdict,
        )
    console.print()
    console.print(table)
    if weak:
        console.print(Text("Study next (the pathway page's “Skills to learn”):", style="bold"))
        for topic in result.study_next(known):
            console.print(
                f"  - {skills[topic.topic].name}: pathways/{pathway.role}/#skill-{topic.topic}",
                soft_wrap=True,
            )


def run_quiz(
    quiz: Quiz,
    pathway: Pathway,
    store: dict,
    questions: Sequence[AnyQuestion],
    ask: Callable[[str], str],
    console: Console,
    save: Callable[[dict], None] = lambda store: None,
) -> QuizResult:
    """Ask `questions`, judge each answer, record it in `store` (the first answer to a question
    is scored, later ones are practice) and end with the quiz's score from the store."""
    known = {skill.id for skill in pathway.transferable_skills}
    skills = pathway.skills_by_id
    for number, question in enumerate(questions, start=1):
        show_question(console, question, number, len(questions), skills[question.topic].name)
        while True:
            try:
                answer = ask("> ").strip()
            except EOFError:
                answer = "q"
            if answer.lower() in STOP:
                console.print("\nStopped. Questions you did not answer are not scored.")
                return _finish(console, quiz, pathway, store, known)
            judgement = judge_answer(question, answer)
            if judgement.counts:
                break
            console.print(Text(f"? {judgement.message}", style="yellow"))
        scored = progress.record(store, quiz.role, question, judge_raw(question, answer),
                                 judgement.status)
        save(store)
        show_result(console, question, judgement, scored)
    return _finish(console, quiz, pathway, store, known)


def _finish(console, quiz, pathway, store, known) -> QuizResult:
    result = result_of(quiz, progress.scored_verdicts(store, quiz))
    show_breakdown(console, result, pathway, known)
    return result
