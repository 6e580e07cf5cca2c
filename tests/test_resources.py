"""Resources as links: each named resource links to its official home, or says why it cannot.

A resource's `url` is required and http(s) or null; each null is in the reviewed record
data/unlinked_resources.yaml with its reason, and each record entry still names a resource
without a link. So a link cannot be lost in an edit unless the same change says why. The built
pages are read like a reader reads them: the link text is the resource's name, the type a word.
"""

from __future__ import annotations

import json

import pytest
import yaml
from conftest import ROOT, make_project
from factories import pathway_data
from pages import article
from pydantic import ValidationError
from seeds import ROLE_FILES

from macros import cli
from macros.catalog import load_catalog
from macros.links import external_links
from macros.models import RESOURCE_TYPES, Resource
from macros.problems import DataError
from macros.unlinked import RECORD_PATH, resources_with_fields

ROLES = list(ROLE_FILES)
CATALOG = load_catalog(ROOT)


def _record() -> list[dict]:
    return yaml.safe_load((ROOT / RECORD_PATH).read_text(encoding="utf-8"))["unlinked"]


def _resources(role):
    return [resource for _, resource in resources_with_fields(CATALOG.pathway(role))]


def test_every_resource_without_a_link_is_in_the_record_and_every_entry_still_names_one():
    without_link = {
        (role, r.name) for role in CATALOG.pathways for r in _resources(role) if r.url is None
    }
    recorded = [(entry["role"], entry["name"]) for entry in _record()]
    assert len(recorded) == len(set(recorded)), "an entry of the record is listed twice"
    assert without_link - set(recorded) == set(), "a resource lost its link without a reason"
    assert set(recorded) - without_link == set(), "an entry names no resource without a link"
    assert all(entry["why"].strip() for entry in _record())


def test_most_named_resources_are_links():
    resources = [r for role in CATALOG.pathways for r in _resources(role)]
    linked = [r for r in resources if r.url is not None]
    assert len(linked) > len(resources) / 2


def test_a_link_is_http_or_https_and_a_type_is_one_of_the_list():
    for bad in ("ftp://example.org/a", "javascript:alert(1)", "//example.org/a", "example.org"):
        with pytest.raises(ValidationError, match="http"):
            Resource(name="A", type="book", url=bad)
    with pytest.raises(ValidationError, match="course"):
        Resource(name="A", type="podcast", url=None)
    assert {r.type for role in CATALOG.pathways for r in _resources(role)} <= set(RESOURCE_TYPES)


def test_a_resource_without_url_or_type_is_an_error_not_a_silent_omission(tmp_path):
    data = pathway_data()
    del data["skills_to_learn"][0]["resources"][0]["url"]
    del data["roadmap"][0]["resources"][0]["type"]
    project = make_project(tmp_path, pathways={"example-role.yaml": data}, real_data=False)
    with pytest.raises(DataError) as failure:
        load_catalog(project)
    fields = {problem.field for problem in failure.value.problems}
    assert fields == {"skills_to_learn[0].resources[0].url", "roadmap[0].resources[0].type"}


def _first_linked(role):
    pathway = CATALOG.pathway(role)
    return next((f, r) for f, r in resources_with_fields(pathway) if r.url is not None)


def _validate(project, capsys) -> tuple[int, str]:
    status = cli.main(["--root", str(project), "validate", "--no-run"])
    return status, capsys.readouterr().err


def test_removing_a_link_fails_validation_until_the_record_says_why(tmp_path, capsys):
    role = ROLES[0]
    (part, skill, _, index), resource = _first_linked(role)
    data = yaml.safe_load((ROOT / "data" / "pathways" / f"{role}.yaml").read_text())
    data[part][skill]["resources"][index]["url"] = None
    project = make_project(tmp_path, pathways={f"{role}.yaml": data})

    status, err = _validate(project, capsys)
    assert status == 1
    field = f"{part}[{skill}].resources[{index}].url"
    assert f"data/pathways/{role}.yaml:" in err and f": {field}: expected the resource's" in err
    assert repr(resource.name) in err

    record = project / RECORD_PATH
    entry = f"  - role: {role}\n    name: {json.dumps(resource.name)}\n    why: Its page is gone.\n"
    record.write_text(record.read_text(encoding="utf-8") + entry, encoding="utf-8")
    assert _validate(project, capsys) == (0, "")


def test_a_record_entry_for_a_resource_that_has_a_link_is_an_error(tmp_path, capsys):
    role = ROLES[-1]
    _, resource = _first_linked(role)
    project = make_project(tmp_path)
    record = project / RECORD_PATH
    lines = record.read_text(encoding="utf-8").splitlines()
    entry = [f"  - role: {role}", f"    name: {json.dumps(resource.name)}", "    why: stale"]
    record.write_text("\n".join([*lines, *entry]) + "\n", encoding="utf-8")

    status, err = _validate(project, capsys)
    assert status == 1
    line = len(lines) + 1
    where = f"{RECORD_PATH.as_posix()}:{line}:5: unlinked[{len(_record())}]"
    assert f"{where}: expected a resource of pathway {role!r}" in err


def test_the_scheduled_link_check_covers_every_resource_link():
    used = external_links(CATALOG)
    for role in CATALOG.pathways:
        for resource in _resources(role):
            if resource.url is not None:
                assert f"pathway:{role}" in used[resource.url], resource.name


@pytest.mark.parametrize("role", ROLES)
def test_the_page_links_each_resource_by_name_and_shows_its_type(built_site, role):
    page = article(built_site / "pathways" / role / "index.html")
    items = [li for ul in page.find_all("ul", cls="pw-resources") for li in ul.find_all("li")]
    resources = _resources(role)
    assert len(items) == len(resources)
    for item, resource in zip(items, resources, strict=True):
        label = item.find("span", cls="pw-resource-type")
        assert label.text == resource.type.capitalize()
        links = item.find_all("a")
        if resource.url is None:
            assert links == [] and item.text == f"{label.text} {resource.name}"
            continue
        assert [(a.text, a.attrs["href"]) for a in links] == [(resource.name, resource.url)]
        assert links[0].attrs.get("rel") == "noopener" and "target" not in links[0].attrs
