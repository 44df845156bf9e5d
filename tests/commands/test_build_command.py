"""`pressroom build` as a writer and CI use it: output lines, -q, -v, --strict, exit codes,
and the guarantee that a failed build never replaces or truncates the last good PDF."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from pressroom import build as build_module
from pressroom import messages
from pressroom.cli import main

SPARE_NOTE = "\n[^spare]: A note nobody calls.\n"
LONG_SENTENCE = "This note goes on and on to make it longer than the space left on the page."
LONG_NOTE_REPEATS = (60, 80, 100, 130)


@pytest.fixture
def paper(tmp_path: Path) -> Path:
    folder = tmp_path / "paper"
    assert main(["new", str(folder)]) == 0
    return folder


def _append(folder: Path, text: str) -> None:
    markdown = folder / "briefing-paper.md"
    markdown.write_text(markdown.read_text() + text)


def _good_build(paper: Path, output: Path, capsys: pytest.CaptureFixture[str]) -> bytes:
    assert main(["build", str(paper), "-o", str(output), "--profile", "screen"]) == 0
    capsys.readouterr()
    return output.read_bytes()


def test_build_says_what_it_wrote(paper: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "out" / "paper.pdf"
    assert main(["build", str(paper), "-o", str(output)]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    lines = captured.out.splitlines()
    assert len(lines) == 2
    assert re.fullmatch(rf"{re.escape(str(output))}: \d+ pages, 3 notes, \d+\.\d s", lines[0])
    assert re.fullmatch(rf"{re.escape(str(output.with_name('paper-print.pdf')))}: \d+ pages, 3 notes, \d+\.\d s", lines[1])


def test_quiet_prints_nothing(paper: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "paper.pdf"
    assert main(["build", str(paper), "-o", str(output), "--profile", "screen", "-q"]) == 0
    assert capsys.readouterr() == ("", "")
    assert output.read_bytes().startswith(b"%PDF")


def test_verbose_names_the_notes_that_continue(paper: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    markdown = paper / "briefing-paper.md"
    text = markdown.read_text().replace("A short note can also", "A long one.[^long] A short note can also")
    # Where a note starts to continue depends on the styles: lengthen it until one does.
    for repeats in LONG_NOTE_REPEATS:
        markdown.write_text(text + f"\n[^long]: {' '.join([LONG_SENTENCE] * repeats)}\n")
        result = build_module.build(paper, tmp_path / "direct.pdf")
        if result.continued_notes:
            break
    assert result.continued_notes, "the example must have a note that continues on the next page"
    continued = messages.CONTINUED_NOTES.format(notes=", ".join(map(str, result.continued_notes)))

    assert main(["build", str(paper), "-o", str(tmp_path / "plain.pdf"), "--profile", "screen"]) == 0
    assert continued not in capsys.readouterr().out
    assert main(["build", str(paper), "-o", str(tmp_path / "verbose.pdf"), "--profile", "screen", "-v"]) == 0
    assert continued in capsys.readouterr().out.splitlines()


def test_a_warning_is_shown_and_strict_makes_it_fail(paper: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "paper.pdf"
    good = _good_build(paper, output, capsys)
    _append(paper, SPARE_NOTE)
    warning = "warning: " + messages.NOTE_UNUSED.format(label="spare")

    assert main(["build", str(paper), "-o", str(tmp_path / "lenient.pdf"), "--profile", "screen"]) == 0
    assert warning in capsys.readouterr().err

    assert main(["build", str(paper), "-o", str(output), "--profile", "screen", "--strict"]) == 1
    err = capsys.readouterr().err
    assert warning in err and messages.FAILED.format(output=output) in err
    assert output.read_bytes() == good


def test_quiet_hides_warnings_but_strict_still_fails(paper: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _append(paper, SPARE_NOTE)
    assert main(["build", str(paper), "-o", str(tmp_path / "a.pdf"), "--profile", "screen", "-q"]) == 0
    assert capsys.readouterr() == ("", "")
    assert main(["build", str(paper), "-o", str(tmp_path / "b.pdf"), "--profile", "screen", "-q", "--strict"]) == 1
    assert "spare" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("mistake", "message"),
    [
        ("\nA call to nothing.[^nowhere]\n", messages.NOTE_UNDEFINED.format(label="nowhere")),
        # A sign of no script that no face of the styles has: the audit of the laid-out PDF fails.
        # (A letter of a script the style has no font for stops the build earlier, at validation.)
        ("\nAn emoji: \U0001F600.\n", "were set in"),
    ],
    ids=["source-error", "failed-audit"],
)
def test_failed_build_keeps_the_last_good_pdf(paper: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], mistake: str, message: str) -> None:
    output = tmp_path / "out" / "paper.pdf"
    good = _good_build(paper, output, capsys)
    modified = output.stat().st_mtime_ns
    _append(paper, mistake)

    assert main(["build", str(paper), "-o", str(output), "--profile", "screen"]) == 1

    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert output.read_bytes() == good and output.stat().st_mtime_ns == modified
    assert sorted(path.name for path in output.parent.iterdir()) == ["paper.pdf"], "no temporary file left behind"


def test_failed_write_leaves_the_old_file_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "paper.pdf"
    target.write_bytes(b"%PDF-the last good one")

    def disk_full(source: str, destination: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OSError):
        build_module.write_atomically(target, b"%PDF-new")
    assert target.read_bytes() == b"%PDF-the last good one"
    assert [path.name for path in tmp_path.iterdir()] == ["paper.pdf"]


def test_a_bug_shows_a_traceback_and_asks_for_a_report(paper: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(build_module, "build", broken)
    assert main(["build", str(paper)]) == 3
    err = capsys.readouterr().err
    assert "Traceback" in err and "ZeroDivisionError: a bug" in err and messages.BUG in err


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["build", "--no-such-option"])
    assert exit_.value.code == 2


def test_several_sources_one_line_each_exit_1_and_the_failed_ones_pdf_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("first", "second", "broken"):
        assert main(["new", name]) == 0
    _append(tmp_path / "broken", "\nA call to nothing.[^nowhere]\n")
    last_good = tmp_path / "build" / "broken.pdf"
    last_good.parent.mkdir()
    last_good.write_bytes(b"%PDF-the last good one")
    capsys.readouterr()

    assert main(["build", "first", "second", "broken", "--jobs", "2", "--profile", "screen"]) == 1

    out, err = capsys.readouterr()
    lines = sorted(out.splitlines())
    assert len(lines) == 2
    for line, name in zip(lines, ("first", "second")):
        assert re.fullmatch(rf"{name}: build/{name}\.pdf \(3 pages, 3 notes\), \d+\.\d s", line), line
    assert messages.BATCH_FAILED.format(source="broken", output=Path("build/broken.pdf")) in err
    assert messages.NOTE_UNDEFINED.format(label="nowhere") in err
    assert err.splitlines()[-1] == messages.BATCH_SUMMARY_FAILED.format(failed=1, total=3)
    assert (tmp_path / "build" / "first.pdf").read_bytes().startswith(b"%PDF-1")
    assert (tmp_path / "build" / "second.pdf").read_bytes().startswith(b"%PDF-1")
    assert last_good.read_bytes() == b"%PDF-the last good one"


def test_several_sources_and_one_output_is_a_usage_error(paper: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(paper), str(paper), "-o", str(tmp_path / "one.pdf")]) == 2
    assert messages.BATCH_OUTPUT_GIVEN.format(count=2) in capsys.readouterr().err
    assert not (tmp_path / "one.pdf").exists()


def test_jobs_must_be_a_positive_number(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["build", "--jobs", "0"])
    assert exit_.value.code == 2
    assert messages.JOBS_NOT_POSITIVE.format(value="0") in capsys.readouterr().err


def test_html_writes_the_standalone_html_that_plain_weasyprint_renders(paper: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import weasyprint

    page = tmp_path / "paper.html"
    assert main(["build", str(paper), "--html", str(page)]) == 0
    assert messages.HTML_WRITTEN.format(path=page) in capsys.readouterr().out
    text = page.read_text()
    assert '<link rel="stylesheet" href="file://' in text and f'<base href="{paper.resolve().as_uri()}/">' in text
    assert not list(tmp_path.glob("*.pdf")), "no PDF made"
    rendered = weasyprint.HTML(filename=str(page)).render()
    words = " ".join(box.text for box in rendered.pages[0]._page_box.descendants() if hasattr(box, "text"))
    assert "BRIEFING PAPER" in words.upper()
    assert f"Page 1 of {len(rendered.pages)}" in words, "the page numbers of the styles' @page rules"


@pytest.mark.parametrize("target", ["briefing-paper.md", "report.yaml", "."])
def test_output_never_replaces_a_source_file_or_a_folder(paper: Path, capsys: pytest.CaptureFixture[str], target: str) -> None:
    before = {path: path.read_bytes() for path in paper.iterdir() if path.is_file()}
    assert main(["build", str(paper), "-o", str(paper / target), "--profile", "screen"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "-o" in err
    assert {path: path.read_bytes() for path in paper.iterdir() if path.is_file()} == before


@pytest.mark.parametrize("where", ["under-a-file", "unwritable"])
def test_an_output_that_cannot_be_written_is_explained(paper: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str) -> None:
    blocker = tmp_path / "blocker"
    if where == "under-a-file":
        blocker.write_text("a file, not a folder")
    else:
        blocker.mkdir()
        blocker.chmod(0o500)
        if os.access(blocker, os.W_OK):  # root writes anywhere: make the folder a file instead
            blocker.rmdir()
            blocker.write_text("x")
    assert main(["build", str(paper), "-o", str(blocker / "out.pdf"), "--profile", "screen"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "cannot be written" in err


def test_source_date_epoch_out_of_range_is_a_usage_error(paper: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "99999999999999")
    assert main(["build", str(paper), "-o", str(tmp_path / "out.pdf"), "--profile", "screen"]) == 2
    assert "SOURCE_DATE_EPOCH" in capsys.readouterr().err
