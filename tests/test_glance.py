"""At a glance: one figure per fact, and a note wherever the source disagrees with itself."""

from __future__ import annotations

from conftest import ROOT
from pages import article

from macros.catalog import load_catalog


def pathway_page(site, role):
    return article(site / "pathways" / role / "index.html")


def test_contradictions_in_a_source_keep_both_figures(built_site):
    glance = pathway_page(built_site, "ai-model-optimizer").find("div", cls="pw-facts")
    # One figure per fact on the cards...
    assert glance.find(id="glance-timeline").text == "Timeline 6–9 months"
    assert glance.find(id="glance-salary-change").text == "Salary change +40%"
    # ...and one note per disagreement, naming both figures and where each comes from.
    notes = [li.text for li in glance.find("div", cls="pw-disagreements").find_all("li")]
    assert notes == [
        "Timeline: the header gives 6–9 months and the title 6 months, but the roadmap's "
        "phases add up to 22 weeks (about 5.1 months).",
        "Salary change: the header says +40%, the salary FAQ +30% to +50%.",
    ]
    research = pathway_page(built_site, "ai-research-engineer").find("div", cls="pw-facts")
    assert research.find(id="glance-timeline").text.startswith("Timeline 12 months")
    assert research.find(id="glance-salary-change").text.startswith(
        "Salary change about +60% or more"
    )
    assert [li.text for li in research.find("div", cls="pw-disagreements").find_all("li")] == [
        "Timeline: the title says 12 months, but the roadmap's phases add up to 40 weeks "
        "(about 9.2 months)."
    ]
    platform = pathway_page(built_site, "ai-platform-engineer").find("div", cls="pw-facts")
    platform_notes = platform.find("div", cls="pw-disagreements").text
    assert "Salary change" not in platform_notes  # its header and FAQ agree (+20% to +50%)


def test_every_disagreement_the_checks_find_in_time_or_pay_gets_a_note(built_site):
    from macros.doubts import pathway_warnings

    catalog = load_catalog(ROOT)
    for role, pathway in catalog.pathways.items():
        fields = {field for field, message in pathway_warnings(pathway) if "imply" not in message}
        notes = [
            li.text
            for div in pathway_page(built_site, role).find_all("div", cls="pw-disagreements")
            for li in div.find_all("li")
        ]
        timeline_warned = bool(fields & {("roadmap",), ("headline_months",)})
        pay_warned = ("salary_change",) in fields
        assert any(n.startswith("Timeline:") for n in notes) == timeline_warned, role
        assert any(n.startswith("Salary change:") for n in notes) == pay_warned, role
