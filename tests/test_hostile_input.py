"""Hostile or careless input is refused quickly, with one message per mistake.

The small hostile cases live in the broken-data corpus (tests/broken/pathway-alias-bomb.yaml and
its neighbours). The ones here are too large to keep as files, so the tests write them. Each runs
`pathways validate` in its own process with a time limit, so a hang or a crash of the YAML
composer fails the test instead of stalling the suite.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, example_project

from macros.catalog import load_catalog
from macros.problems import DataError
from macros.yaml_source import MAX_DEPTH, MAX_FILE_BYTES

LIMIT_S = 20  # far above the fraction of a second these take: a guard against hangs, not a timer


def validate(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "macros.cli", "--root", str(project), "validate"],
        capture_output=True,
        text=True,
        timeout=LIMIT_S,
        cwd=ROOT,
    )


def hostile_project(tmp_path: Path, text: str) -> Path:
    project = example_project(tmp_path)
    (project / "data" / "pathways" / "hostile.yaml").write_text(text, encoding="utf-8")
    return project


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "role: hostile\n# " + "x" * MAX_FILE_BYTES + "\n",
            f"hostile.yaml:1:1: (file): expected a data file of at most {MAX_FILE_BYTES:,} bytes",
            id="oversized-file",
        ),
        pytest.param(
            "role: hostile\ndeep: " + "[" * 100_000 + "]" * 100_000 + "\n",
            f"expected at most {MAX_DEPTH} levels of nesting",
            id="flow-nesting-100000-deep",
        ),
        pytest.param(
            "role: hostile\ndeep:\n" + "- " * 100_000 + "x\n",
            f"expected at most {MAX_DEPTH} levels of nesting",
            id="block-nesting-100000-deep",
        ),
        pytest.param(
            "role: hostile\nloop: &loop [1, *loop]\n",
            "hostile.yaml:2:17: loop[1]: expected the value written out, found an alias *loop",
            id="recursive-alias",
        ),
    ],
)
def test_hostile_file_is_refused_with_its_position(tmp_path, text, expected):
    result = validate(hostile_project(tmp_path, text))

    assert result.returncode == 1, result.stderr  # not a crash (a signal gives a negative code)
    assert expected in result.stderr
    assert result.stderr.count("hostile.yaml:") == 1, "one mistake, one message"


def test_an_alias_bomb_is_one_message_not_eighty_one():
    bomb = ROOT / "tests" / "broken" / "pathway-alias-bomb.yaml"
    with pytest.raises(DataError) as failure:
        load_catalog(ROOT, [bomb], [])
    (problem,) = failure.value.problems
    assert "(81 aliases in this file)" in problem.message
    # The position is the first alias itself, not the anchored value it repeats.
    line = bomb.read_text(encoding="utf-8").splitlines()[problem.line - 1]
    assert line[problem.column - 1 :].startswith("*a0")


def test_a_quiz_is_not_blamed_for_its_pathways_mistake(tmp_path):
    project = example_project(tmp_path)
    pathway = project / "data" / "pathways" / "example-role.yaml"
    pathway.write_text(
        pathway.read_text(encoding="utf-8").replace("priority: Critical", "priority: Critcal", 1),
        encoding="utf-8",
    )

    with pytest.raises(DataError) as failure:
        load_catalog(project)

    mistakes = [p for p in failure.value.problems if not p.note]
    notes = [p for p in failure.value.problems if p.note]
    assert [p.file for p in mistakes] == ["data/pathways/example-role.yaml"]
    assert "found 'Critcal'" in mistakes[0].message
    assert [p.file for p in notes] == ["quizzes/example-role.yaml"]
    assert "not checked against its pathway" in notes[0].message
    assert str(failure.value).startswith("1 problem in the data files:")


def test_validate_counts_the_note_apart_from_the_mistake(tmp_path):
    project = example_project(tmp_path)
    shutil.copy(
        ROOT / "tests" / "broken" / "pathway-bad-priority.yaml",
        project / "data" / "pathways" / "example-role.yaml",
    )
    result = validate(project)
    assert result.returncode == 1
    assert "FAILED: 1 error(s)" in result.stderr
    assert "quizzes/example-role.yaml:" in result.stderr  # the note is shown, not counted
