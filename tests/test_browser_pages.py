"""Pathway and home pages in a real Chromium: what a reader sees at desktop and phone widths."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from conftest import CHROMIUM_ARGS, ROOT, find_chromium, serve, throttle_like_a_phone
from playwright.sync_api import expect

from macros.catalog import load_catalog

pytestmark = pytest.mark.browser

CATALOG = load_catalog(ROOT)
PATHWAY = "ai-model-optimizer"
READING_PAGES = ["", f"pathways/{PATHWAY}/", "pathways/ai-research-engineer/"]

# Every word of the article whose letters land on more than one line: a word broken in the
# middle ("Benchmarkin" / "g"). Words are cut at hyphens, dashes and slashes first, where a
# browser may rightly wrap; hidden and clipped text has no box or one line.
BROKEN_WORDS = """
(root) => {
  const broken = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent;
    for (const match of text.matchAll(/[^\\s\\-\\u2010-\\u2015/]+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set(
        [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))
      );
      if (lines.size > 1) broken.push(match[0]);
    }
  }
  return broken;
}
"""


@pytest.fixture
def phone(browser, site_server):
    context = browser.new_context(
        base_url=site_server, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    yield context.new_page()
    context.close()


def test_the_broken_word_check_finds_a_broken_word(phone):
    phone.set_content(
        "<p style='width: 5.5em; word-break: break-all'>Profiling Benchmarking Tools</p>"
        "<p style='width: 5.5em'>Profiling Benchmarking Tools</p>"
    )
    first, second = phone.locator("p").all()
    assert "Benchmarking" in first.evaluate(BROKEN_WORDS)
    assert second.evaluate(BROKEN_WORDS) == []


@pytest.mark.parametrize("path", READING_PAGES)
def test_no_word_is_broken_on_a_phone(phone, path):
    phone.goto(path)
    assert phone.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0
    broken = phone.locator("article").evaluate(BROKEN_WORDS)
    assert broken == [], f"{path or 'home'}: words broken across lines: {broken}"


def test_home_cards_hide_their_screen_reader_text(page):
    page.goto("")
    hidden = page.locator(".pw-cards .pw-visually-hidden")
    assert hidden.count() >= len(CATALOG.pathways)
    for index in range(hidden.count()):
        box = hidden.nth(index).bounding_box()
        assert box["width"] <= 1 and box["height"] <= 1
    for pathway in CATALOG.pathways.values():
        link = page.get_by_role("link", name=f"Read the pathway to {pathway.target_role}")
        assert link.count() == 1
        # The hidden words take no room: the link is one short line, not wrapped text.
        assert link.evaluate("a => a.getClientRects().length") == 1


def test_tables_have_materials_borders(page):
    page.goto(f"pathways/{PATHWAY}/")
    border = page.evaluate(
        "getComputedStyle(document.body).getPropertyValue('--md-typeset-table-color').trim()"
    )
    color = page.evaluate(
        "c => { const e = document.createElement('i'); e.style.color = c; document.body.append(e);"
        " const v = getComputedStyle(e).color; e.remove(); return v; }",
        border,
    )
    for table in ("table.pw-skill-table", "table.pw-salary"):
        style = page.locator(table).evaluate(
            "t => { const s = getComputedStyle(t), c = getComputedStyle(t.rows[1].cells[0]);"
            " return [s.borderTopWidth, s.borderTopColor, c.borderTopWidth, c.borderTopColor]; }"
        )
        assert style[0] != "0px" and style[2] != "0px", table
        assert style[1] == color and style[3] == color, table


def test_badges_never_split(phone):
    phone.goto(f"pathways/{PATHWAY}/")
    badges = phone.locator(".pw-skill-table .pw-badge")
    assert badges.count() == len(CATALOG.pathway(PATHWAY).skills_to_learn)
    heights = badges.evaluate_all("bs => bs.map(b => b.getClientRects().length)")
    assert set(heights) == {1}


def test_the_roadmap_is_drawn_to_scale(page):
    page.goto(f"pathways/{PATHWAY}/")
    weeks = [phase.weeks for phase in CATALOG.pathway(PATHWAY).roadmap]
    total = sum(weeks)
    widths = page.locator(".pw-strip > li").evaluate_all(
        "ls => ls.map(l => l.getBoundingClientRect().width)"
    )
    for width, phase_weeks in zip(widths, weeks, strict=True):
        assert width / sum(widths) == pytest.approx(phase_weeks / total, abs=0.005)
    bars = page.locator(".pw-phase-bar").evaluate_all(
        "bs => bs.map(b => { const o = b.getBoundingClientRect(), i = b.firstElementChild"
        ".getBoundingClientRect(); return [(i.left - o.left) / o.width, i.width / o.width]; })"
    )
    start = 0
    for (offset, share), phase_weeks in zip(bars, weeks, strict=True):
        assert offset == pytest.approx(start / total, abs=0.01)
        assert share == pytest.approx(phase_weeks / total, abs=0.01)
        start += phase_weeks


def test_a_strip_segment_leads_to_its_phase_in_the_table_of_contents(page):
    page.goto(f"pathways/{PATHWAY}/")
    last = CATALOG.pathway(PATHWAY).roadmap[-1]
    page.locator(".pw-strip a").last.click()
    assert page.evaluate("location.hash") == f"#phase-{len(CATALOG.pathway(PATHWAY).roadmap)}"
    heading = page.get_by_role("heading", name=last.name)
    assert heading.is_visible()
    toc = page.locator(".md-nav--secondary").get_by_role("link", name=last.name, exact=True)
    assert toc.count() == 1


def test_tasks_are_checkboxes_a_reader_ticks(page):
    page.goto(f"pathways/{PATHWAY}/")
    first_task = CATALOG.pathway(PATHWAY).roadmap[0].tasks[0]
    boxes = page.locator(".pw-tasks input[type=checkbox]")
    assert boxes.count() > 0
    assert boxes.evaluate_all("bs => bs.filter(b => b.checked || b.disabled).length") == 0
    box = page.get_by_role("checkbox", name=first_task)
    assert not box.is_checked()
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked()
    page.get_by_text(first_task).click()  # the label toggles it too
    assert not box.is_checked()


@pytest.fixture(scope="module")
def browser_with_scrollbars(browser):
    """Chromium as readers have it: Playwright hides scrollbars by default, and a scrollbar
    that comes and goes is a classic cause of layout shift."""
    executable = find_chromium(SimpleNamespace(chromium=browser.browser_type))
    launched = browser.browser_type.launch(
        executable_path=executable,
        headless=True,
        args=CHROMIUM_ARGS,
        ignore_default_args=["--hide-scrollbars"],
    )
    yield launched
    launched.close()


@pytest.mark.parametrize("path", READING_PAGES)
def test_no_layout_shift(browser_with_scrollbars, site_server, path):
    # Lighthouse's desktop screen, a laptop, and a phone.
    for viewport in (
        {"width": 1350, "height": 940},
        {"width": 1280, "height": 720},
        {"width": 390, "height": 844},
    ):
        context = browser_with_scrollbars.new_context(base_url=site_server, viewport=viewport)
        page = context.new_page()
        throttle_like_a_phone(context, page)
        page.add_init_script(
            "window.__shifts = [];"
            "new PerformanceObserver(l => { for (const e of l.getEntries())"
            " if (!e.hadRecentInput) window.__shifts.push([e.value, e.sources.map(s =>"
            " (s.node && s.node.nodeType === 1 ? s.node.outerHTML : String(s.node)).slice(0, 80)"
            " + ' ' + JSON.stringify([s.previousRect, s.currentRect]))]); })"
            ".observe({type: 'layout-shift', buffered: true});"
        )
        page.goto(path, wait_until="load")
        page.wait_for_timeout(800)
        shifts = page.evaluate("window.__shifts")
        context.close()
        assert shifts == [], f"{path or 'home'} at {viewport['width']}px shifts: {shifts}"


def test_instant_navigation_works_under_another_port_and_path(browser, built_site):
    """A local build (no site_url) served anywhere: a click swaps the page without reloading."""
    pathway = next(iter(CATALOG.pathways.values()))
    with serve(built_site, prefix="/somewhere/else/") as base:
        context = browser.new_context(base_url=base)
        page = context.new_page()
        page.goto(base)
        page.evaluate("window.__sameDocument = true")
        page.locator(".pw-cards a", has_text="Read the pathway").first.click()
        page.wait_for_url(f"{base}pathways/{pathway.role}/")
        expect(page.locator("h1")).to_contain_text(pathway.target_role)
        assert page.evaluate("window.__sameDocument") is True, "the click reloaded the page"
        page.go_back()
        page.wait_for_url(base)
        expect(page.locator(".pw-cards")).to_be_visible()
        assert page.evaluate("window.__sameDocument") is True
        context.close()


def test_every_resource_type_has_its_icon_file():
    from macros.models import RESOURCE_TYPES

    missing = [t for t in RESOURCE_TYPES if not (ROOT / "docs/assets/icons" / f"{t}.svg").is_file()]
    assert not missing, f"no icon in docs/assets/icons for {missing}"


def test_each_resource_draws_its_icon_from_the_site(browser, built_site):
    """The icons are files beside the site (so our inline CSS stays small on every page): every
    resource label's icon loads, under a path, also after instant navigation from a page at
    another depth (an address in CSS would be resolved against the page navigated from)."""
    with serve(built_site, prefix="/somewhere/else/") as base:
        context = browser.new_context(base_url=base)
        page = context.new_page()
        page.goto("")
        page.locator(f"article a[href$='pathways/{PATHWAY}/']").first.click()
        page.wait_for_url(f"**/pathways/{PATHWAY}/")
        page.locator(".pw-resource-type").first.wait_for()
        icons = page.evaluate(
            """async () => {
                const found = {};
                for (const label of document.querySelectorAll(".pw-resource-type")) {
                    const image = label.querySelector("img");
                    await image.decode().catch(() => {});
                    const where = new URL(image.src).pathname;
                    found[label.textContent.trim()] = [where, image.naturalWidth];
                }
                return found;
            }"""
        )
        context.close()
    types = {r.type for s in CATALOG.pathway(PATHWAY).skills_to_learn for r in s.resources}
    assert {t.capitalize() for t in types} <= set(icons), icons
    for word, (path, width) in icons.items():
        assert path == f"/somewhere/else/assets/icons/{word.lower()}.svg", icons
        assert width > 0, f"the {word} icon did not load: {icons}"
