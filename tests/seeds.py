"""Read the key figures straight from the source guides in sources/.

The site's prose is ours, so the tests compare what can be compared exactly: names, priorities,
weeks, counts of tasks and bullets, salary figures. Two layouts exist: four guides with headers
and bullets ("  • "), and the AI Research Engineer guide with dashes and no headers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

SOURCES = Path(__file__).resolve().parents[1] / "sources"

ROLE_FILES = {
    "ai-model-optimizer": "000_7f3ecbee7ddc3838.txt",
    "ai-platform-engineer": "001_beb0af2093a206a4.txt",
    "deep-learning-engineer": "002_64d046e4da0a868d.txt",
    "ai-research-engineer": "003_a9c61a1a10e25f71.txt",
    "ai-infrastructure-engineer": "004_27e95e9ff6033208.txt",
}

PRIORITY = re.compile(r"^(Critical|Important|Nice to have)(\d+ weeks?|Ongoing)$")


@dataclass
class Source:
    role: str
    difficulty: str | None = None
    timeline: str | None = None
    salary_change: str | None = None
    skills: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    phases: list[tuple[str, int, int]] = field(default_factory=list)  # name, weeks, task count
    bullets: dict[str, int] = field(default_factory=dict)  # list heading -> bullet count
    salary_figures: list[int] = field(default_factory=list)  # every $...k in the FAQ


def _between(lines: list[str], start: str, end: str) -> list[str]:
    first = next(i for i, line in enumerate(lines) if line.strip() == start)
    last = next(i for i, line in enumerate(lines) if i > first and line.strip() == end)
    return lines[first + 1 : last]


def _bullet_counts(lines: list[str], headings: list[str], bullet: str) -> dict[str, int]:
    counts, current = {}, None
    for line in lines:
        if line.strip() in headings:
            current = line.strip()
            counts[current] = 0
        elif current and line.startswith(bullet):
            counts[current] += 1
        elif current and line.strip() and not line.startswith(bullet):
            current = None
    return counts


HEADINGS = [
    "What You'll Love",
    "What You Might Miss",
    "Biggest Challenges",
    "This Week",
    "This Month",
    "Next 90 Days",
]


def read(role: str) -> Source:
    text = (SOURCES / ROLE_FILES[role]).read_text(encoding="utf-8")
    lines = text.splitlines()
    source = Source(role)
    faq = text[text.index("Frequently Asked Questions") :]
    source.salary_figures = [int(n) for n in re.findall(r"\$(\d+)[kK]", faq)]
    if "Difficulty" in lines:
        header = {lines[i]: lines[i + 1] for i in range(len(lines) - 1)}
        source.difficulty = header["Difficulty"]
        source.timeline = header["Timeline"]
        source.salary_change = header["Salary Change"]
        skill_lines = [
            line
            for line in _between(lines, "Skills You'll Need to Learn", "Your Learning Roadmap")
            if line.strip()
        ]
        for index, line in enumerate(skill_lines):
            match = PRIORITY.match(line.strip())
            if match:
                weeks = match.group(2)
                source.skills.append(
                    (
                        skill_lines[index - 1].strip(),
                        match.group(1),
                        "ongoing" if weeks == "Ongoing" else weeks,
                    )
                )
        roadmap = [
            line
            for line in _between(lines, "Your Learning Roadmap", "Reality Check")
            if line.strip()
        ]
        for index, line in enumerate(roadmap):
            if re.fullmatch(r"\d+", line.strip()):
                name, weeks = roadmap[index + 1].strip(), roadmap[index + 2].strip()
                tasks = 0
                for following in roadmap[index + 4 :]:
                    if not following.startswith("  • "):
                        break
                    tasks += 1
                source.phases.append((name, int(weeks.split()[0]), tasks))
        source.bullets = _bullet_counts(lines, HEADINGS, "  • ")
    else:
        skill_lines = _between(lines, "Skills You'll Need to Learn", "Your Learning Roadmap")[1:]
        source.skills = [
            (skill_lines[i].strip(), None, None) for i in range(0, len(skill_lines), 2)
        ]
        roadmap = _between(lines, "Your Learning Roadmap", "Reality Check")[1:]
        for index, line in enumerate(roadmap):
            match = re.match(r"^(\d+) weeks- ", line)
            if match:
                tasks = 1
                for following in roadmap[index + 1 :]:
                    if not following.startswith("- "):
                        break
                    tasks += 1
                source.phases.append((roadmap[index - 1].strip(), int(match.group(1)), tasks))
        source.bullets = _bullet_counts(lines, HEADINGS, "- ")
    return source
