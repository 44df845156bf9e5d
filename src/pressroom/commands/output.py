"""How the CLI shows problems and paths: relative to where the user stands."""

from __future__ import annotations

import os
import sys
import unicodedata
from pathlib import Path

from pressroom.problems import Problem


def shown(path: Path | str) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    relative = os.path.relpath(path)
    return relative if not relative.startswith("..") else str(path)


# Control characters and bidirectional overrides from a file or a name would act on the
# terminal (colours, a cleared screen, reversed text) instead of being read: shown as codes.
BIDI_CONTROLS = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))


def printable(text: str) -> str:
    return "".join(
        f"\\u{ord(char):04x}" if unicodedata.category(char) == "Cc" or ord(char) in BIDI_CONTROLS else char for char in text
    )


def print_problems(problems: list[Problem]) -> None:
    for problem in sorted(problems):
        where = Problem(shown(problem.file) if problem.file else "", problem.line, problem.column, problem.message, problem.severity)
        print(printable(str(where)), file=sys.stderr)
