"""The JSON Schema of report.yaml, generated from ReportSettings, for editor completion.

Editors that speak the YAML language server read it from the `# yaml-language-server:
$schema=...` line at the top of report.yaml. The shipped copy must match the model;
tests/commands/test_schema.py fails when it does not.
"""

from __future__ import annotations

import json
from typing import Any

from pressroom.model import ReportSettings
from pressroom.resources import PACKAGE_DIR, available_organisations, available_styles

SCHEMA_FILE = PACKAGE_DIR / "schema" / "report.schema.json"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def report_schema() -> dict[str, Any]:
    schema = ReportSettings.model_json_schema()
    properties = schema["properties"]
    # The model takes any text; the editor can offer the names that exist today.
    properties["organisation"]["enum"] = available_organisations()
    properties["style"]["enum"] = available_styles()
    return {"$schema": DIALECT, **schema, "title": "pressroom report.yaml"}


def schema_text() -> str:
    return json.dumps(report_schema(), indent=2, ensure_ascii=False) + "\n"


def shipped_schema_is_current() -> bool:
    return SCHEMA_FILE.is_file() and SCHEMA_FILE.read_text(encoding="utf-8") == schema_text()


def write_schema() -> None:
    SCHEMA_FILE.parent.mkdir(exist_ok=True)
    SCHEMA_FILE.write_text(schema_text(), encoding="utf-8")
