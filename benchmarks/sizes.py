"""The benchmark reports: the briefing paper, its text repeated N times (one file per copy,
so every copy keeps its own note labels). Since the house style's narrower measure a copy is
about 4 pages: 1x is 6 pages (title and back page included), 6x 25, 7x 30, 23x about 93,
91x about 366."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PAPER = ROOT / "report"
# copies of the text for the sizes (4, 30, 92 and 367 pages)
COPIES = (1, 7, 23, 91)


def write_repeated_report(folder: Path, copies: int) -> Path:
    """The briefing paper with its text `copies` times over; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    settings = yaml.safe_load((PAPER / "report.yaml").read_text(encoding="utf-8"))
    text = (PAPER / "briefing-paper.md").read_text(encoding="utf-8")
    files = []
    for copy in range(copies):
        name = f"part-{copy + 1:03d}.md"
        (folder / name).write_text(text, encoding="utf-8")
        files.append(name)
    settings["files"] = files
    (folder / "report.yaml").write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    return folder


def write_one_file_report(folder: Path, copies: int) -> Path:
    """The same text `copies` times over in a single file, each copy's note labels made its own
    (copy 3's [^1] is [^c3-1]); returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    settings = yaml.safe_load((PAPER / "report.yaml").read_text(encoding="utf-8"))
    text = (PAPER / "briefing-paper.md").read_text(encoding="utf-8")
    (folder / "report.md").write_text("\n\n".join(text.replace("[^", f"[^c{copy}-") for copy in range(copies)), encoding="utf-8")
    settings["files"] = ["report.md"]
    (folder / "report.yaml").write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    return folder
