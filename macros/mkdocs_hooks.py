"""MkDocs hooks (also run by ProperDocs): refuse a misconfigured site, log one line per build.

The pages themselves come from the stubs and `define_env` (macros/__init__.py); these hooks only
make sure that the macros plugin is there to render them, and say what the build did.
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from macros import SUMMARY_VARIABLE

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = logging.getLogger("mkdocs.plugins.pathways")

_SETUP = (
    "in mkdocs.yml, under plugins:, list\n"
    "  - macros:\n"
    "      module_name: macros\n"
    "      render_by_default: false\n"
    "      on_undefined: strict\n"
    "      on_error_fail: true"
)


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


def on_post_build(config: MkDocsConfig) -> None:
    summary = config.plugins["macros"].variables.get(SUMMARY_VARIABLE)
    if summary is None:  # define_env did not run: nothing of ours was built
        raise PluginError("the macros plugin did not load the pathway data; " + _SETUP)
    log.info(
        "pathways: %d pathway and %d quiz pages from data; %d doubtful figure(s), "
        "listed by `pathways validate`",
        summary["pathways"],
        summary["quizzes"],
        summary["warnings"],
    )
