"""The macros adapter: the one entry point both generators that run our pages call.

mkdocs-macros (under MkDocs or ProperDocs) and Zensical's macros extension each call
`define_env(env)` before rendering, with `env.project_dir` and a `macro` decorator. It loads and
checks all data (raising with every problem, before anything is written), checks the page stubs,
and registers the macros. It keeps nothing between builds: each call builds its own renderer.
MkDocs-only checks and the build's log line live in `macros/mkdocs_hooks.py`. Where a step after
Markdown runs (MkDocs' hooks), the macros hand their HTML past Markdown (macros/stash.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from macros.catalog import load_catalog
from macros.problems import DataError
from macros.render import Renderer
from macros.stash import HtmlStash
from macros.stubs import stub_problems

# The doubtful-data summary the MkDocs hook logs once per build (a variable of this build's
# macros environment, not a module global: nothing survives the build).
SUMMARY_VARIABLE = "pathways_build"
# This build's HtmlStash, put there by a generator step that restores it after Markdown; without
# one (Zensical) the macros return their HTML to Markdown as it is.
STASH_VARIABLE = "pathways_stash"


class MacrosEnv(Protocol):
    """What mkdocs-macros' plugin and Zensical's MacroEnv both offer."""

    project_dir: str
    page: Any
    variables: dict[str, Any]

    def macro(self, function: Any, name: str = "") -> Any: ...


def _failure(message: str) -> Exception:
    """The generator's own error type where there is one, so it prints without a traceback."""
    try:
        from mkdocs.exceptions import PluginError
    except ImportError:  # Zensical: no MkDocs installed
        return RuntimeError(message)
    return PluginError(message)


def define_env(env: MacrosEnv) -> None:
    """Load and check all data and stubs (raising with every problem found); register macros."""
    from macros.doubts import warnings

    project = Path(env.project_dir)
    try:
        catalog = load_catalog(project)
    except DataError as error:
        raise _failure(str(error)) from None
    problems = stub_problems(project, catalog)
    if problems:
        raise _failure(str(DataError(problems)))
    renderer = Renderer(catalog)
    env.variables[SUMMARY_VARIABLE] = {
        "pathways": len(catalog.pathways),
        "quizzes": len(catalog.quizzes),
        "warnings": len(warnings(catalog)),
    }

    def page_url() -> str:
        return env.page.url if env.page is not None else ""

    def past_markdown(page: str) -> str:
        stash: HtmlStash | None = env.variables.get(STASH_VARIABLE)
        return page if stash is None else stash.hide(page)

    @env.macro
    def pathway_page(role: str) -> str:
        return past_markdown(renderer.pathway_page(role, page_url()))

    @env.macro
    def quiz_page(role: str) -> str:
        return past_markdown(renderer.quiz_page(role, page_url()))

    @env.macro
    def progress_page() -> str:
        return past_markdown(renderer.progress_page(page_url()))

    @env.macro
    def pathway_cards() -> str:
        return past_markdown(renderer.pathway_cards(page_url()))

    @env.macro
    def compare_page() -> str:
        return past_markdown(renderer.compare_page(page_url()))

    @env.macro
    def fit_page() -> str:
        return past_markdown(renderer.fit_page(page_url()))

    @env.macro
    def where_to_start() -> str:
        return renderer.where_to_start(page_url())

    @env.macro
    def progress_transfer() -> str:
        return past_markdown(renderer.progress_transfer(page_url()))

    @env.macro
    def pathway_count() -> str:
        return renderer.pathway_count()

    @env.macro
    def project_markdown(name: str) -> str:
        """A Markdown file of the project (CONTRIBUTING.md), as text: it is not a template."""
        return (project / name).read_text(encoding="utf-8")
