"""`pathways validate`: errors from the loader, plus warnings for valid but doubtful data.

Warnings never fail a build: the source guides disagree with themselves in places, and the site
keeps both figures. The warnings make those disagreements visible to a reviewer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import review
from .catalog import (
    QUIZZES_DIR,
    SKILLS_FILE,
    Catalog,
    data_files,
    display_path,
    load_catalog,
    role_of,
)
from .executable import TIME_LIMIT, check_keys
from .models import Pathway, PercentChange, Quiz
from .problems import DataError, Problem
from .render import percent
from .stubs import STUB_FOLDERS, stub_problems
from .unlinked import RECORD_PATH, record_problems
from .yaml_source import Document, parse_yaml

WEEKS_PER_MONTH = 52 / 12


def _parse_all(paths: list[Path], root: Path) -> dict[Path, Document | None]:
    """Each file's parse (None if it does not parse: the loader reports why)."""
    parsed: dict[Path, Document | None] = {}
    for path in paths:
        try:
            parsed[path] = parse_yaml(path, display_path(path, root))
        except DataError:
            parsed[path] = None
    return parsed


def _is_quiz(path: Path, document: Document | None, quiz_dir: Path) -> bool:
    if path.parent == quiz_dir:
        return True
    return document is not None and review.model_of(document) is Quiz


def validate_paths(
    root: Path, paths: list[Path], time_limit: float | None = TIME_LIMIT
) -> tuple[list[Problem], list[Problem]]:
    """Check the given files (or all of them) with the site's loader and the review rules, run
    their executable keys (unless `time_limit` is None) and check their page stubs.

    A pathway is checked with its quiz and a quiz with its pathway (the pair shares a role);
    every other file is loaded for context (question ids are unique across quizzes) but only
    the given files and their partners are reported, and warnings only for the given files.
    Returns (errors, warnings).
    """
    all_pathways, all_quizzes = data_files(root)
    asked = [p if p.is_absolute() else (Path.cwd() / p) for p in paths]
    missing = [p for p in asked if not p.is_file()]
    if missing:
        return [
            Problem(
                str(p),
                1,
                1,
                "(file)",
                "expected a file, found nothing at this path: "
                "check the path, or run `pathways validate` for every file",
            )
            for p in missing
        ], []
    # The catalogue serves every pathway: asking for it alone checks them all against it.
    asked = [p for p in asked if p.resolve() != (root / SKILLS_FILE).resolve()]
    quiz_dir = (root / QUIZZES_DIR).resolve()
    files = {p.resolve(): None for p in [*all_pathways, *all_quizzes, *asked]}
    parsed = _parse_all(list(files), root)
    quizzes = [p for p in parsed if _is_quiz(p, parsed[p], quiz_dir)]
    pathways = [p for p in parsed if p not in quizzes]
    asked_set = {p.resolve() for p in asked} or set(parsed)
    asked_roles = {role_of(p, parsed[p]) for p in asked_set}
    checked = asked_set | {p for p in parsed if role_of(p, parsed[p]) in asked_roles}
    checked_displays = {display_path(p, root) for p in checked}
    asked_displays = {display_path(p, root) for p in asked_set}
    # Its errors are always reported: a pathway whose counts_as went unchecked says so.
    checked_displays.add(SKILLS_FILE.as_posix())

    errors: list[Problem] = []
    found_warnings: list[Problem] = []
    catalog = None
    try:
        catalog = load_catalog(root, pathways, quizzes)
    except DataError as error:
        errors.extend(error.problems)
        if not any(e.file in checked_displays for e in error.problems):
            # Only files not asked about are broken: check the asked ones on their own.
            mine = [p for p in checked if p in pathways], [p for p in checked if p in quizzes]
            try:
                catalog = load_catalog(root, *mine)
            except DataError as again:
                errors.extend(again.problems)
    if catalog is not None:
        errors.extend(review.catalog_problems(catalog, checked_displays))
        errors.extend(record_problems(root, catalog))
        checked_displays.add(RECORD_PATH.as_posix())  # the record serves every pathway
        # Stubs are written from the data: judge them only once the data itself is right.
        stubs = stub_problems(root, catalog) if not errors else []
        errors.extend(stubs)
        checked_displays |= {f"docs/{f}/{r}.md" for f in STUB_FOLDERS for r in asked_roles}
        if not paths:  # every file: a stub left from a removed role too
            checked_displays |= {stub.file for stub in stubs}
        if time_limit is not None:
            errors.extend(check_keys(catalog, time_limit))
        found_warnings = [w for w in warnings(catalog) if w.file in asked_displays]
    placeholders = [
        problem
        for path in checked
        if parsed[path] is not None
        for problem in review.placeholder_problems(
            parsed[path], display_path(path, root), review.model_of(parsed[path])
        )
    ]
    # A placeholder where a number belongs is one mistake, not two: keep the placeholder's message.
    covered = {(p.file, p.field) for p in placeholders}
    errors = [e for e in errors if (e.file, e.field) not in covered] + placeholders
    return sorted(e for e in errors if e.file in checked_displays), found_warnings


def _percent_range(change: PercentChange) -> tuple[float, float]:
    return change.low, change.high if change.high is not None else float("inf")


def _overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _salary_change_warnings(pathway: Pathway) -> list[tuple[tuple, str]]:
    """The stated changes against the change the two salary ranges imply (when both are given)."""
    found = []
    salary = pathway.salary
    if salary.backend is None or salary.target is None:
        return found
    low = round(100 * (salary.target.min_k / salary.backend.min_k - 1))
    high = round(100 * (salary.target.max_k / salary.backend.max_k - 1))
    implied = (min(low, high), max(low, high))
    implied_text = (
        f"the salary ranges (${salary.backend.min_k}k-${salary.backend.max_k}k to "
        f"${salary.target.min_k}k-${salary.target.max_k}k), which imply about "
        f"+{implied[0]}% to +{implied[1]}%"
    )
    for field, change, label in (
        (("salary_change",), pathway.salary_change, "the header's salary change"),
        (("salary", "stated_increase"), salary.stated_increase, "the FAQ's stated increase"),
    ):
        if change is not None and not _overlaps(_percent_range(change), implied):
            found.append((field, f"{label} of {percent(change)} disagrees with {implied_text}"))
    return found


@dataclass(frozen=True)
class TimelineDisagreement:
    """Where a source's figures for the pathway's length disagree: decided once, so the page's
    note (macros/glance.py) and `pathways validate`'s warnings cannot drift apart."""

    roadmap: bool  # the phases' weeks fall outside the stated timeline, or (none stated) more
    #                than a month from the title's months
    title: bool  # the title's months fall outside the stated timeline


def roadmap_months(pathway: Pathway) -> float:
    """The roadmap's weeks in months, to one decimal, as the messages state them."""
    return round(pathway.roadmap_weeks / WEEKS_PER_MONTH, 1)


def timeline_disagreement(pathway: Pathway) -> TimelineDisagreement:
    timeline, title, months = pathway.timeline, pathway.headline_months, roadmap_months(pathway)
    if timeline is None:
        return TimelineDisagreement(title is not None and abs(months - title) > 1, False)
    inside = timeline.min_months <= months <= timeline.max_months
    title_inside = title is None or timeline.min_months <= title <= timeline.max_months
    return TimelineDisagreement(not inside, not title_inside)


def pathway_warnings(pathway: Pathway) -> list[tuple[tuple, str]]:
    """Doubtful facts of one pathway, as (field path, message)."""
    found = []
    months = pathway.roadmap_weeks / WEEKS_PER_MONTH
    disagree = timeline_disagreement(pathway)
    if pathway.timeline and disagree.roadmap:
        found.append(
            (
                ("roadmap",),
                f"the roadmap's phases add up to {pathway.roadmap_weeks} weeks "
                f"(about {months:.1f} months), outside the stated timeline of "
                f"{pathway.timeline.min_months}-{pathway.timeline.max_months} months",
            )
        )
    if pathway.timeline and disagree.title:
        found.append(
            (
                ("headline_months",),
                f"the title's {pathway.headline_months} months is outside the stated timeline "
                f"of {pathway.timeline.min_months}-{pathway.timeline.max_months} months",
            )
        )
    if pathway.timeline is None and disagree.roadmap:
        found.append(
            (
                ("roadmap",),
                f"the roadmap's phases add up to {pathway.roadmap_weeks} weeks (about "
                f"{roadmap_months(pathway)} months), not the title's {pathway.headline_months} "
                "months",
            )
        )
    found.extend(_salary_change_warnings(pathway))
    salary = pathway.salary
    if (
        pathway.salary_change
        and salary.stated_increase
        and pathway.salary_change != salary.stated_increase
    ):
        found.append(
            (
                ("salary_change",),
                f"the header's salary change of {percent(pathway.salary_change)} differs from the "
                f"FAQ's stated increase of {percent(salary.stated_increase)}",
            )
        )
    return found


def warnings(catalog: Catalog) -> list[Problem]:
    problems = []
    for role, record in catalog.pathway_records.items():
        pathway, document, display = record.model, record.document, record.file
        for field, message in pathway_warnings(pathway):
            line, col = document.where(field)
            problems.append(Problem(display, line, col, ".".join(map(str, field)), message))
        quiz = catalog.quiz_records.get(role)
        if quiz is None:
            continue
        covered = set(quiz.model.topics)
        for index, skill in enumerate(pathway.skills_to_learn):
            if skill.id not in covered:
                line, col = document.where(("skills_to_learn", index, "id"))
                problems.append(
                    Problem(
                        display,
                        line,
                        col,
                        f"skills_to_learn[{index}].id",
                        f"no question of {quiz.file} has the topic {skill.id!r}",
                    )
                )
    return sorted(problems)
