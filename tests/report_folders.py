"""Small report folders written by tests."""

from __future__ import annotations

from pathlib import Path


def write_report(folder: Path, markdown: str | dict[str, str], **settings: object) -> Path:
    """A minimal report folder: report.yaml plus Markdown files (name -> text)."""
    import yaml

    files = markdown if isinstance(markdown, dict) else {"text.md": markdown}
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    facts = {
        "title": "A test report",
        "kind": "Briefing paper",
        "organisation": "ecpat-international",
        "date": "2020-05-01",
        "language": "en-GB",
        "files": list(files),
        **settings,
    }
    (folder / "report.yaml").write_text(yaml.safe_dump(facts, sort_keys=False), encoding="utf-8")
    return folder
