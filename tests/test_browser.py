"""The site in a real headless Chromium: quizzes on the page, progress, keyboard, axe-core."""

from __future__ import annotations

import json
from pathlib import Path

import axe_playwright_python
import pytest
from conftest import ROOT, build_site, example_project, serve
from factories import quiz_data, write_yaml
from playwright.sync_api import expect
from quiz_actions import answer, typed_key

from macros.catalog import load_catalog
from macros.models import MultipleChoice, SingleChoice
from macros.render import shown_options

pytestmark = pytest.mark.browser

CATALOG = load_catalog(ROOT)
ROLE = "ai-model-optimizer"
AXE = Path(axe_playwright_python.__file__).parent / "axe.min.js"


def quiz_url(role=ROLE):
    return f"quizzes/{role}/"


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
        assert numeric.get_attribute("data-pw-result") == "right"
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
    press_tab_until(page, ".pw-skip")  # past the header and the progress panel's jump links
    page.keyboard.press("Enter")
    for question in quiz.questions:
        scope = f"section[data-pw-question='{question.id}']"
        press_tab_until(page, f"{scope} input")
        if isinstance(question, SingleChoice | MultipleChoice):
            keys = [o.correct for o in shown_options(question)]
        if isinstance(question, SingleChoice):
            # Tab lands on the first radio; arrows move the choice.
            for _ in range(keys.index(True)):
                page.keyboard.press("ArrowDown")
            if keys[0]:
                page.keyboard.press("Space")
        elif isinstance(question, MultipleChoice):
            for index, correct in enumerate(keys):
                if index:
                    page.keyboard.press("Tab")
                if correct:
                    page.keyboard.press("Space")
        else:
            page.keyboard.type(typed_key(question))
        press_tab_until(page, f"{scope} button")
        page.keyboard.press("Enter")
        assert page.locator(f"{scope} .pw-feedback").inner_text().startswith("✓ Right"), question.id
    total = len(quiz.questions)
    assert (
        page.locator(".pw-score").inner_text() == f"Quiz complete: {total} of {total} right (100%)."
    )
    press_tab_until(page, ".pw-reset")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.textContent") == "Cancel"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")  # "Yes, reset"
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


def axe_violations(page) -> list[dict]:
    # The pointer leaves the last button it clicked, and its hover colours finish their transition.
    page.mouse.move(0, page.viewport_size["height"] - 1)
    page.wait_for_timeout(300)
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in results["violations"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_axe_finds_no_violations(browser, site_server, path, scheme):
    context = browser.new_context(base_url=site_server, color_scheme=scheme)
    page = context.new_page()
    page.goto(path)
    found = {"fresh": axe_violations(page)}
    if path == quiz_url():  # also the states a learner brings about
        quiz = CATALOG.quiz(ROLE)
        answer(page, quiz.questions[0], correctly=False)
        found["answered wrong"] = axe_violations(page)
        for question in quiz.questions[1:]:
            answer(page, question)
        page.get_by_role("button", name="Retry the ones I missed").click()
        found["summary shown, retrying"] = axe_violations(page)
        page.get_by_role("button", name="Reset this quiz").click()
        found["asked to reset"] = axe_violations(page)
    context.close()
    found = {state: violations for state, violations in found.items() if violations}
    assert found == {}, json.dumps(found, indent=1)
