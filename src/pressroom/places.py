"""Give a place (file:line:column) to a problem found after layout, where the engine knows
only the text it was about: the first place that text is written in the report's files."""

from __future__ import annotations

import dataclasses

from pressroom.model import SourceFile
from pressroom.problems import Problem


def placed(problems: list[Problem], files: tuple[SourceFile, ...]) -> list[Problem]:
    return [_place(problem, files) if problem.excerpt and not problem.file else problem for problem in problems]


def _place(problem: Problem, files: tuple[SourceFile, ...]) -> Problem:
    for source in files:
        index = source.text.find(problem.excerpt)
        if index >= 0:
            line = source.text.count("\n", 0, index) + source.first_line
            column = index - source.text.rfind("\n", 0, index)
            return dataclasses.replace(problem, file=str(source.path), line=line, column=column)
    return problem
