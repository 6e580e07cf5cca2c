"""docs/javascripts/grading.js in a real Chromium, against the same case table as grading.py.

The module is imported from the built site, as the quiz page imports it, so a missing or unshipped
file fails here as it would fail a reader.
"""

from __future__ import annotations

import json

import pytest
from conftest import ROOT

from macros import grading

pytestmark = pytest.mark.browser

CASES = json.loads((ROOT / "tests" / "grading_cases.json").read_text(encoding="utf-8"))

RUN_CASES = """async ([url, table]) => {
    const grading = await import(url);
    return {
        judge: table.judge.map((c) => grading.judge(table.keys[c.key], c.raw)),
        percent: table.percent.map((c) => grading.percent(c.correct, c.total)),
    };
}"""


@pytest.fixture(scope="module")
def js_results(browser, site_server):
    context = browser.new_context(base_url=site_server)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto("")
    results = page.evaluate(RUN_CASES, [f"{site_server}javascripts/grading.js", CASES])
    context.close()
    assert errors == []
    return results


@pytest.mark.parametrize(
    "index", range(len(CASES["judge"])), ids=[c["key"] for c in CASES["judge"]]
)
def test_grading_js_judges_each_case_as_the_table_and_python_do(js_results, index):
    case = CASES["judge"][index]
    from_js = js_results["judge"][index]
    python = grading.judge(CASES["keys"][case["key"]], case["raw"])
    assert from_js["status"] == case["status"], (case, from_js)
    assert case.get("message_has", "") in from_js["message"]
    assert from_js == {"status": python.status, "message": python.message}, case


def test_grading_js_percent_rounds_halves_up(js_results):
    assert js_results["percent"] == [c["percent"] for c in CASES["percent"]]


def test_grading_js_is_pure_and_refuses_an_unknown_kind(page):
    """No DOM access on import, and an unknown key type is an error, not a silent 'wrong'."""
    page.goto("")
    thrown = page.evaluate(
        """async (url) => {
            const source = await (await fetch(url)).text();
            const grading = await import(url);
            let message = "";
            try { grading.judge({type: "essay"}, "text"); } catch (e) { message = String(e); }
            return {usesDom: /\\b(document|window|localStorage)\\b/.test(source), message};
        }""",
        f"{page.url}javascripts/grading.js",
    )
    assert thrown == {"usesDom": False, "message": 'TypeError: unknown question type "essay"'}
