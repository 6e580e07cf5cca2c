"""Compare the roles in a real Chromium: axe-core in both palettes, a phone, a keyboard, no JS."""

from __future__ import annotations

import json

import pytest
from conftest import PROJECT
from test_browser import axe_violations

from macros.catalog import load_catalog

pytestmark = pytest.mark.browser

PATH = "journey/compare/"
CATALOG = load_catalog(PROJECT)
REGIONS = ["The roles side by side", "Skills the roles share", "How much learning carries over"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_the_compare_page(browser, site_server, scheme):
    context = browser.new_context(base_url=site_server, color_scheme=scheme)
    page = context.new_page()
    page.goto(PATH)
    found = axe_violations(page)
    context.close()
    assert found == [], json.dumps(found, indent=1)


def test_it_fits_a_phone_and_each_table_scrolls_in_its_own_region(browser, site_server):
    context = browser.new_context(
        base_url=site_server, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.goto(PATH)
    assert page.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0
    page.locator("article").click(position={"x": 5, "y": 5})
    for name in REGIONS:
        region = page.get_by_role("region", name=name)
        # Reached by Tab alone (the tables hold links; the region itself comes first).
        for _ in range(200):
            page.keyboard.press("Tab")
            if region.evaluate("r => r === document.activeElement"):
                break
        else:
            pytest.fail(f"Tab never reached the region {name!r}")
        assert region.evaluate("r => r.scrollWidth > r.clientWidth"), name
        page.keyboard.press("ArrowRight")
        page.wait_for_function("r => r.scrollLeft > 0", arg=region.element_handle())
    context.close()


def test_the_page_reads_without_javascript(browser, site_server):
    context = browser.new_context(base_url=site_server, java_script_enabled=False)
    page = context.new_page()
    page.goto(PATH)
    for table in ("pw-compare", "pw-overlap", "pw-coverage"):
        assert page.locator(f"table.{table}").is_visible()
    headers = page.locator("table.pw-compare thead th").all_inner_texts()
    assert headers[1:] == [p.target_role for p in CATALOG.pathways.values()]
    sentences = page.locator(".pw-best-pairs li")
    assert sentences.count() == len(CATALOG.pathways)
    assert all(text.startswith("Learning for ") for text in sentences.all_inner_texts())
    context.close()
