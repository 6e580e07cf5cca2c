"""The committed JSON Schemas match the models, and every data file validates against them with
an independent validator (jsonschema), as an editor would check it."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml
from conftest import PROJECT, ROOT

from macros import schema

DATA = sorted((PROJECT / "data" / "pathways").glob("*.yaml")) + sorted(
    (PROJECT / "quizzes").glob("*.yaml")
)


def undescribed(document: dict) -> list[str]:
    """Every property of a schema (its own and its definitions') that has no description."""
    missing = []
    for name, definition in {"(root)": document, **document.get("$defs", {})}.items():
        for prop, spec in definition.get("properties", {}).items():
            if not str(spec.get("description", "")).strip():
                missing.append(f"{name}.{prop}")
    return missing


def test_committed_schemas_equal_the_generated_ones():
    for name, text in schema.generate().items():
        committed = (ROOT / "schemas" / name).read_text(encoding="utf-8")
        assert committed == text, f"schemas/{name} is stale: run `pathways schema`"


def test_every_property_of_both_schemas_is_described():
    for name, text in schema.generate().items():
        assert undescribed(json.loads(text)) == [], f"{name}: add a docstring to these fields"


def test_the_description_check_finds_a_property_without_one():
    document = json.loads(schema.generate()["pathway.schema.json"])
    del document["$defs"]["Phase"]["properties"]["weeks"]["description"]
    document["properties"]["role"]["description"] = " "
    assert undescribed(document) == ["(root).role", "Phase.weeks"]


def test_descriptions_come_from_the_models_field_docs():
    from macros.models import Phase, Quiz
    from macros.rules import MIN_QUESTIONS

    document = json.loads(schema.generate()["pathway.schema.json"])
    described = document["$defs"]["Phase"]["properties"]["weeks"]["description"]
    assert described == schema.field_docs(Phase)["weeks"]
    assert described.startswith("How long the phase lasts, in whole weeks above 0")
    quiz = json.loads(schema.generate()["quiz.schema.json"])
    assert f"at least {MIN_QUESTIONS}" in quiz["properties"]["questions"]["description"]
    assert (
        Quiz.model_fields["questions"].description == quiz["properties"]["questions"]["description"]
    )


@pytest.mark.data
@pytest.mark.parametrize("path", DATA, ids=lambda p: p.relative_to(PROJECT).as_posix())
def test_every_data_file_validates_against_its_schema_and_names_it(path):
    kind = "quiz" if path.parent.name == "quizzes" else "pathway"
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    relative = "../schemas" if kind == "quiz" else "../../schemas"
    assert first_line == f"# yaml-language-server: $schema={relative}/{kind}.schema.json"
    document = json.loads((ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(document)
    jsonschema.Draft202012Validator(document).validate(
        yaml.safe_load(path.read_text(encoding="utf-8"))
    )


def test_the_record_of_unlinked_resources_validates_against_its_schema_and_names_it():
    path = ROOT / "data" / "unlinked_resources.yaml"
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../schemas/unlinked-resources.schema.json"
    text = (ROOT / "schemas" / "unlinked-resources.schema.json").read_text(encoding="utf-8")
    document = json.loads(text)
    jsonschema.Draft202012Validator.check_schema(document)
    jsonschema.Draft202012Validator(document).validate(
        yaml.safe_load(path.read_text(encoding="utf-8"))
    )


@pytest.mark.parametrize(
    "broken",
    [
        "pathway-bad-priority",
        "pathway-unknown-key",
        "pathway-zero-weeks",
        "pathway-javascript-link",
        "pathway-resource-ftp-link",
        "quiz-bad-type",
        "quiz-ftp-reference",
    ],
)
def test_the_schema_also_rejects_broken_files(broken):
    path = ROOT / "tests" / "broken" / f"{broken}.yaml"
    kind = broken.split("-")[0]
    document = json.loads((ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(document).validate(yaml.safe_load(path.read_text()))
