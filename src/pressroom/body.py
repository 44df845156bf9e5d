"""What the Markdown stage makes of a report: its HTML, notes and headings.

A module of its own, importing nothing heavy, because the layout process reads it too (the
audit checks every note against the pages): that process imports the engine and little else.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Note:
    number: int
    label: str
    html: str
    text: str  # the plain text of every block, for the audit
    mark: int = 0  # the number printed: `number`, or counted from the chapter's first note

    @property
    def shown(self) -> int:
        return self.mark or self.number


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str


@dataclass(frozen=True)
class Body:
    html: str
    notes: tuple[Note, ...]
    headings: tuple[Heading, ...]
    background_html: str
