"""The built site, read like a reader would: every section, the data's and the source guides'
figures. Every test here runs on whatever pathways the project holds (see conftest.PROJECT)."""

from __future__ import annotations

import re

import pytest
from conftest import PROJECT, build_site, make_project
from factories import pathway_data, quiz_data
from pages import article, parse
from seeds import ROLE_FILES, read

from macros.catalog import load_catalog
from macros.render import dollars, months, percent

pytestmark = pytest.mark.data
CATALOG = load_catalog(PROJECT)
ROLES = list(CATALOG.pathways)
# The pathways written from the seed guides in sources/, whose figures the tests read back.
SOURCED = [role for role in ROLE_FILES if role in CATALOG.pathways]
SECTIONS = [
    "at-a-glance",
    "overview",
    "transferable-skills",
    "skills-to-learn",
    "roadmap",
    "reality-check",
    "action-plan",
    "salary-faq",
]
NOT_STATED = "not stated in the source"


def pathway_page(site, role):
    return article(site / "pathways" / role / "index.html")


def heading_text(element) -> str:
    return element.text.replace("¶", "").strip()


def test_every_pathway_and_quiz_has_a_page(built_site):
    for role in ROLES:
        assert (built_site / "pathways" / role / "index.html").is_file()
        assert (built_site / "quizzes" / role / "index.html").is_file()


@pytest.mark.parametrize("role", ROLES)
def test_pathway_page_has_every_section(built_site, role):
    page = pathway_page(built_site, role)
    for section in SECTIONS:
        assert page.find_all("h2", id=section), f"{role}: no section {section}"


@pytest.mark.parametrize("role", ROLES)
def test_pathway_page_shows_the_data(built_site, role):
    """Every pathway, sourced or new: the page holds what its file says, nulls as not stated."""
    page = pathway_page(built_site, role)
    pathway = CATALOG.pathway(role)
    rows = [r.find_all("td") for r in page.find("table", cls="pw-skill-table").find_all("tr")]
    rows = [cells for cells in rows if cells]
    assert [cells[0].text for cells in rows] == [s.name for s in pathway.skills_to_learn]
    # A column the source leaves blank for every skill is said once above the table, not in
    # every cell; a column with any figure shows each skill's, "not stated" where it has none.
    columns = [
        ("priority", any(s.priority for s in pathway.skills_to_learn)),
        ("time", any(s.weeks is not None for s in pathway.skills_to_learn)),
    ]
    unstated = page.find_all("p", cls="pw-unstated")
    for what, shown in columns:
        said_once = [p for p in unstated if f"a {what}" in p.text and "Not stated" in p.text]
        assert bool(said_once) != shown, what
    for cells, skill in zip(rows, pathway.skills_to_learn, strict=True):
        figures = iter(cells[1:])
        if columns[0][1]:
            assert next(figures).text == (skill.priority or NOT_STATED), skill.id
        if columns[1][1]:
            weeks = NOT_STATED if skill.weeks is None else str(skill.weeks)
            assert next(figures).text.startswith(weeks), skill.id
        assert next(figures, None) is None  # no column beyond those
    phases = page.find("ol", cls="pw-timeline").find_all("li", cls="pw-phase")
    assert [heading_text(p.find("h3")) for p in phases] == [phase.name for phase in pathway.roadmap]
    for phase, data in zip(phases, pathway.roadmap, strict=True):
        assert len(phase.find("ul", cls="pw-tasks").find_all("li")) == len(data.tasks)
    for element_id, items in (
        ("what-you-will-love", pathway.reality_check.love),
        ("what-you-might-miss", pathway.reality_check.miss),
        ("biggest-challenges", pathway.reality_check.challenges),
        ("this-week-tasks", pathway.action_plan.this_week),
        ("this-month-tasks", pathway.action_plan.this_month),
        ("next-90-days-tasks", pathway.action_plan.next_90_days),
    ):
        assert [li.text for li in page.find(id=element_id).find_all("li")] == [
            " ".join(item.split()) for item in items
        ], element_id
    faq = page.find("details", cls="question").text
    for salary_range in (pathway.salary.backend, pathway.salary.target):
        expected = NOT_STATED if salary_range is None else f"{dollars(salary_range)} a year"
        assert expected in faq
    facts = page.find("div", cls="pw-facts")
    glance = facts.text
    unstated = " ".join(p.text for p in facts.find_all("p", cls="pw-unstated")).lower()
    for name, value, shown in (
        ("difficulty", pathway.difficulty, pathway.difficulty),
        ("timeline", pathway.timeline, months(pathway.timeline)),
        ("salary change", pathway.salary_change, percent(pathway.salary_change)),
        ("demand", pathway.demand, pathway.demand and " ".join(pathway.demand.split())),
    ):
        if value is not None:
            assert shown in glance, name
        else:  # listed once among the unstated facts, or shown from elsewhere, saying so
            said = name in unstated
            assert said or (name in glance.lower() and "header states none" in glance), name


@pytest.mark.parametrize("role", SOURCED)
def test_skills_to_learn_show_the_source_priority_and_weeks(built_site, role):
    page = pathway_page(built_site, role)
    source = read(role)
    priority_stated = any(priority for _, priority, _ in source.skills)
    weeks_stated = any(weeks for _, _, weeks in source.skills)
    table = page.find("table", cls="pw-skill-table")
    # A column the source leaves blank throughout is left out and said once, above the table.
    assert [th.text for th in table.find("thead").find_all("th")] == (
        ["Skill"] + ["Priority"] * priority_stated + ["Time"] * weeks_stated
    )
    rows = {
        row.find_all("td")[0].text: row.find_all("td")[1:]
        for row in table.find_all("tr")
        if row.find_all("td")
    }
    assert list(rows) == [name for name, _, _ in source.skills]
    for name, priority, weeks in source.skills:
        shown = [c.text for c in rows[name]]
        expected = [priority or NOT_STATED] * priority_stated + [weeks or NOT_STATED] * weeks_stated
        assert shown == expected, name
    notes = [p.text for p in page.find_all("p", cls="pw-unstated") if "skills" in p.text]
    if priority_stated and weeks_stated:
        assert notes == []
    else:
        assert len(notes) == 1
        assert ("priority" in notes[0]) == (not priority_stated), notes
        assert ("time" in notes[0]) == (not weeks_stated), notes
        metas = " ".join(p.text for p in page.find_all("p", cls="pw-skill-meta"))
        assert NOT_STATED not in metas, "an unstated column is said again under each skill"
    headings = [
        heading_text(h) for h in page.find_all("h3") if h.attrs.get("id", "").startswith("skill-")
    ]
    assert headings == [name for name, _, _ in source.skills]


@pytest.mark.parametrize("role", SOURCED)
def test_roadmap_is_an_ordered_timeline_with_cumulative_weeks(built_site, role):
    page = pathway_page(built_site, role)
    source = read(role)
    phases = page.find("ol", cls="pw-timeline").find_all("li", cls="pw-phase")
    strip = page.find("ol", cls="pw-strip").find_all("li")
    assert len(phases) == len(strip) == len(source.phases)
    total = sum(weeks for _, weeks, _ in source.phases)
    first = 1
    for index, (phase, segment, (name, weeks, task_count)) in enumerate(
        zip(phases, strip, source.phases, strict=True), start=1
    ):
        heading = phase.find("h3")
        assert heading_text(heading) == name
        assert heading.attrs["id"] == f"phase-{index}"
        when = phase.find("p", cls="pw-phase-when").text
        assert f"Weeks {first}–{first + weeks - 1} of {total}" in when
        assert f"{weeks} weeks" in when
        tasks = phase.find("ul", cls="pw-tasks").find_all("li")
        assert len(tasks) == task_count
        boxes = [i for t in tasks for i in t.find_all("input")]
        assert len(boxes) == task_count
        assert all(
            b.attrs["type"] == "checkbox" and "checked" not in b.attrs and "disabled" not in b.attrs
            for b in boxes
        ), "tasks are real, enabled, unticked checkboxes"
        # The strip: each segment sized by its weeks, named, placed, linked to its phase.
        assert segment.attrs["style"] == f"--pw-weeks: {weeks}"
        assert name in segment.text and f"{first}–{first + weeks - 1}" in segment.text
        assert segment.find("a").attrs["href"] == f"#phase-{index}"
        first += weeks
    assert f"{total} weeks in all" in page.find("p", cls="pw-roadmap-total").text


@pytest.mark.parametrize("role", ROLES)
def test_phase_names_are_in_the_table_of_contents(built_site, role):
    document = parse(built_site / "pathways" / role / "index.html")
    toc = document.find("nav", cls="md-nav--secondary")
    toc_text = [a.text for a in toc.find_all("a") if a.attrs.get("href", "").startswith("#phase-")]
    assert toc_text == [phase.name for phase in CATALOG.pathway(role).roadmap]  # any pathway


@pytest.mark.parametrize("role", SOURCED)
def test_reality_check_and_action_plan_keep_every_bullet(built_site, role):
    page = pathway_page(built_site, role)
    counts = read(role).bullets
    for heading, element_id in (
        ("What You'll Love", "what-you-will-love"),
        ("What You Might Miss", "what-you-might-miss"),
        ("Biggest Challenges", "biggest-challenges"),
        ("This Week", "this-week-tasks"),
        ("This Month", "this-month-tasks"),
        ("Next 90 Days", "next-90-days-tasks"),
    ):
        items = page.find(id=element_id).find_all("li")
        assert len(items) == counts[heading], f"{role}: {heading}"
        assert all(item.text for item in items)


@pytest.mark.parametrize("role", SOURCED)
def test_salary_faq_and_header_figures(built_site, role):
    page = pathway_page(built_site, role)
    source = read(role)
    assert heading_text(page.find("h2", id="salary-faq")) == "Salary FAQ"
    faq = page.find("details", cls="question")
    assert CATALOG.pathway(role).target_role in faq.find("summary").text
    faq_text = faq.text
    for figure in source.salary_figures:
        assert f"${figure}k" in faq_text, f"{role}: ${figure}k missing from the salary FAQ"
    glance = page.find("div", cls="pw-facts")
    if source.difficulty:
        assert source.difficulty in glance.text
        assert source.timeline.replace("-", "–") in glance.find(id="glance-timeline").text
        change = re.sub(r"\s+", " ", source.salary_change)
        assert change in glance.find(id="glance-salary-change").text, f"{role}: header {change}"
    else:
        # No header: difficulty is listed once as not stated; timeline and salary change come
        # from elsewhere in the source, and say so.
        unstated = glance.find("p", cls="pw-unstated").text
        assert unstated.lower().startswith(NOT_STATED) and "difficulty" in unstated
        assert "header states none" in glance.find(id="glance-timeline").text
        assert "header states none" in glance.find(id="glance-salary-change").text


def test_the_reality_check_comes_before_the_roadmap_as_the_home_page_advises(built_site):
    home = article(built_site / "index.html").text
    assert "reality check before its roadmap" in home.replace("**", "")
    for role in ROLES:
        order = [h.attrs["id"] for h in pathway_page(built_site, role).find_all("h2")]
        assert order.index("reality-check") < order.index("roadmap"), role


def test_home_page_has_a_card_per_pathway(built_site):
    home = article(built_site / "index.html")
    cards = home.find("div", cls="pw-cards").find_all("li")
    assert len(cards) == len(CATALOG.pathways)
    for card, (role, pathway) in zip(cards, CATALOG.pathways.items(), strict=True):
        links = [a.attrs["href"] for a in card.find_all("a")]
        assert f"pathways/{role}/" in links and f"quizzes/{role}/" in links
        assert pathway.target_role in card.text
        assert ("not stated" if pathway.difficulty is None else pathway.difficulty) in card.text
        # The card shows the pathway page's own figures, not a second reading of the data.
        facts = dict(
            zip(
                [dt.text for dt in card.find_all("dt")],
                [dd.text for dd in card.find_all("dd")],
                strict=True,
            )
        )
        glance = pathway_page(built_site, role).find("div", cls="pw-facts")
        for name, fact_id in (
            ("Timeline", "glance-timeline"),
            ("Salary change", "glance-salary-change"),
        ):
            shown = glance.find_all(id=fact_id)
            if shown:
                figure = shown[0].text.removeprefix(name).split(" from ")[0].strip()
                assert facts[name].startswith(figure), (role, name)
            else:
                assert facts[name] == "not stated", (role, name)
    assert home.find_all("h2", id="where-to-start")


def test_where_to_start_and_the_intro_follow_the_data(built_site):
    home = article(built_site / "index.html")
    choices = home.find("ol", cls="pw-where-to-start").find("ul").find_all("li")
    assert len(choices) == len(CATALOG.pathways)
    for choice, (role, pathway) in zip(choices, CATALOG.pathways.items(), strict=True):
        assert choice.find("a").attrs["href"] == f"pathways/{role}/"
        assert choice.text.startswith(f"{pathway.target_role} if you like {pathway.suits}")
    words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    count = len(CATALOG.pathways)
    assert f"lays out {words[count] if count < len(words) else count} ways" in home.text


def test_each_page_has_its_own_meta_description(built_site):
    catalog = CATALOG
    descriptions = set()
    for role, pathway in catalog.pathways.items():
        for kind, expected in (
            ("pathways", pathway.summary),
            ("quizzes", catalog.quizzes[role].description),
        ):
            meta = [
                m
                for m in parse(built_site / kind / role / "index.html").find_all("meta")
                if m.attrs.get("name") == "description"
            ]
            assert [m.attrs["content"] for m in meta] == [expected]
            descriptions.add(expected)
    assert len(descriptions) == len(catalog.pathways) + len(catalog.quizzes)


def test_navigation_lists_every_pathway(built_site):
    nav = parse(built_site / "index.html").find("nav", cls="md-nav--primary")
    hrefs = {a.attrs.get("href") for a in nav.find_all("a")}
    for role in ROLES:
        assert f"pathways/{role}/" in hrefs
        assert f"quizzes/{role}/" in hrefs


def test_adding_a_pathway_is_adding_one_yaml_file(tmp_path):
    project = make_project(
        tmp_path,
        pathways={
            "ml-security-engineer.yaml": pathway_data(
                "ml-security-engineer", "ML Security Engineer"
            )
        },
        quizzes={"ml-security-engineer.yaml": quiz_data("ml-security-engineer")},
    )
    site = tmp_path / "site"
    assert build_site(project, site) == []
    page = article(site / "pathways" / "ml-security-engineer" / "index.html")
    assert heading_text(page.find("h1")) == "ML Security Engineer"
    assert (site / "quizzes" / "ml-security-engineer" / "index.html").is_file()
    nav = parse(site / "index.html").find("nav", cls="md-nav--primary")
    assert "pathways/ml-security-engineer/" in {a.attrs.get("href") for a in nav.find_all("a")}
    card_titles = [
        c.find("p", cls="pw-card-title").text
        for c in article(site / "index.html").find("div", cls="pw-cards").find_all("li")
    ]
    pathway_files = list((project / "data" / "pathways").glob("*.yaml"))
    assert "ML Security Engineer" in card_titles and len(card_titles) == len(pathway_files)


INJECTION = "<script>alert(1)</script> {{ 7*7 }} {% raw %}x{% endraw %} [a](javascript:alert(1))"


def test_data_text_is_never_executed(tmp_path):
    data = pathway_data("injected-role", f"Injected {INJECTION}")
    data["headline"] = INJECTION
    data["overview"] = [INJECTION]
    data["skills_to_learn"][0]["name"] = f"Skill {INJECTION}"
    data["skills_to_learn"][0]["study"] = INJECTION
    data["roadmap"][0]["tasks"] = [INJECTION]
    data["salary"]["notes"] = [INJECTION]
    quiz = quiz_data("injected-role")
    quiz["questions"][0]["prompt"] = INJECTION
    quiz["questions"][0]["explanation"] = INJECTION
    quiz["questions"][0]["options"][0]["text"] = INJECTION
    project = make_project(
        tmp_path,
        pathways={"injected-role.yaml": data},
        quizzes={"injected-role.yaml": quiz},
        real_data=False,
    )
    site = tmp_path / "site"
    build_site(project, site)
    for page_path in (
        site / "pathways" / "injected-role" / "index.html",
        site / "quizzes" / "injected-role" / "index.html",
        site / "index.html",
    ):
        document = parse(page_path)
        scripts = " ".join(s.text for s in document.find_all("script"))
        assert "alert(1)" not in scripts, page_path
        assert not [a for a in document.find_all("a") if "javascript:" in a.attrs.get("href", "")]
        text = document.find("article").text
        assert "{{ 7*7 }}" in text and "49" not in text, page_path
        assert "<script>alert(1)</script>" in text, page_path
        assert "{% raw %}x{% endraw %}" in text, page_path
    # Titles come from data too: the theme's header, navigation and h1 show them as text.
    page = parse(site / "pathways" / "injected-role" / "index.html")
    title = f"Injected {INJECTION}"
    assert heading_text(page.find("h1")) == title
    nav_titles = [a.text for a in page.find("nav", cls="md-nav--primary").find_all("a")]
    assert title in nav_titles
    skill = pathway_page(site, "injected-role").find("h3", id="skill-tensor-things")
    assert heading_text(skill) == f"Skill {INJECTION}"
