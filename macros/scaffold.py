"""`pathways new <role>`: a pathway and a quiz file with every field present and explained."""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .catalog import PATHWAYS_DIR, QUIZZES_DIR
from .models import SLUG_PATTERN
from .render import TEMPLATES


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
        path.write_text(env.get_template(template).render(role=role, title=title), encoding="utf-8")
    return list(targets.values())
