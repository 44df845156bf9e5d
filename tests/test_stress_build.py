"""A generated report of 100+ pages and 400+ notes, at several type sizes and spacings:
every note must start on its call's page and none may be lost, read back from the PDF."""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path

import pytest

from pdfread import call_pages, note_positions
from pressroom.audit import audit
from pressroom.catalog import catalog_finisher
from pressroom.layout import lay_out
from pressroom.load import load_source
from pressroom.markdown import render_markdown
from pressroom.template import fill_template
from pressroom.validate import validate
from stress_report import write_stress_report

VARIANTS = {
    "house-style": "",
    "9pt-tight": "html { font-size: 9pt; line-height: 11.5pt; } main p { margin-bottom: 3pt; }",
    "11.5pt-loose": "html { font-size: 11.5pt; line-height: 17pt; } main p { margin-bottom: 11pt; }"
    " @page { @footnote { margin-top: 14pt; padding-top: 7pt; } }",
}


@pytest.fixture(scope="module")
def stress_folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    return write_stress_report(tmp_path_factory.mktemp("stress") / "report")


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_note_starts_on_its_call_page_and_none_is_lost(stress_folder, variant, tmp_path):
    folder, note_count = stress_folder
    (folder / "variant.css").write_text(VARIANTS[variant], encoding="utf-8")
    source, _ = load_source(folder)
    report, _ = validate(source)
    body, problems = render_markdown(report)
    assert problems == [] and len(body.notes) == note_count >= 300
    document = fill_template(report, body)
    document = dataclasses.replace(document, stylesheets=(*document.stylesheets, folder / "variant.css"))
    layout, _ = lay_out(document, "pdf/ua-1", None, catalog_finisher(report.settings.language))
    result = audit(layout, body)
    pdf = tmp_path / "stress.pdf"
    pdf.write_bytes(layout.pdf)

    assert result.pages >= 100
    positions, calls = note_positions(pdf), call_pages(pdf)
    assert sorted(positions) == list(range(1, note_count + 1)), "a note is lost"
    misplaced = {n: (calls[n][0], page) for n, (page, _) in positions.items() if calls[n][0] != page}
    assert misplaced == {}, f"{len(misplaced)} notes not on their call page (call page, note page): {misplaced}"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    for number, (page, _) in positions.items():
        assert f"Note {number} says" in pages[page - 1], f"note {number}'s text is not on page {page}"
    assert [p for p in result.problems if p.is_error] == []
