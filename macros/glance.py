"""A pathway's "At a glance": one figure per fact, and one note where the source disagrees with
itself, naming both figures and where in the source each comes from.

The conditions are those `doubts.pathway_warnings` reports to a contributor; here they are said
to a reader. Facts the source leaves out are listed once, not shown card by card.
"""

from __future__ import annotations

from dataclasses import dataclass

from .doubts import WEEKS_PER_MONTH, timeline_disagreement
from .models import Pathway
from .render import months, percent


@dataclass(frozen=True)
class Fact:
    name: str
    figure: str
    place: str | None = None  # where in the source the figure comes from, when not its header


@dataclass(frozen=True)
class Glance:
    facts: list[Fact]
    unstated: list[str]  # names of the facts the source does not state
    notes: list[str]  # one sentence per disagreement, naming both figures and their places

    def fact(self, name: str) -> Fact | None:
        return next((fact for fact in self.facts if fact.name == name), None)


def _about_months(weeks: int) -> str:
    return f"about {weeks / WEEKS_PER_MONTH:.1f}".rstrip("0").rstrip(".") + " months"


def _timeline(pathway: Pathway) -> tuple[Fact | None, str | None]:
    timeline, title = pathway.timeline, pathway.headline_months
    roadmap = f"the roadmap's phases add up to {pathway.roadmap_weeks} weeks"
    disagree = timeline_disagreement(pathway)
    if timeline is not None:
        fact = Fact("Timeline", months(timeline))
        if not (disagree.roadmap or disagree.title):
            return fact, None
        note = f"Timeline: the header gives {months(timeline)}"
        if title is not None:
            note += f" and the title {title} months"
        if disagree.roadmap:
            note += f", but {roadmap} ({_about_months(pathway.roadmap_weeks)})"
        return fact, note + "."
    if title is not None:
        fact = Fact("Timeline", f"{title} months", "the guide's title")
        if disagree.roadmap:
            note = (
                f"Timeline: the title says {title} months, but "
                f"{roadmap} ({_about_months(pathway.roadmap_weeks)})."
            )
            return fact, note
        return fact, None
    return None, None


def _salary(pathway: Pathway) -> tuple[Fact | None, str | None]:
    header, faq = pathway.salary_change, pathway.salary.stated_increase
    if header is None and faq is None:
        return None, None
    if header is None:
        return Fact("Salary change", percent(faq), "the salary FAQ"), None
    fact = Fact("Salary change", percent(header))
    if faq is not None and faq != header:
        return fact, (
            f"Salary change: the header says {percent(header)}, the salary FAQ {percent(faq)}."
        )
    return fact, None


def glance(pathway: Pathway) -> Glance:
    """The facts a reader compares, each once; the home page's cards show the same figures."""
    facts: list[Fact] = []
    unstated: list[str] = []
    notes: list[str] = []

    def add(name: str, fact: Fact | None, note: str | None = None) -> None:
        if fact is None:
            unstated.append(name)
        else:
            facts.append(fact)
        if note:
            notes.append(note)

    add("difficulty", Fact("Difficulty", pathway.difficulty) if pathway.difficulty else None)
    add("timeline", *_timeline(pathway))
    add("salary change", *_salary(pathway))
    add("demand", Fact("Demand", pathway.demand) if pathway.demand else None)
    return Glance(facts, unstated, notes)
