"""What the audit found: a module of its own, importing nothing heavy, because the process that
reads the report receives it from the layout process (audit.py, which makes it, imports the engine)."""

from __future__ import annotations

from dataclasses import dataclass, field

from pressroom.problems import Problem


@dataclass
class AuditResult:
    pages: int
    notes: int
    continued_notes: list[int] = field(default_factory=list)
    font_families: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)
    # Pages after the body that a continued note needs before the background page: a long
    # note called near the end spills over, and the build makes room for it (blank pages).
    note_overflow_pages: int = 0
