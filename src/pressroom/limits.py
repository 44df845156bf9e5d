"""Limits on what one report may ask of the machine, each a message at its place: beyond
them a build would run for many minutes or take gigabytes, and no real report goes there."""

from __future__ import annotations

from markdown_it.token import Token

from pressroom import messages
from pressroom.model import SourceFile
from pressroom.problems import Problem

# A 400-page report has about a million characters; the layout engine takes minutes beyond.
MAX_REPORT_CHARACTERS = 2_000_000
MAX_TEXT_BYTES = 4 * MAX_REPORT_CHARACTERS  # UTF-8 takes at most 4 bytes a character
MAX_NOTES = 5_000
# A table wider than this cannot be read on a page (and 100k columns took 2.7 GB).
MAX_TABLE_COLUMNS = 40


def size_problems(files: tuple[SourceFile, ...]) -> list[Problem]:
    """The file with which the report's text grows past the limit."""
    total = 0
    for source in files:
        total += len(source.text)
        if total > MAX_REPORT_CHARACTERS:
            return [Problem.at(messages.REPORT_TOO_LONG.format(limit=MAX_REPORT_CHARACTERS), source.path, source.first_line, 1)]
    return []


def table_problems(tokens: list[Token], source: SourceFile) -> list[Problem]:
    problems = []
    columns, line = 0, source.first_line
    for token in tokens:
        if token.type == "tr_open":
            columns = 0
            line = (token.map[0] if token.map else 0) + source.first_line
        elif token.type in ("th_open", "td_open"):
            columns += 1
            if columns == MAX_TABLE_COLUMNS + 1:
                problems.append(Problem.at(messages.TABLE_TOO_WIDE.format(limit=MAX_TABLE_COLUMNS), source.path, line, 1))
    return problems[:1]


def note_limit_problem(number: int, source: SourceFile, line: int, column: int) -> list[Problem]:
    if number != MAX_NOTES + 1:
        return []
    return [Problem.at(messages.TOO_MANY_NOTES.format(limit=MAX_NOTES), source.path, line, column)]
