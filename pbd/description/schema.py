"""The description's JSON Schema, generated from the model (committed as schemas/project.schema.json)."""

from __future__ import annotations

import json
from typing import Any

from pbd.description.model import ProjectDescription


def project_schema() -> dict[str, Any]:
    schema = ProjectDescription.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://pbd.example/schemas/project.schema.json"
    return schema


def schema_text() -> str:
    return json.dumps(project_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
