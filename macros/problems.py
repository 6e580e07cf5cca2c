"""What is wrong in a data file, and where: the one shape every check reports in.

A problem reads `file:line:col: field.path: expected X, found Y`, so a contributor can act on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

Location = tuple[int, int]  # 1-based line and column
FieldPath = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (or doubtful) in a data file."""

    file: str
    line: int
    column: int
    field: str
    message: str
    # A note is not a mistake: it says what could not be checked because of one elsewhere.
    note: bool = False

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.field}: {self.message}"


class DataError(Exception):
    """Raised with every problem found, so a contributor sees all of them in one run."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = sorted(problems)
        count = sum(not p.note for p in self.problems)
        heading = f"{count} problem{'s' if count != 1 else ''} in the data files:"
        super().__init__("\n".join([heading, *map(str, self.problems)]))


def dotted(field: FieldPath) -> str:
    """A field path as a contributor reads it: skills_to_learn[3].priority."""
    text = ""
    for part in field:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(root)"
