"""A first contribution just works: a sixth pathway, added as CONTRIBUTING.md says, passes the
same tests as the real data; and CONTRIBUTING.md states the rules the code enforces."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import ROOT, make_project
from factories import complete_pathway_and_quiz

from macros.rules import MIN_EXECUTABLE, MIN_QUESTIONS, MIN_TOPICS, PLACEHOLDER_MARK

PATHWAYS = Path(sys.executable).parent / "pathways"
CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_contributing_states_the_quiz_minimums_the_code_enforces():
    """CONTRIBUTING.md is read on GitHub as written, so its numbers are checked, not rendered."""
    prose = " ".join(CONTRIBUTING.split())
    sentence = re.compile(
        r"at least (\d+) questions, at least (\d+) of them executable .{0,80}?"
        r"on at least (\d+) different topics"
    )
    stated = sentence.findall(prose)
    assert stated, "CONTRIBUTING.md no longer states the quiz minimums"
    for numbers in stated:
        assert tuple(map(int, numbers)) == (MIN_QUESTIONS, MIN_EXECUTABLE, MIN_TOPICS)
    assert f"`{PLACEHOLDER_MARK}: …`" in CONTRIBUTING and "`sources/<role>.txt`" in CONTRIBUTING


def fill_in(scaffold: Path, data: dict) -> None:
    """Fill a scaffold file as a contributor would: every field it lists, none it does not."""
    written = scaffold.read_text(encoding="utf-8")
    fields = yaml.safe_load(written)
    assert set(fields) == set(data), f"{scaffold.name}: the scaffold lists other fields"
    for name, value in data.items():
        if isinstance(value, dict) and isinstance(fields[name], dict):  # optional keys may go
            assert set(value) <= set(fields[name]), f"{scaffold.name}: {name}"
    schema_line = written.splitlines()[0]
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    scaffold.write_text(f"{schema_line}\n{body}", encoding="utf-8")


def test_a_sixth_pathway_added_as_contributing_says_passes_the_data_tests(tmp_path):
    project = make_project(tmp_path)  # a copy of the site with the real data
    taken = {p.stem for p in (project / "data" / "pathways").glob("*.yaml")}
    role = next(
        f"contributed-role-{n}" for n in range(1, 100) if f"contributed-role-{n}" not in taken
    )
    before = len(list((project / "data" / "pathways").glob("*.yaml")))

    def pathways(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(PATHWAYS), *args], capture_output=True, text=True, cwd=project, timeout=120
        )

    assert pathways("new", role).returncode == 0
    assert pathways("validate").returncode == 1  # the untouched scaffold is not done
    pathway, quiz = complete_pathway_and_quiz(role, "Contributed Engineer")
    fill_in(project / "data" / "pathways" / f"{role}.yaml", pathway)
    fill_in(project / "quizzes" / f"{role}.yaml", quiz)
    stale = pathways("validate")  # the page stubs still carry the scaffold's title
    assert stale.returncode == 1
    assert f"docs/pathways/{role}.md:1:1: (page stub)" in stale.stderr
    assert "run `pathways stubs`" in stale.stderr
    assert pathways("stubs").returncode == 0  # as CONTRIBUTING says (make serve does it too)
    validated = pathways("validate")  # which also runs the new quiz's executable keys
    assert validated.returncode == 0, validated.stderr

    # The tests marked `data` check the real data; here they check this project, unedited.
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-m", "data and not browser", "-v", "-p"]
        + ["no:cacheprovider", "-o", "addopts=--strict-markers"],
        cwd=ROOT,
        env={**os.environ, "PATHWAYS_PROJECT": str(project)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert len(list((project / "data" / "pathways").glob("*.yaml"))) == before + 1
    for test in (
        f"test_pathway_page_has_every_section[{role}] PASSED",
        f"test_pathway_page_shows_the_data[{role}] PASSED",
        f"test_every_data_file_validates_against_its_schema_and_names_it[quizzes/{role}.yaml]",
        "test_every_role_has_a_quiz_of_the_minimum_size PASSED",
        "test_home_page_has_a_card_per_pathway PASSED",
        "test_where_to_start_and_the_intro_follow_the_data PASSED",
    ):
        assert test in done.stdout, test


COUNT = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
    r"(?:(?:AI|career|source)\s+)?(?:roles|pathways|ways|documents|guides)\b",
    re.IGNORECASE,
)


def test_hand_written_text_states_no_count_of_pathways():
    """A sixth pathway must not make the README, the site's description or the home page wrong;
    the home page's count is rendered from the data (`pathway_count()`)."""
    for name in (
        "README.md",
        "CONTRIBUTING.md",
        "mkdocs.yml",
        "pyproject.toml",
        "docs/index.md",
        "sources/README.md",
    ):
        text = (ROOT / name).read_text(encoding="utf-8")
        assert COUNT.findall(text) == [], name
    assert COUNT.findall("It covers five roles and 12 career pathways.") == [
        "five roles",
        "12 career pathways",
    ]


def test_the_catalogue_examples_in_contributing_are_the_mappings_in_the_data():
    """Each example of `counts_as` CONTRIBUTING.md gives is what the pathway files say."""
    from macros.catalog import load_catalog

    catalog = load_catalog(ROOT)
    mapped: dict[str, set[tuple[str, ...]]] = {}
    for pathway in catalog.pathways.values():
        for skill in [*pathway.transferable_skills, *pathway.skills_to_learn]:
            mapped.setdefault(skill.name, set()).add(tuple(skill.counts_as))
    prose = " ".join(CONTRIBUTING.split("## The skills catalogue")[1].split("\n## ")[0].split())
    examples = re.findall(
        r'"([^"]+)"(?: \([^)]*\))?(?:, [^,"]*,)? is `\[?([a-z0-9, -]+)\]?`', prose
    )
    for both in re.findall(r'"([^"]+)" and "([^"]+)" are both `([a-z0-9-]+)`', prose):
        examples += [(both[0], both[2]), (both[1], both[2])]
    assert len(examples) >= 4, prose
    for name, ids in examples:
        assert tuple(ids.split(", ")) in mapped.get(name, set()), (name, ids)
        assert set(ids.split(", ")) <= set(catalog.skills.by_id)
