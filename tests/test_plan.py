"""The study plan's arithmetic and its calendar, read back by a real iCalendar reader."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest
from conftest import ROOT
from factories import pathway_data
from pages import parse

from macros.catalog import load_catalog
from macros.models import Pathway
from macros.plan import (
    FULL_TIME_HOURS,
    LINE_OCTETS,
    MAX_HOURS,
    SLOTS_PER_EVENT,
    Slot,
    calendar_days,
    calendar_parts,
    calendar_text,
    phase_dates,
)
from macros.progress import problem_of

CATALOG = load_catalog(ROOT)
STAMP = datetime(2026, 12, 1, 9, 30, 5, tzinfo=UTC)


def test_a_full_time_week_takes_a_week_and_fewer_hours_take_longer():
    assert calendar_days(4, FULL_TIME_HOURS) == 28
    assert calendar_days(4, FULL_TIME_HOURS // 2) == 56
    # 4 weeks x 40 h at 30 h a week is 37 1/3 days: rounded up, never cut short.
    assert calendar_days(4, 30) == -(-4 * 7 * FULL_TIME_HOURS // 30) == 38


@pytest.mark.parametrize("hours", [1, 7, FULL_TIME_HOURS, MAX_HOURS])
@pytest.mark.parametrize("role", sorted(CATALOG.pathways))
def test_phases_follow_each_other_from_the_start(role, hours):
    pathway = CATALOG.pathway(role)
    start = date(2027, 2, 27)  # the day before a month end, to cross one
    dates = phase_dates(pathway, start, hours)
    assert dates[0][0] == start
    for (first, last), phase in zip(dates, pathway.roadmap, strict=True):
        assert (last - first).days + 1 == calendar_days(phase.weeks, hours)
    for (_, last), (first, _) in zip(dates, dates[1:], strict=False):
        assert first == last + timedelta(days=1)


def events(text: str) -> list:
    return icalendar.Calendar.from_ical(text).walk("VEVENT")


@pytest.mark.parametrize("role", sorted(CATALOG.pathways))
def test_the_calendar_has_an_all_day_event_per_phase_with_its_dates(role):
    pathway = CATALOG.pathway(role)
    start, hours = date(2026, 12, 7), 15
    text = calendar_text(pathway, start, hours, STAMP)
    calendar = icalendar.Calendar.from_ical(text)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    found = calendar.walk("VEVENT")
    assert len(found) == len(pathway.roadmap)
    for number, (event, phase, (first, last)) in enumerate(
        zip(found, pathway.roadmap, phase_dates(pathway, start, hours), strict=True), 1
    ):
        assert event.decoded("DTSTART") == first
        assert event.decoded("DTEND") == last + timedelta(days=1)  # exclusive
        assert event["DTSTART"].params["VALUE"] == "DATE"
        assert event.decoded("DTSTAMP") == STAMP
        assert str(event["UID"]) == f"{role}-{number}-{start.isoformat()}@backend-ai-pathways"
        assert str(event["SUMMARY"]) == f"{pathway.target_role}: {phase.name}"
        assert str(event["DESCRIPTION"]) == "\n- ".join(["Tasks:", *phase.tasks])


def hostile_pathway() -> Pathway:
    data = pathway_data()
    data["target_role"] = "Engineer, Senior; Ops \\ Lead"
    data["roadmap"][0]["name"] = "Phase, with; semicolons \\ and a very long name " + "é→" * 40
    data["roadmap"][0]["tasks"] = ["One, two; three", "A task\nover two lines", "ü" * 100]
    return Pathway.model_validate(data)


def test_text_is_escaped_and_folded_and_reads_back_the_same():
    pathway = hostile_pathway()
    text = calendar_text(pathway, date(2026, 3, 1), 20, STAMP)
    lines = text.split("\r\n")
    assert lines[-1] == "" and "\n" not in text.replace("\r\n", "")  # CRLF, and only CRLF
    assert max(len(line.encode()) for line in lines) <= LINE_OCTETS
    assert any(line.startswith(" ") for line in lines)  # folded
    assert "SUMMARY:Engineer\\, Senior\\; Ops \\\\ Lead: Phase\\," in text.replace("\r\n ", "")
    first = events(text)[0]
    assert str(first["SUMMARY"]) == f"{pathway.target_role}: {pathway.roadmap[0].name}"
    assert str(first["DESCRIPTION"]) == "\n- ".join(["Tasks:", *pathway.roadmap[0].tasks])


def test_a_slot_is_never_cut_by_a_fold():
    data = pathway_data(role="r" * 64)  # the longest role: its UID line must fold
    pathway = Pathway.model_validate(data)
    parts = calendar_parts(pathway)
    assert len(parts) == 1 + len(SLOTS_PER_EVENT) * len(pathway.roadmap)
    text = calendar_text(pathway, date(2026, 3, 1), 20, STAMP)
    assert max(len(line.encode()) for line in text.split("\r\n")) <= LINE_OCTETS
    assert str(events(text)[0]["UID"]) == f"{'r' * 64}-1-2026-03-01@backend-ai-pathways"


def test_saved_plans_are_held_to_the_same_hours():
    def plan(hours):
        store = {"format": "backend-ai-pathways-progress", "version": 1, "quizzes": {}}
        return problem_of({**store, "plans": {"r": {"start": "2026-01-01", "hours": hours}}})

    assert plan(MAX_HOURS) is None
    assert str(MAX_HOURS) in plan(MAX_HOURS + 1)


def test_the_page_states_the_assumption_and_carries_full_time_hours(built_site):
    pathway = next(iter(CATALOG.pathways.values()))
    page = parse(built_site / "pathways" / pathway.role / "index.html")
    plan = page.find(id="study-plan")
    assert f"{FULL_TIME_HOURS} hours" in plan.text and "does not say how many hours" in plan.text
    phases = page.find_all(cls="pw-phase-dates")
    assert [int(p.find("span").attrs["data-pw-hours"]) for p in phases] == [
        phase.weeks * FULL_TIME_HOURS for phase in pathway.roadmap
    ]
    paced = [s for s in pathway.skills_to_learn if isinstance(s.weeks, int)]
    cells = [c for c in plan.find_all("td") if "data-pw-hours" in c.attrs]
    assert [int(c.attrs["data-pw-hours"]) for c in cells] == [
        s.weeks * FULL_TIME_HOURS for s in paced
    ]


def test_a_line_is_folded_only_where_the_next_character_or_slot_would_not_fit():
    """_folded (which slices ASCII text and weighs other text character by character) keeps the
    text and its slots whole, keeps every line within LINE_OCTETS, and folds a line only when
    the next character or slot would take it past that: each line is as full as it can be."""
    import random

    from macros.plan import _folded

    def size(atom) -> int:
        return atom.octets if isinstance(atom, Slot) else len(atom.encode())

    def text(pieces) -> str:
        return "".join(f"<{p.name}>" if isinstance(p, Slot) else p for p in pieces)

    rng = random.Random(11)
    alphabet = ["a", "b", " ", ",", "é", "→", "😀"]
    folds = 0
    for _ in range(2000):
        line = [
            rng.choice(SLOTS_PER_EVENT)
            if rng.random() < 0.2
            else "".join(rng.choices(alphabet[: rng.choice([4, 7])], k=rng.randint(0, 200)))
            for _ in range(rng.randint(1, 5))
        ]
        pieces = _folded(line)
        assert pieces[-1] == "\r\n"
        assert text(pieces[:-1]).replace("\r\n ", "") == text(line), line
        used = 0
        for piece, after in zip(pieces, pieces[1:], strict=False):
            if piece == "\r\n ":
                folds += 1
                assert used + size(after if isinstance(after, Slot) else after[0]) > LINE_OCTETS
                used = 1
            else:
                used += size(piece)
                assert used <= LINE_OCTETS, line
    assert folds > 1000  # long lines, folded: what is being checked
