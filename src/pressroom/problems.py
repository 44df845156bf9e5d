"""What can go wrong, as data: a user's problem is a Problem, never a traceback."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the user's input or output, with where and how to fix it."""

    file: str = ""
    line: int = 0
    column: int = 0
    message: str = ""
    severity: Severity = "error"
    # Text of the report the problem is about, when the stage that found it knows no place:
    # places.py finds it in the source files (not compared, not shown).
    excerpt: str = field(default="", compare=False, repr=False)

    @classmethod
    def at(
        cls,
        message: str,
        file: Path | str | None = None,
        line: int | None = None,
        column: int | None = None,
        severity: Severity = "error",
        excerpt: str = "",
    ) -> Problem:
        return cls(str(file or ""), line or 0, column or 0, message, severity, excerpt)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def __str__(self) -> str:
        where = ":".join(
            part for part in (self.file, str(self.line or ""), str(self.column or "")) if part
        )
        label = "" if self.is_error else "warning: "
        return f"{where}: {label}{self.message}" if where else f"{label}{self.message}"


class UserError(Exception):
    """The user's input or the built PDF is wrong: show the problems, exit 1."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def errors_in(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]
