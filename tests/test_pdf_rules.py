"""Rule by rule, what a strict RIP checks in the print file and a screen reader needs from the
screen file, read from the PDF objects of three reports: the briefing paper, the starter
(`pressroom new`) and the 100-page stress report. Each report is built once per session."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

import pdf_rules
from stress_report import write_stress_report

REPORTS = ("briefing-paper", "starter", "stress-report")


def _folder(name: str, root: Path, report_dir: Path) -> Path:
    if name == "briefing-paper":
        return report_dir
    if name == "starter":
        from pressroom.new_report import new_report

        new_report(root / "starter", "briefing-paper", datetime.date(2026, 11, 30))
        return root / "starter"
    return write_stress_report(root / "stress")[0]


@pytest.fixture(scope="session", params=REPORTS)
def files(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, report_dir: Path) -> dict[str, Path]:
    """Both files of one report; pytest runs every test on one report before building the next."""
    from pressroom.build import build

    root = tmp_path_factory.mktemp(request.param)
    source = _folder(request.param, root, report_dir)
    result = build(source, root / "build" / f"{request.param}.pdf", profile="both")
    return {"source": source} | {
        profile: output.path for profile, output in result.outputs.items()
    }


# -- the print file -------------------------------------------------------------------------


def test_print_file_has_no_annotation_inside_the_bleed_box(files: dict[str, Path]) -> None:
    assert pdf_rules.annotations_inside_bleed(files["print"]) == []


def test_print_file_has_no_action(files: dict[str, Path]) -> None:
    assert pdf_rules.actions(files["print"]) == []


def test_print_file_crop_marks_lie_outside_the_bleed_box_and_inside_the_media_box(files: dict[str, Path]) -> None:
    assert pdf_rules.marks_outside_bleed(files["print"]) == []


def test_print_file_black_text_under_12_pt_is_solid_black(files: dict[str, Path]) -> None:
    runs = pdf_rules.text_runs(files["print"])
    assert any(colour == (0, 0, 0, 1) for *_, colour, _ in runs), "no text in solid black"
    assert pdf_rules.screened_small_text(files["print"]) == []


def test_print_file_text_under_12_pt_uses_at_most_two_inks(files: dict[str, Path]) -> None:
    assert pdf_rules.small_text_in_many_inks(files["print"]) == []


def test_pressroom_preflight_reports_the_print_side_rules_and_finds_nothing(files: dict[str, Path]) -> None:
    from pressroom.preflight import PreflightOptions, preflight

    report = preflight(files["print"], PreflightOptions())
    rules = ("annotations", "boxes", "small-text-inks", "unused-resources", "ink-coverage")
    assert {f.check for f in report.findings} >= set(rules)
    assert [f for f in report.findings if f.check in rules and f.severity != "info"] == []


def test_print_file_declares_no_unused_resource(files: dict[str, Path]) -> None:
    assert pdf_rules.unused_resources(files["print"]) == []


# -- the screen file ------------------------------------------------------------------------


def test_screen_file_links_are_printable_and_the_file_has_an_id(files: dict[str, Path]) -> None:
    assert pdf_rules.unprintable_annotations(files["screen"]) == []
    assert pdf_rules.has_file_identifier(files["screen"]) and pdf_rules.has_file_identifier(files["print"])


def test_screen_file_marked_content_is_in_the_structure_tree_or_an_artifact(files: dict[str, Path]) -> None:
    assert pdf_rules.orphan_marked_content(files["screen"]) == []


def _html(source: Path) -> tuple[str, int]:
    """The HTML the screen file was laid out from, and its number of notes."""
    from pressroom.load import load_source
    from pressroom.markdown import render_markdown
    from pressroom.template import fill_template
    from pressroom.validate import validate

    report, _ = validate(load_source(source)[0])
    body, _ = render_markdown(report)
    return fill_template(report, body).html, len(body.notes)


def test_screen_file_every_footnote_is_a_note_with_an_id_and_a_label_after_its_paragraph(files: dict[str, Path]) -> None:
    _, note_count = _html(files["source"])
    notes = pdf_rules.notes(files["screen"])
    assert [note["id"] for note in notes] == [f"note-{n}" for n in range(1, note_count + 1)]
    assert [note for note in notes if not note["lbl"]] == []
    # After the paragraph or heading that calls it (or the notes already there), or at the
    # end of the list item or table cell that calls it.
    misplaced = [n for n in notes if n["after"] not in {"/P", "/H2", "/H3", "/Note"} and n["in"] not in {"/LBody", "/TD", "/TH"}]
    assert misplaced == []


def test_screen_file_a_paragraph_broken_by_a_page_is_one_element(files: dict[str, Path]) -> None:
    html, _ = _html(files["source"])
    assert pdf_rules.structure_types(files["screen"]).count("/P") == len(re.findall(r"<p[\s>]", html))
