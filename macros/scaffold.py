"""`pathways new <role>`: a pathway and a quiz file with every field present and explained."""

from __future__ import annotations

import json
import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from . import rules
from .catalog import PATHWAYS_DIR, QUIZZES_DIR
from .models import SLUG_PATTERN
from .render import TEMPLATES


def _context(role: str, title: str) -> dict:
    """What the templates fill in: every placeholder and rule comes from macros/rules.py."""
    return {
        "role": role,
        "title": title,
        "mark": rules.PLACEHOLDER_MARK,
        # JSON strings are YAML strings: a hint may hold ': ' without breaking the file.
        "todo": lambda hint: json.dumps(rules.placeholder(hint)),
        "skill_id": rules.placeholder_id("first-skill"),
        "counts_as_id": rules.placeholder_id("id-in-data-skills-yaml"),
        "question_id": rules.placeholder_id(f"{role}-question"),
        "min_questions": rules.MIN_QUESTIONS,
        "min_executable": rules.MIN_EXECUTABLE,
        "min_topics": rules.MIN_TOPICS,
    }


def write_scaffold(root: Path, role: str) -> list[Path]:
    if not re.match(SLUG_PATTERN, role) or len(role) < 2:
        raise ValueError(f"expected a role like ml-security-engineer, found {role!r}")
    targets = {
        "new_pathway.yaml.j2": root / PATHWAYS_DIR / f"{role}.yaml",
        "new_quiz.yaml.j2": root / QUIZZES_DIR / f"{role}.yaml",
    }
    for path in targets.values():
        if path.exists():
            raise FileExistsError(f"{path} exists already; edit it instead")
    # YAML, not HTML: no autoescaping; the role is a slug and the title is built from it.
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )
    title = " ".join(
        word.upper() if word in {"ai", "ml"} else word.capitalize() for word in role.split("-")
    )
    for template, path in targets.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        text = env.get_template(template).render(**_context(role, title))
        path.write_text(text, encoding="utf-8")
    return list(targets.values())
