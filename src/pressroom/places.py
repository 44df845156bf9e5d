"""Give a place (file:line:column) to a problem found after layout, where the engine knows
only the text it was about: the first place that text is written in the report's files."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from pressroom.images import MAX_SVG_BYTES, SVG_SUFFIX
from pressroom.model import SourceFile
from pressroom.problems import Problem


def placed(problems: list[Problem], files: tuple[SourceFile, ...], root: Path | None = None) -> list[Problem]:
    """`files` are searched first, then the SVG drawings in `root` (an address a drawing asks
    for is written there)."""
    unplaced = [problem for problem in problems if problem.excerpt and not problem.file]
    if not unplaced:
        return problems
    texts = files + (_drawings(root) if root else ())
    return [_place(problem, texts) if problem in unplaced else problem for problem in problems]


def _drawings(root: Path) -> tuple[SourceFile, ...]:
    found = []
    for path in sorted(root.rglob(f"*{SVG_SUFFIX}")):
        try:
            if path.stat().st_size <= MAX_SVG_BYTES:
                found.append(SourceFile(path, path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")))
        except OSError:
            continue
    return tuple(found)


def _place(problem: Problem, files: tuple[SourceFile, ...]) -> Problem:
    for source in files:
        index = source.text.find(problem.excerpt)
        if index >= 0:
            line = source.text.count("\n", 0, index) + source.first_line
            column = index - source.text.rfind("\n", 0, index)
            return dataclasses.replace(problem, file=str(source.path), line=line, column=column)
    return problem
