"""The build's preflight of its print file, as a job for a worker process (workers.py): the
checks (pypdf, qpdf, Pillow, Ghostscript) load there, not in the process that read the report."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pressroom.progress import ProgressReport
from pressroom.workers import Workers, workers_of
from pressroom.workspace import temporary_files_in

from .model import Finding, PreflightOptions

PRELOAD = ("pressroom.preflight.run",)


@dataclass(frozen=True)
class PreflightJob:
    path: Path
    options: PreflightOptions

    def run(self, report: ProgressReport | None = None) -> list[Finding]:
        """The findings that stop the build: its errors."""
        from .run import preflight

        with temporary_files_in(self.path.parent):  # the build's private folder
            findings = preflight(self.path, self.options).findings
        return [finding for finding in findings if finding.severity == "error"]


def preflight_workers(count: int = 1) -> Workers:
    return workers_of(count, PRELOAD)
