"""`pathways validate` catches what a reviewer would, and each message says how to fix it."""

from __future__ import annotations

from conftest import build_site, make_project
from factories import complete_pathway_and_quiz, pathway_data, quiz_data
from pages import article

from macros import cli
from macros.checks import validate_paths
from macros.rules import MIN_EXECUTABLE, MIN_QUESTIONS, MIN_TOPICS, placeholder


def project_with(tmp_path, *roles: str, edit=None):
    """A project of complete pathways and quizzes (no real data); `edit(role, pathway, quiz)`
    changes them before they are written."""
    pathways, quizzes = {}, {}
    for role in roles:
        pathway, quiz = complete_pathway_and_quiz(role, role.replace("-", " ").title())
        if edit:
            edit(role, pathway, quiz)
        pathways[f"{role}.yaml"], quizzes[f"{role}.yaml"] = pathway, quiz
    return make_project(tmp_path, pathways=pathways, quizzes=quizzes, real_data=False)


def shown(problems) -> list[str]:
    return [str(p) for p in problems]


def test_complete_files_pass(tmp_path):
    project = project_with(tmp_path, "first-role")
    errors, _ = validate_paths(project, [])
    assert errors == []


def test_a_placeholder_is_an_error_naming_file_line_column_and_field(tmp_path):
    def edit(role, pathway, quiz):
        pathway["headline"] = placeholder("say what this pathway promises")
        pathway["skills_to_learn"][0]["resources"][0]["name"] = "TODO"
        quiz["questions"][0]["id"] = "todo-first-question"

    project = project_with(tmp_path, "first-role", edit=edit)
    errors, _ = validate_paths(project, [])
    assert shown(errors) == [
        "data/pathways/first-role.yaml:5:1: headline: expected a real value, found the "
        "scaffold's placeholder 'TODO: say what this pathway promises': replace it as the "
        "comment above it says",
        "data/pathways/first-role.yaml:34:5: skills_to_learn[0].resources[0].name: expected a "
        "real value, found the scaffold's placeholder 'TODO': replace it as the comment above "
        "it says",
        "quizzes/first-role.yaml:5:3: questions[0].id: expected a real value, found the "
        "scaffold's placeholder 'todo-first-question': replace it as the comment above it says",
    ]


def test_a_placeholder_where_null_is_allowed_says_null_is_an_option(tmp_path):
    def edit(role, pathway, quiz):
        pathway["demand"] = "TODO"

    errors, _ = validate_paths(project_with(tmp_path, "first-role", edit=edit), [])
    assert [e.message for e in errors] == [
        "expected a real value, found the scaffold's placeholder 'TODO': replace it as the "
        "comment above it says, or write null if your source does not state it"
    ]


def test_words_that_only_look_like_placeholders_pass(tmp_path):
    def edit(role, pathway, quiz):
        pathway["action_plan"]["this_week"] = ["Build a todo app behind a model API."]
        pathway["overview"] = ["TODOS and to-do lists are not the mark."]

    errors, _ = validate_paths(project_with(tmp_path, "first-role", edit=edit), [])
    assert errors == []


def test_a_placeholder_where_a_number_belongs_is_one_error(tmp_path):
    def edit(role, pathway, quiz):
        pathway["roadmap"][0]["weeks"] = placeholder("the phase's weeks")

    errors, _ = validate_paths(project_with(tmp_path, "first-role", edit=edit), [])
    mistakes = [e for e in errors if not e.note]  # the quiz's "not checked" note is no mistake
    assert [(e.field, "placeholder" in e.message) for e in mistakes] == [("roadmap[0].weeks", True)]


def test_a_quiz_below_the_minimums_names_each_one_and_what_to_add(tmp_path):
    def edit(role, pathway, quiz):
        quiz.update(quiz_data(role))  # the four hand-written questions, on one topic

    errors, _ = validate_paths(project_with(tmp_path, "first-role", edit=edit), [])
    questions = len(quiz_data()["questions"])
    see = "see CONTRIBUTING.md, 'Quiz questions'"
    assert shown(errors) == sorted(
        [
            f"quizzes/first-role.yaml:4:1: questions: expected at least {MIN_QUESTIONS} "
            f"questions, found {questions}: add questions ({MIN_QUESTIONS - questions} more; "
            f"{see})",
            f"quizzes/first-role.yaml:4:1: questions: expected at least {MIN_EXECUTABLE} "
            "executable questions (numeric with `compute:`, or code-output), found 2: add "
            f"questions whose key the tests recompute ({MIN_EXECUTABLE - 2} more; {see})",
            f"quizzes/first-role.yaml:4:1: questions: expected at least {MIN_TOPICS} topics "
            "(different skills of the pathway as `topic:`), found 1: add questions on other "
            f"skills of the pathway ({MIN_TOPICS - 1} more; {see})",
        ]
    )


def test_a_pathway_validated_alone_brings_its_broken_quiz(tmp_path, capsys):
    def edit(role, pathway, quiz):
        if role == "first-role":
            quiz["questions"][2]["answer"]["tolerance"] = -1

    project = project_with(tmp_path, "first-role", "second-role", edit=edit)
    status = cli.main(
        ["--root", str(project), "validate", str(project / "data/pathways/first-role.yaml")]
    )
    err = capsys.readouterr().err
    assert status == 1
    assert err.splitlines() == [
        "quizzes/first-role.yaml:39:5: questions[2].answer.tolerance: expected a number of at "
        "least 0.0, found -1",
        "FAILED: 1 error(s), 0 warning(s)",
    ]
    # The other pathway's quiz is fine, and validating it alone says so.
    assert (
        cli.main(
            ["--root", str(project), "validate", str(project / "data/pathways/second-role.yaml")]
        )
        == 0
    )


def test_a_quiz_validated_alone_brings_its_pathway(tmp_path):
    def edit(role, pathway, quiz):
        pathway["skills_to_learn"][0]["priority"] = "Urgent"

    project = project_with(tmp_path, "first-role", edit=edit)
    errors, _ = validate_paths(project, [project / "quizzes/first-role.yaml"])
    assert [(e.file, e.field) for e in errors if not e.note] == [
        ("data/pathways/first-role.yaml", "skills_to_learn[0].priority")
    ]


def test_a_file_validated_alone_does_not_report_other_pathways(tmp_path):
    def edit(role, pathway, quiz):
        if role == "second-role":
            pathway["headline"] = "TODO"

    project = project_with(tmp_path, "first-role", "second-role", edit=edit)
    alone, _ = validate_paths(project, [project / "data/pathways/first-role.yaml"])
    assert alone == []
    every, _ = validate_paths(project, [])
    assert [e.file for e in every] == ["data/pathways/second-role.yaml"]


def test_warnings_are_only_for_the_files_asked_about(tmp_path):
    project = project_with(tmp_path, "first-role", "second-role")
    _, every = validate_paths(project, [])
    assert {w.file for w in every} == {
        "data/pathways/first-role.yaml",
        "data/pathways/second-role.yaml",
    }
    _, asked = validate_paths(project, [project / "data/pathways/second-role.yaml"])
    assert asked and {w.file for w in asked} == {"data/pathways/second-role.yaml"}
    _, quiz_only = validate_paths(project, [project / "quizzes/second-role.yaml"])
    assert quiz_only == []  # the doubtful figures are the pathway's, which was not asked about


def test_a_pathway_without_a_quiz_is_an_error(tmp_path):
    project = make_project(
        tmp_path, pathways={"lonely-role.yaml": pathway_data("lonely-role")}, real_data=False
    )
    errors, _ = validate_paths(project, [])
    assert shown(errors) == [
        "data/pathways/lonely-role.yaml:1:1: role: expected a quiz with role 'lonely-role' in "
        "quizzes/, found none: write quizzes/lonely-role.yaml (`pathways new` writes one to "
        "fill in)"
    ]


def test_salary_ranges_and_a_skills_resources_may_be_absent_and_show_as_not_stated(tmp_path):
    def edit(role, pathway, quiz):
        pathway["salary"]["backend"] = None
        pathway["salary"]["target"] = None
        pathway["skills_to_learn"][0]["resources"] = []

    project = project_with(tmp_path, "first-role", edit=edit)
    errors, warnings = validate_paths(project, [])
    assert errors == []
    assert not [w for w in warnings if "salary ranges" in w.message]
    site = tmp_path / "site"
    assert build_site(project, site) == []
    faq = article(site / "pathways/first-role/index.html").find("table", cls="pw-salary")
    rows = {row.find("th").text: row.find("td").text for row in faq.find_all("tr")}
    assert rows["Backend Developer"] == rows["First Role"] == "not stated in the source"
    page = article(site / "pathways/first-role/index.html")
    assert [p.text for p in page.find_all("p", cls="pw-skill-resources")] == [
        "Resources: not stated in the source"
    ]


def test_a_broken_file_not_asked_about_does_not_hide_the_asked_files_problems(tmp_path):
    def edit(role, pathway, quiz):
        if role == "first-role":
            del quiz["questions"][MIN_QUESTIONS - 1 :]  # one question short
        else:
            quiz["questions"][0]["type"] = "essay"  # broken, but not asked about

    project = project_with(tmp_path, "first-role", "second-role", edit=edit)
    errors, warnings = validate_paths(project, [project / "quizzes/first-role.yaml"])
    assert [(e.file, e.message.split(",")[0]) for e in errors] == [
        ("quizzes/first-role.yaml", f"expected at least {MIN_QUESTIONS} questions")
    ]
    assert warnings == []  # the quiz has none; its pathway's were not asked about


def test_a_tab_in_a_pathway_validated_alone_is_the_one_error(tmp_path, capsys):
    project = project_with(tmp_path, "first-role")
    path = project / "data/pathways/first-role.yaml"
    path.write_text(path.read_text().replace("\n  min_months:", "\n\tmin_months:"))
    assert cli.main(["--root", str(project), "validate", str(path)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "data/pathways/first-role.yaml:10:1: (yaml): expected indentation with spaces, found a "
        "tab: indent with spaces, not tabs",
        # Not a second error: the quiz could not be checked against a pathway that did not load.
        "quizzes/first-role.yaml:1:1: role: not checked against its pathway, because "
        "data/pathways/first-role.yaml has errors (listed above); fix those and run again",
        "FAILED: 1 error(s), 0 warning(s)",
    ]
