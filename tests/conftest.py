"""Shared fixtures: the briefing paper built once per test session."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "data" / "seed" / "briefing-paper.txt"
sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/pdfread.py for every test folder

from report_folders import write_report  # noqa: E402


@pytest.fixture(scope="session")
def report_dir() -> Path:
    return ROOT / "report"


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.is_file():
        pytest.fail(f"the seed text is missing: {SEED} (it is test data kept in the repository)")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_pdf(tmp_path_factory: pytest.TempPathFactory, report_dir: Path) -> Path:
    from pressroom.build import build

    output = tmp_path_factory.mktemp("seed") / "briefing-paper.pdf"
    build(report_dir, output)
    return output


@pytest.fixture
def report_copy(tmp_path: Path, report_dir: Path) -> Path:
    """A writable copy of the briefing paper's folder."""
    copy = tmp_path / "report"
    shutil.copytree(report_dir, copy)
    return copy


@pytest.fixture
def make_report(tmp_path: Path):
    """Load and validate a report written from Markdown text; returns the typed Report."""
    from pressroom.load import load_source
    from pressroom.validate import validate

    def make(markdown: str | dict[str, str], **settings: object):
        folder = write_report(tmp_path / "report", markdown, **settings)
        source, problems = load_source(folder)
        report, more = validate(source)
        assert report is not None, problems + more
        return report

    return make
