"""Which role fits me: the self-assessment's questions and each role's scoring rule, from data.

Nothing is scored here: the learner's answers stay in their browser. This lays out, for every
role, each reason its score can have, the points it gives and what makes it count; the page
carries that as data-* attributes and docs/javascripts/fit.js adds up the reasons that count.
The questions and the points are our editorial choice, which the page says; every reason quotes
the pathway data, and a new pathway file brings its own reasons with no other edit.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from fractions import Fraction

from .catalog import Catalog
from .grading import option_id
from .models import Pathway
from .render import months, weeks_label

LIKE_POINTS = 10  # each thing you like that the role's data names
SKILL_POINTS = 40  # all of a role's weeks of learning already known, shared by weeks
TIME_POINTS = 20  # the months you can give reach the role's shortest stated timeline
QUIZ_POINTS = 20  # a 100% self-check score

NO_MONTHS = "pw-months-none"  # the months question's "not answered"


@dataclass(frozen=True)
class Choice:
    """A checkbox or radio button of the questionnaire."""

    input_id: str
    text: str


@dataclass(frozen=True)
class Reason:
    """One reason a role's score can have, and its points. It counts unless `unless` (a CSS
    selector) matches in the form: a box it needs is unticked, or the months chosen are too few.
    A quiz reason has `quiz` instead, the role's questions as [id, fingerprint] pairs; its points
    are `points` times the learner's score on them, in percent, rounded."""

    text: str
    points: int
    unless: str = ""
    quiz: list[list[str]] = field(default_factory=list)
    detail: str = ""  # where it comes from

    @property
    def quiz_json(self) -> str:
        return json.dumps(self.quiz, separators=(",", ":"))


@dataclass(frozen=True)
class Part:
    name: str
    note: str  # this role's data the part goes by ("" where the reasons say it all)
    reasons: list[Reason]


@dataclass(frozen=True)
class RoleFit:
    pathway: Pathway
    parts: list[Part]
    has_quiz: bool


@dataclass(frozen=True)
class Questionnaire:
    suits: list[Choice]  # what the source says each role suits ("performance tuning")
    love: list[Choice]  # what its reality check says you will love
    brought: list[Choice]  # catalogue skills a backend developer brings to some role
    taught: list[Choice]  # the other catalogue skills some role teaches
    months: list[Choice]  # "not answered", then ranges that start at each role's shortest timeline
    roles: list[RoleFit]


def rules() -> list[str]:
    """How the points are made, in words: the page says it once, above the ranking."""
    return [
        f"{LIKE_POINTS} points for each thing you like that a role's data names: what its source "
        "says it suits, or what its reality check says you would enjoy.",
        f"{SKILL_POINTS} points shared among a role's skills to learn by the weeks its source "
        "gives each, for the ones you already know (rounded to whole points). A role's skill "
        "counts as known when you ticked every skill above that it stands for (one that "
        "combines two needs both).",
        f"{TIME_POINTS} points when the months you can give reach the shortest timeline the "
        "source gives for the role (where its header states none, the months its title "
        "names). The sources do not state the weekly hours their timelines assume, so your "
        "hours a week change no score.",
        f"{QUIZ_POINTS} points × your score on the role's self-check, once you have answered some "
        "of it: your first answer to each question, as the quiz page scores it (rounded).",
    ]


def like_id(text: str) -> str:
    """The box of a thing you like; the same words in two roles are one box."""
    return f"pw-like-{option_id(text)}"


def know_id(skill_id: str) -> str:
    return f"pw-know-{skill_id}"


def months_id(start: int) -> str:
    return f"pw-months-{start}"


def half_up(value: Fraction) -> int:
    return math.floor(value + Fraction(1, 2))


def unticked(*input_ids: str) -> str:
    return ", ".join(f"#{input_id}:not(:checked)" for input_id in input_ids)


def skill_points(weeks, total_weeks: int) -> int:
    """A skill to learn's share of SKILL_POINTS, by its weeks of the role's stated weeks."""
    if not isinstance(weeks, int):
        return 0
    return half_up(Fraction(SKILL_POINTS * weeks, total_weeks))


def month_starts(catalog: Catalog) -> list[int]:
    """Where the months question's ranges start: each role's fewest stated months."""
    found = {shortest_months(p) for p in catalog.pathways.values()}
    return sorted(m for m in found if m is not None)


def month_choices(starts: list[int]) -> list[Choice]:
    choices = [Choice(NO_MONTHS, "Not answered")]
    if starts:
        choices.append(Choice(months_id(0), f"Fewer than {starts[0]} months"))
    for start, following in zip(starts, [*starts[1:], None], strict=True):
        if following is None:
            text = f"{start} months or more"
        elif following == start + 1:
            text = f"{start} months"
        else:
            text = f"{start} to {following - 1} months"
        choices.append(Choice(months_id(start), text))
    return choices


def _like_part(pathway: Pathway) -> Part:
    reasons = [
        Reason(
            f"You like {pathway.suits}",
            LIKE_POINTS,
            unticked(like_id(pathway.suits)),
            detail="what the source says suits this role",
        ),
        *(
            Reason(
                f"You would enjoy “{item}”",
                LIKE_POINTS,
                unticked(like_id(item)),
                detail="its reality check",
            )
            for item in pathway.reality_check.love
        ),
    ]
    return Part("What you like doing", "", reasons)


def _weeks_detail(weeks, total: int) -> str:
    if isinstance(weeks, int):
        return f"{weeks_label(weeks)} of its {total} weeks of learning"
    if weeks == "ongoing":
        return "ongoing in the source, with no weeks, so no points"
    return "its weeks are not stated in the source, so no points"


def _skill_part(pathway: Pathway) -> Part:
    total = pathway.learning_weeks
    reasons = [
        Reason(
            f"You know {skill.name}",
            skill_points(skill.weeks, total),
            unticked(*(know_id(i) for i in skill.counts_as)),
            detail=_weeks_detail(skill.weeks, total),
        )
        for skill in pathway.skills_to_learn
    ]
    note = (
        f"the source gives its skills to learn {total} weeks in all"
        if total
        else "the source states no weeks for its skills to learn, so they give no points"
    )
    return Part("What you already know", note, reasons)


def shortest_months(pathway: Pathway) -> int | None:
    """The fewest months the source gives for the role: its header's timeline, else the months
    its title names (as the pathway page's "At a glance" shows them); None if it states none."""
    return pathway.timeline.min_months if pathway.timeline else pathway.headline_months


def _time_part(pathway: Pathway, starts: list[int]) -> Part:
    shortest = shortest_months(pathway)
    if shortest is None:
        note = "the source states no timeline in months for this role, so time gives no points"
        return Part("Time you can give", note, [])
    if pathway.timeline:
        said = months(pathway.timeline)
        note = f"the source gives {said}"
    else:
        said = f"{shortest} months"
        note = f"the guide's title names {said}; its header states no timeline"
    too_few = [NO_MONTHS, months_id(0), *(months_id(s) for s in starts if s < shortest)]
    reason = Reason(
        f"Your months reach its timeline of {said}",
        TIME_POINTS,
        ", ".join(f"#{input_id}:checked" for input_id in too_few),
    )
    return Part("Time you can give", note, [reason])


def _quiz_part(catalog: Catalog, role: str) -> Part:
    pairs = [[q.id, q.fingerprint] for q in catalog.quiz(role).questions]
    reason = Reason(
        "You scored N% on its self-check",
        QUIZ_POINTS,
        quiz=pairs,
        detail="your first answers, to the questions you answered",
    )
    return Part("Your self-check", "", [reason])


def role_fit(catalog: Catalog, role: str, starts: list[int]) -> RoleFit:
    pathway = catalog.pathway(role)
    parts = [_like_part(pathway), _skill_part(pathway), _time_part(pathway, starts)]
    has_quiz = role in catalog.quizzes
    if has_quiz:
        parts.append(_quiz_part(catalog, role))
    return RoleFit(pathway, parts, has_quiz)


def questionnaire(catalog: Catalog) -> Questionnaire:
    pathways = list(catalog.pathways.values())
    brought = {i for p in pathways for s in p.transferable_skills for i in s.counts_as}
    taught = {i for p in pathways for s in p.skills_to_learn for i in s.counts_as} - brought
    skills = catalog.skills.skills
    starts = month_starts(catalog)
    return Questionnaire(
        suits=_choices(p.suits for p in pathways),
        love=_choices(item for p in pathways for item in p.reality_check.love),
        brought=[Choice(know_id(s.id), s.name) for s in skills if s.id in brought],
        taught=[Choice(know_id(s.id), s.name) for s in skills if s.id in taught],
        months=month_choices(starts),
        roles=[role_fit(catalog, role, starts) for role in catalog.pathways],
    )


def _choices(texts) -> list[Choice]:
    return list({like_id(text): Choice(like_id(text), text) for text in texts}.values())
