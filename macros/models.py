"""Typed models of a pathway and a quiz.

The YAML files are the only thing contributors edit, so every rule a reviewer would otherwise have
to remember lives here: unknown keys are errors, priorities are one of three levels, weeks are
positive, links are http(s). A field the source document does not state is written as `null` and
rendered as "not stated"; it is required all the same, so a forgotten field is still an error.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, min_length=2, max_length=64)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _http_url(value: str) -> str:
    if not re.match(r"^https?://[^\s/$.?#][^\s]*$", value, flags=re.IGNORECASE):
        raise ValueError(f"an http(s) URL, found {value!r}")
    return value


HttpUrl = Annotated[
    str, AfterValidator(_http_url), Field(json_schema_extra={"pattern": "^https?://"})
]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# --------------------------------------------------------------------------------------- pathway


Priority = Literal["Critical", "Important", "Nice to have"]
PRIORITIES: tuple[str, ...] = ("Critical", "Important", "Nice to have")

Difficulty = Literal["Easy", "Moderate", "Challenging"]


def _in_order(low_name: str, low: int, high_name: str, high: int | None) -> None:
    if high is not None and high < low:
        raise ValueError(f"{high_name} >= {low_name}, found {high} < {low}")


class MonthRange(Model):
    """A span of months as the source states it ("6-9 months")."""

    min_months: Annotated[int, Field(gt=0)]
    max_months: Annotated[int, Field(gt=0)]

    @model_validator(mode="after")
    def _ordered(self) -> MonthRange:
        _in_order("min_months", self.min_months, "max_months", self.max_months)
        return self


class PercentChange(Model):
    """A salary change in percent: "+40%", "+20% to +50%", "around 60% or more"."""

    low: Annotated[int, Field(ge=0)]
    high: Annotated[int | None, Field(ge=0, description="null: open-ended ('or more')")]
    approximate: bool = False

    @model_validator(mode="after")
    def _ordered(self) -> PercentChange:
        _in_order("low", self.low, "high", self.high)
        return self


class SalaryRange(Model):
    """Yearly pay in thousands of US dollars."""

    min_k: Annotated[int, Field(gt=0)]
    max_k: Annotated[int, Field(gt=0)]

    @model_validator(mode="after")
    def _ordered(self) -> SalaryRange:
        _in_order("min_k", self.min_k, "max_k", self.max_k)
        return self


ResourceType = Literal[
    "course", "book", "documentation", "paper", "video", "community", "tool", "article",
    "certification",
]
RESOURCE_TYPES: tuple[str, ...] = get_args(ResourceType)


class Resource(Model):
    """A course, book, page, paper, video, community, tool, article or certification the source
    names. `url` is its official home, or null where it has none (that choice is recorded with
    its reason in data/unlinked_resources.yaml, so a link cannot be lost by accident)."""

    name: Annotated[Text, Field(description="the name exactly as the source spells it")]
    type: Annotated[
        ResourceType,
        Field(description="what it is; shown on the page as an icon with this word"),
    ]
    url: Annotated[
        HttpUrl | None,
        Field(
            description=(
                "its official home (the publisher's, author's or project's own page; the paper "
                "at arxiv.org or its venue), http(s) only, never guessed; null: none, and the "
                "resource is listed with the reason in data/unlinked_resources.yaml"
            )
        ),
    ]


class TransferableSkill(Model):
    id: Slug
    name: Text
    how_it_transfers: Text


class SkillToLearn(Model):
    id: Slug
    name: Text
    priority: Annotated[Priority | None, Field(description="null: not stated in the source")]
    weeks: Annotated[
        Annotated[int, Field(gt=0)] | Literal["ongoing"] | None,
        Field(description="positive whole weeks, 'ongoing', or null: not stated in the source"),
    ]
    study: Text
    resources: Annotated[list[Resource], Field(min_length=1)]


class Phase(Model):
    name: Text
    weeks: Annotated[int, Field(gt=0)]
    tasks: Annotated[list[Text], Field(min_length=1)]
    resources: list[Resource]


class RealityCheck(Model):
    love: Annotated[list[Text], Field(min_length=1)]
    miss: Annotated[list[Text], Field(min_length=1)]
    challenges: Annotated[list[Text], Field(min_length=1)]


class ActionPlan(Model):
    this_week: Annotated[list[Text], Field(min_length=1)]
    this_month: Annotated[list[Text], Field(min_length=1)]
    next_90_days: Annotated[list[Text], Field(min_length=1)]


class Salary(Model):
    backend: SalaryRange
    target: SalaryRange
    stated_increase: Annotated[
        PercentChange | None, Field(description="the increase the FAQ states; null: none stated")
    ]
    starting_range: Annotated[
        SalaryRange | None, Field(description="a starting range the FAQ gives; null: none")
    ] = None
    notes: Annotated[list[Text], Field(description="the FAQ's other points, in our words")] = []


class Pathway(Model):
    role: Slug
    source_role: Text
    target_role: Text
    headline: Annotated[Text, Field(description="the guide's promise, in our words")]
    headline_months: Annotated[
        int | None, Field(gt=0, description="months the source's title names; null: none")
    ]
    summary: Annotated[
        Text, Field(max_length=200, description="one sentence: the page's meta description")
    ]
    difficulty: Difficulty | None
    timeline: MonthRange | None
    salary_change: Annotated[PercentChange | None, Field(description="the header figure")]
    demand: Text | None
    overview: Annotated[list[Text], Field(min_length=1)]
    transferable_skills: Annotated[list[TransferableSkill], Field(min_length=1)]
    skills_to_learn: Annotated[list[SkillToLearn], Field(min_length=1)]
    roadmap: Annotated[list[Phase], Field(min_length=1)]
    reality_check: RealityCheck
    action_plan: ActionPlan
    salary: Salary

    @model_validator(mode="after")
    def _unique_skill_ids(self) -> Pathway:
        seen: set[str] = set()
        for skill in [*self.transferable_skills, *self.skills_to_learn]:
            if skill.id in seen:
                raise ValueError(f"skill ids unique across the pathway, found {skill.id!r} twice")
            seen.add(skill.id)
        return self

    @property
    def skills_by_id(self) -> dict[str, TransferableSkill | SkillToLearn]:
        return {s.id: s for s in [*self.transferable_skills, *self.skills_to_learn]}

    @property
    def roadmap_weeks(self) -> int:
        return sum(phase.weeks for phase in self.roadmap)


# ------------------------------------------------------------------------------------------ quiz


QuestionDifficulty = Literal["easy", "medium", "hard"]


class Reference(Model):
    title: Text
    url: HttpUrl


class Option(Model):
    text: Annotated[Text, Field(description="inline Markdown")]
    correct: bool = False


class _Question(Model):
    id: Slug
    topic: Annotated[Slug, Field(description="the id of a skill of this role's pathway")]
    difficulty: QuestionDifficulty
    prompt: Annotated[Text, Field(description="Markdown; code blocks allowed")]
    explanation: Annotated[
        Text, Field(description="Markdown: why the key is right, the rest wrong")
    ]
    reference: Reference


def _unique_option_texts(options: list[Option]) -> None:
    texts = [o.text.casefold() for o in options]
    duplicates = sorted({t for t in texts if texts.count(t) > 1})
    if duplicates:
        raise ValueError(f"unique option texts, found {duplicates[0]!r} more than once")


class SingleChoice(_Question):
    type: Literal["single"]
    options: Annotated[list[Option], Field(min_length=2)]

    @field_validator("options")
    @classmethod
    def _one_correct(cls, options: list[Option]) -> list[Option]:
        _unique_option_texts(options)
        correct = sum(o.correct for o in options)
        if correct != 1:
            raise ValueError(f"exactly one correct option, found {correct}")
        return options


class MultipleChoice(_Question):
    type: Literal["multiple"]
    options: Annotated[list[Option], Field(min_length=3)]

    @field_validator("options")
    @classmethod
    def _some_correct(cls, options: list[Option]) -> list[Option]:
        _unique_option_texts(options)
        if not any(o.correct for o in options):
            raise ValueError("at least one correct option, found none")
        if all(o.correct for o in options):
            raise ValueError("at least one wrong option, found every option correct")
        return options


class NumericAnswer(Model):
    value: float
    tolerance: Annotated[float, Field(ge=0)]
    unit: Annotated[str, Field(description="'' for a pure number")] = ""


class Numeric(_Question):
    type: Literal["numeric"]
    answer: NumericAnswer
    compute: Annotated[
        str | None,
        Field(
            description="Python (stdlib or NumPy) that assigns the key to `result`; tests run it"
        ),
    ] = None


class CodeOutput(_Question):
    type: Literal["code-output"]
    code: Annotated[Text, Field(description="Python (stdlib or NumPy) whose output is asked for")]
    output: Annotated[Text, Field(description="exactly what the code prints")]


# The one union of question kinds: code that handles them matches on it and ends with
# `assert_never`, so a new kind fails type-checking wherever it is not handled.
AnyQuestion = SingleChoice | MultipleChoice | Numeric | CodeOutput
ChoiceQuestion = SingleChoice | MultipleChoice

Question = Annotated[AnyQuestion, Field(discriminator="type")]


class Quiz(Model):
    role: Slug
    title: Text
    description: Annotated[Text, Field(max_length=200)]
    # Ids are checked unique across all quizzes by the catalog, which knows their lines.
    questions: Annotated[list[Question], Field(min_length=1)]

    @property
    def topics(self) -> list[str]:
        return list(dict.fromkeys(q.topic for q in self.questions))
