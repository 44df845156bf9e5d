"""The README's quick start stays true: CI runs its test command, and its build command works."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def quick_start() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Quick start.*?```sh\n(.*?)```", readme, re.S)
    assert block, "README has no quick start block"
    return block[1].strip().splitlines()


def test_quick_start_is_two_commands_and_ci_runs_the_test_command():
    build_command, test_command = quick_start()
    assert build_command.startswith("bash scripts/setup.sh && ")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()


def test_the_quick_start_build_command_builds_the_briefing_paper(tmp_path: Path):
    build_command, _ = quick_start()
    command = build_command.split(" && ", 1)[1]  # setup.sh is what .ci/run just ran
    assert command == ".venv/bin/pressroom build"
    shutil.copytree(ROOT / "report", tmp_path / "report")
    pressroom = str(Path(sys.executable).with_name("pressroom"))
    result = subprocess.run([pressroom, "build"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("build/report.pdf: 6 pages, 19 notes")
    assert result.stdout.splitlines()[1].startswith("build/report-print.pdf: 6 pages, 19 notes")
