"""Give a place (file:line:column) to a problem found after layout, where the engine knows
only the text it was about: the first place that text is written in the report's files."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from markdown_it.token import Token

from pressroom.images import MAX_SVG_BYTES, SVG_SUFFIX
from pressroom.model import SourceFile
from pressroom.problems import Problem


def locate(needle: str, block: Token, source: SourceFile, lines: list[str] | None = None) -> tuple[int, int]:
    """The line and column of `needle` within a parsed block (its token's source map), in
    the file's own numbering; the block's first line when it is not found."""
    lines = source.text.split("\n") if lines is None else lines
    start, end = block.map if block.map else (0, len(lines))
    for index in range(start, min(end, len(lines))):
        column = lines[index].find(needle)
        if column >= 0:
            return index + source.first_line, column + 1
    return start + source.first_line, 1


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
