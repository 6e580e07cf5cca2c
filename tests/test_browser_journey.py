"""Ticking tasks and "My progress" in a real Chromium: what a learner does and sees."""

from __future__ import annotations

import json

import pytest
from conftest import build_site, make_project, serve
from factories import complete_pathway_and_quiz
from playwright.sync_api import expect
from quiz_actions import answer
from test_browser import axe_violations
from test_journey import CATALOG, shared_topic

from macros import journey

pytestmark = pytest.mark.browser

PROGRESS = "journey/progress/"
KEY = "pathways:progress"
CORRUPT = '{"format": "backend-ai-pathways-progress", "version": 1, "quizzes": ['


def saved(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))


def field(page, role: str, name: str):
    return page.locator(f"[data-pw-progress='{role}'] [data-pw-n='{name}']")


def expect_counts(page, store: dict, catalog=CATALOG) -> None:
    """Every role's counts on My progress are what macros/journey.py makes of `store`."""
    known = journey.mastery(store, catalog)
    for role in catalog.pathways:
        summary = journey.summary(store, catalog, role, known)
        expect(field(page, role, "tasks")).to_have_text(
            f"{summary.tasks_done} of {summary.tasks_total} done"
        )
        expect(field(page, role, "weeks")).to_have_text(
            f"{summary.weeks_covered} of {summary.weeks_total} weeks covered"
        )
        expect(field(page, role, "skills")).to_have_text(
            f"{summary.skills_mastered} of {summary.skills_total} mastered"
        )


def go_by_instant_navigation(page, name: str, url: str) -> None:
    page.evaluate("window.__samePage = true")
    page.get_by_role("link", name=name, exact=True).first.click()
    page.wait_for_url(f"**/{url}")
    assert page.evaluate("window.__samePage") is True, "the click reloaded the page"


def test_ticked_tasks_count_on_my_progress_after_instant_navigation(page):
    role, pathway = next((r, p) for r, p in CATALOG.pathways.items() if len(p.roadmap) > 1)
    page.goto(f"pathways/{role}/")
    first = pathway.roadmap[0]
    for task in first.tasks:
        page.get_by_text(task, exact=True).click()  # the label, as a reader clicks it
    other = page.get_by_role("checkbox", name=pathway.action_plan.this_week[0])
    other.focus()
    page.keyboard.press("Space")
    store = saved(page)
    assert len(store["tasks"][role]) == len(first.tasks) + 1

    go_by_instant_navigation(page, "My progress", PROGRESS)
    expect_counts(page, store)
    summary = journey.summary(store, CATALOG, role)
    assert (summary.tasks_done, summary.weeks_covered) == (len(first.tasks) + 1, first.weeks)

    go_by_instant_navigation(page, pathway.target_role, f"pathways/{role}/")
    expect(page.get_by_role("checkbox", name=first.tasks[0])).to_be_checked()
    expect(page.get_by_role("checkbox", name=pathway.action_plan.this_week[0])).to_be_checked()
    expect(page.get_by_role("checkbox", name=pathway.roadmap[1].tasks[0])).not_to_be_checked()


def test_a_tick_in_another_tab_shows_here(page):
    role, pathway = next(iter(CATALOG.pathways.items()))
    task = pathway.roadmap[0].tasks[0]
    page.goto(f"pathways/{role}/")
    other = page.context.new_page()
    other.goto(PROGRESS)
    expect(field(other, role, "tasks")).to_contain_text("0 of")
    tab = page.context.new_page()
    tab.goto(f"pathways/{role}/")
    tab.get_by_role("checkbox", name=task).check()
    expect(page.get_by_role("checkbox", name=task)).to_be_checked()
    expect(field(other, role, "tasks")).to_contain_text("1 of")
    tab.get_by_role("checkbox", name=task).uncheck()
    expect(page.get_by_role("checkbox", name=task)).not_to_be_checked()


def test_a_skill_mastered_in_one_quiz_counts_in_both_roles(page):
    role, topic, others = shared_topic()
    page.goto(f"quizzes/{role}/")
    for question in CATALOG.quiz(role).questions:
        if question.topic == topic:
            answer(page, question)
    missed = next(q for q in CATALOG.quiz(role).questions if q.topic != topic)
    answer(page, missed, correctly=False)
    go_by_instant_navigation(page, "My progress", PROGRESS)
    store = saved(page)
    expect_counts(page, store)
    for other in others:
        summary = journey.summary(store, CATALOG, other)
        assert summary.skills_mastered >= 1
        expect(field(page, other, "skills")).to_have_text(
            f"{summary.skills_mastered} of {summary.skills_total} mastered"
        )
        if other in CATALOG.quizzes:  # nothing answered there: not "none below 80%"
            expect(field(page, other, "weakest")).to_have_text("None yet.")
    for skill_id in CATALOG.pathway(role).skills_by_id[topic].counts_as:
        item = page.locator("li", has=page.locator(f"input[value='{skill_id}']"))
        expect(item.get_by_text("Mastered in a quiz")).to_be_visible()
        expect(item.get_by_role("checkbox")).not_to_be_checked()  # a quiz, not the learner
    # Only topics below mastery are "weakest": the missed one, not the mastered one.
    weakest = field(page, role, "weakest")
    link = weakest.get_by_role("link", name=CATALOG.pathway(role).skills_by_id[missed.topic].name)
    expect(link).to_have_attribute("href", f"../../pathways/{role}/#skill-{missed.topic}")
    expect(weakest).to_contain_text("0%")
    expect(weakest).not_to_contain_text(CATALOG.pathway(role).skills_by_id[topic].name)


def test_a_skill_marked_by_hand_counts_in_every_role_that_has_it(page):
    shared = next(
        skill
        for skill in CATALOG.skills.skills
        if sum(
            any(skill.id in s.counts_as for s in p.skills_to_learn)
            for p in CATALOG.pathways.values()
        )
        > 1
    )
    page.goto(PROGRESS)
    box = page.get_by_role("checkbox", name=shared.name, exact=True)
    box.focus()
    page.keyboard.press("Space")
    expect(box).to_be_checked()
    store = saved(page)
    assert set(store["skills"]) == {shared.id}
    expect_counts(page, store)
    status = page.get_by_role("status").filter(has_text="Marked")
    expect(status).to_contain_text(shared.name)
    page.keyboard.press("Space")
    expect(box).not_to_be_checked()
    expect_counts(page, saved(page))
    assert saved(page)["skills"] == {}


def test_an_unreadable_store_is_said_and_left_as_it_is(page):
    page.goto("")
    page.evaluate(f"localStorage.setItem('{KEY}', {json.dumps(CORRUPT)})")
    role, pathway = next(iter(CATALOG.pathways.items()))
    page.goto(f"pathways/{role}/")
    alert = page.locator("[data-pw-notice]")
    expect(alert).to_have_count(1)
    expect(alert).to_contain_text("could not be read")
    box = page.get_by_role("checkbox", name=pathway.roadmap[0].tasks[0])
    box.click()
    expect(box).not_to_be_checked()
    go_by_instant_navigation(page, "My progress", PROGRESS)
    expect(page.locator("[data-pw-notice]")).to_contain_text("nothing here is saved")
    skill = CATALOG.skills.skills[0]
    page.get_by_role("checkbox", name=skill.name, exact=True).click()
    expect(page.get_by_role("checkbox", name=skill.name, exact=True)).not_to_be_checked()
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == CORRUPT


def test_without_javascript_the_page_lists_every_role_and_says_why(browser, site_server):
    context = browser.new_context(base_url=site_server, java_script_enabled=False)
    page = context.new_page()
    page.goto(PROGRESS)
    expect(page.get_by_text("there is no account")).to_be_visible()
    expect(page.get_by_text("needs JavaScript")).to_be_visible()
    for role, pathway in CATALOG.pathways.items():
        expect(page.get_by_role("heading", name=pathway.target_role, level=3)).to_be_visible()
        expect(field(page, role, "weeks")).to_have_text(f"{pathway.roadmap_weeks} weeks")
        expect(field(page, role, "tasks")).to_have_text(f"{len(journey.task_ids(pathway))} tasks")
    expect(page.locator("[data-pw-notice]")).to_be_hidden()
    context.close()


def test_a_pathway_written_in_a_test_appears_on_my_progress(browser, tmp_path):
    taken = set(CATALOG.pathways)
    role = next(f"written-role-{n}" for n in range(1, 100) if f"written-role-{n}" not in taken)
    pathway, quiz = complete_pathway_and_quiz(role, "Written Engineer")
    project = make_project(tmp_path, {f"{role}.yaml": pathway}, {f"{role}.yaml": quiz})
    site = tmp_path / "site"
    assert build_site(project, site) == []
    from macros.catalog import load_catalog

    catalog = load_catalog(project)
    with serve(site) as base:
        context = browser.new_context(base_url=base)
        page = context.new_page()
        page.goto(f"pathways/{role}/")
        page.get_by_role("checkbox", name=pathway["roadmap"][0]["tasks"][0]).check()
        go_by_instant_navigation(page, "My progress", PROGRESS)
        expect(page.get_by_role("heading", name="Written Engineer", level=3)).to_be_visible()
        expect_counts(page, saved(page), catalog)
        expect(field(page, role, "tasks")).to_contain_text("1 of")
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_my_progress(browser, site_server, scheme):
    context = browser.new_context(base_url=site_server, color_scheme=scheme)
    page = context.new_page()
    page.goto(PROGRESS)
    found = {"empty": axe_violations(page)}
    role, topic, _ = shared_topic()
    page.goto(f"quizzes/{role}/")
    questions = [q for q in CATALOG.quiz(role).questions if q.topic == topic]
    answer(page, questions[0], correctly=False)
    for question in questions[1:]:
        answer(page, question)
    page.goto(PROGRESS)
    page.get_by_role("checkbox", name=CATALOG.skills.skills[0].name, exact=True).check()
    found["with progress"] = axe_violations(page)
    page.evaluate(f"localStorage.setItem('{KEY}', {json.dumps(CORRUPT)})")
    page.reload()
    found["unreadable store"] = axe_violations(page)
    context.close()
    found = {state: violations for state, violations in found.items() if violations}
    assert found == {}, json.dumps(found, indent=1)
