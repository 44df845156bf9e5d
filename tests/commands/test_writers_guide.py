"""docs/writers.md: every command in it runs, in order, as written; its sample output is real."""

from __future__ import annotations

import re
import shlex
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from pressroom.cli import main
from pressroom.commands import COMMANDS

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "writers.md"
WORD_DRAFT = GUIDE.parents[1] / "tests" / "data" / "word" / "briefing-paper.docx"  # the guide's draft
BLOCK = re.compile(r"```(\w+)\n(.*?)```", re.S)


def _blocks(kind: str) -> list[str]:
    return [body for language, body in BLOCK.findall(GUIDE.read_text(encoding="utf-8")) if language == kind]


def _commands() -> list[str]:
    return [line[2:] for block in _blocks("console") for line in block.splitlines() if line.startswith("$ ")]


WRITERS_COMMANDS = {"import", "new", "build", "watch", "doctor", "schema"}  # preflight is for print vendors


def test_the_guide_shows_every_writers_command() -> None:
    shown = {shlex.split(command)[1] for command in _commands()}
    assert shown == WRITERS_COMMANDS
    assert shown <= {name for name, _ in COMMANDS}


def test_every_command_in_the_guide_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(WORD_DRAFT, tmp_path)
    for command in _commands():
        words = shlex.split(command)
        assert words[0] == "pressroom"
        if words[1] == "watch":
            _run_watch_briefly(words[2:])
            continue
        code = main(words[1:])
        captured = capsys.readouterr()
        assert code == 0, f"{command}\n{captured.out}{captured.err}"
    assert (tmp_path / "build" / "my-paper.pdf").is_file() and (tmp_path / "my-paper.pdf").is_file()


def _run_watch_briefly(arguments: list[str]) -> None:
    """The guide's `watch`, on a free port, until its first build; then Ctrl+C."""
    process = subprocess.Popen(
        [sys.executable, "-m", "pressroom", "watch", *arguments, "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        lines = []
        for line in process.stdout:  # type: ignore[union-attr]
            lines.append(line)
            if "build 1" in line:
                break
        assert re.search(r"build 1: build/my-paper\.pdf: \d+ pages", "".join(lines)), lines
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.fixture
def my_paper(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    monkeypatch.chdir(tmp_path)
    assert main(["new", "my-paper"]) == 0
    capsys.readouterr()
    return tmp_path / "my-paper"


def test_build_output_in_the_guide_is_what_build_prints(my_paper: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "my-paper"]) == 0
    printed = capsys.readouterr().out
    documented = _blocks("text")[0]
    seconds = re.compile(r"\d+\.\d s")
    assert seconds.sub("S", printed) == seconds.sub("S", documented)


def test_errors_in_the_guide_are_what_build_prints(my_paper: Path, capsys: pytest.CaptureFixture[str]) -> None:
    markdown = my_paper / "briefing-paper.md"
    markdown.write_text(markdown.read_text().replace("[^survey]", "[^sruvey]", 1))
    assert main(["build", "my-paper"]) == 1
    assert capsys.readouterr().err == _blocks("text")[1]

    settings = my_paper / "report.yaml"
    settings.write_text(settings.read_text().replace("page_size: A4", "page_size: A5"))
    assert main(["build", "my-paper"]) == 1
    assert _blocks("text")[2] in capsys.readouterr().err
