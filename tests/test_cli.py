"""The command line: exit codes, the success line, single-file builds."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from pressroom import __version__
from pressroom.cli import main

SINGLE_FILE = """---
title: Field notes
kind: Note
organisation: ecpat-international
date: 2021-03-04
language: en
---
# Field notes

A paragraph with a note.[^a]

[^a]: The note.
"""


def test_version_runs_as_an_installed_console_script():
    script = Path(sys.executable).with_name("pressroom")
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and result.stdout.strip() == f"pressroom {__version__}"


def test_a_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["build", "--no-such-option"])
    assert exit_info.value.code == 2


def test_build_prints_one_line_per_file_with_path_pages_notes_seconds(tmp_path, monkeypatch, capsys, report_dir):
    monkeypatch.chdir(tmp_path)
    assert main(["build", str(report_dir), "-o", "out.pdf"]) == 0
    out = capsys.readouterr().out
    assert re.fullmatch(r"out\.pdf: 6 pages, 19 notes, \d+\.\d s\nout-print\.pdf: 6 pages, 19 notes, \d+\.\d s\n", out), out
    assert main(["build", str(report_dir), "-o", "web.pdf", "--profile", "screen"]) == 0
    assert re.fullmatch(r"web\.pdf: 6 pages, 19 notes, \d+\.\d s\n", capsys.readouterr().out)
    assert not (tmp_path / "web-print.pdf").exists()


def test_build_without_arguments_builds_report_into_build(tmp_path, monkeypatch, capsys, report_copy):
    monkeypatch.chdir(report_copy.parent)
    assert main(["build", "-q"]) == 0
    assert capsys.readouterr().out == ""
    assert (report_copy.parent / "build" / "report.pdf").stat().st_size > 10_000


def test_a_single_markdown_file_with_front_matter_builds(tmp_path, monkeypatch, capsys):
    (tmp_path / "notes.md").write_text(SINGLE_FILE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["build", "notes.md", "-o", "notes.pdf"]) == 0
    reader = pypdf.PdfReader(tmp_path / "notes.pdf")
    assert reader.metadata.title == "Field notes"
    assert "The note." in reader.pages[0].extract_text()


def test_a_mistake_exits_1_with_file_line_and_fix_and_keeps_the_old_pdf(tmp_path, monkeypatch, capsys):
    source = tmp_path / "notes.md"
    source.write_text(SINGLE_FILE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["build", "notes.md", "-o", "notes.pdf"]) == 0
    good = (tmp_path / "notes.pdf").read_bytes()
    source.write_text(SINGLE_FILE.replace("a note.[^a]", "a note.[^b]"), encoding="utf-8")
    assert main(["build", "notes.md", "-o", "notes.pdf"]) == 1
    err = capsys.readouterr().err
    assert "notes.md:10:25:" in err and "[^b] is called here but never written" in err
    assert "notes.pdf was not changed" in err and "Traceback" not in err
    assert (tmp_path / "notes.pdf").read_bytes() == good
    assert not list(tmp_path.glob(".notes.pdf.*"))  # no temporary file left behind


def test_source_date_epoch_sets_the_pdf_date_instead_of_the_report_date(tmp_path, monkeypatch, capsys, report_dir):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 22:13:20 UTC
    assert main(["build", str(report_dir), "-o", "dated.pdf", "--profile", "screen"]) == 0
    assert pypdf.PdfReader(tmp_path / "dated.pdf").metadata["/CreationDate"].startswith("D:20231114221320")


HEAVY_MODULES = ("weasyprint", "pypdf", "pikepdf", "PIL", "pydantic", "jinja2", "markdown_it", "cffi")


@pytest.mark.parametrize("option", ["--version", "--help"])
def test_version_and_help_load_no_heavy_module(option: str) -> None:
    """Startup time (benchmarks/startup.py) comes from imports: the commands load the engine,
    Pillow, pydantic and Jinja only when they run."""
    script = (
        "import sys\nfrom pressroom.cli import main\n"
        f"try:\n    main([{option!r}])\nexcept SystemExit:\n    pass\n"
        f"print(sorted(name for name in {HEAVY_MODULES!r} if name in sys.modules), file=sys.stderr)"
    )
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert completed.stderr.strip().splitlines()[-1] == "[]"


def test_the_command_exits_with_mains_code_leaving_its_objects_to_no_last_collection(tmp_path) -> None:
    """cli.command: what the build loaded is frozen before the interpreter's teardown, whose
    collections walked it all (55 ms at the end of each build); the exit code is main's."""
    script = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print('frozen' if gc.get_freeze_count() else 'not frozen', file=sys.stderr))\n"
        f"sys.argv = ['pressroom', 'build', {str(tmp_path / 'no-such-report')!r}]\n"
        "from pressroom.cli import command\ncommand()\n"
    )
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert completed.returncode == 1, completed.stderr
    assert completed.stderr.strip().splitlines()[-1] == "frozen"
