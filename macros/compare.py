"""The roles compared: which catalogue skills each role has, and how much of one role's learning
carries to another.

The rule of coverage: learning for role A covers a skill to learn of role B when every catalogue
id the skill counts as is among the ids of A's skills to learn (what A already has from backend
work is not learning). N is the weeks of B's covered skills, M the weeks of all B's skills to
learn; skills whose time the source gives as "ongoing" or not at all are in neither, and counted
apart so the page can say how many were left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .models import Pathway, SkillToLearn, TransferableSkill


def learning_ids(pathway: Pathway) -> set[str]:
    """The catalogue ids a role's skills to learn count as."""
    return {skill_id for skill in pathway.skills_to_learn for skill_id in skill.counts_as}


def numeric_weeks(skill: SkillToLearn) -> int | None:
    return skill.weeks if isinstance(skill.weeks, int) else None


@dataclass(frozen=True)
class Coverage:
    learner: str  # role A, whose learning is counted
    target: str  # role B, whose weeks are covered
    covered_weeks: int  # N
    total_weeks: int  # M
    uncounted: int  # B's skills to learn with no weeks stated, or "ongoing"

    @property
    def share(self) -> Fraction | None:
        return Fraction(self.covered_weeks, self.total_weeks) if self.total_weeks else None


def coverage(learner: Pathway, target: Pathway) -> Coverage:
    known = learning_ids(learner)
    covered = uncounted = 0
    for skill in target.skills_to_learn:
        weeks = numeric_weeks(skill)
        if weeks is None:
            uncounted += 1
        elif set(skill.counts_as) <= known:
            covered += weeks
    return Coverage(learner.role, target.role, covered, target.learning_weeks, uncounted)


def coverage_matrix(pathways: dict[str, Pathway]) -> dict[tuple[str, str], Coverage]:
    """Every ordered pair of different roles: (learning for, covers of) -> Coverage."""
    return {
        (a, b): coverage(pathways[a], pathways[b]) for a in pathways for b in pathways if a != b
    }


def best_pair(role: str, matrix: dict[tuple[str, str], Coverage]) -> Coverage | None:
    """The role whose counted weeks `role`'s learning covers the largest share of (then the
    most weeks; then the first in the site's order), or None if it covers no week of any."""
    found = [c for (a, _), c in matrix.items() if a == role and c.covered_weeks]
    if not found:
        return None
    return max(found, key=lambda c: (c.share, c.covered_weeks))  # max keeps the first of a tie


@dataclass(frozen=True)
class Cell:
    """One pathway skill in the overlap view."""

    name: str  # the source's name
    transferable: bool
    priority: str | None
    weeks: int | str | None


@dataclass(frozen=True)
class OverlapRow:
    skill_id: str
    skill_name: str  # the catalogue's name
    cells: dict[str, list[Cell]]  # by role, every role present ([] where the role lacks it)

    @property
    def role_count(self) -> int:
        return sum(bool(cells) for cells in self.cells.values())


def _cell(skill: TransferableSkill | SkillToLearn) -> Cell:
    if isinstance(skill, TransferableSkill):
        return Cell(skill.name, True, None, None)
    return Cell(skill.name, False, skill.priority, skill.weeks)


def overlap_rows(pathways: dict[str, Pathway], catalogue) -> list[OverlapRow]:
    """Catalogue skills x roles, the skills most roles share first (then the catalogue's order);
    a catalogue skill no role has is left out."""
    rows = []
    for entry in catalogue.skills:
        cells = {
            role: [
                _cell(skill)
                for skill in [*pathway.transferable_skills, *pathway.skills_to_learn]
                if entry.id in skill.counts_as
            ]
            for role, pathway in pathways.items()
        }
        row = OverlapRow(entry.id, entry.name, cells)
        if row.role_count:
            rows.append(row)
    return sorted(rows, key=lambda row: -row.role_count)  # sorted() is stable


def critical_count(pathway: Pathway) -> int | None:
    """How many skills to learn the source ranks Critical; None where it ranks none of them."""
    if all(skill.priority is None for skill in pathway.skills_to_learn):
        return None
    return sum(skill.priority == "Critical" for skill in pathway.skills_to_learn)
