"""What `pathways validate` says about the skills catalogue and the pathways' `counts_as`: each
mistake once, where it was made; a broken catalogue's own errors, and one note per pathway that
could not be checked against it."""

from __future__ import annotations

import re

import pytest
from conftest import PROJECT, make_project
from factories import pathway_data, quiz_data, write_yaml

from macros import cli
from macros.catalog import SKILLS_FILE, load_catalog

CATALOGUE = SKILLS_FILE.as_posix()


def validate(project, *paths: str) -> tuple[int, list[str]]:
    """validate's status and the lines it printed about files (stdout and stderr)."""
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(["--root", str(project), "validate", "--no-run", *paths])
    lines = (out.getvalue() + err.getvalue()).splitlines()
    return status, [line for line in lines if re.match(r"^[\w./-]+:\d+:\d+: ", line)]


@pytest.fixture(name="project")
def project_fixture(tmp_path):
    return make_project(tmp_path)  # the real data, so every pathway takes part


def pathway_files(project) -> list[str]:
    return sorted(f"data/pathways/{p.name}" for p in (project / "data/pathways").glob("*.yaml"))


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def line_of(path, text: str) -> int:
    return path.read_text(encoding="utf-8").splitlines().index(text) + 1


def test_an_unknown_counts_as_id_is_named_once_where_it_is_written(project):
    catalog = load_catalog(project)
    role, pathway = next(iter(catalog.pathways.items()))
    skill = pathway.skills_to_learn[-1]
    file = project / "data/pathways" / f"{role}.yaml"
    written = f"    counts_as: [{', '.join(skill.counts_as)}]"
    wrong = written.replace(skill.counts_as[0], "no-such-skill")
    edit(file, written, wrong)

    status, lines = validate(project)

    assert status == 1
    index = len(pathway.skills_to_learn) - 1
    column = written.index("[") + 2  # the id's first character, 1-based
    expected = (
        f"data/pathways/{role}.yaml:{line_of(file, wrong)}:{column}: "
        f"skills_to_learn[{index}].counts_as[0]: expected the id of a skill in "
        f"{CATALOGUE}, found 'no-such-skill'; add it there if it is a new skill"
    )
    assert lines.count(expected) == 1, lines
    assert [line for line in lines if "no-such-skill" in line] == [expected]


def test_a_skill_without_counts_as_is_told_at_the_skill(project):
    catalog = load_catalog(project)
    role, pathway = next(iter(catalog.pathways.items()))
    skill = pathway.transferable_skills[0]
    file = project / "data/pathways" / f"{role}.yaml"
    edit(
        file,
        f"    counts_as: [{', '.join(skill.counts_as)}]\n",
        "",
    )
    name_line = line_of(file, f"    name: {skill.name}")

    status, lines = validate(project)

    assert status == 1
    about_it = [line for line in lines if line.startswith(f"data/pathways/{role}.yaml:")]
    assert about_it == [
        f"data/pathways/{role}.yaml:{name_line - 1}:5: transferable_skills[0].counts_as: "
        "expected this field, found it missing"
    ]


def test_a_catalogue_id_written_twice_is_named_at_the_second(project):
    catalogue = project / SKILLS_FILE
    first = load_catalog(project).skills.skills[0]
    with catalogue.open("a", encoding="utf-8") as out:
        out.write(f"  - id: {first.id}\n    name: The same again\n")
    lines_before = catalogue.read_text(encoding="utf-8").splitlines()

    status, lines = validate(project)

    assert status == 1
    count = len(load_catalog(PROJECT).skills.skills)
    assert lines == [
        f"{CATALOGUE}:{len(lines_before) - 1}:5: skills[{count}].id: expected an id no other "
        f"catalogue skill uses, found {first.id!r} "
        f"(also on line {lines_before.index(f'  - id: {first.id}') + 1})"
    ]


@pytest.mark.parametrize("damage", ["missing", "broken"])
def test_a_missing_or_broken_catalogue_is_reported_once_and_each_pathway_noted_once(
    project, damage
):
    catalogue = project / SKILLS_FILE
    if damage == "missing":
        catalogue.unlink()
    else:
        edit(catalogue, "    name: Deep learning fundamentals\n", "    nmae: Deep learning\n")

    status, lines = validate(project)

    assert status == 1
    own = [line for line in lines if line.startswith(f"{CATALOGUE}:")]
    if damage == "missing":
        assert own == [
            f"{CATALOGUE}:1:1: skills: expected the skills catalogue that pathways' counts_as "
            "name, found no file"
        ]
    else:
        assert len(own) == 2  # the missing name and the unknown key, each once
        assert "found unknown key 'nmae' (did you mean 'name'?)" in own[1]
    why = "is missing" if damage == "missing" else "has errors"
    notes = [line for line in lines if not line.startswith(f"{CATALOGUE}:")]
    assert sorted(line.split(":")[0] for line in notes) == pathway_files(project)
    for line in notes:
        assert line.endswith(
            f": role: counts_as not checked against {CATALOGUE}, because that file {why}; "
            "fix it and run again"
        )


def test_notes_are_not_counted_as_errors(project, capsys):
    (project / SKILLS_FILE).unlink()
    cli.main(["--root", str(project), "validate", "--no-run"])
    assert "FAILED: 1 error(s)" in capsys.readouterr().err


def test_validating_one_pathway_or_the_catalogue_reports_the_catalogue(project):
    edit(project / SKILLS_FILE, "    name: Deep learning fundamentals\n", "")
    role = next(iter(load_catalog(PROJECT).pathways))

    for asked in ([f"data/pathways/{role}.yaml"], [CATALOGUE]):
        status, lines = validate(project, *[str(project / p) for p in asked])
        assert status == 1
        assert any(line.startswith(f"{CATALOGUE}:") for line in lines), asked
        noted = {line.split(":")[0] for line in lines if "not checked against" in line}
        # One pathway asked: its note; the catalogue asked: it serves every pathway.
        assert noted == (
            {f"data/pathways/{role}.yaml"} if asked != [CATALOGUE] else set(pathway_files(project))
        )


def test_a_good_catalogue_asked_for_alone_validates(tmp_path):
    project = make_project(
        tmp_path,
        pathways={"example-role.yaml": pathway_data()},
        quizzes={"example-role.yaml": quiz_data()},
        real_data=False,
    )
    status, lines = validate(project, str(project / SKILLS_FILE))
    # The example quiz is below the minimums: that error, and nothing about the catalogue.
    assert status == 1
    assert lines and not any(CATALOGUE in line for line in lines)
    write_yaml(project / SKILLS_FILE, {"skills": [{"id": "api-development", "name": "APIs"}]})
    status, lines = validate(project, str(project / SKILLS_FILE))
    unknown = [line for line in lines if "expected the id of a skill in" in line]
    used = {"deep-learning", "research-papers"}  # the example's other counts_as
    assert {line.split("found '")[1].split("'")[0] for line in unknown} == used
