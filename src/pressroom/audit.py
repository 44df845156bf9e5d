"""Stage 6: check what the engine actually laid out and wrote, before anyone sees it.

WeasyPrint 70 can misplace, lose or clip notes and silently substitute fonts, so every
build inspects its own pages: each note printed in full, once, starting on the page of
its first call, inside the page; no text line outside the text block; the background
page last and alone; every font embedded and one the styles asked for.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass

from pressroom.layout import Layout  # first: it loads the engine without a compiler

from weasyprint.formatting_structure import boxes  # noqa: E402

from pressroom import messages
from pressroom.audit_result import AuditResult
from pressroom.body import Body
from pressroom.problems import Problem
from pressroom.fonts import font_installed, font_package

TOLERANCE = 0.5  # CSS px: layout rounding is far below this
MIN_HEAD_GAP = 12  # CSS px (about 3 mm) between the two running heads
NOTE_ID = re.compile(r"^note-(\d+)$")
CALL_ID = re.compile(r"^call-(\d+)$")
SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")
# Every style word at the end of a PostScript name, however many and however joined:
# "Charis-SIL-Bold-Italic", "NotoSans-BoldItalic", "DejaVuSans-BoldOblique" all name a family.
STYLE_SUFFIX = re.compile(r"(-(Bold|Italic|Oblique|Regular|Medium|SemiBold|Light|Book|Roman)+)+$")


@dataclass
class _NotePiece:
    page: int
    text: str
    inside: bool


def audit(layout: Layout, body: Body, fonts: frozenset[str] | None = None) -> AuditResult:
    """Check the laid-out pages. `fonts` are the families the style declares for the scripts of
    the text (fonts.FontPlan); without it, the first family each text box asked for."""
    pages = [page._page_box for page in layout.document.pages]
    result = AuditResult(pages=len(pages), notes=len(body.notes))
    call_pages: dict[int, int] = {}
    pieces: dict[int, list[_NotePiece]] = {}
    requested: set[str] = set()
    back_pages: list[int] = []  # pages carrying the organisation's background
    body_pages: set[int] = set()  # pages carrying the report's own text
    for number, page in enumerate(pages, start=1):
        content_top, content_bottom, content_right = _content_edges(page)
        for box in _walk(page):
            if _has_class(box, "back-page") and back_pages[-1:] != [number]:
                back_pages.append(number)
            if _element_tag(box) == "main":
                body_pages.add(number)
            if isinstance(box, boxes.TextBox) and box.text.strip():
                requested.add(box.style["font_family"][0])
                if box.position_x + box.width > content_right + TOLERANCE and not _in_margin(box, page):
                    result.problems.append(Problem.at(messages.LINE_OUTSIDE.format(page=number, text=box.text[:40]), excerpt=box.text[:40]))
            element_id = _element_id(box)
            if element_id and (match := CALL_ID.match(element_id)):
                call_pages.setdefault(int(match[1]), number)
        for area in (c for c in page.children if isinstance(c, boxes.FootnoteAreaBox)):
            for note_box in area.children:
                match = NOTE_ID.match(_element_id(note_box) or "")
                if not match:
                    continue
                top, bottom = note_box.position_y, note_box.position_y + note_box.margin_height() - note_box.margin_bottom
                inside = top >= content_top - TOLERANCE and bottom <= content_bottom + TOLERANCE
                pieces.setdefault(int(match[1]), []).append(_NotePiece(number, _text_of(note_box), inside))
    result.problems += _check_notes(body, call_pages, pieces, result)
    result.problems += _check_back_page(pages, back_pages, body_pages)
    result.note_overflow_pages = _note_overflow_pages(pieces, back_pages, body_pages)
    result.problems += _check_running_heads(pages)
    families, font_problems = _check_fonts(layout.pdf, set(fonts) if fonts is not None else requested)
    result.font_families = families
    result.problems += font_problems
    return result


def _check_notes(body: Body, call_pages: dict[int, int], pieces: dict[int, list[_NotePiece]], result: AuditResult) -> list[Problem]:
    problems = []
    for note in body.notes:
        number, call_page = note.number, call_pages.get(note.number, 0)
        found = pieces.get(number, [])
        if not found:
            problems.append(Problem.at(messages.NOTE_LOST.format(number=number, call_page=call_page)))
            continue
        found_pages = [piece.page for piece in found]
        first = found_pages[0]
        if found_pages != list(range(first, first + len(found))):
            pages = ", ".join(map(str, found_pages))
            problems.append(Problem.at(messages.NOTE_DUPLICATED.format(number=number, count=len(found), pages=pages)))
        elif first != call_page:
            problems.append(Problem.at(messages.NOTE_MISPLACED.format(number=number, call_page=call_page, note_page=first)))
        for piece in found:
            if not piece.inside:
                problems.append(Problem.at(messages.NOTE_CLIPPED.format(number=number, note_page=piece.page)))
        printed = _squash("".join(piece.text for piece in found))
        if printed != _squash(f"{note.shown}{note.text}"):
            problems.append(Problem.at(messages.NOTE_TEXT_INCOMPLETE.format(number=number, note_page=first)))
        if len(found) > 1:
            result.continued_notes.append(number)
    return problems


def _check_back_page(pages: list[boxes.PageBox], back_pages: list[int], body_pages: set[int]) -> list[Problem]:
    """The background page must be the last page, with no body text and no notes on it."""
    last = pages[-1]
    intruders = len(pages) in body_pages or any(
        isinstance(c, boxes.FootnoteAreaBox) and c.children for c in last.children
    )
    if back_pages != [len(pages)] or intruders:
        page = back_pages[0] if back_pages else 0
        return [Problem.at(messages.BACK_PAGE_NOT_LAST.format(page=page, pages=len(pages)))]
    return []


def _note_overflow_pages(pieces: dict[int, list[_NotePiece]], back_pages: list[int], body_pages: set[int]) -> int:
    """How many pages of notes lie on or past the background page: the room to add before it."""
    if not back_pages or not body_pages:
        return 0
    noted = {piece.page for found in pieces.values() for piece in found if piece.page >= back_pages[0]}
    return len(noted)


RUNNING_HEADS = ("@top-left", "@top-right")


def _check_running_heads(pages: list[boxes.PageBox]) -> list[Problem]:
    """Each running head is one line, inside the page's text width, clear of the other."""
    for number, page in enumerate(pages, start=1):
        extents = []
        for margin_box in (c for c in page.children if isinstance(c, boxes.MarginBox) and c.at_keyword in RUNNING_HEADS):
            texts = [b for b in _walk_all(margin_box) if isinstance(b, boxes.TextBox) and b.text.strip()]
            if not texts:
                continue
            lines = {round(b.position_y) for b in texts}
            left, right = min(b.position_x for b in texts), max(b.position_x + b.width for b in texts)
            extents.append((left, right))
            content_left, content_right = page.content_box_x(), page.content_box_x() + page.width
            if len(lines) > 1 or left < content_left - TOLERANCE or right > content_right + TOLERANCE:
                return [Problem.at(messages.RUNNING_HEAD_TOO_LONG.format(page=number))]
        extents.sort()
        if any(a[1] > b[0] - MIN_HEAD_GAP for a, b in zip(extents, extents[1:])):
            return [Problem.at(messages.RUNNING_HEAD_TOO_LONG.format(page=number))]
    return []


def _walk_all(box: boxes.Box) -> Iterator[boxes.Box]:
    yield box
    for child in getattr(box, "children", ()):
        yield from _walk_all(child)


def _check_fonts(pdf: bytes, requested: set[str]) -> tuple[set[str], list[Problem]]:
    """Read the fonts actually embedded back from the PDF (poppler's pdffonts) and compare
    them with the families the styles declare: any other font is a substitute Pango chose."""
    used: set[str] = set()
    problems = []
    for name, embedded in embedded_fonts(pdf):
        if not embedded:
            problems.append(Problem.at(messages.FONT_NOT_EMBEDDED.format(font=name)))
        used.add(name)
    wanted = {_family_key(family): family for family in requested}
    substitutes = sorted(name for name in used if _family_key(name) not in wanted)
    missing = [family for family in sorted(requested) if not font_installed(family)] if substitutes else []
    listed = ", ".join(f"'{family}'" for family in (missing or sorted(requested)))
    for name in substitutes:
        if missing:  # a family the style asks for is not installed
            message = messages.FONT_FALLBACK.format(used=name, wanted=listed, package=font_package(missing[0]))
        else:  # every family is there, but lacks some characters
            message = messages.FONT_SUBSTITUTED.format(used=name, wanted=listed)
        problems.append(Problem.at(message))
    return {wanted.get(_family_key(name), name) for name in used}, problems


def embedded_fonts(pdf: bytes) -> list[tuple[str, bool]]:
    """(font name without subset tag and style, embedded?) for every font in the file."""
    listing = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    lines = listing.splitlines()
    if len(lines) < 2:
        return []
    # Columns are fixed-width; the dashes under the header give their extents.
    extents = [match.span() for match in re.finditer(r"-+", lines[1])]
    fonts = []
    for line in lines[2:]:
        cells = [line[start:end + 1].strip() for start, end in extents]
        name = STYLE_SUFFIX.sub("", SUBSET_TAG.sub("", cells[0]))
        fonts.append((name, cells[3] == "yes"))
    return fonts


def _family_key(name: str) -> str:
    return re.sub(r"[\s-]", "", name).lower()


def _content_edges(page: boxes.PageBox) -> tuple[float, float, float]:
    top = page.content_box_y()
    return top, top + page.height, page.content_box_x() + page.width


def _in_margin(box: boxes.Box, page: boxes.PageBox) -> bool:
    return box.position_y < page.content_box_y() - TOLERANCE


def _walk(box: boxes.Box) -> Iterator[boxes.Box]:
    yield box
    for child in getattr(box, "children", ()):
        if isinstance(child, boxes.MarginBox):
            continue
        yield from _walk(child)


def _element_id(box: boxes.Box) -> str | None:
    element = getattr(box, "element", None)
    # Pseudo-elements (::marker, ::footnote-call) share the element; only the box itself counts.
    if element is None or getattr(box, "pseudo_type", None):
        return None
    return element.get("id")


def _element_tag(box: boxes.Box) -> str | None:
    return getattr(box, "element_tag", None)


def _has_class(box: boxes.Box, name: str) -> bool:
    element = getattr(box, "element", None)
    return element is not None and name in (element.get("class") or "").split()


def _text_of(box: boxes.Box) -> str:
    """The words printed in a box; list numbers and bullets (::marker) come from the style."""
    return "".join(
        b.text for b in _walk(box) if isinstance(b, boxes.TextBox) and not b.element_tag.endswith("::marker")
    )


def _squash(text: str) -> str:
    # Zero-width break controls (conventions.py) are not words.
    return re.sub(r"[\s\u200b\u2060]+", "", text)
