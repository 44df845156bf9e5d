"""How the CLI shows problems and paths: relative to where the user stands."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from pressroom.problems import Problem


def shown(path: Path | str) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    relative = os.path.relpath(path)
    return relative if not relative.startswith("..") else str(path)


def print_problems(problems: list[Problem]) -> None:
    for problem in sorted(problems):
        where = Problem(shown(problem.file) if problem.file else "", problem.line, problem.column, problem.message, problem.severity)
        print(where, file=sys.stderr)
