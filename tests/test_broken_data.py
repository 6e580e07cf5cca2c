"""Bad input gets a clear error and loses nothing.

Each file under tests/broken/ is broken on purpose and says, in its `# expect:` line, the message
it must produce. `pathways validate` and the site build both reject it with that message (file,
line, column, field, expected, found), and a previous good build in the site directory survives.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import PROJECT, ROOT, BuildFailed, build_site, example_project, make_project
from factories import complete_pathway_and_quiz, pathway_data, quiz_data, write_yaml

from macros import cli
from macros.catalog import SKILLS_FILE, load_catalog
from macros.problems import DataError

BROKEN = sorted((ROOT / "tests" / "broken").glob("*.yaml"))


def expectation(path: Path) -> str:
    match = re.search(r"^# expect: (.+)$", path.read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert match, f"{path.name} has no '# expect:' line"
    return match.group(1)


def destination(path: Path) -> str:
    """Where a corpus file goes in a project, as messages name it: a quiz or a pathway beside
    the example's, a catalogue in place of data/skills.yaml."""
    if path.name.startswith("skills-"):
        return SKILLS_FILE.as_posix()
    folder = "quizzes" if path.name.startswith("quiz-") else "data/pathways"
    return f"{folder}/{path.name}"


@pytest.fixture(name="example_project")
def example_project_fixture(tmp_path) -> Path:
    return example_project(tmp_path)


def test_the_corpus_covers_every_kind_of_mistake():
    kinds = {p.stem for p in BROKEN}
    assert len(kinds) >= 15
    for required in (
        "pathway-syntax-error",
        "pathway-unknown-key",
        "pathway-wrong-type",
        "pathway-bad-priority",
        "pathway-missing-field",
        "pathway-zero-weeks",
        "pathway-duplicate-role",
        "pathway-javascript-link",
        "pathway-empty-file",
        "pathway-list-for-mapping",
    ):
        assert required in kinds


@pytest.mark.parametrize("broken", BROKEN, ids=lambda p: p.stem)
def test_validate_names_file_line_and_field(broken, example_project, capsys):
    shutil.copy(broken, example_project / destination(broken))
    if broken.name.startswith("quiz-"):
        (example_project / "quizzes" / "example-role.yaml").unlink()

    status = cli.main(["--root", str(example_project), "validate"])

    stderr = capsys.readouterr().err
    assert status == 1
    assert f"{destination(broken)}:{expectation(broken)}" in stderr, stderr


@pytest.mark.parametrize("broken", BROKEN, ids=lambda p: p.stem)
def test_build_fails_with_the_message_and_keeps_the_previous_site(
    broken, example_project, tmp_path
):
    site = tmp_path / "site"
    build_site(example_project, site)
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert (site / "pathways" / "example-role" / "index.html").is_file()

    shutil.copy(broken, example_project / destination(broken))
    if broken.name.startswith("quiz-"):
        (example_project / "quizzes" / "example-role.yaml").unlink()
    with pytest.raises(BuildFailed) as failure:
        build_site(example_project, site)

    assert f"{destination(broken)}:{expectation(broken)}" in str(failure.value)
    after = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before, "the failed build changed the previous site"


def test_all_problems_are_reported_in_one_run(example_project):
    for name in ("pathway-zero-weeks.yaml", "pathway-bad-priority.yaml"):
        shutil.copy(ROOT / "tests" / "broken" / name, example_project / "data" / "pathways" / name)
    with pytest.raises(DataError) as failure:
        load_catalog(example_project)
    files = {problem.file for problem in failure.value.problems}
    assert files == {
        "data/pathways/pathway-zero-weeks.yaml",
        "data/pathways/pathway-bad-priority.yaml",
    }


@pytest.mark.data
def test_every_data_file_loads_and_is_named_after_its_role():
    catalog = load_catalog(PROJECT)
    pathway_files = sorted(p.stem for p in (PROJECT / "data" / "pathways").glob("*.yaml"))
    assert sorted(catalog.pathways) == pathway_files
    assert sorted(catalog.quizzes) == sorted(p.stem for p in (PROJECT / "quizzes").glob("*.yaml"))


def test_a_question_id_used_in_two_quizzes_is_an_error(tmp_path):
    second = pathway_data("second-role", "Second Engineer")
    quiz = quiz_data("second-role")
    quiz["questions"][0]["id"] = "example-role-single"  # taken by the first quiz
    project = make_project(
        tmp_path,
        pathways={"example-role.yaml": pathway_data(), "second-role.yaml": second},
        quizzes={"example-role.yaml": quiz_data(), "second-role.yaml": quiz},
        real_data=False,
    )
    with pytest.raises(DataError) as failure:
        load_catalog(project)
    assert (
        "quizzes/second-role.yaml:5:3: questions[0].id: expected a question id no other "
        "question uses, found 'example-role-single' (also in quizzes/example-role.yaml)"
    ) in str(failure.value)


def test_a_quiz_for_a_role_without_pathway_is_an_error(tmp_path):
    project = make_project(
        tmp_path,
        pathways={"example-role.yaml": pathway_data()},
        quizzes={"orphan.yaml": quiz_data("orphan-role")},
        real_data=False,
    )
    with pytest.raises(DataError) as failure:
        load_catalog(project)
    assert (
        "quizzes/orphan.yaml:1:1: role: expected the role of a pathway (example-role), "
        "found 'orphan-role'" in str(failure.value)
    )


def test_write_yaml_roundtrip_is_valid(tmp_path):
    # The factories themselves are valid, so every broken case differs from valid data by one edit.
    write_yaml(tmp_path / "data" / "pathways" / "example-role.yaml", pathway_data())
    write_yaml(tmp_path / "quizzes" / "example-role.yaml", quiz_data())
    shutil.copy(ROOT / "data" / "skills.yaml", tmp_path / "data")
    catalog = load_catalog(tmp_path)
    assert list(catalog.quizzes) == ["example-role"]


BROKEN_KEYS = sorted((ROOT / "tests" / "broken" / "keys").glob("*.yaml"))


@pytest.mark.parametrize("broken", BROKEN_KEYS, ids=lambda p: p.stem)
def test_validate_runs_the_executable_keys(broken, example_project, capsys):
    """Valid files whose executable keys are wrong, raise, never finish or reach for the network:
    `pathways validate` runs them apart, in bounded time, and names file, line and question."""
    shutil.copy(broken, example_project / "quizzes" / "example-role.yaml")

    status = cli.main(["--root", str(example_project), "validate", "--time-limit", "2"])

    stderr = capsys.readouterr().err
    assert status == 1
    assert f"quizzes/example-role.yaml:{expectation(broken)}" in stderr, stderr
    # One mistake, one message. (The corpus quizzes are short: the minimums are reported apart.)
    about_keys = [
        line
        for line in stderr.splitlines()
        if line.startswith("quizzes/") and ": questions: expected at least" not in line
    ]
    assert len(about_keys) == 1, stderr


def test_the_key_corpus_covers_the_ways_a_snippet_goes_wrong():
    kinds = {p.stem for p in BROKEN_KEYS}
    for required in ("wrong-computation", "wrong-output", "endless-loop", "raises", "network"):
        assert f"quiz-key-{required}" in kinds


def test_right_keys_pass_and_no_run_checks_the_files_only(tmp_path, capsys):
    pathway, quiz = complete_pathway_and_quiz("example-role", "Example Engineer")
    project = example_project(tmp_path, pathway, quiz)
    assert cli.main(["--root", str(project), "validate", "--time-limit", "5"]) == 0

    numeric = next(q for q in quiz["questions"] if q.get("compute"))
    numeric["answer"]["value"] += 1  # the computation still gives the old value
    write_yaml(project / "quizzes" / "example-role.yaml", quiz)
    capsys.readouterr()
    assert cli.main(["--root", str(project), "validate", "--time-limit", "5"]) == 1
    assert f"({numeric['id']}): the computation gives" in capsys.readouterr().err
    assert cli.main(["--root", str(project), "validate", "--no-run"]) == 0
