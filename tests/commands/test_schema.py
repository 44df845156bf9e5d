"""The JSON Schema of report.yaml: shipped, current, and what the editor needs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from pressroom import settings_schema
from pressroom.cli import main
from pressroom.model import ReportSettings

ROOT = Path(__file__).resolve().parents[2]


def test_shipped_schema_matches_the_model(capsys: pytest.CaptureFixture[str]) -> None:
    """Fails when the model changed and `pressroom schema --write` was not run."""
    assert main(["schema", "--check"]) == 0, capsys.readouterr().err
    assert settings_schema.SCHEMA_FILE.read_text(encoding="utf-8") == settings_schema.schema_text()


def test_check_fails_on_a_stale_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    stale = tmp_path / "report.schema.json"
    schema = settings_schema.report_schema()
    del schema["properties"]["subtitle"]
    stale.write_text(json.dumps(schema, indent=2) + "\n")
    monkeypatch.setattr(settings_schema, "SCHEMA_FILE", stale)
    assert main(["schema", "--check"]) == 1
    assert "pressroom schema --write" in capsys.readouterr().err
    assert main(["schema", "--write"]) == 0
    assert main(["schema", "--check"]) == 0


def test_schema_command_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"] == settings_schema.DIALECT
    assert set(schema["properties"]) == set(ReportSettings.model_fields)
    assert set(schema["required"]) == {"title", "organisation", "date"}
    assert schema["additionalProperties"] is False
    assert schema["properties"]["page_size"]["enum"] == ["A4", "Letter"]
    assert schema["properties"]["organisation"]["enum"] == ["ecpat-international"]
    assert all(field["description"] for field in schema["properties"].values())


def test_the_briefing_paper_names_the_shipped_schema_and_fits_it() -> None:
    report_yaml = ROOT / "report" / "report.yaml"
    first_line = report_yaml.read_text().splitlines()[0]
    assert first_line.startswith("# yaml-language-server: $schema=")
    target = (report_yaml.parent / first_line.split("=", 1)[1]).resolve()
    assert target == settings_schema.SCHEMA_FILE
    schema = json.loads(target.read_text())
    assert set(yaml.safe_load(report_yaml.read_text())) <= set(schema["properties"])
