"""One private folder for every temporary file of a build: made when the build starts,
removed when it ends, whatever the outcome."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PREFIX = "pressroom-"


@contextmanager
def private_workspace() -> Iterator[Path]:
    """The folder (mode 0700, in the system's temporary folder). The stages that make
    temporary files run in worker processes: each job names the folder, and the worker's
    `tempfile` puts everything there while it runs (`temporary_files_in`), the ink check's
    Ghostscript pages too. This process leaves `tempfile` alone: a batch builds several
    reports in it at once, each with its own folder."""
    folder = Path(tempfile.mkdtemp(prefix=PREFIX))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def temporary_files_in(folder: Path) -> Iterator[None]:
    """While inside, Python's `tempfile` makes its files and folders in `folder` (in a worker,
    which does one job at a time: the setting is the whole process's)."""
    previous = tempfile.tempdir
    tempfile.tempdir = str(folder)
    try:
        yield
    finally:
        tempfile.tempdir = previous


def subfolder(workspace: Path, name: str) -> Path:
    """A folder inside the workspace, made (again, should a cleaner have removed it) on demand."""
    folder = workspace / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder
