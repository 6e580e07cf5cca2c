"""macros/journey.py against hand-made progress stores: tasks, weeks, mastery, weakest topics."""

from __future__ import annotations

import pytest
from conftest import ROOT

from macros import journey, progress
from macros.catalog import load_catalog
from macros.grading import percent
from macros.render import task_id

CATALOG = load_catalog(ROOT)
AT = "2026-01-02T03:04:05.000Z"


def scored(store: dict, role: str, questions, status: str = "right") -> dict:
    """`store` with a first (scored) answer of `status` for each question."""
    for question in questions:
        progress.record(store, role, question, "x", status)
    return store


def questions_of(role: str, topic: str) -> list:
    return [q for q in CATALOG.quiz(role).questions if q.topic == topic]


def shared_topic() -> tuple[str, str, set[str]]:
    """A quiz topic of one role whose catalogue skills another role has to learn: (role, topic,
    the other roles whose skills to learn it masters in full)."""
    for role, quiz in CATALOG.quizzes.items():
        for topic in quiz.topics:
            masters = set(CATALOG.pathway(role).skills_by_id[topic].counts_as)
            others = {
                other
                for other, pathway in CATALOG.pathways.items()
                if other != role
                and any(set(s.counts_as) <= masters for s in pathway.skills_to_learn)
            }
            if others:
                return role, topic, others
    raise AssertionError("no quiz topic is shared with another role's skills to learn")


def skills_mastered_by(role: str, mastered: set[str]) -> int:
    return sum(set(s.counts_as) <= mastered for s in CATALOG.pathway(role).skills_to_learn)


def test_an_empty_store_is_nothing_done_of_everything():
    store = progress.empty_store()
    for role, pathway in CATALOG.pathways.items():
        summary = journey.summary(store, CATALOG, role)
        texts = [t for p in pathway.roadmap for t in p.tasks] + [
            *pathway.action_plan.this_week,
            *pathway.action_plan.this_month,
            *pathway.action_plan.next_90_days,
        ]
        assert (summary.tasks_done, summary.tasks_total) == (0, len(texts))
        assert (summary.weeks_covered, summary.weeks_total) == (0, pathway.roadmap_weeks)
        assert (summary.skills_mastered, summary.skills_total) == (
            0,
            len(pathway.skills_to_learn),
        )
        assert summary.weakest == []


def test_weeks_count_only_phases_with_every_task_ticked():
    role, pathway = next(
        (r, p)
        for r, p in CATALOG.pathways.items()
        if len(p.roadmap) > 1 and len(p.roadmap[1].tasks) > 1
    )
    first, second = pathway.roadmap[0], pathway.roadmap[1]
    ticks = {task_id(t): AT for t in first.tasks} | {task_id(second.tasks[0]): AT}
    ticks["00000000"] = AT  # a task since removed from the pathway: not counted
    store = progress.empty_store() | {"tasks": {role: ticks}}
    summary = journey.summary(store, CATALOG, role)
    assert summary.tasks_done == len(first.tasks) + 1
    assert summary.weeks_covered == first.weeks
    other = next(r for r in CATALOG.pathways if r != role)
    assert journey.summary(store, CATALOG, other).tasks_done == 0  # ticks are the role's own


def test_a_topic_is_mastered_at_80_percent_of_its_questions_right_first_time():
    role, topic, questions = next(
        (r, t, questions_of(r, t))
        for r, q in CATALOG.quizzes.items()
        for t in q.topics
        if len(questions_of(r, t)) >= 3
    )
    needed = next(n for n in range(len(questions) + 1) if percent(n, len(questions)) >= 80)
    almost = scored(progress.empty_store(), role, questions[: needed - 1])
    scored(almost, role, questions[needed - 1 :], "wrong")
    assert topic not in journey.mastery(almost, CATALOG).mastered_topics(role)
    enough = scored(progress.empty_store(), role, questions[:needed])
    assert topic in journey.mastery(enough, CATALOG).mastered_topics(role)


def test_only_the_first_answer_to_the_current_question_counts():
    role, topic, _ = shared_topic()
    questions = questions_of(role, topic)
    store = scored(progress.empty_store(), role, questions, "wrong")
    scored(store, role, questions, "right")  # practice: only "last" changes
    assert topic not in journey.mastery(store, CATALOG).mastered_topics(role)
    stale = scored(progress.empty_store(), role, questions)
    for entry in stale["quizzes"][role].values():
        entry["fingerprint"] = "0" * 12  # answered an older version of each question
    assert journey.mastery(stale, CATALOG).topics[role][topic].answered == 0


def test_a_skill_mastered_in_one_quiz_counts_in_every_role_that_has_it():
    role, topic, others = shared_topic()
    store = scored(progress.empty_store(), role, questions_of(role, topic))
    known = journey.mastery(store, CATALOG)
    masters = set(CATALOG.pathway(role).skills_by_id[topic].counts_as)
    assert masters <= known.by_quiz
    for other in others | {role}:
        expected = skills_mastered_by(other, masters)
        assert journey.summary(store, CATALOG, other, known).skills_mastered == expected
    assert all(journey.summary(store, CATALOG, o).skills_mastered >= 1 for o in others)


def test_a_skill_marked_mastered_counts_in_every_role_and_unknown_ids_do_not():
    skill_id = next(
        skill.id
        for skill in CATALOG.skills.skills
        if sum(
            any(skill.id in s.counts_as for s in p.skills_to_learn)
            for p in CATALOG.pathways.values()
        )
        > 1
    )
    store = progress.empty_store() | {"skills": {skill_id: AT, "no-such-skill": AT}}
    known = journey.mastery(store, CATALOG)
    assert known.marked == {skill_id} and known.by_quiz == frozenset()
    for role in CATALOG.pathways:
        assert journey.summary(store, CATALOG, role).skills_mastered == skills_mastered_by(
            role, {skill_id}
        )


def test_weakest_topics_are_the_answered_ones_below_mastery_lowest_percent_first():
    role, quiz = next((r, q) for r, q in CATALOG.quizzes.items() if len(q.topics) >= 4)
    strong, weak, half, untouched = quiz.topics[:4]
    store = scored(progress.empty_store(), role, questions_of(role, strong))
    scored(store, role, questions_of(role, weak)[:1], "wrong")
    scored(store, role, questions_of(role, half)[:1])
    weakest = journey.summary(store, CATALOG, role).weakest
    assert [score.topic for score in weakest] == [weak, half]  # the mastered one is not weak
    assert untouched not in {score.topic for score in weakest}
    assert weakest[0].percent == 0 and 0 < weakest[1].percent < journey.MASTERED_PERCENT
    assert weakest[0].name == CATALOG.pathway(role).skills_by_id[weak].name


def test_the_index_carries_what_the_page_computes_from():
    index = journey.journey_index(CATALOG, lambda target: f"../../{target}")
    assert set(index["roles"]) == set(CATALOG.pathways)
    assert index["skills"] == {s.id: s.name for s in CATALOG.skills.skills}
    for role, pathway in CATALOG.pathways.items():
        entry = index["roles"][role]
        assert entry["title"] == pathway.target_role
        assert entry["pathway"] == f"../../pathways/{role}/"
        assert [p["weeks"] for p in entry["phases"]] == [p.weeks for p in pathway.roadmap]
        assert entry["tasks"] == journey.task_ids(pathway)
        phase_tasks = [t for p in entry["phases"] for t in p["tasks"]]
        assert phase_tasks + entry["actions"] == entry["tasks"]
        assert [s["counts_as"] for s in entry["skills"]] == [
            s.counts_as for s in pathway.skills_to_learn
        ]
        quiz = CATALOG.quizzes.get(role)
        if quiz is None:
            assert entry["quiz"] is None and entry["topics"] == {}
            continue
        assert entry["quiz"] == f"../../quizzes/{role}/"
        assert {
            qid: fp for questions in entry["topics"].values() for qid, fp in questions.items()
        } == {q.id: q.fingerprint for q in quiz.questions}
        assert set(entry["topic_skills"]) == set(quiz.topics)


@pytest.mark.parametrize("variant", ["Task one.", "  TASK ONE.  "])
def test_two_tasks_with_one_id_are_an_error(tmp_path, variant):
    from conftest import example_project
    from factories import pathway_data

    from macros.problems import DataError

    pathway = pathway_data()
    pathway["roadmap"][0]["tasks"] = ["Task one."]
    pathway["action_plan"]["next_90_days"] = ["Other.", variant]
    project = example_project(tmp_path, pathway=pathway)
    with pytest.raises(DataError) as raised:
        load_catalog(project)
    (problem,) = raised.value.problems
    assert problem.field == "action_plan.next_90_days[1]"
    assert "roadmap[0].tasks[0]" in problem.message
