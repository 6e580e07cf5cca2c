"""Compare the roles: the overlap and coverage numbers (computed here again from the data, another
way), and the built page, where a pathway written in a test appears with no other edit."""

from __future__ import annotations

import itertools

import pytest
from conftest import PROJECT, build_site, make_project
from factories import complete_pathway_and_quiz
from pages import article

from macros import compare
from macros.catalog import load_catalog
from macros.glance import glance
from macros.render import dollars

CATALOG = load_catalog(PROJECT)
PAIRS = list(itertools.permutations(CATALOG.pathways, 2))


def expected_coverage(learner: str, target: str) -> tuple[int, int, int]:
    """(N, M, skills not counted), by the rule the page states, without macros.compare."""
    learned = set()
    for skill in CATALOG.pathway(learner).skills_to_learn:
        learned.update(skill.counts_as)
    covered = total = left_out = 0
    for skill in CATALOG.pathway(target).skills_to_learn:
        if skill.weeks in (None, "ongoing"):
            left_out += 1
        else:
            total += skill.weeks
            covered += skill.weeks if all(i in learned for i in skill.counts_as) else 0
    return covered, total, left_out


@pytest.mark.data
@pytest.mark.parametrize(("learner", "target"), PAIRS, ids="->".join)
def test_coverage_of_every_pair_follows_the_rule(learner, target):
    found = compare.coverage(CATALOG.pathway(learner), CATALOG.pathway(target))
    assert (found.covered_weeks, found.total_weeks, found.uncounted) == expected_coverage(
        learner, target
    )
    assert compare.coverage_matrix(CATALOG.pathways)[(learner, target)] == found


def test_transferable_skills_are_not_learning_and_every_id_must_be_learned():
    learner, _ = complete_pathway_and_quiz("learner-role", "Learner")
    target, _ = complete_pathway_and_quiz("target-role", "Target")
    from macros.models import Pathway

    # The learner only *has* deep-learning (transferable), and learns mlops.
    learner["transferable_skills"][0]["counts_as"] = ["deep-learning"]
    learner["skills_to_learn"] = [learner["skills_to_learn"][-1]]  # counts as mlops
    target["skills_to_learn"][0]["counts_as"] = ["deep-learning"]  # 6 weeks
    target["skills_to_learn"][-1]["counts_as"] = ["mlops", "onnx"]  # needs both
    a, b = Pathway.model_validate(learner), Pathway.model_validate(target)
    weeks = [s.weeks for s in b.skills_to_learn if isinstance(s.weeks, int)]
    result = compare.coverage(a, b)
    mlops_only = [s for s in b.skills_to_learn if s.counts_as == ["mlops"]]
    assert result.covered_weeks == sum(s.weeks for s in mlops_only)
    assert result.total_weeks == sum(weeks)
    assert result.uncounted == len(b.skills_to_learn) - len(weeks)


@pytest.mark.data
def test_each_roles_best_pair_covers_the_largest_share():
    matrix = compare.coverage_matrix(CATALOG.pathways)
    for role in CATALOG.pathways:
        mine = [matrix[(role, other)] for other in CATALOG.pathways if other != role]
        best = compare.best_pair(role, matrix)
        if best is None:
            assert all(c.covered_weeks == 0 for c in mine)
            continue
        for other in mine:
            if other.covered_weeks:
                assert best.covered_weeks * other.total_weeks >= (
                    other.covered_weeks * best.total_weeks
                )


@pytest.mark.data
def test_the_overlap_view_has_each_used_skill_once_shared_ones_first():
    rows = compare.overlap_rows(CATALOG.pathways, CATALOG.skills)
    used = {
        skill_id
        for pathway in CATALOG.pathways.values()
        for skill in [*pathway.transferable_skills, *pathway.skills_to_learn]
        for skill_id in skill.counts_as
    }
    order = [s.id for s in CATALOG.skills.skills]
    ranks = [(-row.role_count, order.index(row.skill_id)) for row in rows]
    assert ranks == sorted(ranks)  # most roles first, then the catalogue's order
    assert {row.skill_id for row in rows} == used
    assert len(rows) == len(used)
    for row in rows:
        for role, pathway in CATALOG.pathways.items():
            names = [
                s.name
                for s in [*pathway.transferable_skills, *pathway.skills_to_learn]
                if row.skill_id in s.counts_as
            ]
            assert [cell.name for cell in row.cells[role]] == names


# ------------------------------------------------------------------------------- the built page


def compare_page(site):
    return article(site / "journey" / "compare" / "index.html")


def cell_texts(table) -> list[list[str]]:
    return [
        [cell.text for cell in row.find_all() if cell.tag in ("th", "td")]
        for row in table.find_all("tr")
    ]


@pytest.mark.data
def test_the_page_shows_the_data(built_site):
    page = compare_page(built_site)
    roles = list(CATALOG.pathways.values())
    side = cell_texts(page.find("table", cls="pw-compare"))
    assert side[0][1:] == [p.target_role for p in roles]
    rows = {row[0]: row[1:] for row in side[1:]}
    for column, pathway in enumerate(roles):
        facts = glance(pathway)
        for name in ("Difficulty", "Timeline", "Salary change", "Demand"):
            fact = facts.fact(name)
            shown = rows[name][column]
            assert shown.startswith(fact.figure) if fact else shown == "not stated in the source"
        assert rows["Roadmap"][column].startswith(f"{pathway.roadmap_weeks} weeks")
        assert dollars(pathway.salary.target) in rows["Salary a year, backend → role"][column] or (
            pathway.salary.target is None
        )
        quiz = CATALOG.quizzes.get(pathway.role)
        if quiz:
            assert rows["Quiz"][column].startswith(f"{len(quiz.questions)} questions")
    notes = [li.text for li in page.find("div", cls="pw-disagreements").find_all("li")]
    assert notes == [
        f"{pathway.target_role} . {note}" for pathway in roles for note in glance(pathway).notes
    ]

    matrix = cell_texts(page.find("table", cls="pw-coverage"))
    columns = [p.role for p in roles]
    for row, learner in zip(matrix[1:], columns, strict=True):
        for cell, target in zip(row[1:], columns, strict=True):
            if learner == target:
                continue
            covered, total, left_out = expected_coverage(learner, target)
            assert cell.startswith(f"{covered} of {total} weeks" if total else "no weeks stated")
            assert (f"{left_out} skill" in cell) == bool(left_out)
    sentences = [li.text for li in page.find("ul", cls="pw-best-pairs").find_all("li")]
    assert len(sentences) == len(roles)


def test_a_pathway_written_in_a_test_appears_with_no_other_edit(tmp_path):
    pathway, quiz = complete_pathway_and_quiz("compared-role", "Compared Engineer")
    project = make_project(
        tmp_path,
        pathways={"compared-role.yaml": pathway},
        quizzes={"compared-role.yaml": quiz},
    )
    site = tmp_path / "site"
    build_site(project, site)
    page = compare_page(site)

    side = cell_texts(page.find("table", cls="pw-compare"))
    assert "Compared Engineer" in side[0]
    overlap = cell_texts(page.find("table", cls="pw-overlap"))
    column = overlap[0].index("Compared Engineer")
    mine = [row[column] for row in overlap[1:]]
    for skill in [*pathway["transferable_skills"], *pathway["skills_to_learn"]]:
        assert any(skill["name"] in cell for cell in mine), skill["name"]
    coverage = cell_texts(page.find("table", cls="pw-coverage"))
    assert "Compared Engineer" in coverage[0]
    assert [row[0] for row in coverage[1:]].count("Compared Engineer") == 1
    sentences = page.find("ul", cls="pw-best-pairs").text
    assert "Learning for Compared Engineer covers" in sentences
