"""The MkDocs adapter: the only module that knows MkDocs exists.

mkdocs-macros calls `define_env` when the build starts (MkDocs' on_config, before the site
directory is touched), so bad data fails the build before anything is written. MkDocs calls
`on_files` (this file is also listed under `hooks:`) to add one page per pathway and per quiz:
adding a pathway is adding one YAML file.
"""

from pathlib import Path

from macros.catalog import load_catalog
from macros.loader import DataError
from macros.render import Renderer

# Loaded data per project, shared by the two entry points. This file runs twice (as the package
# mkdocs-macros imports and as a MkDocs hook module), so state lives on the package module only.
renderers: dict[Path, Renderer] = {}


def _project_dir(config) -> Path:
    return Path(config["config_file_path"]).resolve().parent


def _load(project_dir: Path) -> Renderer:
    """Load all data; bad data stops MkDocs with every problem listed and no traceback."""
    from mkdocs.exceptions import PluginError

    try:
        return Renderer(load_catalog(project_dir))
    except DataError as error:
        raise PluginError(str(error)) from None


def define_env(env):
    """Load and check all data (raising with every problem found), then register the macros."""
    import macros

    renderer = _load(_project_dir(env.conf))
    macros.renderers[_project_dir(env.conf)] = renderer  # each (re)build reloads the data

    def page_url() -> str:
        return env.page.url if env.page is not None else ""

    @env.macro
    def pathway_page(role: str) -> str:
        return renderer.pathway_page(role, page_url())

    @env.macro
    def quiz_page(role: str) -> str:
        return renderer.quiz_page(role, page_url())

    @env.macro
    def pathway_cards() -> str:
        return renderer.pathway_cards(page_url())

    @env.macro
    def where_to_start() -> str:
        return renderer.where_to_start(page_url())

    @env.macro
    def pathway_count() -> str:
        return renderer.pathway_count()

    @env.macro
    def project_markdown(name: str) -> str:
        """A Markdown file of the project (CONTRIBUTING.md), as text: it is not a template."""
        return (_project_dir(env.conf) / name).read_text(encoding="utf-8")


def on_files(files, config):
    """MkDocs hook: a generated page per pathway and per quiz (mkdocs-macros has no files event)."""
    from mkdocs.structure.files import File

    import macros

    renderer = macros.renderers.get(_project_dir(config))
    if renderer is None:  # the macros plugin is not configured: load the data here
        renderer = macros.renderers[_project_dir(config)] = _load(_project_dir(config))
    for src_uri, content in renderer.page_sources().items():
        files.append(File.generated(config, src_uri, content=content))
    return files
