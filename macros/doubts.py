"""Valid but doubtful data: where a source guide disagrees with itself.

Warnings never fail a build: the source guides disagree with themselves in places, and the site
keeps both figures. The warnings make those disagreements visible to a reviewer (`pathways
validate`, macros/checks.py), the build counts them in its log line, and the pathway page says
them to a reader (macros/glance.py). Apart from the checks so that the build imports only this.
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalog import Catalog
from .models import Pathway, PercentChange
from .problems import Problem
from .render import percent

WEEKS_PER_MONTH = 52 / 12


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
        pathway = record.model
        for field, message in pathway_warnings(pathway):
            problems.append(record.problem(field, message))
        quiz = catalog.quiz_records.get(role)
        if quiz is None:
            continue
        covered = set(quiz.model.topics)
        for index, skill in enumerate(pathway.skills_to_learn):
            if skill.id not in covered:
                problems.append(
                    record.problem(
                        ("skills_to_learn", index, "id"),
                        f"no question of {quiz.file} has the topic {skill.id!r}",
                    )
                )
    return sorted(problems)
