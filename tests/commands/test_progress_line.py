"""The progress line: drawn on a terminal after two seconds, erased at the end, never in a
pipe or with -q; the build reports its stages and pages through a callback."""

from __future__ import annotations

import io
from pathlib import Path

from pressroom import messages
from pressroom.build import build
from pressroom.commands.progress_line import ERASE_LINE, ProgressLine, progress_line
from pressroom.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_nothing_is_drawn_in_the_first_two_seconds_then_stage_and_pages() -> None:
    terminal, clock = Terminal(), Clock()
    line = ProgressLine(terminal, clock=clock)
    line(Progress("layout", "screen", 3))
    assert terminal.getvalue() == ""
    clock.now = 2.5
    line(Progress("layout", "screen", 12))
    stage = messages.PROGRESS_STAGES["layout"].format(profile="screen", pages=12)
    assert terminal.getvalue() == ERASE_LINE + messages.PROGRESS.format(stage=stage, seconds=2.5)
    line.close()
    assert terminal.getvalue().endswith(ERASE_LINE)


def test_a_quick_build_leaves_no_trace() -> None:
    terminal = Terminal()
    line = ProgressLine(terminal, clock=Clock())
    line(Progress("reading"))
    line.close()
    assert terminal.getvalue() == ""


def test_quiet_or_not_a_terminal_means_no_line() -> None:
    assert progress_line(quiet=True, stream=Terminal()) is None
    assert progress_line(quiet=False, stream=io.StringIO()) is None
    assert isinstance(progress_line(quiet=False, stream=Terminal()), ProgressLine)


def test_the_build_reports_its_stages_and_every_page(report_dir: Path, tmp_path: Path) -> None:
    heard: list[Progress] = []
    result = build(report_dir, tmp_path / "paper.pdf", profile="screen", progress=heard.append)
    stages = list(dict.fromkeys(progress.stage for progress in heard))
    assert stages == ["reading", "layout", "pdf", "audit", "finish"]
    pages = [progress.pages for progress in heard if progress.stage == "layout"]
    assert pages[:result.pages] == list(range(1, result.pages + 1))
    assert all(progress.profile == "screen" for progress in heard if progress.stage != "reading")
