"""The benchmark reports: the briefing paper, its text repeated N times (one file per copy,
so every copy keeps its own note labels). Since the house style's narrower measure a copy is
about 4 pages: 1x is 6 pages (title and back page included), 6x 25, 7x 30, 23x about 93,
91x about 366."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PAPER = ROOT / "report"
# copies of the text for the sizes (about 6, 30, 94 and 366 pages)
COPIES = (1, 7, 23, 91)


def write_repeated_report(folder: Path, copies: int) -> Path:
    """The briefing paper with its text `copies` times over, a file per copy; returns the folder."""
    text = _paper_text()
    return _write_report(folder, {f"part-{copy + 1:03d}.md": text for copy in range(copies)})


def write_one_file_report(folder: Path, copies: int) -> Path:
    """The same text `copies` times over in a single file, each copy's note labels made its own
    (copy 3's [^1] is [^c3-1]); returns the folder."""
    text = _paper_text()
    return _write_report(folder, {"report.md": "\n\n".join(text.replace("[^", f"[^c{copy}-") for copy in range(copies))})


def _paper_text() -> str:
    return (PAPER / "briefing-paper.md").read_text(encoding="utf-8")


def _write_report(folder: Path, files: dict[str, str]) -> Path:
    """The briefing paper's report.yaml listing `files` (name -> text), and the files."""
    folder.mkdir(parents=True, exist_ok=True)
    settings = yaml.safe_load((PAPER / "report.yaml").read_text(encoding="utf-8"))
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    settings["files"] = list(files)
    (folder / "report.yaml").write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    return folder
