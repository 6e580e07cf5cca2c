"""The learner's journey across roles: what a progress store says about each role.

One definition of mastery, mirrored by docs/javascripts/journey.js on the "My progress" page:

- a role's quiz topic is *mastered* when the scored (first, current-fingerprint) answers are right
  for at least 80% of the topic's current questions, unanswered counting as not right
  (`grading.percent(right, total) >= 80`);
- mastering a topic masters every catalogue skill in its pathway skill's `counts_as`; a catalogue
  skill is also mastered when the learner marked it (store "skills");
- a role's skill to learn is mastered when all of its `counts_as` are, so a skill mastered once
  counts in every role that has it.

The store is one that `progress.problem_of` accepts; its optional sections may be missing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .catalog import Catalog
from .compare import learning_ids
from .grading import percent
from .models import Pathway
from .render import pathway_url, quiz_url, task_id

MASTERED_PERCENT = 80


@dataclass(frozen=True)
class TopicScore:
    """A role's quiz topic (a pathway skill's id) as the scored answers stand."""

    topic: str
    name: str  # the pathway skill's name
    right: int
    answered: int
    total: int  # the topic's current questions

    @property
    def percent(self) -> int:
        return percent(self.right, self.total)

    @property
    def mastered(self) -> bool:
        return self.percent >= MASTERED_PERCENT


@dataclass(frozen=True)
class Mastery:
    topics: dict[str, dict[str, TopicScore]]  # role -> topic -> score
    by_quiz: frozenset[str]  # catalogue ids mastered through a quiz topic
    marked: frozenset[str]  # catalogue ids the learner marked mastered

    @property
    def skills(self) -> frozenset[str]:
        return self.by_quiz | self.marked

    def mastered_topics(self, role: str) -> set[str]:
        return {topic for topic, score in self.topics.get(role, {}).items() if score.mastered}


@dataclass(frozen=True)
class RoleSummary:
    role: str
    tasks_done: int
    tasks_total: int
    weeks_covered: int  # weeks of the phases whose tasks are all ticked
    weeks_total: int
    skills_mastered: int  # skills to learn whose counts_as are all mastered
    skills_total: int
    weakest: list[TopicScore]  # answered topics below mastery, lowest percent first, ties by id


def action_ids(pathway: Pathway) -> list[str]:
    plan = pathway.action_plan
    return [task_id(text) for text in [*plan.this_week, *plan.this_month, *plan.next_90_days]]


def task_ids(pathway: Pathway) -> list[str]:
    """Every roadmap and action-plan task's id, in page order."""
    return [task_id(t) for phase in pathway.roadmap for t in phase.tasks] + action_ids(pathway)


def topic_scores(store: dict, catalog: Catalog, role: str) -> dict[str, TopicScore]:
    """The role's quiz topics, scored as the quiz scores them (`scoring.result_of` over the
    store's first answers), each named by its pathway skill."""
    # Scoring a saved store (the CLI does, and the tests) is no part of a build, which imports
    # this module for the progress page: the scoring modules load only when asked for.
    from .progress import scored_verdicts
    from .scoring import result_of

    quiz = catalog.quizzes.get(role)
    if quiz is None:
        return {}
    skills = catalog.pathway(role).skills_by_id
    result = result_of(quiz, scored_verdicts(store, quiz))
    return {
        t.topic: TopicScore(t.topic, skills[t.topic].name, t.correct, t.answered, t.total)
        for t in result.topics
    }


def mastery(store: dict, catalog: Catalog) -> Mastery:
    topics = {role: topic_scores(store, catalog, role) for role in catalog.pathways}
    by_quiz = {
        skill_id
        for role, scores in topics.items()
        for topic, score in scores.items()
        if score.mastered
        for skill_id in catalog.pathway(role).skills_by_id[topic].counts_as
    }
    marked = set(store.get("skills", {})) & set(catalog.skills.by_id)
    return Mastery(topics, frozenset(by_quiz), frozenset(marked))


def summary(store: dict, catalog: Catalog, role: str, known: Mastery | None = None) -> RoleSummary:
    """How far along the learner is in `role`, from the store (and its mastery, if computed)."""
    known = known or mastery(store, catalog)
    pathway = catalog.pathway(role)
    ticked = store.get("tasks", {}).get(role, {})
    ids = set(task_ids(pathway))
    covered = sum(
        phase.weeks
        for phase in pathway.roadmap
        if all(task_id(task) in ticked for task in phase.tasks)
    )
    mastered = [s for s in pathway.skills_to_learn if set(s.counts_as) <= known.skills]
    weak = [
        score
        for score in known.topics.get(role, {}).values()
        if score.answered and score.percent < MASTERED_PERCENT
    ]
    return RoleSummary(
        role=role,
        tasks_done=len(ids & set(ticked)),
        tasks_total=len(ids),
        weeks_covered=covered,
        weeks_total=pathway.roadmap_weeks,
        skills_mastered=len(mastered),
        skills_total=len(pathway.skills_to_learn),
        # Ties in the order of the topics' ids, as in the page's JSON (its keys are sorted).
        weakest=sorted(weak, key=lambda score: (score.percent, score.topic)),
    )


def journey_index(catalog: Catalog, url: Callable[[str], str]) -> dict:
    """What the "My progress" page's script needs to compute the same, as JSON-ready data;
    `url` turns a site path (pathways/<role>/) into a link from the page."""
    roles = {}
    for role, pathway in catalog.pathways.items():
        quiz = catalog.quizzes.get(role)
        skills = pathway.skills_by_id
        topics: dict[str, dict[str, str]] = {}
        for question in quiz.questions if quiz else []:
            topics.setdefault(question.topic, {})[question.id] = question.fingerprint
        roles[role] = {
            "title": pathway.target_role,
            "pathway": url(pathway_url(role)),
            "quiz": url(quiz_url(role)) if quiz else None,
            "phases": [
                {"name": p.name, "weeks": p.weeks, "tasks": [task_id(t) for t in p.tasks]}
                for p in pathway.roadmap
            ],
            "actions": action_ids(pathway),
            "skills": [
                {
                    "id": s.id,
                    "name": s.name,
                    "counts_as": s.counts_as,
                    "weeks": s.weeks,
                    "priority": s.priority,
                }
                for s in pathway.skills_to_learn
            ],
            "tasks": task_ids(pathway),
            # The pathway skill of each quiz topic: its name, and what mastering it masters.
            "topic_skills": {
                topic: {"name": skills[topic].name, "counts_as": skills[topic].counts_as}
                for topic in topics
            },
            "topics": topics,
        }
    return {"roles": roles, "skills": {s.id: s.name for s in catalog.skills.skills}}


def roles_learning(catalog: Catalog) -> dict[str, list[str]]:
    """Each catalogue skill's id -> the roles that have it among their skills to learn."""
    found: dict[str, list[str]] = {skill.id: [] for skill in catalog.skills.skills}
    for role, pathway in catalog.pathways.items():
        for skill_id in learning_ids(pathway):
            found[skill_id].append(role)
    return found
