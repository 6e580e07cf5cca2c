"""MkDocs hooks (also run by ProperDocs): refuse a misconfigured site, log one line per build.

The pages themselves come from the stubs and `define_env` (macros/__init__.py); these hooks make
sure that the macros plugin is there to render them, put the HTML the macros kept away from
Markdown back into each page (macros/stash.py), keep the theme's compiled templates between
builds, and say what the build did.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import FileSystemBytecodeCache
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from macros import STASH_VARIABLE, SUMMARY_VARIABLE
from macros.assets import inline_css, minify_site
from macros.search_skip import SearchSkip
from macros.stash import HtmlStash

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

log = logging.getLogger("mkdocs.plugins.pathways")

_SETUP = (
    "in mkdocs.yml, under plugins:, list\n"
    "  - macros:\n"
    "      module_name: macros\n"
    "      render_by_default: false\n"
    "      on_undefined: strict\n"
    "      on_error_fail: true"
)


# The theme's variable for our CSS, written inline into each page's head.
INLINE_CSS_VARIABLE = "pathways_css"

# This build's SearchSkip (macros/search_skip.py), beside the stash.
SEARCH_SKIP_VARIABLE = "pathways_search_skip"

# Set by the Pages workflow: this build is the one that gets published.
PUBLISH_VARIABLE = "PATHWAYS_PUBLISH"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Without the macros plugin the pages would publish their raw `{{ ... }}` calls: refuse.
    A build for publishing needs the site's address; a local build has none, on purpose."""
    if os.environ.get(PUBLISH_VARIABLE) and not config.site_url:
        raise PluginError(
            f"{PUBLISH_VARIABLE} is set but the site has no address: set SITE_URL to the "
            "published URL (the Pages workflow takes it from actions/configure-pages)"
        )
    plugin = config.plugins.get("macros")
    if plugin is None:
        raise PluginError(f"the pathway and quiz pages need the macros plugin; {_SETUP}")
    settings = plugin.config
    wrong = [
        f"{key}: {settings.get(key)!r}"
        for key, wanted in (
            ("module_name", "macros"),
            ("render_by_default", False),
            ("on_undefined", "strict"),
            ("on_error_fail", True),
        )
        if settings.get(key) != wanted
    ]
    if wrong:
        raise PluginError(f"the macros plugin is set up wrong ({', '.join(wrong)}); {_SETUP}")
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    """A fresh stash for this build: from now on the macros hand their HTML past Markdown."""
    variables = config.plugins["macros"].variables
    variables[STASH_VARIABLE] = HtmlStash()
    variables[SEARCH_SKIP_VARIABLE] = SearchSkip()


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """MkDocs compiles every theme template anew in each build (a fifth of a small site's build,
    and of each `mkdocs serve` rebuild); Jinja's bytecode cache, which our own templates use
    too, keeps them compiled between builds and checks each against its source, like .pyc."""
    if env.bytecode_cache is None:
        env.bytecode_cache = FileSystemBytecodeCache()
    # Our CSS goes into each page's head (overrides/main.html): a stylesheet link of ours would
    # hold back the first paint by a round trip on a phone. Read anew each build, for `serve`.
    env.globals[INLINE_CSS_VARIABLE] = Markup(inline_css(Path(config.docs_dir)))
    return env


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The page's HTML blocks back in place of their placeholders; what search skips in them
    (answers, forms) hidden from its parser until on_page_context."""
    variables = config.plugins["macros"].variables
    restored = variables[STASH_VARIABLE].restore(html)
    if HtmlStash.MARK in restored:  # Markdown moved a placeholder: say so, never publish it
        raise PluginError(f"{page.file.src_uri}: an HTML block of ours was not put back")
    return variables[SEARCH_SKIP_VARIABLE].hide(restored)


@event_priority(-100)  # after the search plugin has indexed the page
def on_page_context(
    context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext:
    """What search skipped back in the page, before the theme writes it."""
    skipped = config.plugins["macros"].variables[SEARCH_SKIP_VARIABLE]
    page.content = skipped.restore(page.content or "")
    if SearchSkip.MARK in page.content:  # a skeleton not put back: never publish it
        raise PluginError(f"{page.file.src_uri}: an element hidden from search was not put back")
    return context


def on_post_build(config: MkDocsConfig) -> None:
    summary = config.plugins["macros"].variables.get(SUMMARY_VARIABLE)
    if summary is None:  # define_env did not run: nothing of ours was built
        raise PluginError("the macros plugin did not load the pathway data; " + _SETUP)
    minify_site(Path(config.docs_dir), Path(config.site_dir))
    log.info(
        "pathways: %d pathway and %d quiz pages from data; %d doubtful figure(s), "
        "listed by `pathways validate`",
        summary["pathways"],
        summary["quizzes"],
        summary["warnings"],
    )
