""" "Which role fits me" in a real Chromium: answering by keyboard, the ranking and every reason
checked against points computed here from the pathway data, quiz scores from the store, a
pathway written in a test, axe-core, and the page with JavaScript off."""

from __future__ import annotations

import json
import math

import pytest
from conftest import build_site, make_project, serve
from factories import complete_pathway_and_quiz
from playwright.sync_api import expect
from test_browser import CATALOG, axe_violations

from macros import fit
from macros.grading import percent
from macros.progress import FORMAT, VERSION

pytestmark = pytest.mark.browser
PAGE = "journey/fit/"
ROLES = list(CATALOG.pathways)
PATHWAYS = list(CATALOG.pathways.values())
STARTS = fit.month_starts(CATALOG)


def half_up(value: float) -> int:
    return math.floor(value + 0.5)


def expected_points(liked: set[str], known: set[str], months: int | None, scores=None):
    """Each role's points as the page says it makes them, from the data alone."""
    points = {}
    for role, pathway in CATALOG.pathways.items():
        total = fit.LIKE_POINTS * sum(
            t in liked for t in [pathway.suits, *pathway.reality_check.love]
        )
        weeks = [s.weeks for s in pathway.skills_to_learn if isinstance(s.weeks, int)]
        for skill in pathway.skills_to_learn:
            if isinstance(skill.weeks, int) and set(skill.counts_as) <= known:
                total += half_up(fit.SKILL_POINTS * skill.weeks / sum(weeks))
        fewest = pathway.timeline.min_months if pathway.timeline else pathway.headline_months
        if fewest is not None and months is not None and months >= fewest:
            total += fit.TIME_POINTS
        if scores and role in scores:
            total += half_up(fit.QUIZ_POINTS * scores[role] / 100)
        points[role] = total
    return points


def shown_ranking(page) -> list[tuple[str, int]]:
    pairs = page.locator("#pw-fit-ranking > li").evaluate_all(
        "ls => ls.map(l => [l.dataset.pwRole, +l.querySelector('h3 b').textContent])"
    )
    return [(role, points) for role, points in pairs]


def shown_reasons(page, role: str) -> list[str]:
    return page.locator(f"#pw-fit-ranking > li[data-pw-role='{role}'] li[data-pw-w]").evaluate_all(
        "ls => ls.filter(l => !l.hidden).map(l => l.textContent.replace(/\\s+/g, ' ').trim())"
    )


def ranked(points: dict[str, int]) -> list[tuple[str, int]]:
    return sorted(points.items(), key=lambda item: -item[1])  # stable: ties in the data's order


def months_label(start: int) -> str:
    return next(c.text for c in fit.month_choices(STARTS) if c.input_id == fit.months_id(start))


def press(page, locator, key: str = "Space"):
    locator.focus()
    page.keyboard.press(key)


def test_answering_by_keyboard_ranks_the_roles_with_their_reasons(page):
    page.goto(PAGE)
    expect(page.locator("#pw-fit-ranking")).to_be_visible()
    assert shown_ranking(page) == [(role, 0) for role in ROLES]
    last, first = PATHWAYS[-1], PATHWAYS[0]
    liked = {last.suits, first.reality_check.love[0]}
    for text in liked:
        press(page, page.get_by_role("checkbox", name=text, exact=True))
    known = {i for skill in last.skills_to_learn[:2] for i in skill.counts_as}
    names = fit.questionnaire(CATALOG)
    skill_names = {c.input_id: c.text for c in names.brought + names.taught}
    for skill_id in sorted(known):
        name = skill_names[fit.know_id(skill_id)]
        press(page, page.get_by_role("checkbox", name=name, exact=True))
    # Arrow keys move the months choice, from "Not answered" to the first range that reaches one.
    press(page, page.get_by_role("radio", name="Not answered"), "ArrowDown")
    press(page, page.get_by_role("radio", name=months_label(0)), "ArrowDown")
    expect(page.get_by_role("radio", name=months_label(STARTS[0]))).to_be_checked()

    points = expected_points(liked, known, STARTS[0])
    assert shown_ranking(page) == ranked(points)
    top, top_points = ranked(points)[0]
    expect(page.get_by_role("status")).to_have_text(
        f"First: {CATALOG.pathway(top).target_role}: {top_points} points"
    )
    # Every reason shown is one the data gives, with its points; none other is shown.
    for role, pathway in CATALOG.pathways.items():
        reasons = shown_reasons(page, role)
        expected = [f"+{fit.LIKE_POINTS} points: You like {pathway.suits}"] * (
            pathway.suits in liked
        )
        expected += [
            f"+{fit.LIKE_POINTS} points: You would enjoy “{item}”"
            for item in pathway.reality_check.love
            if item in liked
        ]
        total = sum(s.weeks for s in pathway.skills_to_learn if isinstance(s.weeks, int))
        for skill in pathway.skills_to_learn:
            if set(skill.counts_as) <= known:
                weeks = skill.weeks if isinstance(skill.weeks, int) else 0
                share = half_up(fit.SKILL_POINTS * weeks / total) if weeks else 0
                expected.append(f"+{share} points: You know {skill.name}")
        fewest = pathway.timeline.min_months if pathway.timeline else pathway.headline_months
        if fewest is not None and STARTS[0] >= fewest:
            expected.append(f"+{fit.TIME_POINTS} points: Your months reach its timeline")
        assert len(reasons) == len(expected), (role, reasons)
        for shown, start in zip(reasons, expected, strict=True):
            assert shown.startswith(start), (shown, start)
    # Unticking takes the points away again.
    for text in liked:
        press(page, page.get_by_role("checkbox", name=text, exact=True))
    assert shown_ranking(page) == ranked(expected_points(set(), known, STARTS[0]))


def store_with_answers(role: str, right: int, wrong: int) -> dict:
    """A saved store: the role's first questions answered (right, then wrong), and one more
    question answered under an old fingerprint, which must not count."""
    questions = CATALOG.quiz(role).questions
    entries = {}
    for index, question in enumerate(questions[: right + wrong + 1]):
        status = "right" if index < right else "wrong"
        attempt = {"answer": "x", "status": status, "at": "2026-01-01T00:00:00.000Z"}
        fingerprint = question.fingerprint if index < right + wrong else "old"
        entries[question.id] = {"fingerprint": fingerprint, "first": attempt, "last": attempt}
    return {"format": FORMAT, "version": VERSION, "quizzes": {role: entries}}


def test_a_saved_quiz_score_gives_its_role_points_and_says_so(page, browser, site_server):
    role = next(r for r in ROLES if r in CATALOG.quizzes)
    page.goto(PAGE)
    store = store_with_answers(role, right=2, wrong=1)
    page.evaluate("s => localStorage.setItem('pathways:progress', s)", json.dumps(store))
    page.reload()
    score = percent(2, 3)
    quiz_points = half_up(fit.QUIZ_POINTS * score / 100)
    expect(page.locator(f"li[data-pw-role='{role}'] h3 b")).to_have_text(str(quiz_points))
    assert shown_reasons(page, role) == [
        f"+{quiz_points} points: You scored {score}% on its self-check "
        "(your first answers, to the questions you answered)"
    ]
    assert shown_ranking(page) == ranked(expected_points(set(), set(), None, {role: score}))
    # Another tab answers more: this one follows without a reload.
    other = page.context.new_page()
    other.goto(PAGE)
    more = store_with_answers(role, right=3, wrong=1)
    other.evaluate("s => localStorage.setItem('pathways:progress', s)", json.dumps(more))
    score = percent(3, 4)
    expect(page.locator(f"li[data-pw-role='{role}'] li[data-pw-questions]")).to_contain_text(
        f"You scored {score}% on its self-check"
    )


def test_an_unreadable_store_is_said_and_left_alone(page):
    page.goto(PAGE)
    page.evaluate("localStorage.setItem('pathways:progress', '{not json')")
    page.reload()
    expect(page.locator(".pw-fit-results .pw-notice")).to_be_visible()
    press(page, page.get_by_role("checkbox", name=PATHWAYS[0].suits, exact=True))
    assert shown_ranking(page)[0] == (ROLES[0], fit.LIKE_POINTS)
    assert page.evaluate("localStorage.getItem('pathways:progress')") == "{not json"


def test_it_works_after_instant_navigation(page):
    page.goto(f"pathways/{ROLES[0]}/")
    page.evaluate("window.__sameDocument = true")
    page.locator(".md-nav--primary").get_by_role("link", name="Which role fits me").first.click()
    page.wait_for_url(f"**/{PAGE}")
    press(page, page.get_by_role("checkbox", name=PATHWAYS[-1].suits, exact=True))
    assert shown_ranking(page)[0] == (ROLES[-1], fit.LIKE_POINTS)
    assert page.evaluate("window.__sameDocument") is True, "the click reloaded the page"


def test_a_pathway_written_in_a_test_is_in_the_self_assessment(browser, tmp_path):
    pathway, quiz = complete_pathway_and_quiz("ml-security-engineer", "ML Security Engineer")
    pathway["suits"] = "threat modelling"
    project = make_project(
        tmp_path,
        pathways={"ml-security-engineer.yaml": pathway},
        quizzes={"ml-security-engineer.yaml": quiz},
    )
    site = tmp_path / "site"
    assert build_site(project, site) == []
    with serve(site) as base:
        context = browser.new_context(base_url=base)
        page = context.new_page()
        page.goto(PAGE)
        press(page, page.get_by_role("checkbox", name="threat modelling", exact=True))
        first = page.locator("#pw-fit-ranking > li").first
        expect(first.locator("h3")).to_have_text(f"ML Security Engineer: {fit.LIKE_POINTS} points")
        expect(first.get_by_role("link", name="Take the quiz")).to_have_attribute(
            "href", f"{base}quizzes/ml-security-engineer/"
        )
        expect(page.locator("table.pw-fit-data")).to_contain_text("threat modelling")
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_before_and_after_answering(browser, site_server, scheme):
    context = browser.new_context(base_url=site_server, color_scheme=scheme)
    page = context.new_page()
    page.goto(PAGE)
    role = next(r for r in ROLES if r in CATALOG.quizzes)
    page.evaluate(
        "s => localStorage.setItem('pathways:progress', s)",
        json.dumps(store_with_answers(role, right=1, wrong=1)),
    )
    found = {"fresh": axe_violations(page)}
    page.reload()
    for pathway in PATHWAYS:
        page.get_by_role("checkbox", name=pathway.suits, exact=True).check()
    page.get_by_role("radio", name=months_label(STARTS[-1])).check()
    page.locator("#pw-fit-ranking details").first.locator("summary").click()
    found["answered, a quiz score and the counterpoint shown"] = axe_violations(page)
    context.close()
    found = {state: violations for state, violations in found.items() if violations}
    assert found == {}, json.dumps(found, indent=1)


def test_without_javascript_the_questions_and_the_data_still_read(browser, site_server):
    context = browser.new_context(base_url=site_server, java_script_enabled=False)
    page = context.new_page()
    page.goto(PAGE)
    expect(
        page.get_by_role("group", name="What you like doing in backend work today")
    ).to_be_visible()
    expect(page.locator(".pw-fit-results")).to_be_hidden()
    rows = page.locator("table.pw-fit-data tbody tr")
    expect(rows).to_have_count(len(PATHWAYS))
    for row, pathway in zip(rows.all(), PATHWAYS, strict=True):
        expect(row.locator("th")).to_have_text(pathway.target_role)
        for text in [pathway.suits, *pathway.reality_check.love]:
            expect(row).to_contain_text(text)
        for skill in pathway.skills_to_learn:
            expect(row).to_contain_text(skill.name)
    context.close()
