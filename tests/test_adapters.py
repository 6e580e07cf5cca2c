"""The generator adapters: page stubs kept current, loud failure when set up wrong, no state.

The engine knows no generator. Pages come from stubs under docs/ that `pathways stubs` writes;
`define_env` (macros/__init__.py) serves mkdocs-macros and Zensical alike; the MkDocs hooks
(macros/mkdocs_hooks.py) refuse a site without the macros plugin and log one line per build.
"""

from __future__ import annotations

import logging
import re

import pytest
from conftest import ROOT, BuildFailed, build_site, example_project, make_project
from factories import pathway_data, quiz_data

from macros import cli
from macros.catalog import load_catalog
from macros.checks import warnings
from macros.stubs import expected_stubs, stub_problems


def test_the_committed_stubs_match_the_data():
    problems = stub_problems(ROOT, load_catalog(ROOT))
    assert problems == [], "\n".join(map(str, problems)) + "\nRun: .venv/bin/pathways stubs"


def test_every_data_file_has_a_stub_and_every_stub_has_data():
    catalog = load_catalog(ROOT)
    stubs = set(expected_stubs(catalog))
    assert stubs == {f"pathways/{r}.md" for r in catalog.pathways} | {
        f"quizzes/{r}.md" for r in catalog.quizzes
    }
    assert all((ROOT / "docs" / name).is_file() for name in stubs)


@pytest.mark.parametrize(
    ("damage", "found"),
    [
        ("delete", "found it missing"),
        ("edit", "found it out of date"),
    ],
)
def test_a_missing_or_stale_stub_stops_the_build_and_says_what_to_run(tmp_path, damage, found):
    project = example_project(tmp_path)
    stub = project / "docs" / "pathways" / "example-role.md"
    if damage == "delete":
        stub.unlink()
    else:
        stub.write_text(stub.read_text(encoding="utf-8").replace("title:", "title: X"), "utf-8")

    with pytest.raises(BuildFailed) as failure:
        build_site(project, tmp_path / "site")

    message = str(failure.value)
    stub_error = "docs/pathways/example-role.md:1:1: (page stub): expected the page stub"
    assert f"{stub_error} of its data, {found}" in message
    assert "run `pathways stubs`" in message


def test_a_stub_left_from_a_removed_role_is_named(tmp_path):
    project = example_project(tmp_path)
    (project / "docs" / "quizzes" / "gone-role.md").write_text(
        (project / "docs" / "quizzes" / "example-role.md").read_text(encoding="utf-8"), "utf-8"
    )
    problems = stub_problems(project, load_catalog(project))
    assert [p.file for p in problems] == ["docs/quizzes/gone-role.md"]
    assert "found none for it" in problems[0].message


def test_pathways_stubs_writes_and_deletes_until_check_passes(tmp_path, capsys):
    project = example_project(tmp_path)
    (project / "docs" / "pathways" / "example-role.md").unlink()
    orphan = project / "docs" / "quizzes" / "gone-role.md"
    orphan.write_text((project / "docs" / "quizzes" / "example-role.md").read_text(), "utf-8")

    assert cli.main(["--root", str(project), "stubs", "--check"]) == 1
    assert cli.main(["--root", str(project), "stubs"]) == 0
    out = capsys.readouterr().out
    assert "wrote docs/pathways/example-role.md" in out
    assert "deleted docs/quizzes/gone-role.md" in out
    assert not orphan.exists()
    assert cli.main(["--root", str(project), "stubs", "--check"]) == 0
    # A hand-written page in the same folder is not a stub and is left alone.
    own = project / "docs" / "quizzes" / "about.md"
    own.write_text("# About the quizzes\n", encoding="utf-8")
    assert cli.main(["--root", str(project), "stubs"]) == 0
    assert own.is_file()


def _config_without_macros(text: str) -> str:
    return re.sub(r"\n  - macros:\n(?:      .*\n)+", "\n", text)


def test_a_site_without_the_macros_plugin_fails_instead_of_publishing_raw_calls(tmp_path):
    project = example_project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(_config_without_macros(config.read_text(encoding="utf-8")), "utf-8")
    assert "module_name: macros" not in config.read_text(encoding="utf-8")

    with pytest.raises(BuildFailed) as failure:
        build_site(project, tmp_path / "site")

    assert "the pathway and quiz pages need the macros plugin" in str(failure.value)
    assert not (tmp_path / "site" / "pathways").exists()


def test_macros_rendering_every_page_is_refused(tmp_path):
    project = example_project(tmp_path)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("render_by_default: false", "render_by_default: true"), "utf-8")

    with pytest.raises(BuildFailed) as failure:
        build_site(project, tmp_path / "site")
    assert "the macros plugin is set up wrong (render_by_default: True)" in str(failure.value)


def test_the_adapter_keeps_nothing_between_builds(tmp_path):
    (tmp_path / "a").mkdir()
    first = make_project(
        tmp_path / "a",
        pathways={"first-role.yaml": pathway_data("first-role", "First Engineer")},
        quizzes={"first-role.yaml": quiz_data("first-role")},
        real_data=False,
    )
    second = example_project(tmp_path)

    build_site(first, tmp_path / "site-a")
    build_site(second, tmp_path / "site-b")

    assert (tmp_path / "site-a" / "pathways" / "first-role" / "index.html").is_file()
    built = sorted(p.name for p in (tmp_path / "site-b" / "pathways").iterdir())
    assert built == ["example-role"]
    home = (tmp_path / "site-b" / "index.html").read_text(encoding="utf-8")
    assert "First Engineer" not in home


def test_each_build_logs_one_line_with_the_pages_and_the_doubtful_figures(tmp_path):
    records: list[logging.LogRecord] = []
    handler = logging.Handler(level=logging.INFO)
    handler.emit = records.append
    logger = logging.getLogger("mkdocs.plugins.pathways")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    project = example_project(tmp_path)
    try:
        build_site(project, tmp_path / "site")
    finally:
        logger.removeHandler(handler)
    doubtful = len(warnings(load_catalog(project)))
    assert doubtful > 0  # the example data holds doubtful figures, so the count is exercised
    lines = [r.getMessage() for r in records]
    assert lines == [
        f"pathways: 1 pathway and 1 quiz pages from data; {doubtful} doubtful figure(s), "
        "listed by `pathways validate`"
    ]
