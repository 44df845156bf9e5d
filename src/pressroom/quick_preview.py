"""`watch`'s immediate preview: the edited Markdown file alone (or, in a report of one file,
the edited section: markdown_sections.py), laid out as the screen file would be, shown at the
page of the edit while the whole report is built after it.

Laying out one file of a 30-page report takes a fraction of the whole; its notes are
numbered from 1 and it has no cross-file context, which the full build that follows restores.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from pressroom.layout import lay_out
from pressroom.load import load_source
from pressroom.markdown import render_markdown
from pressroom.markdown_sections import section_around
from pressroom.problems import errors_in
from pressroom.profiles import profiles_for
from pressroom.template import fill_template
from pressroom.validate import validate

WORD = re.compile(r"\w+")
WINDOW = 3  # consecutive words of the edited line that find its page
# A report of one file shorter than this (about 12 pages) is rebuilt whole at once: it takes
# little more than its section would.
SECTION_PREVIEW_MIN_CHARACTERS = 40_000


@dataclass(frozen=True)
class PartPreview:
    file: Path
    pdf: bytes
    page: int  # where the edit is, from 1
    pages: int


def edited_line(before: str, after: str) -> str:
    """The first line of text in `after` that differs from `before` (after a deletion, the
    line that follows it)."""
    old, new = before.splitlines(), after.splitlines()
    for tag, _, _, start, end in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        for line in new[start : max(end, start + 1)]:
            if line.strip():
                return line
    return ""


def preview_part(source: Path, edited: Path, line: str = "") -> PartPreview | None:
    """The edited file of a report of several files, alone, or the edited section of a report
    of one file; None when there is nothing to gain or it has a problem (the full build will
    name it)."""
    loaded, _ = load_source(source)
    report, problems = validate(loaded) if loaded else (None, [])
    if report is None or errors_in(problems):
        return None
    part = tuple(file for file in report.files if file.path.resolve() == edited.resolve())
    if len(report.files) == 1 and part:
        section = section_around(part[0], line) if len(part[0].text) >= SECTION_PREVIEW_MIN_CHARACTERS else None
        part = (section,) if section else ()
    if not part:
        return None
    report = dataclasses.replace(report, files=part)
    body, problems = render_markdown(report)
    if errors_in(problems):
        return None
    screen = profiles_for("screen", report.settings)[0]
    layout, _ = lay_out(fill_template(report, body, screen), collect_before_pdf=False)  # untagged: quicker, and only for the eye
    pages = [WORD.findall(" ".join(box.text for box in page._page_box.descendants() if hasattr(box, "text"))) for page in layout.document.pages]
    return PartPreview(edited, layout.pdf, _page_of(WORD.findall(line), pages), len(pages))


def _page_of(words: list[str], pages: list[list[str]]) -> int:
    """The first page holding a run of WINDOW words of the line (hyphenation may split some)."""
    runs = [words[start : start + WINDOW] for start in range(max(len(words) - WINDOW + 1, 1))]
    for number, page in enumerate(pages, 1):
        if any(_holds(page, run) for run in runs if run):
            return number
    return 1


def _holds(page: list[str], run: list[str]) -> bool:
    return any(page[start : start + len(run)] == run for start in range(len(page) - len(run) + 1))
