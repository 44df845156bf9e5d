"""How far a build has got, as data: stages call a `ProgressReport` and never print (only the
command line draws it). WeasyPrint logs its own steps ('Step 5 - Creating layout - Page 12')
on the `weasyprint.progress` logger; `engine_progress` turns them into reports."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Literal

Stage = Literal["reading", "layout", "pdf", "audit", "finish", "preflight", "waiting"]
ENGINE_LOGGER = "weasyprint.progress"
ENGINE_PAGE = re.compile(r"Creating layout - Page (\d+)")
ENGINE_PDF = "Creating PDF"


@dataclass(frozen=True)
class Progress:
    stage: Stage
    profile: str = ""  # "screen", "print", or "" for what both share
    pages: int = 0  # pages laid out so far in this stage


ProgressReport = Callable[[Progress], None]


def tell(report: ProgressReport | None, stage: Stage, profile: str = "", pages: int = 0) -> None:
    if report is not None:
        report(Progress(stage, profile, pages))


class _EngineSteps(logging.Handler):
    def __init__(self, report: ProgressReport, profile: str) -> None:
        super().__init__(level=logging.INFO)
        self.report, self.profile = report, profile

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if page := ENGINE_PAGE.search(text):
            tell(self.report, "layout", self.profile, int(page[1]))
        elif ENGINE_PDF in text:
            tell(self.report, "pdf", self.profile)


@contextmanager
def engine_progress(report: ProgressReport | None, profile: str) -> Iterator[None]:
    """While inside, the engine's page-by-page steps are reported (nothing when `report` is None)."""
    if report is None:
        yield
        return
    logger = logging.getLogger(ENGINE_LOGGER)
    handler = _EngineSteps(report, profile)
    level, propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False  # the steps are for this report, not for the root logger
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate
