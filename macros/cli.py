"""The `pathways` command: validate data, take a quiz, grade answers, scaffold a pathway."""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path

import yaml

from . import grading
from .catalog import Catalog, load_catalog
from .loader import DataError
from .models import CodeOutput, MultipleChoice, Numeric, Quiz, SingleChoice


def find_root(start: Path) -> Path:
    """The project directory: the nearest folder upwards holding mkdocs.yml (else `start`)."""
    for folder in [start, *start.parents]:
        if (folder / "mkdocs.yml").is_file():
            return folder
    return start


def _catalog(args) -> Catalog:
    return load_catalog(args.root)


# ------------------------------------------------------------------------------------- quizzes


def _wrap(text: str, indent: str = "") -> str:
    return "\n".join(
        textwrap.fill(line, width=88, initial_indent=indent, subsequent_indent=indent)
        if line
        else ""
        for line in text.strip().splitlines()
    )


def _show_question(question, number: int, total: int, out) -> None:
    print(f"\nQuestion {number} of {total}  [{question.topic}, {question.difficulty}]", file=out)
    print(_wrap(question.prompt), file=out)
    if isinstance(question, CodeOutput):
        print(textwrap.indent(question.code.rstrip(), "    "), file=out)
    if isinstance(question, SingleChoice | MultipleChoice):
        for index, option in enumerate(question.options):
            print(f"  {grading.LETTERS[index]}) {option.text}", file=out)
    if isinstance(question, SingleChoice):
        print("Answer with one letter.", file=out)
    elif isinstance(question, MultipleChoice):
        print("Answer with every correct letter, e.g. 'a c'.", file=out)
    elif isinstance(question, Numeric):
        unit = f" in {question.answer.unit}" if question.answer.unit else ""
        print(f"Answer with a number{unit}.", file=out)
    else:
        print("Type what it prints (one line; white space is not significant).", file=out)


def _show_breakdown(result: grading.QuizResult, quiz: Quiz, catalog: Catalog, out) -> None:
    pathway = catalog.pathway(quiz.role)
    skills = pathway.skills_by_id
    print(f"\nScore: {result.correct} of {result.total} ({result.percent}%)", file=out)
    print("By topic:", file=out)
    for topic in result.topics:
        print(f"  {topic.correct}/{topic.total}  {skills[topic.topic].name}", file=out)
    if result.weak_topics:
        print("Study next (see the pathway page's 'Skills to learn'):", file=out)
        for topic in result.weak_topics:
            print(
                f"  - {skills[topic.topic].name}  (pathways/{quiz.role}/#skill-{topic.topic})",
                file=out,
            )


def run_quiz(quiz: Quiz, catalog: Catalog, ask: Callable[[str], str], out) -> grading.QuizResult:
    """Ask every question, grade it at once and explain; 'q' or end of input stops early."""
    answers: dict[str, object] = {}
    total = len(quiz.questions)
    for number, question in enumerate(quiz.questions, start=1):
        _show_question(question, number, total, out)
        while True:
            try:
                raw = ask("> ").strip()
            except EOFError:
                raw = "q"
            if raw.lower() in ("q", "quit"):
                print("\nStopped early; unanswered questions count as not correct.", file=out)
                result = grading.grade_quiz(quiz, answers)
                _show_breakdown(result, quiz, catalog, out)
                return result
            verdict = grading.grade_question(question, raw)
            if verdict.answered:
                break
            print(f"  {verdict.problem or 'Please answer, or q to stop.'}", file=out)
        answers[question.id] = raw
        print(
            "Correct." if verdict.correct else f"Not quite. Answer: {grading.key_text(question)}",
            file=out,
        )
        print(_wrap(question.explanation, "  "), file=out)
        print(f"  Source: {question.reference.title} <{question.reference.url}>", file=out)
    result = grading.grade_quiz(quiz, answers)
    _show_breakdown(result, quiz, catalog, out)
    return result


def cmd_quiz(args) -> int:
    catalog = _catalog(args)
    if args.list or not args.role:
        for role, quiz in catalog.quizzes.items():
            print(f"{role:32} {len(quiz.questions):3} questions  {quiz.title}")
        if not args.list:
            print("\nTake one with: pathways quiz <role>")
        return 0
    try:
        quiz = catalog.quiz(args.role)
    except KeyError as error:
        print(f"pathways: {error.args[0]}", file=sys.stderr)
        return 2
    print(f"{quiz.title}: {len(quiz.questions)} questions. Type q to stop.")
    run_quiz(quiz, catalog, input, sys.stdout)
    return 0


def cmd_grade(args) -> int:
    catalog = _catalog(args)
    try:
        data = yaml.safe_load(Path(args.answers).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        print(f"pathways: cannot read {args.answers}: {error}", file=sys.stderr)
        return 2
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("answers"), dict)
        or "role" not in data
    ):
        print(
            f"pathways: {args.answers}: expected a mapping with 'role' and 'answers' "
            "(question id -> answer)",
            file=sys.stderr,
        )
        return 2
    try:
        quiz = catalog.quiz(str(data["role"]))
    except KeyError as error:
        print(f"pathways: {args.answers}: {error.args[0]}", file=sys.stderr)
        return 2
    known = {q.id for q in quiz.questions}
    for unknown in sorted(set(map(str, data["answers"])) - known):
        print(
            f"warning: {args.answers}: no question {unknown!r} in the {quiz.role} quiz",
            file=sys.stderr,
        )
    answers = {str(k): v for k, v in data["answers"].items()}
    result = grading.grade_quiz(quiz, answers)
    by_id = {q.id: q for q in quiz.questions}
    for verdict in result.verdicts:
        mark = "correct" if verdict.correct else ("unanswered" if not verdict.answered else "wrong")
        extra = f" ({verdict.problem})" if verdict.problem else ""
        key = "" if verdict.correct else f"  key: {grading.key_text(by_id[verdict.question_id])}"
        print(f"{mark:10} {verdict.question_id}{extra}{key}")
    _show_breakdown(result, quiz, catalog, sys.stdout)
    return 0


# ------------------------------------------------------------------------------------ validate


def cmd_validate(args) -> int:
    from .checks import validate_paths

    problems, warnings = validate_paths(args.root, [Path(p) for p in args.paths])
    for warning in warnings:
        print(f"{warning} (warning)")
    for problem in problems:
        print(problem, file=sys.stderr)
    errors = sum(not p.note for p in problems)
    counts = f"{errors} error(s), {len(warnings)} warning(s)"
    print(
        ("FAILED: " if problems else "OK: ") + counts, file=sys.stderr if problems else sys.stdout
    )
    return 1 if problems else 0


def cmd_new(args) -> int:
    from .scaffold import write_scaffold

    try:
        written = write_scaffold(args.root, args.role)
    except (ValueError, FileExistsError) as error:
        print(f"pathways: {error}", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path}")
    from .stubs import write_stubs

    try:
        for line in write_stubs(args.root, _catalog(args)):
            print(line)
    except DataError:
        print("(the page stubs will be written by `pathways stubs` once the data loads)")
    print("Fill in every field (each is explained by its comment), then run: pathways validate")
    return 0


def cmd_stubs(args) -> int:
    from .stubs import stub_problems, write_stubs

    catalog = _catalog(args)
    if args.check:
        problems = stub_problems(args.root, catalog)
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    changed = write_stubs(args.root, catalog)
    for line in changed:
        print(line)
    if not changed:
        print("the page stubs are up to date")
    return 0


def cmd_links(args) -> int:
    from .links import check_all, external_links

    used = external_links(_catalog(args))
    failed = check_all(used)
    for url, problem in sorted(failed.items()):
        print(f"{url}: {problem} (used by {', '.join(used[url])})", file=sys.stderr)
    print(f"{len(used) - len(failed)} of {len(used)} external links answer")
    return 1 if failed else 0


def cmd_schema(args) -> int:
    from .schema import write

    for path in write(args.root):
        print(f"wrote {path}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pathways", description="Backend -> AI Pathways: check the data, take the quizzes."
    )
    parser.add_argument(
        "--root",
        type=Path,
        default=None,
        help="project folder (default: the nearest folder with mkdocs.yml)",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check pathway and quiz files")
    validate.add_argument("paths", nargs="*", help="files to check (default: all)")
    validate.set_defaults(run=cmd_validate)

    quiz = commands.add_parser("quiz", help="take a quiz in the terminal")
    quiz.add_argument("role", nargs="?", help="the role, e.g. ai-platform-engineer")
    quiz.add_argument("--list", action="store_true", help="list the quizzes")
    quiz.set_defaults(run=cmd_quiz)

    grade = commands.add_parser("grade", help="grade a YAML file of answers")
    grade.add_argument("answers", help="YAML: role: <role>, answers: {question-id: answer}")
    grade.set_defaults(run=cmd_grade)

    new = commands.add_parser("new", help="write a pathway and a quiz file to fill in")
    new.add_argument("role", help="the new role's id, e.g. ml-security-engineer")
    new.set_defaults(run=cmd_new)
    stubs = commands.add_parser(
        "stubs", help="write the page stub of each pathway and quiz under docs/ (after new data)"
    )
    stubs.add_argument("--check", action="store_true", help="only report missing or stale stubs")
    stubs.set_defaults(run=cmd_stubs)

    links = commands.add_parser("links", help="check the data's external links (needs network)")
    links.set_defaults(run=cmd_links)

    schema = commands.add_parser("schema", help="regenerate schemas/ from the models")
    schema.set_defaults(run=cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    args.root = (args.root or find_root(Path.cwd())).resolve()
    try:
        return args.run(args)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
