"""The progress line: one line on the terminal, redrawn in place, shown only once a build has
taken longer than a moment and erased when it ends. Never in a pipe or a log, never with -q."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

from pressroom import messages
from pressroom.progress import Progress

DELAY_SECONDS = 2.0  # a build quicker than this shows no progress at all
REDRAW_SECONDS = 0.1
ERASE_LINE = "\r\x1b[K"


class ProgressLine:
    def __init__(self, stream: TextIO, delay: float = DELAY_SECONDS, clock: Callable[[], float] = time.monotonic):
        self.stream, self.delay, self.clock = stream, delay, clock
        self.started = clock()
        self.drawn_at: float | None = None
        self.last_stage = ""

    def __call__(self, progress: Progress) -> None:
        now = self.clock()
        elapsed = now - self.started
        if elapsed < self.delay:
            return
        stage = f"{progress.stage}:{progress.profile}"
        if self.drawn_at is not None and stage == self.last_stage and now - self.drawn_at < REDRAW_SECONDS:
            return
        text = messages.PROGRESS_STAGES[progress.stage].format(profile=progress.profile, pages=progress.pages)
        self.stream.write(ERASE_LINE + messages.PROGRESS.format(stage=text, seconds=elapsed))
        self.stream.flush()
        self.drawn_at, self.last_stage = now, stage

    def close(self) -> None:
        """Erase the line, so what is printed next starts on a clean line."""
        if self.drawn_at is not None:
            self.stream.write(ERASE_LINE)
            self.stream.flush()


def progress_line(quiet: bool, stream: TextIO | None = None) -> ProgressLine | None:
    """A progress line on the terminal, or None when quiet or not writing to a terminal."""
    stream = stream or sys.stderr
    if quiet or not stream.isatty():
        return None
    return ProgressLine(stream)
