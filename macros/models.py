"""Typed models of a pathway and a quiz.

The YAML files are the only thing contributors edit, so every rule a reviewer would otherwise have
to remember lives here: unknown keys are errors, priorities are one of three levels, weeks are
positive, links are http(s). A field the source document does not state is written as `null` and
rendered as "not stated"; it is required all the same, so a forgotten field is still an error.

Each field's docstring is its documentation: the JSON Schemas in schemas/ carry it as the field's
description (what it holds, an example, the rule), so editors show it as you type. macros/schema.py
reads the docstrings when it writes the schemas; pydantic's use_attribute_docstrings would re-read
this file's source at every import, a tenth of our own share of each build.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import cached_property
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

from .rules import MIN_EXECUTABLE, MIN_QUESTIONS, MIN_TOPICS

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
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True
    )


# ------------------------------------------------------------------------------ skills catalogue


class CatalogueSkill(Model):
    """A skill as the site counts it across roles."""

    id: Slug
    """The skill's id, which pathway skills name in `counts_as`: deep-learning. Saved progress
    uses it, so keep it once published."""
    name: Text
    """A plain name for the skill, ours (the pathways keep the source's names): "Deep learning
    fundamentals"."""


class SkillCatalogue(Model):
    """data/skills.yaml: every skill the pathways' `counts_as` may name."""

    # Ids are checked unique by the catalog, which knows the line of the second one.
    skills: Annotated[list[CatalogueSkill], Field(min_length=1)]
    """One entry per skill, ids unique."""

    @property
    def by_id(self) -> dict[str, CatalogueSkill]:
        return {skill.id: skill for skill in self.skills}


# --------------------------------------------------------------------------------------- pathway


Priority = Literal["Critical", "Important", "Nice to have"]

Difficulty = Literal["Easy", "Moderate", "Challenging"]


def _in_order(low_name: str, low: int, high_name: str, high: int | None) -> None:
    if high is not None and high < low:
        raise ValueError(f"{high_name} >= {low_name}, found {high} < {low}")


class MonthRange(Model):
    """A span of months as the source states it ("6-9 months")."""

    min_months: Annotated[int, Field(gt=0)]
    """The shortest time the source states, in whole months above 0: 6 for "6-9 months"."""
    max_months: Annotated[int, Field(gt=0)]
    """The longest time the source states, in whole months, at least min_months: 9 for "6-9
    months" (write 6 and 6 for "6 months")."""

    @model_validator(mode="after")
    def _ordered(self) -> MonthRange:
        _in_order("min_months", self.min_months, "max_months", self.max_months)
        return self


class PercentChange(Model):
    """A salary change in percent: "+40%", "+20% to +50%", "around 60% or more"."""

    low: Annotated[int, Field(ge=0)]
    """The smallest increase, in whole percent: 20 for "+20% to +50%", 40 for "+40%"."""
    high: Annotated[int | None, Field(ge=0)]
    """The largest increase, at least low: 50 for "+20% to +50%", 40 for "+40%"; null for an
    open-ended "or more"."""
    approximate: bool = False
    """true where the source hedges ("around 60%"); may be left out (false)."""

    @model_validator(mode="after")
    def _ordered(self) -> PercentChange:
        _in_order("low", self.low, "high", self.high)
        return self


class SalaryRange(Model):
    """Yearly pay in thousands of US dollars."""

    min_k: Annotated[int, Field(gt=0)]
    """The bottom of the range, in thousands of US dollars a year: 85 for "$85k-$140k"."""
    max_k: Annotated[int, Field(gt=0)]
    """The top of the range, at least min_k: 140 for "$85k-$140k"."""

    @model_validator(mode="after")
    def _ordered(self) -> SalaryRange:
        _in_order("min_k", self.min_k, "max_k", self.max_k)
        return self


ResourceType = Literal[
    "course",
    "book",
    "documentation",
    "paper",
    "video",
    "community",
    "tool",
    "article",
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
    """A skill the reader already has from backend work."""

    id: Slug
    """The skill's id: lower-case words joined by hyphens, unique in the pathway: api-development.
    Links (#skill-<id>) and quiz topics use it, so keep it once published."""
    name: Text
    """The source's name for the skill: "API Development"."""
    counts_as: Annotated[list[Slug], Field(min_length=1)]
    """Which skills of the catalogue (data/skills.yaml) this one is, by id: [deep-learning]. Two
    pathway skills with the same id are the same learning, mastered once for every role that has
    it; a skill that combines two ("System Architecture & DevOps") names both."""
    how_it_transfers: Text
    """How the skill is used in the new role, in your own words (one or two sentences)."""


class SkillToLearn(Model):
    """A skill to learn, in the source's order."""

    id: Slug
    """The skill's id: lower-case words joined by hyphens, unique in the pathway:
    model-quantization. Links (#skill-<id>) and quiz topics use it."""
    name: Text
    """The source's name for the skill, exactly: "Model Quantization"."""
    counts_as: Annotated[list[Slug], Field(min_length=1)]
    """Which skills of the catalogue (data/skills.yaml) this one is, by id: [deep-learning]. Two
    pathway skills with the same id are the same learning, mastered once for every role that has
    it; a skill that combines two ("System Architecture & DevOps") names both."""
    priority: Priority | None
    """How the source ranks it: Critical, Important or Nice to have; null where the source does
    not say (the page shows "not stated in the source")."""
    weeks: Annotated[int, Field(gt=0)] | Literal["ongoing"] | None
    """How long the source says it takes: whole weeks above 0 (6), ongoing, or null where the
    source does not say."""
    study: Text
    """What to study and how to practise it, in your own words; name every resource listed below."""
    resources: list[Resource]
    """The resources the source names for this skill; [] if it names none (the page then says
    "not stated in the source")."""


class Phase(Model):
    """One phase of the roadmap."""

    name: Text
    """The phase's name as the source gives it: "Foundations"."""
    weeks: Annotated[int, Field(gt=0)]
    """How long the phase lasts, in whole weeks above 0: 4. Phases follow each other, so the page
    shows weeks 1-4, 5-10 and so on."""
    tasks: Annotated[list[Text], Field(min_length=1)]
    """Every task the source lists for the phase, one item each, in your own words."""
    resources: list[Resource]
    """The resources the source names for the phase; [] if it names none."""


class RealityCheck(Model):
    """The honest part of the guide: each list has at least one item, in your own words."""

    love: Annotated[list[Text], Field(min_length=1)]
    """What the reader will love about the role, one point per item."""
    miss: Annotated[list[Text], Field(min_length=1)]
    """What the reader might miss from backend work, one point per item."""
    challenges: Annotated[list[Text], Field(min_length=1)]
    """The biggest challenges of the move, one point per item."""


class ActionPlan(Model):
    """First steps: each list has at least one task, in your own words."""

    this_week: Annotated[list[Text], Field(min_length=1)]
    """Tasks for this week: "Install PyTorch and run a first model"."""
    this_month: Annotated[list[Text], Field(min_length=1)]
    """Tasks for this month."""
    next_90_days: Annotated[list[Text], Field(min_length=1)]
    """Tasks for the next 90 days."""


class Salary(Model):
    """The salary FAQ's figures. Cite their source in the pull request."""

    backend: SalaryRange | None
    """What a backend developer earns, per the source: {min_k: 85, max_k: 140}; null where the
    source gives no figure (the page shows "not stated in the source"). Never invent one."""
    target: SalaryRange | None
    """What the new role pays, per the source: {min_k: 130, max_k: 220}; null where the source
    gives no figure."""
    stated_increase: PercentChange | None
    """The increase the FAQ states, in the form of salary_change: {low: 30, high: 50}; null where
    it states none."""
    starting_range: SalaryRange | None = None
    """A starting range the FAQ gives: {min_k: 150, max_k: 180}; null or left out if none."""
    notes: list[Text] = []
    """The FAQ's other points, in your own words, one per item; [] or left out if none."""


class Pathway(Model):
    """One career pathway (data/pathways/<role>.yaml): every fact from its source guide."""

    role: Slug
    """The pathway's id and the page's address (pathways/<role>/): lower-case words joined by
    hyphens, the file's name without .yaml: ai-platform-engineer."""
    source_role: Text
    """The role the reader has now: Backend Developer."""
    target_role: Text
    """The role the pathway leads to, as the source names it: AI Platform Engineer. It is the
    page's title."""
    suits: Text
    """What in backend work today points to this role, a short phrase that follows "if you
    like": "performance tuning". The home page's "Where to start" lists it."""
    headline: Text
    """The guide's promise in one line, in your own words, without its month figure (that goes
    in headline_months)."""
    headline_months: Annotated[int | None, Field(gt=0)]
    """The months the source's title names, a whole number: 6 for "Your 6-Month Guide"; null if
    the title names none."""
    summary: Annotated[Text, Field(max_length=200)]
    """One sentence of at most 200 characters on who the pathway is for and where it leads: the
    page's description for search engines and its home-page card."""
    difficulty: Difficulty | None
    """The difficulty the source states: Easy, Moderate or Challenging; null if it states none."""
    timeline: MonthRange | None
    """The timeline the source states: {min_months: 6, max_months: 9} for "6-9 months"; null if
    it states none."""
    salary_change: PercentChange | None
    """The salary change in the source's header: {low: 40, high: 40} for "+40%", {low: 20,
    high: 50} for "+20% to +50%"; null if the header states none."""
    demand: Text | None
    """What the source says of demand for the role, in your own words: "High, and climbing";
    null if it says nothing."""
    overview: Annotated[list[Text], Field(min_length=1)]
    """The overview, one paragraph per item, in your own words; at least one."""
    transferable_skills: Annotated[list[TransferableSkill], Field(min_length=1)]
    """The skills the reader already has, in the source's order; at least one."""
    skills_to_learn: Annotated[list[SkillToLearn], Field(min_length=1)]
    """The skills to learn, in the source's order; at least one."""
    roadmap: Annotated[list[Phase], Field(min_length=1)]
    """The roadmap's phases, in order; at least one."""
    reality_check: RealityCheck
    """What the reader will love, might miss and find hardest."""
    action_plan: ActionPlan
    """Tasks for this week, this month and the next 90 days."""
    salary: Salary
    """The salary FAQ's figures; null where the source gives none."""

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

    @property
    def learning_weeks(self) -> int:
        """The weeks the source states for the skills to learn (ongoing and unstated: none)."""
        return sum(s.weeks for s in self.skills_to_learn if isinstance(s.weeks, int))


# ------------------------------------------------------------------------------------------ quiz


QuestionDifficulty = Literal["easy", "medium", "hard"]


class Reference(Model):
    """The authoritative source that proves a question's key."""

    title: Text
    """The page's or paper's title: "PyTorch docs: Quantization"."""
    url: HttpUrl
    """Its address, http:// or https:// only: official documentation, the paper or the
    standard."""


class Option(Model):
    """One option of a choice question."""

    text: Text
    """The option as shown, inline Markdown: "`torch.compile`". Unique within the question."""
    correct: bool = False
    """true for a correct option; left out (false) for the others."""


def option_id(text: str) -> str:
    """An option's identity: the same text (ignoring case and outer spaces) is the same option."""
    return hashlib.sha256(text.strip().casefold().encode()).hexdigest()[:8]


class _Question(Model):
    id: Slug
    """The question's id, unique across all quizzes: lower-case words joined by hyphens,
    qat-fake-quantization. Saved progress follows it: never rename or reuse one."""
    topic: Slug
    """The id of a skill of this role's pathway (transferable_skills or skills_to_learn) the
    question checks: model-quantization. The score breaks down by topic."""
    difficulty: QuestionDifficulty
    """easy, medium or hard."""
    prompt: Text
    """The question, in Markdown; code blocks allowed."""
    explanation: Text
    """Markdown: why the key is right and why the likely wrong answers are wrong."""
    reference: Reference
    """The authoritative source that proves the key."""

    @cached_property
    def fingerprint(self) -> str:
        """Changes with the question's prompt, options or key, so stale saved answers are
        dropped; not with the options' order in the file (saved answers name options by id).
        Worked out once per question: the quiz, fit and progress pages each ask for it."""
        fields = self.model_dump(
            mode="json", exclude={"explanation", "reference", "difficulty", "topic"}
        )
        if "options" in fields:
            fields["options"] = sorted(fields["options"], key=lambda o: option_id(o["text"]))
        payload = json.dumps(fields, sort_keys=True)
        return hashlib.sha256(payload.encode()).hexdigest()[:12]


def _unique_option_texts(options: list[Option]) -> None:
    texts = [o.text.casefold() for o in options]
    duplicates = sorted({t for t in texts if texts.count(t) > 1})
    if duplicates:
        raise ValueError(f"unique option texts, found {duplicates[0]!r} more than once")


class SingleChoice(_Question):
    """A question with exactly one correct option."""

    type: Literal["single"]
    """single: the learner picks one option."""
    options: Annotated[list[Option], Field(min_length=2)]
    """At least two options, exactly one with correct: true."""

    @field_validator("options")
    @classmethod
    def _one_correct(cls, options: list[Option]) -> list[Option]:
        _unique_option_texts(options)
        correct = sum(o.correct for o in options)
        if correct != 1:
            raise ValueError(f"exactly one correct option, found {correct}")
        return options


class MultipleChoice(_Question):
    """A question whose learner must pick all and only the correct options."""

    type: Literal["multiple"]
    """multiple: the learner picks every correct option."""
    options: Annotated[list[Option], Field(min_length=3)]
    """At least three options; at least one correct and at least one wrong."""

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
    """The key of a numeric question."""

    value: float
    """The right number: 0.0118."""
    tolerance: Annotated[float, Field(ge=0)]
    """How far an answer may be from value and still be right, at least 0: 0.0005."""
    unit: str = ""
    """The unit the answer is typed in: GB; "" or left out for a pure number."""


class Numeric(_Question):
    """A question answered with a number."""

    type: Literal["numeric"]
    """numeric: the learner types a number."""
    answer: NumericAnswer
    """The key: {value: 4, tolerance: 0, unit: bytes}."""
    compute: str | None = None
    """Python (standard library or NumPy) that assigns the key to `result`: "result = 2 ** 10".
    The tests run it and compare; a question with compute counts as executable."""


class CodeOutput(_Question):
    """A question that asks what a short program prints."""

    type: Literal["code-output"]
    """code-output: the learner types what the code prints."""
    code: Text
    """A short deterministic Python snippet (standard library or NumPy): "print(7 // 2)". The
    tests run it."""
    output: Text
    """Exactly what the code prints: 3."""


# The one union of question kinds: code that handles them matches on it and ends with
# `assert_never`, so a new kind fails type-checking wherever it is not handled.
AnyQuestion = SingleChoice | MultipleChoice | Numeric | CodeOutput
ChoiceQuestion = SingleChoice | MultipleChoice

Question = Annotated[AnyQuestion, Field(discriminator="type")]


class Quiz(Model):
    """One role's self-check quiz (quizzes/<role>.yaml)."""

    role: Slug
    """The role of the pathway this quiz belongs to: ai-platform-engineer."""
    title: Text
    """The quiz's title: "AI Platform Engineer self-check"."""
    description: Annotated[Text, Field(max_length=200)]
    """One sentence of at most 200 characters on what the quiz checks: the page's description
    for search engines."""
    # Ids are checked unique across all quizzes by the catalog, which knows their lines.
    questions: Annotated[
        list[Question],
        Field(
            min_length=1,
            description=(
                f"The questions. `pathways validate` asks for at least {MIN_QUESTIONS}, of "
                f"which at least {MIN_EXECUTABLE} executable (numeric with compute, or "
                f"code-output), on at least {MIN_TOPICS} topics."
            ),
        ),
    ]

    @property
    def topics(self) -> list[str]:
        return list(dict.fromkeys(q.topic for q in self.questions))
