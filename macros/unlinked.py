"""The reviewed record of resources that have no official home: data/unlinked_resources.yaml.

A resource's `url` is required, and `null` says "no official home". Each such `null` must be
listed in the record with the reason, and each entry of the record must still name a resource
without a link. So a link cannot disappear in an edit unless the same change says why.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

from pydantic import Field

from .catalog import Catalog
from .messages import validate_document
from .models import Model, Pathway, Resource, Slug, Text
from .problems import DataError, Problem, dotted
from .yaml_source import Document, parse_yaml

RECORD_PATH = Path("data/unlinked_resources.yaml")


class UnlinkedResource(Model):
    role: Annotated[Slug, Field(description="the role of the pathway that names the resource")]
    name: Annotated[Text, Field(description="the resource's name, exactly as in the pathway")]
    why: Annotated[Text, Field(description="why it has no link: what was looked for, not found")]


class UnlinkedRecord(Model):
    unlinked: Annotated[
        list[UnlinkedResource],
        Field(description="every resource of every pathway whose url is null"),
    ]


def resources_with_fields(pathway: Pathway) -> Iterator[tuple[tuple, Resource]]:
    """Every resource of a pathway with its field path, in file order."""
    for s, skill in enumerate(pathway.skills_to_learn):
        for r, resource in enumerate(skill.resources):
            yield ("skills_to_learn", s, "resources", r), resource
    for p, phase in enumerate(pathway.roadmap):
        for r, resource in enumerate(phase.resources):
            yield ("roadmap", p, "resources", r), resource


def load_record(root: Path) -> tuple[UnlinkedRecord, Document | None]:
    """The record, or an empty one where the project has none (then every null is reported)."""
    path = root / RECORD_PATH
    if not path.is_file():
        return UnlinkedRecord(unlinked=[]), None
    document = parse_yaml(path, RECORD_PATH.as_posix())
    return validate_document(document, UnlinkedRecord, RECORD_PATH.as_posix()), document


def record_problems(root: Path, catalog: Catalog) -> list[Problem]:
    """A null url missing from the record, and a record entry that names no unlinked resource."""
    try:
        record, document = load_record(root)
    except DataError as error:
        return list(error.problems)
    recorded = {(entry.role, entry.name) for entry in record.unlinked}
    unlinked: set[tuple[str, str]] = set()
    problems = []
    for role, pathway in catalog.pathway_records.items():
        display = pathway.file
        for field, resource in resources_with_fields(pathway.model):
            if resource.url is not None:
                continue
            unlinked.add((role, resource.name))
            if (role, resource.name) not in recorded:
                line, col = pathway.document.where((*field, "url"))
                problems.append(
                    Problem(
                        display,
                        line,
                        col,
                        dotted((*field, "url")),
                        f"expected the resource's official http(s) link, or an entry for role "
                        f"{role!r} and name {resource.name!r} in {RECORD_PATH} saying why it "
                        "has none, found null",
                    )
                )
    for index, entry in enumerate(record.unlinked):
        if (entry.role, entry.name) not in unlinked:
            line, col = document.where(("unlinked", index)) if document else (1, 1)
            problems.append(
                Problem(
                    RECORD_PATH.as_posix(),
                    line,
                    col,
                    f"unlinked[{index}]",
                    f"expected a resource of pathway {entry.role!r} named {entry.name!r} whose "
                    "url is null, found none (it has a link now, or was renamed: update or "
                    "remove this entry)",
                )
            )
    return problems
