"""Warnings: valid but doubtful data, which a reviewer should see; they never fail a build."""

from __future__ import annotations

from conftest import ROOT, example_project
from factories import complete_pathway_and_quiz

from macros.catalog import load_catalog
from macros.checks import validate_paths

CATALOG = load_catalog(ROOT)


def at(role: str, field: str) -> str:
    """`<role>.yaml:<line>: <field>`, the line read from the data (never a constant)."""
    line = CATALOG.pathway_records[role].document.where((field,))[0]
    return f"{role}.yaml:{line}: {field}"


def messages(warnings):
    return [f"{w.file}:{w.line}: {w.field}: {w.message}" for w in warnings]


def test_the_seed_pathways_disagreements_are_found():
    errors, warnings = validate_paths(ROOT, [])
    assert errors == []
    found = messages(warnings)

    def has(fragment):
        return any(fragment in m for m in found)

    # Header salary change vs the FAQ's percentage.
    assert has(
        at("ai-model-optimizer", "salary_change") + ": the header's salary change of +40% "
        "differs from the FAQ's stated increase of +30% to +50%"
    )
    assert has(
        at("deep-learning-engineer", "salary_change") + ": the header's salary change of +40% "
        "differs from the FAQ's stated increase of +40% to +100%"
    )
    # A salary change the ranges do not support.
    assert has(
        at("ai-infrastructure-engineer", "salary_change") + ": the header's salary change of "
        "+40% disagrees with the salary ranges ($85k-$140k to $140k-$240k), which imply "
        "about +65% to +71%"
    )
    # Roadmap weeks vs the stated timeline, and vs the title where no timeline is stated.
    assert has(
        at("ai-infrastructure-engineer", "roadmap") + ": the roadmap's phases add up to 28 "
        "weeks (about 6.5 months), outside the stated timeline of 9-12 months"
    )
    assert has(
        at("ai-research-engineer", "roadmap") + ": the roadmap's phases add up to 40 weeks "
        "(about 9.2 months), not the title's 12 months"
    )
    # The Platform guide's header and FAQ agree (+20% to +50%): no such warning for it.
    assert not has(at("ai-platform-engineer", "salary_change"))


def test_consistent_data_has_no_warnings(tmp_path):
    data, quiz = complete_pathway_and_quiz("example-role", "Example Engineer")
    data["salary_change"] = {"low": 53, "high": 57}
    data["salary"]["stated_increase"] = {"low": 53, "high": 57}
    data["roadmap"][0]["weeks"] = 26  # 32 weeks in all: about 7.4 months, inside 6-9
    project = example_project(tmp_path, data, quiz)
    assert validate_paths(project, []) == ([], [])


def test_a_skill_no_question_covers_is_a_warning(tmp_path):
    project = example_project(tmp_path)
    _, warnings = validate_paths(project, [])
    catalog = load_catalog(project)
    document = catalog.pathway_records["example-role"].document
    skill_line = document.where(("skills_to_learn", 1, "id"))[0]
    assert (
        f"data/pathways/example-role.yaml:{skill_line}: skills_to_learn[1].id: no question of "
        "quizzes/example-role.yaml has the topic 'unstated-skill'"
    ) in messages(warnings)


def test_validating_one_file_checks_it_against_every_pathway(tmp_path):
    project = example_project(tmp_path, *complete_pathway_and_quiz("example-role", "Example"))
    errors, _ = validate_paths(project, [project / "quizzes" / "example-role.yaml"])
    assert errors == []
    missing = project / "quizzes" / "nowhere.yaml"
    errors, _ = validate_paths(project, [missing])
    assert [e.message for e in errors] == [
        "expected a file, found nothing at this path: check the path, or run `pathways validate` "
        "for every file"
    ]
