"""The quiz page in a real headless Chromium: honest scoring, progress that survives, a page that
guides (skip link, progress panel, no layout shift, Back to the same question)."""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Iterator

import pytest
from conftest import ROOT, build_site, serve
from quiz_actions import answer, fill, picks, section, typed_key

from macros.catalog import load_catalog
from macros.models import MultipleChoice, SingleChoice
from macros.render import shown_options

pytestmark = pytest.mark.browser

CATALOG = load_catalog(ROOT)
ROLE = "ai-model-optimizer"
QUIZ = CATALOG.quiz(ROLE)
URL = f"quizzes/{ROLE}/"
STORE = "pathways:progress"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def first_of(kind):
    return next(q for q in QUIZ.questions if isinstance(q, kind))


def saved(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{STORE}')") or "null")


def stat(page, name: str) -> str:
    return page.locator(f"[data-pw-stat='{name}']").inner_text()


@pytest.mark.parametrize("role", list(CATALOG.quizzes))
def test_taking_a_quiz_by_the_keys_scores_100_percent(page, role):
    quiz = CATALOG.quiz(role)
    page.goto(f"quizzes/{role}/")
    for question in quiz.questions:
        feedback = answer(page, question).locator(".pw-feedback").inner_text()
        assert feedback.startswith("✓ Right, and scored"), question.id
    total = len(quiz.questions)
    assert page.locator(".pw-score").inner_text() == (
        f"Quiz complete: {total} of {total} right (100%)."
    )
    assert stat(page, "score") == "100%"
    stored = saved(page)["quizzes"][role]
    assert {entry["first"]["status"] for entry in stored.values()} == {"right"}
    assert set(stored) == {q.id for q in quiz.questions}


def test_options_are_shown_in_the_shuffled_order_with_its_letters(page):
    page.goto(URL)
    for question in (first_of(SingleChoice), first_of(MultipleChoice)):
        labels = section(page, question).locator(".pw-option")
        shown = shown_options(question)
        values = labels.locator("input").evaluate_all("els => els.map(e => e.value)")
        assert values == [o.id for o in shown]
        letters = labels.locator(".pw-letter").all_inner_texts()
        assert letters == [f"{o.letter})" for o in shown]
        key_letters = [o.letter for o in shown if o.correct]
        answer_line = section(page, question).locator("details p").first.text_content()
        assert all(f"{letter})" in answer_line for letter in key_letters)


def test_a_wrong_then_right_sequence_is_scored_wrong(page):
    question = first_of(SingleChoice)
    page.goto(URL)
    scope = answer(page, question, correctly=False)
    assert scope.locator(".pw-feedback").inner_text().startswith("✗ Wrong, and scored")
    answer(page, question, correctly=True)
    assert scope.locator(".pw-feedback").inner_text().startswith("Practice: this try is not scored")
    assert scope.get_attribute("data-pw-result") == "wrong"
    assert stat(page, "correct") == "0"
    entry = saved(page)["quizzes"][ROLE][question.id]
    assert (entry["first"]["status"], entry["last"]["status"]) == ("wrong", "right")
    page.reload()
    assert section(page, question).get_attribute("data-pw-result") == "wrong"
    assert stat(page, "correct") == "0"


def comma_form(question) -> str | None:
    """The key written with a decimal comma, if it has a fraction and cannot read as 1,000."""
    text = typed_key(question)
    if "." not in text or "e" in text.lower() or re.fullmatch(r"-?[1-9]\d{0,2}\.\d{3}", text):
        return None
    return text.replace(".", ",")


def test_a_decimal_comma_and_the_unit_are_accepted_on_a_numeric_question(page):
    question, typed = next(
        (q, comma_form(q))
        for quiz in CATALOG.quizzes.values()
        for q in quiz.questions
        if q.type == "numeric" and comma_form(q)
    )
    if question.answer.unit:
        typed += f" {question.answer.unit}"
    page.goto(f"quizzes/{next(r for r, z in CATALOG.quizzes.items() if question in z.questions)}/")
    scope = answer(page, question, typed=typed)
    assert scope.locator(".pw-feedback").inner_text().startswith("✓ Right"), typed


def test_an_unreadable_number_says_what_to_type_and_is_not_scored(page):
    question = next(q for q in QUIZ.questions if q.type == "numeric")
    page.goto(URL)
    scope = answer(page, question, typed="about five")
    assert "Type a number" in scope.locator(".pw-feedback").inner_text()
    assert scope.get_attribute("data-pw-result") is None
    assert saved(page) is None


def test_two_tabs_merge_their_answers(browser, site_server):
    context = browser.new_context(base_url=site_server)
    first_tab, second_tab = context.new_page(), context.new_page()
    first_tab.goto(URL)
    second_tab.goto(URL)  # both loaded before either answers
    one, two = QUIZ.questions[0], QUIZ.questions[1]
    answer(first_tab, one)
    answer(second_tab, two, correctly=False)
    # The other tab hears of the answer without a reload.
    assert section(second_tab, one).get_attribute("data-pw-result") == "right"
    answer(first_tab, QUIZ.questions[2])  # a later save in the first tab keeps the second's
    for tab in (first_tab, second_tab):
        tab.reload()
        assert section(tab, one).get_attribute("data-pw-result") == "right"
        assert section(tab, two).get_attribute("data-pw-result") == "wrong"
        assert stat(tab, "answered").startswith("3 of")
    context.close()


def test_reset_asks_first_and_undo_restores_the_exact_state(page):
    page.goto(URL)
    answer(page, QUIZ.questions[0])
    answer(page, QUIZ.questions[1], correctly=False)
    before = saved(page)
    page.get_by_role("button", name="Reset this quiz").click()
    dialog = page.get_by_role("dialog", name="Reset this quiz?")
    assert dialog.is_visible()
    dialog.get_by_role("button", name="Cancel").click()
    assert saved(page) == before  # asking changed nothing
    page.get_by_role("button", name="Reset this quiz").click()
    page.get_by_role("button", name="Yes, reset").click()
    assert page.locator("[data-pw-result]").count() == 0
    assert page.locator(".pw-quiz input:checked").count() == 0
    assert ROLE not in saved(page)["quizzes"]
    page.get_by_role("button", name="Undo reset").click()
    assert saved(page) == before
    assert section(page, QUIZ.questions[1]).get_attribute("data-pw-result") == "wrong"
    page.reload()
    assert stat(page, "answered").startswith("2 of")


def test_after_a_reload_results_show_with_the_explanation_closed(page):
    question = first_of(SingleChoice)
    page.goto(URL)
    answer(page, question, correctly=False)
    assert section(page, question).locator("details").get_attribute("open") is not None
    page.reload()
    scope = section(page, question)
    assert scope.get_attribute("data-pw-result") == "wrong"
    assert scope.locator("details").get_attribute("open") is None
    assert scope.locator(".pw-feedback").inner_text() == "✗ Scored wrong."
    wrong_pick = picks(question, correctly=False).pop()
    key = picks(question, correctly=True).pop()
    picked = scope.locator(f"label:has(input[value='{wrong_pick}'])")
    keyed = scope.locator(f"label:has(input[value='{key}'])")
    assert picked.locator("input").is_checked()
    assert picked.locator(".pw-mark").inner_text() == "✗ your answer"
    assert keyed.locator(".pw-mark").inner_text() == "✓ correct answer"
    # The mark stays on one line (never a narrow third column) and shows as a shape, not colour.
    for label in (picked, keyed):
        mark = label.locator(".pw-mark").evaluate(
            "m => ({h: m.getBoundingClientRect().height, "
            "line: parseFloat(getComputedStyle(m).lineHeight)})"
        )
        assert mark["h"] < 1.5 * mark["line"] + 4, mark
    styles = [
        label.evaluate("l => getComputedStyle(l).borderTopStyle") for label in (picked, keyed)
    ]
    assert styles == ["dashed", "solid"]


def test_retry_clears_the_missed_questions_and_keeps_the_score(page):
    missed, right = QUIZ.questions[0], QUIZ.questions[1]
    page.goto(URL)
    answer(page, missed, correctly=False)
    answer(page, right)
    page.get_by_role("button", name="Retry the ones I missed").click()
    scope = section(page, missed)
    assert scope.locator("input:checked").count() == 0
    assert (
        scope.locator("input.pw-input").count() == 0
        or not scope.locator("input.pw-input").input_value()
    )
    assert scope.locator(".pw-feedback").inner_text().startswith("Practice")
    assert section(page, right).locator("input:checked").count() > 0 or (
        section(page, right).locator("input.pw-input").input_value()
    )
    assert stat(page, "correct") == "1"
    answer(page, missed)
    assert scope.locator(".pw-feedback").inner_text().startswith("Practice: this try")
    assert stat(page, "correct") == "1"


@pytest.mark.parametrize(
    "stored",
    ["{not json", '{"format": "backend-ai-pathways-progress", "version": 99, "quizzes": {}}'],
)
def test_unreadable_progress_is_left_alone_with_a_notice_and_can_be_replaced(page, stored):
    page.goto(URL)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORE, stored])
    page.reload()
    notice = page.locator(".pw-notice")
    assert notice.is_visible() and "could not be read" in notice.inner_text()
    answer(page, QUIZ.questions[0])  # the page still works, and does not overwrite the data
    assert page.evaluate(f"localStorage.getItem('{STORE}')") == stored
    notice.get_by_role("button", name="Replace it with fresh progress").click()
    page.get_by_role("button", name="Yes, replace").click()
    assert QUIZ.questions[0].id in saved(page)["quizzes"][ROLE]
    assert notice.is_hidden()
    page.get_by_role("button", name="Undo reset").click()
    assert page.evaluate(f"localStorage.getItem('{STORE}')") == stored


def test_saved_answers_of_a_changed_question_are_not_shown(page):
    question = first_of(SingleChoice)
    page.goto(URL)
    answer(page, question)
    store = saved(page)
    store["quizzes"][ROLE][question.id]["fingerprint"] = "an-older-one"
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORE, json.dumps(store)])
    page.reload()
    assert section(page, question).get_attribute("data-pw-result") is None


def test_the_skip_link_reaches_the_first_control_in_three_tabs(page):
    page.goto(URL)
    first_control = f"section[data-pw-question='{QUIZ.questions[0].id}'] .pw-form input"
    tabs = 0
    for _ in range(3):
        page.keyboard.press("Tab")
        tabs += 1
        if page.evaluate("document.activeElement.matches('.pw-skip')"):
            assert page.evaluate("document.activeElement.textContent.trim()") == (
                "Skip to the first question"
            )
            page.keyboard.press("Enter")
        if page.evaluate("s => document.activeElement.matches(s)", first_control):
            break
    else:
        raise AssertionError("three Tab presses did not reach the first question")
    assert tabs <= 3


def test_the_progress_panel_sits_in_the_right_column_and_follows_the_answers(browser, site_server):
    context = browser.new_context(base_url=site_server, viewport=DESKTOP)
    page = context.new_page()
    page.goto(URL)
    panel = page.locator(".pw-panel")
    questions = page.locator(".pw-questions").bounding_box()
    assert panel.bounding_box()["x"] >= questions["x"] + questions["width"]
    total = len(QUIZ.questions)
    assert stat(page, "answered") == f"0 of {total}"
    answer(page, QUIZ.questions[0])
    answer(page, QUIZ.questions[1], correctly=False)
    assert (stat(page, "answered"), stat(page, "correct")) == (f"2 of {total}", "1")
    assert (stat(page, "remaining"), stat(page, "score")) == (str(total - 2), "50%")
    jump = page.locator(f"[data-pw-jump='{QUIZ.questions[1].id}']")
    assert jump.get_attribute("aria-label") == "Question 2: scored wrong"
    assert panel.is_visible()  # sticky: still in view after the page scrolled
    middle = QUIZ.questions[len(QUIZ.questions) // 2]
    page.locator(f"[data-pw-jump='{middle.id}']").click()
    page.wait_for_timeout(300)
    header = page.locator(".md-header").bounding_box()
    top = section(page, middle).bounding_box()["y"]
    assert header["height"] <= top < DESKTOP["height"] / 4  # just below the header
    context.close()


def test_on_a_phone_the_panel_is_a_bar_under_the_header(browser, site_server):
    context = browser.new_context(base_url=site_server, viewport=PHONE, is_mobile=True)
    page = context.new_page()
    page.goto(URL)
    answer(page, QUIZ.questions[5])
    header = page.locator(".md-header").bounding_box()
    bar = page.locator(".pw-panel").bounding_box()
    assert abs(bar["y"] - (header["y"] + header["height"])) < 2
    assert bar["height"] < PHONE["height"] / 6
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    # Scrolling back up shows Material's "Back to top": below the bar, not over its jump links.
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(300)
    page.mouse.wheel(0, -600)
    page.locator(".md-top:not([hidden])").wait_for()
    bar = page.locator(".pw-panel").bounding_box()
    assert page.locator(".md-top").bounding_box()["y"] >= bar["y"] + bar["height"]
    context.close()


CLS_OBSERVER = """
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const s of list.getEntries()) if (!s.hadRecentInput) window.__shifts.push(s.value);
}).observe({type: "layout-shift", buffered: true});
"""


def layout_shift(page) -> float:
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    return page.evaluate("window.__shifts.reduce((a, b) => a + b, 0)")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_quiz_page_does_not_shift(browser, site_server, viewport):
    context = browser.new_context(base_url=site_server, viewport=viewport)
    context.add_init_script(CLS_OBSERVER)
    page = context.new_page()
    page.goto(URL)
    assert layout_shift(page) == 0
    for question in QUIZ.questions[:3]:
        answer(page, question, correctly=False)
    page.reload()  # the saved results are painted into the page
    assert layout_shift(page) == 0
    context.close()


@pytest.fixture(scope="module")
def deployed_site(tmp_path_factory) -> Iterator[str]:
    """The site built for the address it is served at, as deployed: Material's instant navigation
    only follows links that its sitemap lists under the site URL."""
    site = tmp_path_factory.mktemp("deployed")
    with serve(site) as url:
        before = os.environ.get("SITE_URL")
        os.environ["SITE_URL"] = url
        try:
            build_site(ROOT, site)
        finally:
            if before is None:
                del os.environ["SITE_URL"]
            else:
                os.environ["SITE_URL"] = before
        yield url


def middle_question_in_view(page):
    question = QUIZ.questions[len(QUIZ.questions) // 2]
    page.locator(f"[data-pw-jump='{question.id}']").click()
    page.wait_for_timeout(300)
    return question, section(page, question).bounding_box()["y"]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("fetch_delay", [0, 0.3], ids=["fast", "slow-network"])
def test_back_after_a_topic_link_returns_to_the_same_question(
    browser, deployed_site, viewport, fetch_delay
):
    context = browser.new_context(base_url=deployed_site, viewport=viewport)
    page = context.new_page()
    page.goto(URL)
    answer(page, QUIZ.questions[0])  # its explanation opens above the question we read
    question, before = middle_question_in_view(page)
    page.evaluate("window.sameDocument = true")
    section(page, question).locator(".pw-question-meta a").first.click()  # its topic link
    page.wait_for_url(f"**/pathways/{ROLE}/#skill-{question.topic}")
    page.wait_for_timeout(300)
    # Slower than Material's 100 ms offset tracker, which then saves the page being left.
    page.route(f"**/{URL}", lambda route: (time.sleep(fetch_delay), route.continue_()))
    page.go_back()
    page.wait_for_url(f"**/{URL}*")
    page.wait_for_selector("[data-pw-quiz][data-pw-mounted]", state="attached")
    page.wait_for_timeout(500)
    assert page.evaluate("window.sameDocument"), "instant navigation was not used"
    assert page.evaluate("location.hash") in ("", f"#{question.id}")
    assert abs(section(page, question).bounding_box()["y"] - before) < 2
    assert page.locator(".pw-form").first.is_visible()  # mounted again after instant navigation
    context.close()


def test_a_reload_returns_to_the_same_question(browser, site_server):
    context = browser.new_context(base_url=site_server, viewport=DESKTOP)
    page = context.new_page()
    page.goto(URL)
    answer(page, QUIZ.questions[0])
    question, before = middle_question_in_view(page)
    page.reload()
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    first = section(page, QUIZ.questions[0])
    assert first.locator("details").get_attribute("open") is None  # so the page is shorter
    assert abs(section(page, question).bounding_box()["y"] - before) < 2
    context.close()


def test_search_does_not_spoil_the_quiz(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text())
    quiz_text = " ".join(d["text"] for d in index["docs"] if d["location"].startswith(URL))
    question = first_of(SingleChoice)
    prompt_words = re.sub(r"[`*_]", "", question.prompt).split()[:6]
    assert " ".join(prompt_words) in quiz_text
    option = next(o.text for o in question.options if o.correct)
    explanation = re.sub(r"[`*_]", "", question.explanation).split(". ")[0]
    assert option not in quiz_text
    assert explanation[:60] not in quiz_text
    assert question.reference.title not in quiz_text


def test_the_score_table_looks_like_materials_and_breaks_no_word_on_a_phone(browser, site_server):
    context = browser.new_context(base_url=site_server, viewport=PHONE, is_mobile=True)
    page = context.new_page()
    page.goto(URL)
    for question in QUIZ.questions:
        fill(page, question, correctly=question is not QUIZ.questions[0])
        section(page, question).get_by_role("button", name="Check answer").click()
    table = page.locator(".pw-summary table")
    table.scroll_into_view_if_needed()
    style = table.evaluate(
        "t => { const s = getComputedStyle(t); const th = getComputedStyle(t.querySelector('th'));"
        " return {border: s.borderTopWidth, th: th.fontWeight}; }"
    )
    assert style["border"] != "0px" and style["th"] == "700"
    broken = table.evaluate(
        """t => {
        const broken = [];
        for (const cell of t.querySelectorAll('th, td')) {
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const match of node.data.matchAll(/\\S+/g)) {
              const range = document.createRange();
              range.setStart(node, match.index);
              range.setEnd(node, match.index + match[0].length);
              const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
              if (lines.size > 1) broken.push(match[0]);
            }
          }
        }
        return broken;
      }"""
    )
    assert broken == []
    box = table.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    review = page.locator(".pw-summary a", has_text="Review")
    assert review.count() >= 1
    transferable = {s.id for s in CATALOG.pathway(ROLE).transferable_skills}
    for topic in transferable & set(QUIZ.topics):
        row = page.locator(f"[data-pw-topic-row='{topic}']")
        assert row.locator("a").count() == 0
    context.close()


def test_the_store_keeps_the_first_answer_and_merges_tabs(page):
    """progress.js is pure: the rules the page relies on, checked on the module itself."""
    page.goto(URL)
    result = page.evaluate(
        """async () => {
        const p = await import(new URL("../../javascripts/progress.js", location.href));
        let mine = p.emptyStore();
        mine = p.record(mine, "r", "q", "fp", ["a"], "wrong", "2026-01-02T00:00:00Z");
        mine = p.record(mine, "r", "q", "fp", ["b"], "right", "2026-01-03T00:00:00Z");
        let theirs = p.record(p.emptyStore(), "r", "q", "fp", ["b"], "right",
                              "2026-01-01T00:00:00Z");
        theirs = p.record(theirs, "r", "other", "fp", "4", "right", "2026-01-04T00:00:00Z");
        const merged = p.mergeQuiz(mine.quizzes.r, theirs.quizzes.r);
        const versioned = JSON.stringify({...mine, version: 2});
        return {
          scored: [mine.quizzes.r.q.first.status, mine.quizzes.r.q.last.status],
          merged: [merged.q.first.at, merged.q.last.at, Object.keys(merged).sort()],
          read: [p.parseStore(null).problem, !!p.parseStore("{").problem,
                 !!p.parseStore(versioned).problem, !!p.parseStore("[1]").problem],
          stale: p.usable(mine.quizzes.r.q, "another", ["a", "b"]),
          goneOption: p.usable(mine.quizzes.r.q, "fp", ["b", "c"]),
          reset: p.withoutQuiz(mine, "r").quizzes,
        };
      }"""
    )
    assert result["scored"] == ["wrong", "right"]
    assert result["merged"] == ["2026-01-01T00:00:00Z", "2026-01-03T00:00:00Z", ["other", "q"]]
    assert result["read"] == [None, True, True, True]
    assert result["stale"] is None and result["goneOption"] is None
    assert result["reset"] == {}
