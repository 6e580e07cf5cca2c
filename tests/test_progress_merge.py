"""Importing a progress file: macros/progress.py `merge_stores` and progress.js `mergeStores` and
`parseStore`, both run against one case table (tests/progress_merge_cases.json), as the grading
rules are."""

from __future__ import annotations

import copy
import json

import pytest
from conftest import ROOT

from macros import progress

CASES = json.loads((ROOT / "tests" / "progress_merge_cases.json").read_text(encoding="utf-8"))
MERGES = CASES["merge"]
REFUSED = CASES["refused"]


@pytest.mark.parametrize("case", MERGES, ids=[c["name"] for c in MERGES])
def test_python_merges_as_the_table_says(case):
    ours, theirs = copy.deepcopy(case["ours"]), copy.deepcopy(case["theirs"])
    assert progress.problem_of(theirs) is None and progress.problem_of(ours) is None
    merged = progress.merge_stores(ours, theirs)
    assert merged.store == case["store"]
    assert merged.counts == case["counts"]
    assert progress.problem_of(merged.store) is None
    assert (ours, theirs) == (case["ours"], case["theirs"]), "the inputs were changed"


@pytest.mark.parametrize("case", MERGES, ids=[c["name"] for c in MERGES])
def test_merging_a_merge_again_changes_nothing(case):
    once = progress.merge_stores(case["ours"], case["theirs"]).store
    again = progress.merge_stores(once, case["theirs"])
    assert again.store == once
    assert {name: n for name, n in again.counts.items() if n and name != "kept"} == {}


@pytest.mark.parametrize("case", REFUSED, ids=[c["name"] for c in REFUSED])
def test_python_refuses_what_the_table_refuses(case, tmp_path):
    saved = tmp_path / "progress.json"
    saved.write_text(case["text"], encoding="utf-8")
    with pytest.raises(progress.ProgressError, match="left unchanged"):
        progress.load_store(saved)


def test_merge_quiz_keeps_the_earliest_first_and_the_latest_last():
    case = MERGES[1]
    role = "role-a"
    merged = progress.merge_quiz(case["ours"]["quizzes"][role], case["theirs"]["quizzes"][role])
    assert merged == case["store"]["quizzes"][role]


RUN_CASES = """async ([url, table]) => {
    const progress = await import(url);
    const plain = (value) => JSON.parse(JSON.stringify(value));
    return {
        merged: table.merge.map((c) => plain(progress.mergeStores(c.ours, c.theirs))),
        parsed: table.merge.map((c) => progress.parseStore(JSON.stringify(c.theirs))),
        refused: table.refused.map((c) => progress.parseStore(c.text)),
    };
}"""


@pytest.fixture(scope="module")
def js_results(browser, site_server):
    context = browser.new_context(base_url=site_server)
    page = context.new_page()
    page.goto("")
    results = page.evaluate(RUN_CASES, [f"{site_server}javascripts/progress.js", CASES])
    context.close()
    return results


@pytest.mark.browser
@pytest.mark.parametrize("index", range(len(MERGES)), ids=[c["name"] for c in MERGES])
def test_progress_js_merges_as_the_table_and_python_do(js_results, index):
    case = MERGES[index]
    assert js_results["parsed"][index] == {"store": case["theirs"]}
    assert js_results["merged"][index] == {"store": case["store"], "counts": case["counts"]}


@pytest.mark.browser
@pytest.mark.parametrize("index", range(len(REFUSED)), ids=[c["name"] for c in REFUSED])
def test_progress_js_refuses_what_the_table_refuses(js_results, index):
    assert set(js_results["refused"][index]) == {"problem"}, REFUSED[index]["name"]
