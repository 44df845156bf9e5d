"""build.py, the pipeline driver: the two profiles laid out in two worker processes, the same
files as one at a time; a print file that fails the printer's check is explained to the writer."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressroom import build as build_module
from pressroom.build import build
from pressroom.layout_process import layout_workers


@pytest.fixture
def layout_workers_used(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int, int]]:
    """(profile, worker, jobs still being laid out then) for every layout sent."""
    sent: list[tuple[str, int, int]] = []
    workers = layout_workers()
    real = workers.submit

    def submit(job):
        ticket = real(job)
        sent.append((job.profile, id(ticket.worker), sum(w.busy for w in workers.workers)))
        return ticket

    monkeypatch.setattr(workers, "submit", submit)
    return sent


def test_the_two_profiles_are_laid_out_side_by_side_in_two_other_processes(
    report_dir: Path, tmp_path: Path, layout_workers_used: list
) -> None:
    build(report_dir, tmp_path / "out" / "paper.pdf", profile="both")
    (screen, screen_worker, _), (printed, print_worker, busy) = layout_workers_used
    assert (screen, printed) == ("screen", "print")
    assert screen_worker != print_worker
    assert busy == 2, "the print layout was sent before the screen layout was done"


def test_both_profiles_at_once_write_the_same_bytes_as_each_alone(report_dir: Path, tmp_path: Path) -> None:
    both = build(report_dir, tmp_path / "both" / "paper.pdf", profile="both")
    screen = build(report_dir, tmp_path / "screen" / "paper.pdf", profile="screen")
    printed = build(report_dir, tmp_path / "print" / "paper.pdf", profile="print")
    assert both.outputs["screen"].path.read_bytes() == screen.output.read_bytes()
    assert both.outputs["print"].path.read_bytes() == printed.output.read_bytes()
    assert list(both.outputs) == ["screen", "print"]


def test_rgb_in_the_print_file_is_explained_in_a_writers_words(make_report, tmp_path: Path):
    import weasyprint

    report = make_report("Text.\n")
    rgb = weasyprint.HTML(string="<p style='color: rgb(200, 0, 0)'>Red text</p>").write_pdf()
    problems = build_module._preflight(rgb, report.settings.print, tmp_path)
    colour = [p.message for p in problems if "RGB" in p.message]
    assert colour and colour[0].startswith("Page 1 of the print file has screen (RGB) colour")
    assert "device-cmyk" not in colour[0] and "pressroom.icc" not in colour[0]
    # What no writer can cause (here: no output intent) is said to be pressroom's fault.
    others = [p.message for p in problems if p.message not in colour]
    assert others and all("fault in pressroom" in message for message in others)


def test_a_long_note_called_near_the_end_gets_pages_of_its_own_before_the_back_page(make_report, tmp_path: Path):
    """A note of more than a page called in the last paragraph used to continue after the
    background page ('background page is not the last page', and nothing about the note)."""
    from pdfread import first_call_positions, note_positions, pages

    text = "\n\n".join(["Ordinary body text that runs on for a while. " * 6] * 8)
    note = " ".join(["This long note goes on with words to fill more than a page of the note area."] * 90)
    report = make_report(f"{text}\n\nThe last paragraph calls a long note.[^long]\n\n[^long]: {note}\n")
    result = build(report.root, tmp_path / "long.pdf", profile="both")
    for made in result.outputs.values():
        printed = pages(made.path)
        assert note_positions(made.path)[1][0] == first_call_positions(made.path)[1][0], "on its call's page"
        assert "ECPAT" in " ".join(w.text for w in printed[-1].words)  # the back page, last
        assert not any("goes on with words" in w.text for w in printed[-1].words)
        assert result.continued_notes == [1]


