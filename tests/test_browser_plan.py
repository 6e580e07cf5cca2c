"""The study plan in a real Chromium: made by keyboard, dated, downloaded and read by icalendar."""

from __future__ import annotations

import json
import math
from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest
import test_browser_pages
from conftest import ROOT, build_site, make_project, serve, throttle_like_a_phone
from factories import complete_pathway_and_quiz
from playwright.sync_api import expect
from test_browser import axe_violations

from macros.catalog import load_catalog
from macros.plan import FULL_TIME_HOURS, LINE_OCTETS, phase_dates

pytestmark = pytest.mark.browser

CATALOG = load_catalog(ROOT)
ROLE = "ai-model-optimizer"
KEY = "pathways:progress"
browser_with_scrollbars = test_browser_pages.browser_with_scrollbars  # a fixture, shared
START, HOURS = date(2026, 12, 7), 15


def us_date(day: date) -> str:
    """A date as Chromium's en-US medium date style writes it: Dec 7, 2026."""
    return f"{day:%b} {day.day}, {day.year}"


def plan_context(browser, base, timezone="Pacific/Kiritimati", **options):
    return browser.new_context(
        base_url=base, locale="en-US", timezone_id=timezone, accept_downloads=True, **options
    )


def saved(page) -> dict | None:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')") or "null")


def make_plan_by_keyboard(page, start: date, hours: int):
    """Focus the start date, type it as the en-US date field takes it, Tab on to the hours
    (past the date field's own calendar button), type them, press Enter."""
    page.get_by_label("Start date").focus()
    page.keyboard.type(f"{start:%m%d%Y}")
    assert page.get_by_label("Start date").input_value() == start.isoformat()
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "hours":
            break
    page.keyboard.type(str(hours))
    page.keyboard.press("Enter")
    expect(page.locator(".pw-plan output")).to_have_text("Plan saved.")


def expect_dates_shown(page, pathway, start: date, hours: int):
    expected = [
        f"Dates: {us_date(first)} – {us_date(last)}"
        for first, last in phase_dates(pathway, start, hours)
    ]
    expect(page.locator(".pw-phase-dates")).to_have_text(expected)


def download_calendar(page) -> bytes:
    with page.expect_download() as download:
        page.get_by_role("button", name="Download calendar (.ics)").focus()
        page.keyboard.press("Enter")
    assert download.value.suggested_filename == f"{ROLE}-study-plan.ics"
    return download.value.path().read_bytes()


@pytest.mark.parametrize("timezone", ["Pacific/Kiritimati", "America/Los_Angeles"])
def test_a_plan_made_by_keyboard_dates_the_phases_and_downloads_them(
    browser, site_server, timezone
):
    pathway = CATALOG.pathway(ROLE)
    context = plan_context(browser, site_server, timezone)
    page = context.new_page()
    page.goto(f"pathways/{ROLE}/")
    make_plan_by_keyboard(page, START, HOURS)
    expect_dates_shown(page, pathway, START, HOURS)
    assert saved(page)["plans"] == {ROLE: {"start": START.isoformat(), "hours": HOURS}}

    # Each skill with weeks in the source: its time at this pace, to a tenth of a week.
    paced = [s for s in pathway.skills_to_learn if isinstance(s.weeks, int)]
    cells = page.locator(".pw-plan td[data-pw-hours]")
    expect(cells).to_have_count(len(paced))
    for skill, text in zip(paced, cells.all_inner_texts(), strict=True):
        days = math.ceil(skill.weeks * 7 * FULL_TIME_HOURS / HOURS)
        assert text.endswith(" weeks") and abs(float(text.split()[0]) - days / 7) <= 0.05

    before = datetime.now(UTC).replace(microsecond=0)
    data = download_calendar(page)
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    assert max(len(line) for line in data.split(b"\r\n")) <= LINE_OCTETS
    found = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert len(found) == len(pathway.roadmap)
    for number, (event, phase, (first, last)) in enumerate(
        zip(found, pathway.roadmap, phase_dates(pathway, START, HOURS), strict=True), 1
    ):
        assert event.decoded("DTSTART") == first
        assert event.decoded("DTEND") == last + timedelta(days=1)
        assert str(event["UID"]) == f"{ROLE}-{number}-{START.isoformat()}@backend-ai-pathways"
        assert str(event["SUMMARY"]) == f"{pathway.target_role}: {phase.name}"
        assert before <= event.decoded("DTSTAMP") <= datetime.now(UTC) + timedelta(seconds=1)
    context.close()


def test_text_with_commas_semicolons_and_long_lines_round_trips(browser, tmp_path):
    """A pathway written in this test: it gets a plan with no other file edited, and its
    awkward text comes back from the .ics exactly."""
    pathway, quiz = complete_pathway_and_quiz("odd-role", "Engineer, Senior; Ops \\ Lead")
    pathway["roadmap"][0]["name"] = "Phase, with; a long name " + "é→" * 40
    pathway["roadmap"][0]["tasks"] = ["One, two; three", "A task\nover two lines", "ü" * 90]
    project = make_project(
        tmp_path, {"odd-role.yaml": pathway}, {"odd-role.yaml": quiz}, real_data=False
    )
    site = tmp_path / "site"
    build_site(project, site)
    model = load_catalog(project).pathway("odd-role")
    with serve(site) as base:
        context = plan_context(browser, base)
        page = context.new_page()
        page.goto("pathways/odd-role/")
        make_plan_by_keyboard(page, START, HOURS)
        with page.expect_download() as download:
            page.get_by_role("button", name="Download calendar (.ics)").click()
        data = download.value.path().read_bytes()
        context.close()
    assert max(len(line) for line in data.split(b"\r\n")) <= LINE_OCTETS
    assert b"\r\n " in data  # folded
    found = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert len(found) == len(model.roadmap)
    first = found[0]
    assert str(first["SUMMARY"]) == f"{model.target_role}: {model.roadmap[0].name}"
    assert str(first["DESCRIPTION"]) == "\n- ".join(["Tasks:", *model.roadmap[0].tasks])


def test_the_plan_comes_back_after_instant_navigation(browser, site_server):
    pathway = CATALOG.pathway(ROLE)
    context = plan_context(browser, site_server)
    page = context.new_page()
    page.goto(f"pathways/{ROLE}/")
    make_plan_by_keyboard(page, START, HOURS)
    page.evaluate("window.__sameDocument = true")
    page.get_by_role("link", name=f"Take the {pathway.target_role} self-check quiz").click()
    expect(page.locator(".pw-summary")).to_be_visible()
    page.go_back()
    expect(page.locator(".pw-phase-dates").first).not_to_have_text(
        "Dates: set them in the study plan above"
    )
    assert page.evaluate("window.__sameDocument") is True, "the page was reloaded"
    expect_dates_shown(page, pathway, START, HOURS)
    assert page.get_by_label("Start date").input_value() == START.isoformat()
    assert page.get_by_label("Hours a week").input_value() == str(HOURS)
    context.close()


INVALID = [("2026-12-07", "0"), ("", "20"), ("2026-12-07", "2.5")]


@pytest.mark.parametrize(("start", "hours"), INVALID)
def test_an_invalid_plan_is_refused_with_a_message_and_saves_nothing(
    browser, site_server, start, hours
):
    context = plan_context(browser, site_server)
    page = context.new_page()
    page.goto(f"pathways/{ROLE}/")
    page.get_by_label("Start date").fill(start)
    page.get_by_label("Hours a week").fill(hours)
    page.get_by_role("button", name="Show the dates").focus()
    page.keyboard.press("Enter")
    wrong = page.locator(".pw-plan-form :invalid")
    expect(wrong).to_have_count(1)
    expect(wrong).to_be_focused()  # the browser says what is wrong, at the field
    assert wrong.evaluate("field => field.validationMessage") != ""
    assert saved(page) is None
    expect(page.locator(".pw-phase-dates").first).to_have_text(
        "Dates: set them in the study plan above"
    )
    context.close()


def test_an_unreadable_store_is_left_alone(browser, site_server):
    context = plan_context(browser, site_server)
    context.add_init_script(f"localStorage.setItem('{KEY}', '{{not json')")
    page = context.new_page()
    page.goto(f"pathways/{ROLE}/")
    page.get_by_label("Start date").fill(START.isoformat())
    page.get_by_label("Hours a week").fill(str(HOURS))
    page.get_by_role("button", name="Show the dates").click()
    expect(page.locator(".pw-plan output")).to_contain_text("Not saved")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == "{not json"
    expect_dates_shown(page, CATALOG.pathway(ROLE), START, HOURS)  # the page still works
    context.close()


def test_without_javascript_the_plan_is_hidden_and_the_weeks_stay(browser, site_server):
    context = browser.new_context(base_url=site_server, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"pathways/{ROLE}/")
    expect(page.locator(".pw-plan")).to_be_hidden()
    expect(page.locator(".pw-phase-dates").first).to_be_hidden()
    expect(page.locator(".pw-phase-when:not(.pw-phase-dates)").first).to_contain_text("Weeks 1–")
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_with_a_plan_shown(browser, site_server, scheme):
    context = plan_context(browser, site_server, color_scheme=scheme)
    page = context.new_page()
    page.goto(f"pathways/{ROLE}/")
    make_plan_by_keyboard(page, START, HOURS)
    assert axe_violations(page) == []
    context.close()


SHIFTS = (
    "window.__shifts = [];"
    "new PerformanceObserver(l => { for (const e of l.getEntries()) if (!e.hadRecentInput)"
    " window.__shifts.push([e.value, e.sources.map(s => [s.node && (s.node.outerHTML"
    " || s.node.textContent).slice(0, 80), ...[s.previousRect, s.currentRect].map(r =>"
    " ({x: r.x, y: r.y, h: r.height}))])]); })"
    ".observe({type: 'layout-shift', buffered: true});"
)


@pytest.mark.parametrize("width", [1280, 390])
def test_a_saved_plan_is_painted_without_layout_shift(browser_with_scrollbars, site_server, width):
    """The dates and times replace text of their own width's room: nothing below them moves,
    even on a slow link where the page paints before the script runs."""
    store = {
        "format": "backend-ai-pathways-progress",
        "version": 1,
        "quizzes": {},
        "plans": {ROLE: {"start": START.isoformat(), "hours": HOURS}},
    }
    context = browser_with_scrollbars.new_context(
        base_url=site_server, viewport={"width": width, "height": 844}, locale="en-GB"
    )
    context.add_init_script(f"localStorage.setItem('{KEY}', {json.dumps(json.dumps(store))})")
    context.add_init_script(SHIFTS)
    page = context.new_page()
    throttle_like_a_phone(context, page)
    page.goto(f"pathways/{ROLE}/#roadmap", wait_until="load")
    expect(page.locator(".pw-plan td[data-pw-hours]").first).to_contain_text("weeks")
    page.wait_for_timeout(800)
    # Chromium reports the date field's own text (in its shadow root, so without a node) going
    # from "mm/dd/yyyy" to the date, a few pixels narrower in the same box: nothing moves.
    for value, sources in page.evaluate("window.__shifts"):
        for node, before, after in sources:
            assert node is None and value < 1e-4, (value, node, before, after)
            assert [before[k] for k in "xyh"] == [after[k] for k in "xyh"], (before, after)
    context.close()
