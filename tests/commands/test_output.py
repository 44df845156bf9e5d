"""How the CLI shows problems: control characters from a file never reach the terminal raw."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressroom.cli import main
from report_folders import write_report


def test_escape_sequences_in_a_problem_are_shown_as_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = write_report(tmp_path / "report", "Text with a call[^\x1b[2Jgone\u202e].\n")
    assert main(["build", str(folder), "-o", str(tmp_path / "out.pdf")]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\u202e" not in err
    assert "\\u001b[2Jgone\\u202e" in err
