"""Shared fixtures: the real site built once per session, throw-away projects, a real Chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import logging
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from factories import pathway_data, quiz_data, write_yaml

ROOT = Path(__file__).resolve().parents[1]
# The project whose data the `data` tests check: this repository, or (PATHWAYS_PROJECT) another
# copy of the site, as tests/test_contributing.py does with a sixth pathway written in a test.
PROJECT = Path(os.environ.get("PATHWAYS_PROJECT", ROOT)).resolve()
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


class BuildFailed(Exception):
    """The build stopped; the message is what MkDocs logged."""


def build_site(project: Path, site_dir: Path) -> list[str]:
    """Build `project` into `site_dir` in-process, as `mkdocs build` does; return its warnings."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir))
        build(config)
    except Abort as abort:
        raise BuildFailed("\n".join(r.getMessage() for r in collect.records)) from abort
    finally:
        logger.removeHandler(collect)
    return [record.getMessage() for record in collect.records]


def make_project(
    where: Path,
    pathways: dict[str, object] | None = None,
    quizzes: dict[str, object] | None = None,
    real_data: bool = True,
) -> Path:
    """A copy of the site with the real data (or none) plus the given files (dict or raw text)."""
    project = where / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project)
    shutil.copy(ROOT / "CONTRIBUTING.md", project)
    for folder in ("docs", "overrides"):
        if (ROOT / folder).exists():
            shutil.copytree(ROOT / folder, project / folder)
    (project / "macros").symlink_to(ROOT / "macros", target_is_directory=True)
    for folder in ("data/pathways", "quizzes"):
        (project / folder).mkdir(parents=True)
        if real_data:
            for source in (ROOT / folder).glob("*.yaml"):
                shutil.copy(source, project / folder)
    shutil.copy(ROOT / "data" / "skills.yaml", project / "data")  # site-wide, like mkdocs.yml
    if real_data:  # the reviewed record of the real resources without a link
        shutil.copy(ROOT / "data" / "unlinked_resources.yaml", project / "data")
    for folder, files in (("data/pathways", pathways or {}), ("quizzes", quizzes or {})):
        for name, content in files.items():
            path = project / folder / name
            if isinstance(content, str):
                path.write_text(content, encoding="utf-8")
            else:
                write_yaml(path, content)
    _refresh_stubs(project)
    return project


def _refresh_stubs(project: Path) -> None:
    """Write the project's page stubs, as a contributor runs `pathways stubs` after new data.

    Data that does not load gets none: the build then stops at the data's own errors first."""
    from macros.catalog import load_catalog
    from macros.problems import DataError
    from macros.stubs import write_stubs

    with contextlib.suppress(DataError):
        write_stubs(project, load_catalog(project))


def example_project(where: Path, pathway: dict | None = None, quiz: dict | None = None) -> Path:
    """A small project: the example pathway and its quiz (or the given edits of them), no real
    data, so it builds fast."""
    return make_project(
        where,
        pathways={"example-role.yaml": pathway_data() if pathway is None else pathway},
        quizzes={"example-role.yaml": quiz_data() if quiz is None else quiz},
        real_data=False,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site of PROJECT (the real one unless told otherwise), built once per session."""
    site = tmp_path_factory.mktemp("site")
    warnings = build_site(PROJECT, site)
    assert warnings == [], f"the build warned: {warnings}"
    return site


@contextlib.contextmanager
def serve(directory: Path, prefix: str = "/") -> Iterator[str]:
    """Serve a built site on loopback, as a reader's browser would fetch it, under the path
    `prefix` (as a project site on GitHub Pages is); yield its URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory), prefix=prefix)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_server(built_site) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, prefix: str = "/", **kwargs):
        self.prefix = prefix
        super().__init__(*args, **kwargs)

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "no-such-file")
        return super().translate_path("/" + path[len(self.prefix) :])

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


# ------------------------------------------------------------------------------------ Chromium

CHROMIUM_HELP = (
    "The browser tests drive a real Chromium and none was found. Install one, then run again:\n"
    "  Debian/Ubuntu:  sudo apt-get install chromium\n"
    "  Fedora:         sudo dnf install chromium\n"
    "  macOS:          brew install --cask chromium\n"
    "  any system:     .venv/bin/python -m playwright install chromium\n"
    "or point PATHWAYS_CHROMIUM at a Chrome or Chromium executable."
)

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def find_chromium(playwright) -> str | None:
    """A Chromium executable: $PATHWAYS_CHROMIUM, one on PATH, or Playwright's own download."""
    candidates = [os.environ.get("PATHWAYS_CHROMIUM")]
    candidates += [
        shutil.which(name)
        for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
    ]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return candidate
    try:
        managed = playwright.chromium.executable_path
    except Exception:  # noqa: BLE001 - Playwright raises its own error types here
        return None
    return managed if managed and Path(managed).is_file() else None


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        executable = find_chromium(playwright)
        if executable is None:
            pytest.fail(CHROMIUM_HELP, pytrace=False)
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, site_server):
    context = browser.new_context(base_url=site_server)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], f"JavaScript errors on the page: {errors}"


def throttle_like_a_phone(context, page) -> None:
    """A slow CPU and link for `page`, so it streams in and paints in parts, as on a phone
    network: what layout-shift checks need to see a shift a fast load would hide."""
    network = context.new_cdp_session(page)
    network.send("Network.enable")
    network.send("Emulation.setCPUThrottlingRate", {"rate": 8})
    network.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": 40,
            "downloadThroughput": 200_000,
            "uploadThroughput": 100_000,
        },
    )
