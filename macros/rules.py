"""The review rules that are not a file's shape: how big a quiz must be, and what a placeholder is.

They live here once. `pathways validate` checks them (macros/review.py), the scaffold's comments
and sample values are rendered from them (templates/new_*.yaml.j2), the schemas describe them, and
a test keeps the numbers CONTRIBUTING.md states equal to these.
"""

from __future__ import annotations

import re

# The smallest quiz that still checks a role: enough questions to score a topic, enough keys the
# tests recompute, enough topics to point at what to study next.
MIN_QUESTIONS = 45
MIN_EXECUTABLE = 8
MIN_TOPICS = 4

# What `pathways new` writes where a contributor must put something from the source. Text reads
# "TODO: <what goes here>"; ids (which must be lower-case slugs) read "todo-<what>".
PLACEHOLDER_MARK = "TODO"
_PLACEHOLDER_TEXT = re.compile(rf"\b{PLACEHOLDER_MARK}\b")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def placeholder(hint: str) -> str:
    """A scaffold value that says what to write: 'TODO: the skill's name'."""
    return f"{PLACEHOLDER_MARK}: {hint}"


def placeholder_id(hint: str) -> str:
    """A scaffold id (a slug) that is recognisably unfilled: 'todo-first-skill'."""
    return f"{PLACEHOLDER_MARK.lower()}-{hint}"


def is_placeholder(value: object) -> bool:
    """Text still holding the scaffold's mark: 'TODO' as a word, or 'todo' as a part of an id."""
    if not isinstance(value, str):
        return False
    if _PLACEHOLDER_TEXT.search(value):
        return True
    return bool(_ID.match(value)) and PLACEHOLDER_MARK.lower() in value.split("-")
