"""A generated report for stress tests and benchmarks: 100+ pages, 300+ notes.

Calls sit in paragraphs, list items, blockquotes, table cells and headings; notes run from
one line to half a page. Deterministic for a given seed.
"""

from __future__ import annotations

import random
from pathlib import Path

import yaml

WORDS = (
    "children online protection report survey region network support policy law enforcement "
    "platform evidence risk harm prevention service response study data trend victim offender "
    "material access school family community research practice national international"
).split()


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def _note(rng: random.Random, index: int) -> str:
    roll = rng.random()
    count = 6 if roll < 0.45 else 25 if roll < 0.75 else 60 if roll < 0.93 else rng.randint(150, 230)
    return f"Note {index} says {_words(rng, count)}."


def write_stress_report(folder: Path, sections: int = 52, seed: int = 7) -> tuple[Path, int]:
    """Write the report; returns its folder and the number of notes."""
    rng = random.Random(seed)
    lines: list[str] = []
    definitions: list[str] = []
    count = 0

    def call() -> str:
        nonlocal count
        count += 1
        definitions.append(f"[^n{count}]: {_note(rng, count)}")
        return f"[^n{count}]"

    for section in range(sections):
        lines += [f"## Section {section + 1} on {_words(rng, 3)}{call()}", ""]
        for _ in range(3):
            lines += [f"{_words(rng, 70)}{call()} {_words(rng, 50)}{call()} {_words(rng, 30)}.", ""]
        lines += [f"- {_words(rng, 12)}{call()}", f"- {_words(rng, 20)}", ""]
        lines += [f"> {_words(rng, 40)}{call()} {_words(rng, 10)}.", ""]
        lines += ["| Item | Finding |", "|---|---|", f"| {_words(rng, 2)} | {_words(rng, 8)}{call()} |", ""]
        lines += [f"{_words(rng, 90)}.", "", f"{_words(rng, 420)}.", "", *definitions, ""]
        definitions.clear()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "stress.md").write_text("\n".join(lines), encoding="utf-8")
    facts = {
        "title": "Stress report",
        "kind": "Report",
        "organisation": "ecpat-international",
        "date": "2024-01-01",
        "language": "en",
        "files": ["stress.md"],
    }
    (folder / "report.yaml").write_text(yaml.safe_dump(facts), encoding="utf-8")
    return folder, count
