"""The site in a real headless Chromium: quizzes on the page, progress, keyboard, axe-core."""

from __future__ import annotations

import json
from pathlib import Path

import axe_playwright_python
import pytest
from conftest import ROOT, build_site, example_project, serve
from factories import quiz_data, write_yaml
from playwright.sync_api import expect

from macros import grading, scoring
from macros.catalog import load_catalog
from macros.models import MultipleChoice, SingleChoice

pytestmark = pytest.mark.browser

CATALOG = load_catalog(ROOT)
ROLE = "ai-model-optimizer"
AXE = Path(axe_playwright_python.__file__).parent / "axe.min.js"


def quiz_url(role=ROLE):
    return f"quizzes/{role}/"


def answer(page, question, correctly: bool = True):
    """Answer one question through its form, as a reader with a mouse would."""
    section = page.locator(f"section[data-pw-question='{question.id}']")
    key = scoring.key_answer(question)
    if isinstance(question, SingleChoice):
        choice = key if correctly else next(i for i in range(len(question.options)) if i != key)
        section.locator(f"input[value='{choice}']").check()
    elif isinstance(question, MultipleChoice):
        wanted = key if correctly else key ^ {0}
        for index in range(len(question.options)):
            section.locator(f"input[value='{index}']").set_checked(index in wanted)
    elif question.type == "numeric":
        value = key if correctly else key + question.answer.tolerance * 2 + 1
        section.locator("input.pw-input").fill(grading.format_number(value))
    else:
        section.locator("input.pw-input").fill(key if correctly else key + " nope")
    section.get_by_role("button", name="Check answer").click()
    return section


def test_taking_a_quiz_with_the_keys_scores_100_percent(page):
    quiz = CATALOG.quiz(ROLE)
    page.goto(quiz_url())
    for question in quiz.questions:
        section = answer(page, question)
        assert section.locator(".pw-feedback").inner_text().startswith("✓ Correct")
    total = len(quiz.questions)
    score = page.locator(".pw-summary .pw-score")
    assert score.inner_text() == f"Quiz complete: {total} of {total} correct (100%)."
    rows = page.locator(".pw-topics tbody tr")
    assert rows.count() == len(quiz.topics)


@pytest.mark.parametrize("role", list(CATALOG.quizzes))
def test_every_quiz_accepts_its_keys_in_the_browser(page, role):
    quiz = CATALOG.quiz(role)
    page.goto(quiz_url(role))
    for question in quiz.questions:
        answer(page, question)
    total = len(quiz.questions)
    assert (
        page.locator(".pw-score").inner_text()
        == f"Quiz complete: {total} of {total} correct (100%)."
    )


def test_a_wrong_answer_shows_the_explanation_and_reference(page):
    quiz = CATALOG.quiz(ROLE)
    question = quiz.questions[0]
    page.goto(quiz_url())
    section = answer(page, question, correctly=False)
    assert section.locator(".pw-feedback").inner_text().startswith("✗ Not quite")
    solution = section.locator("details.pw-solution")
    assert solution.get_attribute("open") is not None
    assert solution.locator(".pw-reference a").is_visible()
    assert solution.locator(".pw-reference a").get_attribute("href") == question.reference.url
    first_words = " ".join(question.explanation.split()[:3])
    assert first_words.replace("`", "") in solution.inner_text().replace("`", "")
    # The key is marked in words, not colour alone.
    assert (
        "correct answer" in section.locator("label:has(input[data-pw-correct])").first.inner_text()
    )
    weak = page.locator(".pw-topics tbody tr").filter(has_text="0 of")
    link = weak.first.locator("a")
    assert link.inner_text().startswith("Review: ")
    assert link.get_attribute("href") == f"../../pathways/{ROLE}/#skill-{question.topic}"


def test_progress_survives_a_reload_and_reset_clears_it(page):
    quiz = CATALOG.quiz(ROLE)
    page.goto(quiz_url())
    answer(page, quiz.questions[0])
    answer(page, quiz.questions[1], correctly=False)
    page.reload()
    first = page.locator(f"section[data-pw-question='{quiz.questions[0].id}']")
    second = page.locator(f"section[data-pw-question='{quiz.questions[1].id}']")
    assert first.get_attribute("data-pw-result") == "correct"
    assert second.get_attribute("data-pw-result") == "wrong"
    total = len(quiz.questions)
    assert (
        page.locator(".pw-score").inner_text()
        == f"1 of {total} correct so far; 2 answered, {total - 2} to go."
    )

    page.get_by_role("button", name="Reset this quiz").click()
    assert first.get_attribute("data-pw-result") is None
    assert page.locator(".pw-quiz input:checked").count() == 0
    page.reload()
    assert page.locator("[data-pw-result]").count() == 0
    assert page.locator(".pw-score").inner_text().startswith(f"0 of {total} correct so far")


@pytest.mark.parametrize(
    "saved",
    [
        "{not json",
        "[1, 2]",
        '{"answers": "x"}',
        '{"answers": {"%s": {"f": "stale", "a": 0, "ok": true}}}',
        '{"answers": {"%s": {"a": 99}}}',
    ],
)
def test_corrupt_or_old_saved_progress_is_ignored(page, saved):
    quiz = CATALOG.quiz(ROLE)
    page.goto(quiz_url())
    value = saved % quiz.questions[0].id if "%s" in saved else saved
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [f"pathways-quiz:v1:{ROLE}", value])
    page.reload()
    assert page.locator("[data-pw-result]").count() == 0
    answer(page, quiz.questions[0])  # the page still works
    assert page.locator(".pw-score").inner_text().startswith(f"1 of {len(quiz.questions)}")


def test_reordered_questions_keep_their_saved_answers(browser, tmp_path):
    quiz = quiz_data("example-role")
    project = example_project(tmp_path, quiz=quiz)
    site = tmp_path / "site"
    build_site(project, site)
    with serve(site) as base:
        context = browser.new_context(base_url=base)
        page = context.new_page()
        page.goto("quizzes/example-role/")
        page.locator("section[data-pw-question='example-role-numeric'] input.pw-input").fill("4")
        page.locator("section[data-pw-question='example-role-numeric'] button").click()
        quiz["questions"].reverse()
        quiz["questions"][0]["prompt"] = "Pick B, with a changed prompt."  # was the single one
        write_yaml(project / "quizzes" / "example-role.yaml", quiz)
        build_site(project, site)
        page.reload()
        ids = page.locator("section.pw-question").evaluate_all(
            "els => els.map(e => e.dataset.pwQuestion)"
        )
        assert ids[0] == "example-role-code"
        numeric = page.locator("section[data-pw-question='example-role-numeric']")
        assert numeric.get_attribute("data-pw-result") == "correct"
        assert numeric.locator("input.pw-input").input_value() == "4"
        context.close()


def press_tab_until(page, selector: str, limit: int = 60):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(
            "s => document.activeElement && document.activeElement.matches(s)", selector
        ):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_a_quiz_can_be_done_by_keyboard_alone(page):
    quiz = CATALOG.quiz(ROLE)
    page.goto(quiz_url())
    for question in quiz.questions:
        scope = f"section[data-pw-question='{question.id}']"
        press_tab_until(page, f"{scope} input")
        key = scoring.key_answer(question)
        if isinstance(question, SingleChoice):
            # Tab lands on the first radio; arrows move the choice.
            for _ in range(key):
                page.keyboard.press("ArrowDown")
            if key == 0:
                page.keyboard.press("Space")
        elif isinstance(question, MultipleChoice):
            for index in range(len(question.options)):
                if index:
                    page.keyboard.press("Tab")
                if index in key:
                    page.keyboard.press("Space")
        else:
            page.keyboard.type(grading.format_number(key) if question.type == "numeric" else key)
        press_tab_until(page, f"{scope} button")
        page.keyboard.press("Enter")
        assert page.locator(f"{scope} .pw-feedback").inner_text().startswith("✓ Correct"), (
            question.id
        )
    total = len(quiz.questions)
    assert (
        page.locator(".pw-score").inner_text()
        == f"Quiz complete: {total} of {total} correct (100%)."
    )
    press_tab_until(page, ".pw-reset")
    page.keyboard.press("Enter")
    assert page.locator("[data-pw-result]").count() == 0


def test_feedback_is_announced_by_a_live_region(page):
    page.goto(quiz_url())
    region = page.locator(".pw-question .pw-feedback").first
    assert region.get_attribute("aria-live") == "polite"
    assert region.get_attribute("role") == "status"


def test_pages_read_without_javascript(browser, site_server):
    context = browser.new_context(base_url=site_server, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"pathways/{ROLE}/")
    sections = {
        "at-a-glance": "At a glance",
        "skills-to-learn": "Skills to learn",
        "roadmap": "Roadmap",
        "reality-check": "Reality check",
        "action-plan": "Action plan",
        "salary-faq": "Salary FAQ",
    }
    for section, heading in sections.items():
        element = page.locator(f"h2#{section}")
        assert element.is_visible() and element.inner_text().startswith(heading)
    assert page.locator("#skills-to-learn ~ table.pw-skill-table").is_visible()
    assert page.locator(".pw-timeline .pw-phase").count() == 5
    page.goto(quiz_url())
    question = CATALOG.quiz(ROLE).questions[0]
    section = page.locator(f"section[data-pw-question='{question.id}']")
    assert section.locator("form").is_hidden()  # nothing that would need a script to work
    section.locator("details summary").click()
    assert section.locator("details .pw-reference a").is_visible()
    assert "Answer:" in section.locator("details").inner_text()
    context.close()


def test_instant_navigation_mounts_the_quiz(page):
    page.goto("")
    page.evaluate("window.__sameDocument = true")
    page.locator(".pw-cards a", has_text="Take the quiz").first.click()
    page.wait_for_url("**/quizzes/**")
    # The address changes before the page is swapped in: wait for the quiz, not the URL.
    expect(page.locator(".pw-form").first).to_be_visible()
    expect(page.locator(".pw-summary")).to_be_visible()
    assert page.evaluate("window.__sameDocument") is True, "the click reloaded the page"


def test_pathway_page_fits_a_phone_screen(browser, site_server):
    context = browser.new_context(
        base_url=site_server, viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    for path in ("", f"pathways/{ROLE}/", quiz_url()):
        page.goto(path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path or 'home'} scrolls sideways by {overflow}px"
    context.close()


PAGE_TYPES = [
    "",
    f"pathways/{ROLE}/",
    "pathways/ai-research-engineer/",
    quiz_url(),
    "contributing/",
    "404.html",
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_axe_finds_no_violations(browser, site_server, path, scheme):
    context = browser.new_context(base_url=site_server, color_scheme=scheme)
    page = context.new_page()
    page.goto(path)
    if path == quiz_url():  # also check the answered state
        answer(page, CATALOG.quiz(ROLE).questions[0], correctly=False)
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    violations = [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in results["violations"]
    ]
    context.close()
    assert violations == [], json.dumps(violations, indent=1)
