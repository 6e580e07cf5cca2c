"""The "Which role fits me" page: the questions and scoring data it carries, checked against the
pathway data (the scoring itself runs in the browser: tests/test_browser_fit.py)."""

from __future__ import annotations

import json
import math
from fractions import Fraction

import pytest
from conftest import PROJECT
from pages import article

from macros import fit
from macros.catalog import load_catalog

pytestmark = pytest.mark.data
CATALOG = load_catalog(PROJECT)
FORM = fit.questionnaire(CATALOG)
ROLES = list(CATALOG.pathways)


def parts_of(role: str) -> dict[str, fit.Part]:
    parts = fit.role_fit(CATALOG, role, fit.month_starts(CATALOG)).parts
    return {part.name: part for part in parts}


def test_half_up_rounds_halves_up():
    assert [fit.half_up(Fraction(n, 2)) for n in range(5)] == [0, 1, 1, 2, 2]
    assert fit.half_up(Fraction(40 * 7, 31)) == 9  # 9.03


def test_every_liked_thing_of_every_role_is_one_box():
    texts = [c.text for c in FORM.suits + FORM.love]
    for pathway in CATALOG.pathways.values():
        for text in [pathway.suits, *pathway.reality_check.love]:
            assert text in texts, text
    ids = [c.input_id for c in FORM.suits + FORM.love]
    assert len(ids) == len(set(ids))


def test_the_skill_boxes_are_the_catalogue_skills_the_pathways_name():
    named = {
        i
        for p in CATALOG.pathways.values()
        for s in [*p.transferable_skills, *p.skills_to_learn]
        for i in s.counts_as
    }
    brought = {c.input_id for c in FORM.brought}
    taught = {c.input_id for c in FORM.taught}
    assert brought.isdisjoint(taught)
    assert brought | taught == {fit.know_id(i) for i in named}
    catalogue = [s.id for s in CATALOG.skills.skills]
    order = [catalogue.index(c.input_id.removeprefix("pw-know-")) for c in FORM.taught]
    assert order == sorted(order)
    names = CATALOG.skills.by_id
    assert all(c.text == names[c.input_id.removeprefix("pw-know-")].name for c in FORM.brought)


@pytest.mark.parametrize("role", ROLES)
def test_each_liked_thing_gives_its_points_to_the_role_it_came_from(role):
    pathway = CATALOG.pathway(role)
    reasons = parts_of(role)["What you like doing"].reasons
    assert len(reasons) == 1 + len(pathway.reality_check.love)
    for reason, text in zip(reasons, [pathway.suits, *pathway.reality_check.love], strict=True):
        assert reason.points == fit.LIKE_POINTS
        assert text in reason.text
        assert reason.unless == f"#{fit.like_id(text)}:not(:checked)"


@pytest.mark.parametrize("role", ROLES)
def test_known_skills_weigh_by_their_weeks_and_need_all_they_count_as(role):
    pathway = CATALOG.pathway(role)
    reasons = parts_of(role)["What you already know"].reasons
    total = sum(s.weeks for s in pathway.skills_to_learn if isinstance(s.weeks, int))
    for reason, skill in zip(reasons, pathway.skills_to_learn, strict=True):
        assert skill.name in reason.text  # the role's own name for it
        weeks = skill.weeks if isinstance(skill.weeks, int) else 0
        assert reason.points == (math.floor(fit.SKILL_POINTS * weeks / total + 0.5) if weeks else 0)
        needed = {part.split(":")[0].removeprefix("#") for part in reason.unless.split(", ")}
        assert needed == {fit.know_id(i) for i in skill.counts_as}
        if isinstance(skill.weeks, int):
            assert reason.detail.startswith(f"{skill.weeks} week")
            assert f"of its {total} weeks" in reason.detail
        else:
            assert "no points" in reason.detail
    if total:
        # Rounding each skill's share moves the whole by at most half a point per skill.
        assert abs(sum(r.points for r in reasons) - fit.SKILL_POINTS) <= len(reasons) / 2


def fewest_months(pathway) -> int | None:
    """What the pathway page shows as its timeline: the header's, else the title's months."""
    return pathway.timeline.min_months if pathway.timeline else pathway.headline_months


def test_the_month_choices_start_at_each_roles_shortest_timeline():
    starts = sorted({fewest_months(p) for p in CATALOG.pathways.values()} - {None})
    choices = FORM.months
    assert choices[0].input_id == fit.NO_MONTHS
    assert [c.input_id for c in choices[1:]] == [fit.months_id(s) for s in [0, *starts]]
    if starts:
        assert choices[1].text == f"Fewer than {starts[0]} months"
        assert choices[-1].text == f"{starts[-1]} months or more"


@pytest.mark.parametrize("role", ROLES)
def test_time_counts_when_the_months_chosen_reach_the_shortest_timeline(role):
    pathway = CATALOG.pathway(role)
    part = parts_of(role)["Time you can give"]
    fewest = fewest_months(pathway)
    if fewest is None:
        assert part.reasons == [] and "states no timeline" in part.note
        return
    (reason,) = part.reasons
    assert reason.points == fit.TIME_POINTS
    if pathway.timeline:
        low, high = pathway.timeline.min_months, pathway.timeline.max_months
        said = f"{low} months" if low == high else f"{low}–{high} months"
        assert part.note == f"the source gives {said}"
    else:
        said = f"{pathway.headline_months} months"
        assert part.note.startswith(f"the guide's title names {said}")
    assert reason.text.endswith(said)
    too_few = {s.split(":")[0].removeprefix("#") for s in reason.unless.split(", ")}
    for choice in FORM.months:
        start = 0 if choice.input_id == fit.NO_MONTHS else int(choice.input_id.rsplit("-", 1)[1])
        reaches = choice.input_id != fit.NO_MONTHS and start >= fewest
        assert (choice.input_id not in too_few) == reaches, choice.text


@pytest.mark.parametrize("role", ROLES)
def test_the_quiz_reason_names_every_current_question(role):
    part = parts_of(role).get("Your self-check")
    if role not in CATALOG.quizzes:
        assert part is None
        return
    (reason,) = part.reasons
    assert reason.points == fit.QUIZ_POINTS
    assert reason.quiz == [[q.id, q.fingerprint] for q in CATALOG.quiz(role).questions]


def test_the_built_page_carries_the_rule(built_site):
    page = article(built_site / "journey" / "fit" / "index.html")
    ranking = page.find("ol", id="pw-fit-ranking")
    roles = [li for li in ranking.children if not isinstance(li, str)]
    assert [li.attrs["data-pw-role"] for li in roles] == ROLES
    for li in roles:
        expected = [r for part in parts_of(li.attrs["data-pw-role"]).values() for r in part.reasons]
        carried = [e for e in li.iter() if "data-pw-w" in e.attrs]
        assert len(carried) == len(expected)
        for element, reason in zip(carried, expected, strict=True):
            assert "hidden" in element.attrs
            assert int(element.attrs["data-pw-w"]) == reason.points
            if reason.quiz:
                assert json.loads(element.attrs["data-pw-questions"]) == reason.quiz
            else:
                assert element.attrs["data-pw-unless"] == reason.unless
    boxes = {e.attrs["id"] for e in page.find("form", id="pw-fit-form").find_all("input")}
    for choice in FORM.suits + FORM.love + FORM.brought + FORM.taught + FORM.months:
        assert choice.input_id in boxes


def test_the_page_says_the_weights_are_ours_and_keeps_a_table_of_the_data(built_site):
    page = article(built_site / "journey" / "fit" / "index.html")
    assert "our editorial choice" in page.text
    table = page.find("table", cls="pw-fit-data")
    rows = [r for r in table.find("tbody").find_all("tr")]
    assert [r.find("th").text for r in rows] == [p.target_role for p in CATALOG.pathways.values()]
    for row, pathway in zip(rows, CATALOG.pathways.values(), strict=True):
        text = row.text
        for item in [pathway.suits, *pathway.reality_check.love]:
            assert item in text
        for skill in pathway.skills_to_learn:
            assert skill.name in text
