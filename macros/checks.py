"""`pathways validate`: errors from the loader, plus warnings for valid but doubtful data.

Warnings never fail a build: the source guides disagree with themselves in places, and the site
keeps both figures. The warnings make those disagreements visible to a reviewer.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .catalog import Catalog, data_files, load_catalog
from .executable import TIME_LIMIT, check_keys
from .loader import DataError, Problem
from .models import Pathway, PercentChange
from .render import percent
from .unlinked import record_problems

WEEKS_PER_MONTH = 52 / 12


def _is_quiz_file(path: Path) -> bool:
    if "quizzes" in path.parts:
        return True
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return False
    return isinstance(data, dict) and "questions" in data


def validate_paths(
    root: Path, paths: list[Path], time_limit: float | None = TIME_LIMIT
) -> tuple[list[Problem], list[Problem]]:
    """Check the given files (or all of them) with the site's loader, then run their executable
    keys (unless `time_limit` is None); return (errors, warnings)."""
    all_pathways, all_quizzes = data_files(root)
    if paths:
        resolved = [p if p.is_absolute() else (Path.cwd() / p) for p in paths]
        missing = [p for p in resolved if not p.is_file()]
        if missing:
            return [
                Problem(str(p), 1, 1, "(file)", "expected a file, found nothing at this path")
                for p in missing
            ], []
        quiz_files = [p for p in resolved if _is_quiz_file(p)]
        given_pathways = [p for p in resolved if p not in quiz_files]
        # Quizzes are checked against their pathways, so every pathway is loaded for context.
        given = {p.resolve() for p in given_pathways}
        pathway_files = given_pathways + [p for p in all_pathways if p.resolve() not in given]
    else:
        pathway_files, quiz_files = all_pathways, all_quizzes
    try:
        catalog = load_catalog(root, pathway_files, quiz_files)
    except DataError as error:
        return list(error.problems), []
    errors = record_problems(root, catalog)
    errors += [] if time_limit is None else check_keys(catalog, time_limit)
    return errors, warnings(catalog)


def _percent_range(change: PercentChange) -> tuple[float, float]:
    return change.low, change.high if change.high is not None else float("inf")


def _overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def pathway_warnings(pathway: Pathway) -> list[tuple[tuple, str]]:
    """Doubtful facts of one pathway, as (field path, message)."""
    found = []
    months = pathway.roadmap_weeks / WEEKS_PER_MONTH
    if pathway.timeline and not (
        pathway.timeline.min_months <= round(months, 1) <= pathway.timeline.max_months
    ):
        found.append(
            (
                ("roadmap",),
                f"the roadmap's phases add up to {pathway.roadmap_weeks} weeks "
                f"(about {months:.1f} months), outside the stated timeline of "
                f"{pathway.timeline.min_months}-{pathway.timeline.max_months} months",
            )
        )
    if (
        pathway.timeline
        and pathway.headline_months
        and not (
            pathway.timeline.min_months <= pathway.headline_months <= pathway.timeline.max_months
        )
    ):
        found.append(
            (
                ("headline_months",),
                f"the title's {pathway.headline_months} months is outside the stated timeline "
                f"of {pathway.timeline.min_months}-{pathway.timeline.max_months} months",
            )
        )
    if pathway.timeline is None and pathway.headline_months:
        weeks_months = round(months, 1)
        if abs(weeks_months - pathway.headline_months) > 1:
            found.append(
                (
                    ("roadmap",),
                    f"the roadmap's phases add up to {pathway.roadmap_weeks} weeks (about "
                    f"{weeks_months} months), not the title's {pathway.headline_months} months",
                )
            )
    salary = pathway.salary
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
    for role, pathway in catalog.pathways.items():
        display = catalog.files[f"pathway:{role}"]
        document = catalog.documents[display]
        for field, message in pathway_warnings(pathway):
            line, col = document.where(field)
            problems.append(Problem(display, line, col, ".".join(map(str, field)), message))
        quiz = catalog.quizzes.get(role)
        if quiz is None:
            continue
        quiz_display = catalog.files[f"quiz:{role}"]
        covered = set(quiz.topics)
        for index, skill in enumerate(pathway.skills_to_learn):
            if skill.id not in covered:
                line, col = document.where(("skills_to_learn", index, "id"))
                problems.append(
                    Problem(
                        display,
                        line,
                        col,
                        f"skills_to_learn[{index}].id",
                        f"no question of {quiz_display} has the topic {skill.id!r}",
                    )
                )
    return sorted(problems)
