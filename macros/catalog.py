"""All pathways and quizzes of a project, loaded once and checked across files."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Generic, TypeVar

from .messages import validate_document
from .models import Pathway, Quiz, SkillCatalogue
from .problems import DataError, FieldPath, Problem, dotted
from .render import task_id
from .rules import is_placeholder
from .yaml_source import Document, parse_yaml

PATHWAYS_DIR = Path("data/pathways")
QUIZZES_DIR = Path("quizzes")
SKILLS_FILE = Path("data/skills.yaml")

T = TypeVar("T", Pathway, Quiz, SkillCatalogue)


@dataclass(frozen=True)
class Loaded(Generic[T]):
    """One data file as loaded: its model, where its fields were written, and how it is named."""

    model: T
    document: Document = field(repr=False)
    file: str  # as messages name it: relative to the project, forward slashes

    def problem(self, where: FieldPath, message: str, note: bool = False) -> Problem:
        """A problem at a field of this file, named by its line, column and dotted path."""
        line, col = self.document.where(where)
        return Problem(self.file, line, col, dotted(where), message, note=note)


@dataclass(frozen=True)
class Catalog:
    pathway_records: dict[str, Loaded[Pathway]]  # by role
    quiz_records: dict[str, Loaded[Quiz]]  # by role
    skills_record: Loaded[SkillCatalogue]

    @property
    def skills(self) -> SkillCatalogue:
        return self.skills_record.model

    @cached_property
    def pathways(self) -> dict[str, Pathway]:
        return {role: record.model for role, record in self.pathway_records.items()}

    @cached_property
    def quizzes(self) -> dict[str, Quiz]:
        return {role: record.model for role, record in self.quiz_records.items()}

    def pathway(self, role: str) -> Pathway:
        try:
            return self.pathways[role]
        except KeyError:
            raise KeyError(
                f"no pathway with role {role!r}; known: {', '.join(self.pathways)}"
            ) from None

    def quiz(self, role: str) -> Quiz:
        try:
            return self.quizzes[role]
        except KeyError:
            raise KeyError(f"no quiz for role {role!r}; known: {', '.join(self.quizzes)}") from None


def data_files(root: Path) -> tuple[list[Path], list[Path]]:
    return sorted((root / PATHWAYS_DIR).glob("*.yaml")), sorted((root / QUIZZES_DIR).glob("*.yaml"))


def display_path(path: Path, root: Path) -> str:
    """How messages name a file: relative to the project, with forward slashes."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def role_of(path: Path, document: Document | None) -> str:
    """The role a data file holds: its `role` field, or (unreadable, or no role written) the
    file's name, which is the role by convention."""
    data = document.data if document is not None else None
    role = data.get("role") if isinstance(data, dict) else None
    return role if isinstance(role, str) else path.stem


def load_catalog(root: Path, pathway_files=None, quiz_files=None) -> Catalog:
    """Load every pathway and quiz under `root`; raise DataError with all problems found."""
    if pathway_files is None or quiz_files is None:
        found_pathways, found_quizzes = data_files(root)
        pathway_files = found_pathways if pathway_files is None else pathway_files
        quiz_files = found_quizzes if quiz_files is None else quiz_files
    problems: list[Problem] = []
    pathways: dict[str, Loaded[Pathway]] = {}
    quizzes: dict[str, Loaded[Quiz]] = {}

    # Roles of pathway files that did not load, and their files: their quizzes get one note that
    # they were not checked against them, not a second error for the same mistake.
    broken_roles: dict[str, str] = {}

    def load(path: Path, model: type[T]) -> Loaded[T] | None:
        display = display_path(path, root)
        try:
            document = parse_yaml(path, display)
        except DataError as error:
            problems.extend(error.problems)
            if model is Pathway:
                broken_roles[role_of(path, None)] = display
            return None
        try:
            return Loaded(validate_document(document, model, display), document, display)
        except DataError as error:
            problems.extend(error.problems)
            if model is Pathway:
                broken_roles[role_of(path, document)] = display
            return None

    skills_path = root / SKILLS_FILE
    skills: Loaded[SkillCatalogue] | None = None
    if skills_path.is_file():
        skills = load(skills_path, SkillCatalogue)
        if skills is not None:
            problems.extend(_duplicate_skill_ids(skills))
    else:
        problems.append(
            Problem(
                SKILLS_FILE.as_posix(),
                1,
                1,
                "skills",
                "expected the skills catalogue that pathways' counts_as name, found no file",
            )
        )

    for path in sorted(pathway_files):
        loaded = load(path, Pathway)
        if loaded is None:
            continue
        role = loaded.model.role
        if role in pathways:
            problems.append(
                loaded.problem(
                    ("role",),
                    f"expected a role no other pathway uses, found {role!r} "
                    f"(also in {pathways[role].file})",
                )
            )
            continue
        pathways[role] = loaded
        if skills is not None:
            problems.extend(_cross_check_skills(loaded, skills))
        else:  # one note, not an error per counts_as: the catalogue's own errors say why
            why = "has errors" if skills_path.is_file() else "is missing"
            problems.append(
                loaded.problem(
                    ("role",),
                    f"counts_as not checked against {SKILLS_FILE.as_posix()}, because that file "
                    f"{why}; fix it and run again",
                    note=True,
                )
            )
        problems.extend(_cross_check_tasks(loaded))

    question_ids: dict[str, str] = {}
    for path in sorted(quiz_files):
        quiz = load(path, Quiz)
        if quiz is None:
            continue
        problems.extend(_cross_check_quiz(quiz, pathways, quizzes, question_ids, broken_roles))
        quizzes.setdefault(quiz.model.role, quiz)

    if problems:
        raise DataError(problems)
    assert skills is not None  # a missing or broken catalogue is a problem above
    return Catalog(pathway_records=pathways, quiz_records=quizzes, skills_record=skills)


def _duplicate_skill_ids(skills: Loaded[SkillCatalogue]) -> list[Problem]:
    """Each catalogue id once: progress and every pathway's counts_as name a skill by it."""
    first: dict[str, int] = {}
    problems = []
    for index, skill in enumerate(skills.model.skills):
        if skill.id not in first:
            first[skill.id] = index
            continue
        earlier, _ = skills.document.where(("skills", first[skill.id], "id"))
        problems.append(
            skills.problem(
                ("skills", index, "id"),
                f"expected an id no other catalogue skill uses, found {skill.id!r} "
                f"(also on line {earlier})",
            )
        )
    return problems


def _cross_check_skills(loaded: Loaded[Pathway], skills: Loaded[SkillCatalogue]) -> list[Problem]:
    """Every `counts_as` names a catalogue skill (a broken catalogue reports its own errors)."""
    known = skills.model.by_id
    problems = []
    for section in ("transferable_skills", "skills_to_learn"):
        for index, skill in enumerate(getattr(loaded.model, section)):
            for position, skill_id in enumerate(skill.counts_as):
                if skill_id in known or is_placeholder(skill_id):
                    continue  # a scaffold's placeholder is the review rules' to report
                problems.append(
                    loaded.problem(
                        (section, index, "counts_as", position),
                        f"expected the id of a skill in {skills.file}, found {skill_id!r}; "
                        "add it there if it is a new skill",
                    )
                )
    return problems


def _cross_check_tasks(loaded: Loaded[Pathway]) -> list[Problem]:
    """Ticks are saved under each task's id (its text, ignoring case and edge spaces): two tasks
    of a pathway with one id would tick together."""
    pathway = loaded.model
    places = [
        (("roadmap", index, "tasks", position), task)
        for index, phase in enumerate(pathway.roadmap)
        for position, task in enumerate(phase.tasks)
    ]
    for section in ("this_week", "this_month", "next_90_days"):
        tasks = getattr(pathway.action_plan, section)
        places += [(("action_plan", section, at), task) for at, task in enumerate(tasks)]
    seen: dict[str, tuple] = {}
    problems = []
    for where, task in places:
        first = seen.setdefault(task_id(task), where)
        if first is where:
            continue
        problems.append(
            loaded.problem(
                where,
                f"expected a task no other task of the pathway repeats, found {task!r} again "
                f"(first at {dotted(first)}, line {loaded.document.where(first)[0]}); "
                "reword or remove one",
            )
        )
    return problems


def _cross_check_quiz(
    loaded: Loaded[Quiz],
    pathways: dict[str, Loaded[Pathway]],
    quizzes: dict[str, Loaded[Quiz]],
    question_ids: dict[str, str],
    broken_roles: dict[str, str],
) -> list[Problem]:
    quiz, display = loaded.model, loaded.file
    problems = []

    def problem(field, message):
        problems.append(loaded.problem(field, message))

    if quiz.role in quizzes:
        problem(
            ("role",),
            f"expected one quiz per role, found {quiz.role!r} again "
            f"(also in {quizzes[quiz.role].file})",
        )
    pathway_record = pathways.get(quiz.role)
    if pathway_record is None and quiz.role in broken_roles:
        problems.append(
            loaded.problem(
                ("role",),
                f"not checked against its pathway, because {broken_roles[quiz.role]} has errors "
                "(listed above); fix those and run again",
                note=True,
            )
        )
    elif pathway_record is None:
        problem(
            ("role",),
            f"expected the role of a pathway ({', '.join(pathways) or 'none loaded'}), "
            f"found {quiz.role!r}",
        )
    skills = pathway_record.model.skills_by_id if pathway_record else {}
    for index, question in enumerate(quiz.questions):
        if pathway_record and question.topic not in skills:
            problem(
                ("questions", index, "topic"),
                f"expected the id of a skill of the {quiz.role} pathway "
                f"({', '.join(skills)}), found {question.topic!r}",
            )
        if question.id in question_ids:
            problem(
                ("questions", index, "id"),
                f"expected a question id no other question uses, found {question.id!r} "
                f"(also in {question_ids[question.id]})",
            )
        else:
            question_ids[question.id] = display
    return problems
