"""JSON Schemas of the data files, generated from the models and committed under schemas/.

Editors that speak the YAML language server read the `$schema` line at the top of each data
file and complete and check fields as they are typed; the tests fail when the committed
schemas drift from the models.
"""

from __future__ import annotations

import ast
import inspect
import json
import sys
import textwrap
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .models import Pathway, Quiz, SkillCatalogue
from .unlinked import UnlinkedRecord

SCHEMAS_DIR = Path("schemas")
MODELS = {
    "pathway.schema.json": Pathway,
    "quiz.schema.json": Quiz,
    "skills.schema.json": SkillCatalogue,
    "unlinked-resources.schema.json": UnlinkedRecord,
}


def field_docs(model: type[BaseModel]) -> dict[str, str]:
    """Field name -> its docstring (the string written right below the field), the class's own
    and its bases', cleaned as Python cleans docstrings."""
    docs: dict[str, str] = {}
    for cls in reversed(model.__mro__):
        if not issubclass(cls, BaseModel) or cls.__module__.startswith("pydantic"):
            continue
        body = ast.parse(textwrap.dedent(inspect.getsource(cls))).body[0].body
        for field, below in zip(body, body[1:], strict=False):
            if (
                isinstance(field, ast.AnnAssign)
                and isinstance(field.target, ast.Name)
                and isinstance(below, ast.Expr)
                and isinstance(below.value, ast.Constant)
                and isinstance(below.value.value, str)
            ):
                docs[field.target.id] = inspect.cleandoc(below.value.value)
    return docs


def _describe_fields(schema: dict[str, Any], model: type[BaseModel]) -> None:
    """Give each property of the schema and of its definitions its field's docstring, unless the
    field has a description of its own; keys stay in pydantic's (sorted) order."""
    module = vars(sys.modules[model.__module__])
    for spec, cls in [(schema, model)] + [
        (definition, module.get(name)) for name, definition in schema.get("$defs", {}).items()
    ]:
        if not (isinstance(cls, type) and issubclass(cls, BaseModel)):
            continue  # an enum's definition, say: it has no fields
        docs = field_docs(cls)
        names = {(info.alias or name): name for name, info in cls.model_fields.items()}
        properties = spec.get("properties", {})
        for key, prop in properties.items():
            doc = docs.get(names.get(key, key))
            if doc and "description" not in prop:
                properties[key] = dict(sorted({**prop, "description": doc}.items()))


def generate() -> dict[str, str]:
    """File name -> schema text, exactly as committed."""
    texts = {}
    for name, model in MODELS.items():
        described = model.model_json_schema(mode="validation")
        _describe_fields(described, model)
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"https://backend-ai-pathways.invalid/schemas/{name}",
            **described,
        }
        texts[name] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return texts


def write(root: Path) -> list[Path]:
    written = []
    for name, text in generate().items():
        path = root / SCHEMAS_DIR / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
