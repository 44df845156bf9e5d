"""preflight/job.py: the build's preflight, in a worker that loads the checks there."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import weasyprint

from pressroom.preflight.job import PreflightJob, preflight_workers
from pressroom.preflight.model import PreflightOptions


def test_the_preflight_job_returns_the_errors_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "rgb.pdf"
    path.write_bytes(weasyprint.HTML(string="<p style='color: rgb(200, 0, 0)'>Red</p>").write_pdf())
    workers = preflight_workers()
    errors = workers.wait(workers.submit(PreflightJob(path, PreflightOptions())))
    assert errors and {finding.severity for finding in errors} == {"error"}
    assert any(finding.check == "colour" for finding in errors)


def test_the_process_that_reads_the_report_loads_neither_the_engine_nor_the_checks(tmp_path: Path) -> None:
    """What a build's own process imports (the workers load the rest)."""
    code = "import sys, pressroom.cli, pressroom.build; print(' '.join(sorted(sys.modules)))"
    loaded = set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split())
    assert "pressroom.build" in loaded
    assert not {"weasyprint", "pikepdf", "pressroom.preflight.run", "urllib.request"} & loaded
