"""The `pathways` command: validate data, take a quiz, grade answers, scaffold a pathway."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import yaml

from . import progress, scoring, terminal
from .catalog import Catalog, load_catalog
from .executable import TIME_LIMIT
from .models import Quiz
from .problems import DataError


def find_root(start: Path) -> Path:
    """The project directory: the nearest folder upwards holding mkdocs.yml (else `start`)."""
    for folder in [start, *start.parents]:
        if (folder / "mkdocs.yml").is_file():
            return folder
    return start


def _catalog(args) -> Catalog:
    return load_catalog(args.root)


# ------------------------------------------------------------------------------------- quizzes


def _questions_to_ask(quiz: Quiz, store: dict, retry_missed: bool) -> list:
    """Without a saved first answer (a fresh quiz, or the rest of one); or, to practise, those
    whose first answer was wrong."""
    scored = progress.scored_verdicts(store, quiz)
    if retry_missed:
        return [q for q in quiz.questions if q.id in scored and not scored[q.id].correct]
    return [q for q in quiz.questions if q.id not in scored]


def cmd_quiz(args) -> int:
    catalog = _catalog(args)
    if args.list or not args.role:
        for role, quiz in catalog.quizzes.items():
            print(f"{role:32} {len(quiz.questions):3} questions  {quiz.title}")
        if not args.list:
            print("\nTake one with: pathways quiz <role>")
        return 0
    if args.retry_missed and args.progress is None:
        print("pathways: --retry-missed needs --progress FILE (where your answers are kept)",
              file=sys.stderr)
        return 2
    try:
        quiz = catalog.quiz(args.role)
    except KeyError as error:
        print(f"pathways: {error.args[0]}", file=sys.stderr)
        return 2
    try:
        store = progress.load_store(args.progress) if args.progress else progress.empty_store()
    except progress.ProgressError as error:
        print(f"pathways: {error}", file=sys.stderr)
        return 2
    pathway = catalog.pathway(quiz.role)
    console = terminal.make_console()
    questions = _questions_to_ask(quiz, store, args.retry_missed)
    if args.retry_missed:
        console.print(
            f"{quiz.title}: practice on the {len(questions)} question(s) you missed. These tries "
            "are not scored: your score stays that of your first answers. Type q to stop."
        )
    elif len(questions) < len(quiz.questions):
        console.print(
            f"{quiz.title}: {len(quiz.questions) - len(questions)} question(s) answered before "
            f"(their first answers are scored); {len(questions)} to go. Type q to stop."
        )
    else:
        console.print(f"{quiz.title}: {len(quiz.questions)} questions. Type q to stop.")
    if not questions:
        console.print("Nothing to ask." + ("" if args.retry_missed else
                      " To practise the ones you missed, add --retry-missed."))

    def save(current: dict) -> None:
        if args.progress:
            progress.save_store(args.progress, current)

    terminal.run_quiz(quiz, pathway, store, questions, console.input, console, save)
    return 0


def _read_answers_file(path: str) -> tuple[dict, str] | str:
    """(data, "") or an error message."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        return f"cannot read {path}: {error}"
    answers = data.get("answers") if isinstance(data, dict) else None
    if not isinstance(answers, dict) or "role" not in data:
        return (
            f"{path}: expected a mapping with 'role' and 'answers' "
            "(question id -> answer; letters are those of the order shown)"
        )
    return data


def cmd_grade(args) -> int:
    catalog = _catalog(args)
    data = _read_answers_file(args.answers)
    if isinstance(data, str):
        print(f"pathways: {data}", file=sys.stderr)
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
    result = scoring.grade_quiz(quiz, answers)
    by_id = {q.id: q for q in quiz.questions}
    marks = {"right": "✓ correct", "wrong": "✗ wrong", "unanswered": "- unanswered"}
    for verdict in result.verdicts:
        mark = marks.get(verdict.status, "? unread")
        extra = f" ({verdict.message})" if verdict.message else ""
        key = "" if verdict.correct else f"  key: {scoring.key_text(by_id[verdict.question_id])}"
        print(f"{mark:12} {verdict.question_id}{extra}{key}")
    pathway = catalog.pathway(quiz.role)
    terminal.show_breakdown(
        terminal.make_console(), result, pathway, {s.id for s in pathway.transferable_skills}
    )
    return 0


# ------------------------------------------------------------------------------------ validate


def cmd_validate(args) -> int:
    from .checks import validate_paths

    time_limit = None if args.no_run else args.time_limit
    problems, warnings = validate_paths(args.root, [Path(p) for p in args.paths], time_limit)
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
    validate.add_argument(
        "--time-limit",
        type=float,
        default=TIME_LIMIT,
        metavar="SECONDS",
        help=f"for each executable key (default: {TIME_LIMIT:g})",
    )
    validate.add_argument(
        "--no-run", action="store_true", help="check the files only; do not run executable keys"
    )
    validate.set_defaults(run=cmd_validate)

    quiz = commands.add_parser("quiz", help="take a quiz in the terminal")
    quiz.add_argument("role", nargs="?", help="the role, e.g. ai-platform-engineer")
    quiz.add_argument("--list", action="store_true", help="list the quizzes")
    quiz.add_argument(
        "--progress",
        type=Path,
        metavar="FILE",
        help="keep answers in FILE (JSON, the browser's format): resume where you stopped",
    )
    quiz.add_argument(
        "--retry-missed",
        action="store_true",
        help="practise the questions whose first answer was wrong (needs --progress; not scored)",
    )
    quiz.set_defaults(run=cmd_quiz)

    grade = commands.add_parser("grade", help="grade a YAML file of answers")
    grade.add_argument(
        "answers",
        help="YAML: role: <role>, answers: {question-id: answer}; letters as shown, or option ids",
    )
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
