"""Each broken report gives exactly the messages in its expected.txt, exit 1, no PDF."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressroom.cli import main

CASES = sorted(path for path in (Path(__file__).parent / "cases").iterdir() if path.is_dir())


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_broken_report_is_explained(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(case)
    output = tmp_path / "out.pdf"
    source = "." if (case / "report.yaml").is_file() else "report.md"

    code = main(["build", source, "-o", str(output)])

    captured = capsys.readouterr()
    assert captured.err.replace(str(output), "OUT") == (case / "expected.txt").read_text(encoding="utf-8")
    assert captured.out == ""
    assert code == 1
    assert not output.exists()


def test_every_case_has_its_expected_messages() -> None:
    assert len(CASES) >= 15
    for case in CASES:
        assert (case / "expected.txt").read_text(encoding="utf-8").strip(), case.name
