"""A pathway page printed in a real Chromium: a clean checklist, read back from the PDF it makes."""

from __future__ import annotations

import io
import re

import pytest
from conftest import ROOT
from pypdf import PdfReader

from macros.catalog import load_catalog
from macros.render import task_id

pytestmark = pytest.mark.browser

CATALOG = load_catalog(ROOT)
PATHWAY = max(CATALOG.pathways.values(), key=lambda p: len(p.roadmap))  # the most page breaks
SCREEN_ONLY = {
    "header": ".md-header",
    "navigation": ".md-sidebar--primary",
    "table of contents": ".md-sidebar--secondary",
    "footer": ".md-footer",
    "search": ".md-search",
    "buttons": ".md-typeset .md-button",
    "drawn roadmap": ".pw-strip",
}


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def printed(browser, site_server):
    """The page with its first task ticked, emulated for print, and the text of each PDF page."""
    context = browser.new_context(base_url=site_server, color_scheme="dark")
    page = context.new_page()
    page.goto(f"pathways/{PATHWAY.role}/")
    page.get_by_role("checkbox", name=PATHWAY.roadmap[0].tasks[0]).check()
    page.emulate_media(media="print")
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages]
    yield page, pages
    context.close()


@pytest.mark.parametrize("part", SCREEN_ONLY)
def test_what_only_a_screen_needs_is_not_printed(printed, part):
    page, pages = printed
    shown = page.locator(SCREEN_ONLY[part]).evaluate_all(
        "es => es.filter(e => e.checkVisibility()).length"
    )
    assert shown == 0
    page.emulate_media(media="screen")
    assert page.locator(SCREEN_ONLY[part]).first.is_visible() or part == "search"
    page.emulate_media(media="print")


def test_no_navigation_or_button_text_reaches_the_paper(printed):
    page, pages = printed
    text = "\n".join(pages)
    quiz = CATALOG.quizzes.get(PATHWAY.role)
    assert "My progress" not in text and "Table of contents" not in text
    if quiz:
        assert "self-check quiz" not in text and f"{len(quiz.questions)} questions" not in text
    assert PATHWAY.roadmap[0].name in text


def test_tasks_print_as_boxes_ticked_as_the_learner_left_them(printed):
    page, _ = printed
    boxes = page.locator(".pw-tasks input[type=checkbox]")
    states = boxes.evaluate_all(
        "bs => bs.map(b => [b.checkVisibility(), b.checked, getComputedStyle(b).colorScheme])"
    )
    first = task_id(PATHWAY.roadmap[0].tasks[0])
    ticked = page.locator(f"[data-pw-task='{first}']").first
    assert ticked.is_checked()
    assert {visible for visible, _, _ in states} == {True}
    same_task = page.locator(f"[data-pw-task='{first}']").count()
    assert sum(checked for _, checked, _ in states) == same_task
    # An empty box stays empty in the dark scheme: no dark fill that reads as a tick on paper.
    assert {scheme for _, _, scheme in states} == {"light"}


def test_resources_write_out_their_addresses(printed):
    _, pages = printed
    text = squeezed("".join(pages))
    resources = [r for skill in PATHWAY.skills_to_learn for r in skill.resources]
    resources += [r for phase in PATHWAY.roadmap for r in phase.resources]
    linked = [r for r in resources if r.url]
    assert linked
    for resource in linked:
        assert squeezed(f"{resource.name} ({resource.url})") in text, resource.url


def test_phase_numbers_are_not_white_on_unprinted_colour(printed):
    page, _ = printed
    marks = page.locator(".pw-phase").evaluate_all(
        "ls => ls.map(l => { const m = getComputedStyle(l, '::before');"
        " return [m.content, m.color === getComputedStyle(l).color,"
        " m.backgroundColor, m.borderTopStyle]; })"
    )
    assert len(marks) == len(PATHWAY.roadmap)
    for content, same_colour, background, border in marks:
        assert content == "counter(pw-phase)" and same_colour
        assert background == "rgba(0, 0, 0, 0)" and border == "solid"


def test_a_phase_heading_stays_on_the_page_of_its_tasks(printed):
    _, pages = printed
    assert len(pages) > 1
    for number, phase in enumerate(PATHWAY.roadmap, start=1):
        heading = squeezed(phase.name)
        where = [i for i, text in enumerate(pages) if heading in squeezed(text)]
        assert where, phase.name
        first_task = squeezed(phase.tasks[0])[:40]
        assert first_task in squeezed(pages[where[0]]), f"phase {number}: tasks on the next page"
    for text in pages[:-1]:
        last = [line for line in text.splitlines() if line.strip()][-1]
        assert not re.fullmatch(r"\s*(Tasks|Resources|Phase \d+ · .*)\s*", last), last
