"""The page stubs of the generated pages: front matter and one macro call each.

Zensical runs `define_env` (its macros extension) but no MkDocs hooks or plugins, so no generator
can be relied on to create pages from data at build time. `pathways stubs` writes one small
Markdown file per pathway and per quiz under docs/ instead, the same files for every generator.
`stub_problems` names each stub that is missing, stale or left over from a removed role; the
adapter and `pathways validate` refuse to go on while there is one.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .catalog import Catalog
from .problems import Problem
from .render import front_matter_text

STUB_FOLDERS = ("pathways", "quizzes")
COMMAND = "pathways stubs"
_MARK = f"# Written by `{COMMAND}` from the data: do not edit, run `{COMMAND}` instead.\n"


def _stub(meta: dict[str, str], call: str, theme_meta: dict | None = None) -> str:
    """A page stub: data text in `meta` is escaped; `theme_meta` holds our own settings."""
    front: dict = {key: front_matter_text(value) for key, value in meta.items()}
    front.update(theme_meta or {})
    front["render_macros"] = True
    text = yaml.safe_dump(front, sort_keys=False, allow_unicode=True)
    return f"---\n{_MARK}{text}---\n\n{{{{ {call} }}}}\n"


def expected_stubs(catalog: Catalog) -> dict[str, str]:
    """Each generated page's path under docs/ and its text."""
    stubs = {}
    for role, pathway in catalog.pathways.items():
        stubs[f"pathways/{role}.md"] = _stub(
            {"title": pathway.target_role, "description": pathway.summary},
            f'pathway_page("{role}")',
        )
    for role, quiz in catalog.quizzes.items():
        stubs[f"quizzes/{role}.md"] = _stub(
            {"title": f"{catalog.pathway(role).target_role} quiz", "description": quiz.description},
            f'quiz_page("{role}")',
            # The right-hand column holds the quiz's progress panel; the theme adds the skip link
            # to the questions and the no-JS style (overrides/main.html). Nothing here comes from
            # the questions, so editing or reordering them leaves the stub as it is.
            {"hide": ["toc"], "pw_quiz": True},
        )
    return stubs


def _written(docs: Path) -> dict[str, Path]:
    """The stubs on disk: Markdown files in the stub folders that carry the stub mark."""
    found = {}
    for folder in STUB_FOLDERS:
        for path in sorted((docs / folder).glob("*.md")):
            if _MARK in path.read_text(encoding="utf-8"):
                found[f"{folder}/{path.name}"] = path
    return found


def stub_problems(root: Path, catalog: Catalog) -> list[Problem]:
    """One problem per stub that is missing, out of date, or has no data any more."""
    docs = root / "docs"
    on_disk = _written(docs)
    expected = expected_stubs(catalog)
    problems = []
    for name, text in expected.items():
        path = docs / name
        if not path.is_file():
            found = "it missing"
        elif path.read_text(encoding="utf-8") != text:
            found = "it out of date (its data changed, or it was edited)"
        else:
            continue
        problems.append(_problem(name, f"expected the page stub of its data, found {found}"))
    for name in sorted(set(on_disk) - set(expected)):
        problems.append(_problem(name, "expected a stub for data that exists, found none for it"))
    return problems


def _problem(name: str, message: str) -> Problem:
    return Problem(f"docs/{name}", 1, 1, "(page stub)", f"{message}; run `{COMMAND}`")


def write_stubs(root: Path, catalog: Catalog) -> list[str]:
    """Write missing and stale stubs, delete left-over ones; return what changed."""
    docs = root / "docs"
    changed = []
    expected = expected_stubs(catalog)
    for name, text in expected.items():
        path = docs / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(f"wrote docs/{name}")
    for name, path in _written(docs).items():
        if name not in expected:
            path.unlink()
            changed.append(f"deleted docs/{name}")
    return changed
