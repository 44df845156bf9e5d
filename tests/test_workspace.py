"""workspace.py: every temporary file of a build in one private folder, removed at the end
whatever the outcome."""

from __future__ import annotations

import stat
import tempfile
from pathlib import Path

import pytest

from pressroom import build as build_module
from pressroom.layout_process import layout_workers
from pressroom.problems import UserError
from pressroom.workspace import private_workspace, subfolder, temporary_files_in


@pytest.fixture
def temporary_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_the_workspace_is_private_and_goes_away(temporary_folder: Path) -> None:
    with private_workspace() as workspace:
        assert stat.S_IMODE(workspace.stat().st_mode) == 0o700
        (subfolder(workspace, "images") / "a.jpg").write_bytes(b"x")
    assert list(temporary_folder.iterdir()) == []


def test_temporary_files_go_to_the_folder_while_inside(temporary_folder: Path, tmp_path: Path) -> None:
    """What a worker does for the job it runs: this process's own tempfile is left alone by
    private_workspace, since a batch builds reports in threads."""
    folder = tmp_path / "job"
    folder.mkdir()
    with private_workspace(), temporary_files_in(folder):
        with tempfile.TemporaryDirectory() as inside:
            assert Path(inside).parent == folder
    assert tempfile.gettempdir() == str(temporary_folder)


def test_the_workspace_goes_away_when_the_build_fails(temporary_folder: Path) -> None:
    with pytest.raises(RuntimeError), private_workspace() as workspace:
        (workspace / "half.pdf").write_bytes(b"%PDF")
        raise RuntimeError("a failed stage")
    assert list(temporary_folder.iterdir()) == []


def test_a_subfolder_removed_meanwhile_is_made_again(temporary_folder: Path) -> None:
    with private_workspace() as workspace:
        images = subfolder(workspace, "images")
        images.rmdir()
        workspace.rmdir()  # a temporary-file cleaner passed by during a long build
        assert subfolder(workspace, "images").is_dir()


def test_a_build_keeps_every_temporary_file_in_its_workspace(
    report_dir: Path, tmp_path: Path, temporary_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The layout and the preflight run in worker processes: each job names the workspace,
    and the worker makes its temporary files there (test_layout_process, test_preflight_job)."""
    seen: dict[str, object] = {}
    workers = layout_workers()
    real_submit = workers.submit

    def submit(job):
        seen["during layout"] = sorted(path.name.split("-")[0] for path in temporary_folder.iterdir())
        seen["job's folder"] = job.workdir
        return real_submit(job)

    monkeypatch.setattr(workers, "submit", submit)
    build_module.build(report_dir, tmp_path / "paper.pdf", profile="print")
    assert seen["during layout"] == ["pressroom"]
    assert Path(seen["job's folder"]).parent == temporary_folder  # type: ignore[arg-type]
    assert list(temporary_folder.iterdir()) == []


def test_a_failed_build_leaves_no_temporary_folder(tmp_path: Path, temporary_folder: Path) -> None:
    (tmp_path / "broken.md").write_text("---\ntitle: x\n---\nNo organisation, no date.\n")
    with pytest.raises(UserError):
        build_module.build(tmp_path / "broken.md", tmp_path / "broken.pdf")
    assert list(temporary_folder.iterdir()) == []
