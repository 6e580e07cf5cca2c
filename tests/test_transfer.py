"""Export and import on "My progress", in a real Chromium: what a learner does with the buttons.

The page is always reached by clicking its link (Material's instant navigation), as a reader does.
Ticked tasks, marked skills and plans are put in the store as their pages save them (those pages
are built apart); quiz answers are given through the quiz page itself."""

from __future__ import annotations

import json
from datetime import date

import pytest
from conftest import ROOT
from playwright.sync_api import expect
from quiz_actions import answer, section
from test_browser import axe_violations
from test_cli import run
from test_cli import typed_key as terminal_key

from macros import progress
from macros.catalog import load_catalog
from macros.render import task_id

pytestmark = pytest.mark.browser

CATALOG = load_catalog(ROOT)
ROLE, QUIZ = next(iter(CATALOG.quizzes.items()))
PATHWAY = CATALOG.pathway(ROLE)
TASKS = {ROLE: {task_id(task): "2026-11-21T10:00:00.000Z" for task in PATHWAY.roadmap[0].tasks}}
SKILLS = {next(iter(CATALOG.skills.by_id)): "2026-11-22T10:00:00.000Z"}
PLANS = {ROLE: {"start": "2026-12-07", "hours": 12}}
READ = "localStorage.getItem('pathways:progress')"


def moving(page):
    """The export/import block of My progress (the page has other live regions)."""
    return page.get_by_role("region", name="Move your progress")


def go_to_my_progress(page):
    """Click the navigation's link, as a reader does: the page comes by instant navigation."""
    page.evaluate("window.__sameDocument = true")
    page.locator(".md-nav--primary").get_by_role("link", name="My progress").click()
    expect(page.get_by_role("heading", name="Move your progress")).to_be_visible()
    assert page.evaluate("window.__sameDocument") is True, "the click reloaded the page"


def import_file(page, name: str, content: bytes):
    page.get_by_label("Import a progress file").set_input_files(
        {"name": name, "mimeType": "application/json", "buffer": content}
    )


@pytest.fixture
def learner(browser, site_server):
    """A learner with answers given on the quiz page, and ticks, a marked skill and a plan."""
    context = browser.new_context(base_url=site_server, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"quizzes/{ROLE}/")
    answer(page, QUIZ.questions[0], correctly=True)
    answer(page, QUIZ.questions[1], correctly=False)
    page.evaluate(
        """([tasks, skills, plans]) => {
            const store = JSON.parse(localStorage.getItem('pathways:progress'));
            Object.assign(store, {tasks, skills, plans});
            localStorage.setItem('pathways:progress', JSON.stringify(store));
        }""",
        [TASKS, SKILLS, PLANS],
    )
    yield page
    context.close()
    assert errors == [], f"JavaScript errors on the page: {errors}"


def test_export_clear_import_brings_everything_back(learner, tmp_path):
    page = learner
    saved = json.loads(page.evaluate(READ))
    go_to_my_progress(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Export progress").click()
    name = f"backend-ai-pathways-progress-{date.today().isoformat()}.json"
    assert download.value.suggested_filename == name
    exported = tmp_path / name
    download.value.save_as(exported)
    text = exported.read_text(encoding="utf-8")
    assert json.loads(text) == saved and "\n " in text  # the whole store, pretty
    assert progress.load_store(exported) == saved  # the terminal reads it as it is
    expect(moving(page).get_by_role("status")).to_have_text(f"Exported to {name}.")

    page.evaluate("localStorage.clear()")
    import_file(page, name, exported.read_bytes())
    tasks = len(TASKS[ROLE])
    expect(moving(page).get_by_role("status")).to_have_text(
        f"Imported (new or changed): 2 quiz answers, {tasks} task{'s' * (tasks != 1)}, "
        "1 skill, 1 plan."
    )
    assert json.loads(page.evaluate(READ)) == saved

    # The quiz page shows the imported answers as scored, after instant navigation.
    page.evaluate("window.__sameDocument = true")
    page.locator(f".md-nav--primary a[href$='quizzes/{ROLE}/']").first.click()
    expect(section(page, QUIZ.questions[0])).to_have_attribute("data-pw-result", "right")
    expect(section(page, QUIZ.questions[1])).to_have_attribute("data-pw-result", "wrong")
    assert page.evaluate("window.__sameDocument") is True

    # The same file again: nothing new, nothing lost.
    go_to_my_progress(page)
    import_file(page, name, exported.read_bytes())
    expect(moving(page).get_by_role("status")).to_have_text(
        "Imported (new or changed): 0 quiz answers, 0 tasks, 0 skills, 0 plans."
    )
    assert json.loads(page.evaluate(READ)) == saved


def test_an_import_merges_and_keeps_the_learners_own_plan(learner):
    page = learner
    saved = json.loads(page.evaluate(READ))
    theirs = progress.empty_store() | {
        "plans": {ROLE: {"start": "2027-01-04", "hours": 5}},
        "skills": {skill: "2026-11-01T10:00:00.000Z" for skill in list(CATALOG.skills.by_id)[:2]},
    }
    go_to_my_progress(page)
    import_file(page, "other.json", json.dumps(theirs).encode())
    expect(moving(page).get_by_role("status")).to_have_text(
        "Imported (new or changed): 0 quiz answers, 0 tasks, 2 skills, 0 plans."
        " Kept your own study plan for 1 of the file's plans."
    )
    after = json.loads(page.evaluate(READ))
    assert after["plans"] == PLANS and after["quizzes"] == saved["quizzes"]
    assert after["skills"] == theirs["skills"]  # the earlier marks win


def test_the_terminal_goes_on_from_an_exported_file_and_the_browser_takes_it(learner, tmp_path):
    """Export in the browser, answer in `pathways quiz --progress`, import the file back."""
    page = learner
    go_to_my_progress(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Export progress").click()
    exported = tmp_path / download.value.suggested_filename
    download.value.save_as(exported)
    before = json.loads(exported.read_text(encoding="utf-8"))

    # The browser answered the first two questions; the terminal asks the third first.
    asked = QUIZ.questions[2]
    done = run("quiz", ROLE, "--progress", str(exported), stdin=f"{terminal_key(asked)}\nq\n",
               env={"COLUMNS": "200"})
    assert done.returncode == 0, done.stderr
    assert "2 question(s) answered before" in done.stdout
    after = json.loads(exported.read_text(encoding="utf-8"))
    assert {k: after[k] for k in ("tasks", "skills", "plans")} == {
        k: before[k] for k in ("tasks", "skills", "plans")
    }
    assert after["quizzes"][ROLE][asked.id]["first"]["status"] == "right"

    import_file(page, exported.name, exported.read_bytes())
    expect(moving(page).get_by_role("status")).to_have_text(
        "Imported (new or changed): 1 quiz answer, 0 tasks, 0 skills, 0 plans."
    )
    page.evaluate("window.__sameDocument = true")
    page.locator(f".md-nav--primary a[href$='quizzes/{ROLE}/']").first.click()
    expect(section(page, asked)).to_have_attribute("data-pw-result", "right")
    expect(page.locator("[data-pw-stat=answered]")).to_have_text(f"3 of {len(QUIZ.questions)}")
    assert page.evaluate("window.__sameDocument") is True


BAD_FILES = {
    "corrupt": (b'{"format": "backend-ai-pathways-progress", "vers', "it is damaged"),
    "version 2": (
        json.dumps(progress.empty_store() | {"version": 2}).encode(),
        "it is from another version (2)",
    ),
}


@pytest.mark.parametrize("kind", BAD_FILES)
def test_a_bad_file_is_refused_and_changes_nothing(learner, kind):
    page = learner
    before = page.evaluate(READ)
    go_to_my_progress(page)
    content, reason = BAD_FILES[kind]
    import_file(page, f"{kind}.json", content)
    expect(moving(page).get_by_role("alert")).to_have_text(
        f"Not imported: {reason}. Nothing was changed."
    )
    assert page.evaluate(READ) == before  # byte for byte


@pytest.mark.parametrize("confirmed", [True, False])
def test_an_unreadable_saved_store_is_replaced_only_when_the_learner_says_so(page, confirmed):
    page.goto(f"pathways/{ROLE}/")
    page.evaluate("localStorage.setItem('pathways:progress', '{broken')")
    go_to_my_progress(page)
    asked = []

    def reply(dialog):
        asked.append(dialog.message)
        dialog.accept() if confirmed else dialog.dismiss()

    page.once("dialog", reply)
    good = progress.empty_store() | {"plans": PLANS}
    import_file(page, "good.json", json.dumps(good).encode())
    if confirmed:
        expect(moving(page).get_by_role("status")).to_contain_text("1 plan.")
        assert json.loads(page.evaluate(READ))["plans"] == PLANS
    else:
        expect(moving(page).get_by_role("status")).to_have_text("Nothing was changed.")
        assert page.evaluate(READ) == "{broken"
    assert asked and "could not be read (it is damaged)" in asked[0]


def test_nothing_is_exported_from_an_unreadable_store(page):
    page.goto(f"pathways/{ROLE}/")
    page.evaluate("localStorage.setItem('pathways:progress', '[]')")
    go_to_my_progress(page)
    page.get_by_role("link", name="Export progress").click()
    expect(moving(page).get_by_role("alert")).to_have_text(
        "Nothing to export: your saved progress could not be read (it is damaged or not ours)."
    )


def test_the_block_works_by_keyboard(learner):
    page = learner
    go_to_my_progress(page)
    link = page.get_by_role("link", name="Export progress")
    link.focus()
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.startswith("backend-ai-pathways-progress-")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "pw-import"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_with_a_message_shown(browser, site_server, scheme):
    context = browser.new_context(base_url=site_server, color_scheme=scheme)
    page = context.new_page()
    page.goto(f"pathways/{ROLE}/")
    go_to_my_progress(page)
    found = {"fresh": axe_violations(page)}
    import_file(page, "bad.json", b"{")
    expect(moving(page).get_by_role("alert")).not_to_be_empty()
    found["refused"] = axe_violations(page)
    context.close()
    assert {state: v for state, v in found.items() if v} == {}, json.dumps(found, indent=1)
