"""`pressroom import`: the briefing paper as a Word and a LibreOffice file builds to the same PDF text."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from pdfread import call_pages, note_positions
from pressroom import messages
from pressroom.build import build
from pressroom.cli import main

WORD = Path(__file__).resolve().parents[1] / "data" / "word"


def pdf_text(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")


@pytest.mark.parametrize("kind", ["docx", "odt"])
def test_the_imported_briefing_paper_builds_to_the_same_text_with_every_note_on_its_call_page(
    kind, tmp_path, monkeypatch, capsys, seed_pdf
):
    monkeypatch.chdir(tmp_path)
    assert main(["import", str(WORD / f"briefing-paper.{kind}"), "-o", "paper", "--organisation", "ecpat-international"]) == 0
    printed = capsys.readouterr()
    assert "19 note(s)" in printed.out and printed.err == ""
    assert messages.IMPORT_NEXT.format(folder="paper") in printed.out

    pdf = tmp_path / "paper.pdf"
    result = build(tmp_path / "paper", pdf)
    assert result.notes == 19 and result.warnings == []
    assert pdf_text(pdf) == pdf_text(seed_pdf)  # same words, lines and pages as report/
    positions, calls = note_positions(pdf), call_pages(pdf)
    assert sorted(positions) == list(range(1, 20))
    for number, (page, _) in positions.items():
        assert page == calls[number][0], f"note {number} is on page {page}, its first call on page {calls[number][0]}"
    assert len(calls[8]) == 2  # the cross-reference is a second call of note 8


def test_tracked_changes_stop_the_command_with_what_to_do(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["import", str(WORD / "tracked-changes.docx")]) == 1
    err = capsys.readouterr().err
    assert "A tracked insertion by Ana Editor: 'sharply'" in err and "--accept-changes" in err
    assert not (tmp_path / "tracked-changes").exists()
    assert main(["import", str(WORD / "tracked-changes.docx"), "--accept-changes"]) == 0
    assert "Reports rose sharply in a short time." in (tmp_path / "tracked-changes" / "tracked-changes.md").read_text()


def test_what_the_writer_must_fix_is_printed_file_line_column(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["import", str(WORD / "features.docx")]) == 1
    printed = capsys.readouterr()
    where = re.search(r"^features/features\.md:(\d+):(\d+): The image 'media/image2\.png' has no description\.", printed.err, re.M)
    line = (tmp_path / "features" / "features.md").read_text().splitlines()[int(where[1]) - 1]
    assert line[int(where[2]) - 1 :].startswith("media/image2.png")
    assert "warning: 1 comment(s) left out" in printed.err
    assert messages.IMPORT_FIX_FIRST.format(folder="features") in printed.out


def test_accept_and_reject_cannot_both_be_asked(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["import", "draft.docx", "--accept-changes", "--reject-changes"])
    assert stopped.value.code == 2


def test_the_writers_guide_starts_with_the_import_and_shows_what_it_prints(tmp_path, monkeypatch, capsys):
    guide = (Path(__file__).resolve().parents[2] / "docs" / "writers.md").read_text(encoding="utf-8")
    assert re.findall(r"^## (.*)$", guide, re.M)[0] == "From a Word file"
    block = re.search(r"```console\n\$ (pressroom import .*?)\n(.*?)```", guide, re.S)
    command, documented = block[1], block[2]
    monkeypatch.chdir(tmp_path)
    shutil.copy(WORD / "briefing-paper.docx", tmp_path)
    assert main(shlex.split(command)[1:]) == 0
    assert capsys.readouterr().out == documented


def test_once_the_missing_description_is_written_the_imported_features_build(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["import", str(WORD / "features.odt"), "-o", "features"]) == 1
    text = tmp_path / "features" / "features.md"
    text.write_text(re.sub(r"!\[\]\(", "![An orange rectangle](", text.read_text()))
    result = build(tmp_path / "features", tmp_path / "features.pdf")
    assert result.notes == 3 and result.warnings == []
    positions, calls = note_positions(tmp_path / "features.pdf"), call_pages(tmp_path / "features.pdf")
    assert all(positions[number][0] == calls[number][0] for number in (1, 2, 3))
