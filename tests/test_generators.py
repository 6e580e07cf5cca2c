"""The same checkout builds with Material's successors, with the same facts on every page.

Material for MkDocs reaches end of life on 2027-05-05. Zensical (its successor: reads mkdocs.yml,
runs `define_env`, runs no MkDocs hooks or plugins) and ProperDocs (a maintained fork of MkDocs
1.6) each build the real site from a copy of the project, in their own venvs (`make successors`).
Every pathway and quiz page must exist and carry exactly the facts of the MkDocs build: the text
of every element our templates emit (classes `pw-*`) and of every heading, in order.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, make_project
from pages import Element, article

from macros.catalog import load_catalog
from macros.successors import GENERATORS

pytestmark = pytest.mark.successors
CATALOG = load_catalog(ROOT)
PAGES = [f"pathways/{role}" for role in CATALOG.pathways] + [
    f"quizzes/{role}" for role in CATALOG.quizzes
]
PAGES += ["journey/fit"]


@pytest.fixture(scope="module", params=GENERATORS)
def successor_site(request, tmp_path_factory) -> Path:
    name = request.param
    python = ROOT / f".venv-{name}" / "bin" / "python"
    if not python.is_file():
        pytest.fail(f"{name} is not installed here: run `make successors`", pytrace=False)
    project = make_project(tmp_path_factory.mktemp(name))
    site = project / f"site-{name}"
    result = subprocess.run(
        [str(python), "-m", "macros.successors", name, str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, f"{name} failed:\n{result.stdout}\n{result.stderr}"
    return site


def _text(element: Element) -> str:
    """An element's text without heading permalinks (each generator draws its own)."""
    parts = [
        c if isinstance(c, str) else _text(c)
        for c in element.children
        if isinstance(c, str) or "headerlink" not in c.classes
    ]
    return " ".join(" ".join(parts).split())


def facts(page: Path) -> list[str]:
    """The text of each outermost element our templates emit, and of each heading, in order."""
    found: list[str] = []

    def walk(element: Element) -> None:
        for child in element.children:
            if isinstance(child, str):
                continue
            if any(c.startswith("pw-") for c in child.classes) or child.tag in ("h1", "h2", "h3"):
                found.append(_text(child))
            else:
                walk(child)

    walk(article(page))
    return found


@pytest.mark.parametrize("page", PAGES)
def test_a_successor_builds_the_page_with_the_same_facts(successor_site, built_site, page):
    theirs = successor_site / page / "index.html"
    assert theirs.is_file(), f"{successor_site.name} did not build {page}/"
    ours = facts(built_site / page / "index.html")
    assert sum(map(len, ours)) > 2000  # the comparison has the page's content to compare
    assert facts(theirs) == ours
