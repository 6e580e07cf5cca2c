"""JSON Schemas of the data files, generated from the models and committed under schemas/.

Editors that speak the YAML language server read the `$schema` line at the top of each data
file and complete and check fields as they are typed; the tests fail when the committed
schemas drift from the models.
"""

from __future__ import annotations

import json
from pathlib import Path

from .models import Pathway, Quiz, SkillCatalogue
from .unlinked import UnlinkedRecord

SCHEMAS_DIR = Path("schemas")
MODELS = {
    "pathway.schema.json": Pathway,
    "quiz.schema.json": Quiz,
    "skills.schema.json": SkillCatalogue,
    "unlinked-resources.schema.json": UnlinkedRecord,
}


def generate() -> dict[str, str]:
    """File name -> schema text, exactly as committed."""
    texts = {}
    for name, model in MODELS.items():
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"https://backend-ai-pathways.invalid/schemas/{name}",
            **model.model_json_schema(mode="validation"),
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
