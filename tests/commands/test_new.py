"""`pressroom new` then `pressroom build`: a fresh folder builds on the first try."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest
import yaml

from pressroom import messages
from pressroom.cli import main
from pressroom.preflight import preflight
from pressroom.settings_schema import SCHEMA_FILE


@pytest.fixture(scope="module")
def new_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("new") / "my-paper"
    assert main(["new", str(folder)]) == 0
    return folder


@pytest.fixture(scope="module")
def new_pdf(new_folder: Path) -> Path:
    output = new_folder.parent / "my-paper.pdf"
    assert main(["build", str(new_folder), "-o", str(output)]) == 0
    return output


def test_new_writes_the_example_files(new_folder: Path) -> None:
    assert sorted(path.name for path in new_folder.iterdir()) == ["briefing-paper.md", "figure.png", "report.yaml"]


def test_report_yaml_points_the_editor_at_the_shipped_schema(new_folder: Path) -> None:
    first_line = (new_folder / "report.yaml").read_text().splitlines()[0]
    assert first_line == f"# yaml-language-server: $schema={SCHEMA_FILE.as_posix()}"
    assert SCHEMA_FILE.is_file()
    settings = yaml.safe_load((new_folder / "report.yaml").read_text())
    assert settings["organisation"] == "ecpat-international"


def test_example_shows_every_feature_a_writer_needs(new_folder: Path) -> None:
    text = (new_folder / "briefing-paper.md").read_text()
    calls = re.findall(r"\[\^(\w+)\](?!:)", text)
    assert len(calls) > len(set(calls)), "a note called twice"
    assert "^[" in text, "an inline note"
    assert re.search(r"^- ", text, re.M), "a bulleted list"
    assert re.search(r"^\|[-: |]+\|$", text, re.M), "a table"
    assert re.search(r"!\[[^\]]+\]\(figure\.png\)", text), "an image with a description"


def test_new_folder_builds_with_notes_image_and_background_page(new_pdf: Path) -> None:
    reader = pypdf.PdfReader(new_pdf)
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    assert "Background information about ECPAT International" in pages[-1]
    assert "BRIEFING PAPER" in pages[0]
    assert "Like this one" in pages[0], "the inline note is printed"
    assert len(reader.pages[0].images) == 1, "the figure"


def test_example_image_is_sharp_enough_for_print(new_pdf: Path) -> None:
    findings = [f for f in preflight(new_pdf).findings if f.check == "image-resolution"]
    assert findings and all(f.severity == "info" for f in findings), findings


def test_new_refuses_a_folder_with_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.md").write_text("mine")
    assert main(["new", str(tmp_path)]) == 1
    assert messages.NEW_FOLDER_NOT_EMPTY in capsys.readouterr().err
    assert [path.name for path in tmp_path.iterdir()] == ["notes.md"]


def test_new_rejects_an_unknown_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["new", str(tmp_path / "x"), "--kind", "annual-report"])
    assert exit_.value.code == 2
    assert "briefing-paper" in capsys.readouterr().err
