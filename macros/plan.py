"""The dated study plan: its one assumption, and the dates a plan gives.

The sources give the roadmap's phases and the skills' times in weeks and never say how many hours
a week those weeks hold. The plan takes a source week to be a full-time week of FULL_TIME_HOURS,
so at `hours` a week a phase of `weeks` takes weeks x FULL_TIME_HOURS / hours calendar weeks,
rounded up to whole days. The page states this; docs/javascripts/plan.js computes the same dates
in the browser, and the tests hold its calendar to `phase_dates`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import NamedTuple

from .models import Pathway

FULL_TIME_HOURS = 40
"""Hours a week of one of the source's weeks (a full-time week), the plan's assumption."""

MAX_HOURS = 80
"""The most hours a week a plan may give (macros/progress.py checks saved plans against it;
docs/javascripts/progress.js holds the same bound)."""


def calendar_days(weeks: int, hours: int) -> int:
    """Days that `weeks` of the source take at `hours` a week, rounded up to a whole day."""
    return -(-weeks * 7 * FULL_TIME_HOURS // hours)


def phase_dates(pathway: Pathway, start: date, hours: int) -> list[tuple[date, date]]:
    """Each roadmap phase's first and last day (inclusive), one phase after the other."""
    dates = []
    for phase in pathway.roadmap:
        end = start + timedelta(days=calendar_days(phase.weeks, hours))
        dates.append((start, end - timedelta(days=1)))
        start = end
    return dates


def plan_data(pathway: Pathway) -> dict:
    """What the page's script needs besides the hours on the page: the role, and the calendar's
    parts (it computes the dates from the learner's start and hours)."""
    return {"role": pathway.role, "calendar": calendar_parts(pathway)}


def full_time_hours(weeks: int) -> int:
    """The hours of study in `weeks` of the source, at FULL_TIME_HOURS a week."""
    return weeks * FULL_TIME_HOURS


# ------------------------------------------------------------------------------- the calendar

DOMAIN = "backend-ai-pathways"
PRODUCT = "-//Backend AI Pathways//Study plan//EN"
LINE_OCTETS = 75  # RFC 5545 3.1: content lines are folded at 75 octets, CRLF not counted


class Slot(NamedTuple):
    """A value the browser fills in: the plan's start (YYYY-MM-DD), the time of the download
    (UTC, YYYYMMDDTHHMMSS, the Z after it), or a phase's first day or the day after its last
    (YYYYMMDD)."""

    name: str
    octets: int


START, STAMP, FIRST, END = Slot("start", 10), Slot("stamp", 15), Slot("first", 8), Slot("end", 8)
SLOTS_PER_EVENT = (START, STAMP, FIRST, END)  # in the order they appear in each event


def escape_text(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newline escaped."""
    for char, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        text = text.replace(char, escaped)
    return text


def _folded(line: list[str | Slot]) -> list[str | Slot]:
    """A content line as pieces, folded so no line passes LINE_OCTETS; a slot is never cut."""
    pieces: list[str | Slot] = []
    used = 0
    for piece in line:
        if isinstance(piece, str) and piece.isascii():  # one octet a character: cut by slicing
            while piece:
                if used >= LINE_OCTETS:
                    pieces.append("\r\n ")
                    used = 1
                room = LINE_OCTETS - used
                pieces.append(piece[:room])
                used += len(piece[:room])
                piece = piece[room:]
            continue
        for atom in [piece] if isinstance(piece, Slot) else piece:
            size = atom.octets if isinstance(atom, Slot) else len(atom.encode())
            if used + size > LINE_OCTETS:
                pieces.append("\r\n ")
                used = 1
            pieces.append(atom)
            used += size
    return [*pieces, "\r\n"]


def calendar_parts(pathway: Pathway) -> list[str]:
    """The plan's calendar (one all-day event per phase) as the text between its slots, which
    come SLOTS_PER_EVENT in each event: the page joins the parts with the learner's values."""
    lines: list[list[str | Slot]] = [["BEGIN:VCALENDAR"], ["VERSION:2.0"], [f"PRODID:{PRODUCT}"]]
    for number, phase in enumerate(pathway.roadmap, 1):
        tasks = "\n- ".join(["Tasks:", *phase.tasks])
        lines += [
            ["BEGIN:VEVENT"],
            [f"UID:{pathway.role}-{number}-", START, f"@{DOMAIN}"],
            ["DTSTAMP:", STAMP, "Z"],
            ["DTSTART;VALUE=DATE:", FIRST],
            ["DTEND;VALUE=DATE:", END],
            ["SUMMARY:" + escape_text(f"{pathway.target_role}: {phase.name}")],
            ["DESCRIPTION:" + escape_text(tasks)],
            ["END:VEVENT"],
        ]
    lines.append(["END:VCALENDAR"])
    parts = [""]
    for piece in (piece for line in lines for piece in _folded(line)):
        if isinstance(piece, Slot):
            parts.append("")
        else:
            parts[-1] += piece
    return parts


def calendar_text(pathway: Pathway, start: date, hours: int, stamp: datetime) -> str:
    """The calendar the page downloads for this plan, made here the same way (for the tests,
    and for any tool that wants one)."""
    values = []
    for first, last in phase_dates(pathway, start, hours):
        values += [
            start.isoformat(),
            stamp.astimezone(UTC).strftime("%Y%m%dT%H%M%S"),
            first.strftime("%Y%m%d"),
            (last + timedelta(days=1)).strftime("%Y%m%d"),
        ]
    parts = calendar_parts(pathway)
    return parts[0] + "".join(value + part for value, part in zip(values, parts[1:], strict=True))
