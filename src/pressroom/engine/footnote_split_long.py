"""Notes taller than the room left on the page are never split, they are drawn off-page.

Bug: WeasyPrint lays the footnote area out with no bottom limit. A note taller than
the page goes to the next page whole, the area grows above the top of the page
(y = -1742 pt in the repro, most words invisible) and the body is squeezed to a
couple of lines per page for several pages.

Reproduction: tests/engine/repros/fn_long.html (9 pages, note drawn off-page).

Fix (LaTeX/Typst-like continuation, only for non-column block notes):
- when a note called from a line overflows and it is long (taller than
  ``LONG_NOTE_FRACTION`` of the page) or could not fit on any page with its line,
  the footnote area gets a height limit that keeps the line on the page: the note
  starts below it (at least ``MIN_LINES`` lines, else the normal path runs);
- the footnote area layouts (``LayoutContext._update_footnote_area`` and the one at
  the end of ``make_page``) honour that limit and record where the note was cut;
- at the end of the page the rest becomes a continuation box (a copy of the note
  with the resume position) put first in the reported notes: it opens the next
  page's footnote area, limited to ``CONTINUATION_FRACTION`` of the page so body
  text still progresses, and is cut again if needed.
Depends on footnote_policy_line (its ``_linebox_layout`` calls ``split_footnote``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from math import inf
from typing import Any

import weasyprint.layout
import weasyprint.layout.page
from weasyprint.formatting_structure import boxes, build
from weasyprint.layout import LayoutContext, block

from . import footnote_policy_line
from ._patching import Patch

LOGGER = logging.getLogger(__name__)

#: Notes taller than this part of the page content start on the call's page.
LONG_NOTE_FRACTION = 0.5
#: Continued notes fill at most this part of the next page.
CONTINUATION_FRACTION = 0.8
#: Lines of a note that must fit on the call's page to split it there.
MIN_LINES = 2

_STATE = '_pressroom_split_state'
_RESUME = '_pressroom_resume_at'  # on continuation boxes: skip stack in the note


@dataclass
class _PageState:
    """Split bookkeeping for the page being laid out."""

    cut: Any = None  # the one note allowed to be cut on this page
    limit: float | None = None  # max footnote-area margin height, px
    fraction: float | None = None  # limit as a part of the page content height
    resume_at: dict | None = None  # where the last area layout stopped
    area: Any = None  # last laid-out area
    lines_bottom: float = -inf  # lowest body line kept so far (table cells side by side)
    in_area: int = 0  # > 0 while notes are laid out, their lines are not body lines


def _state(context: Any) -> _PageState | None:
    return getattr(context, _STATE, None)


def _cut_index(context: Any, state: _PageState) -> int | None:
    for i, footnote in enumerate(context.current_page_footnotes):
        if footnote is state.cut:
            return i
    return None


def _wrap_area_layout(block_level_layout: Any) -> Any:
    """Footnote-area layouts honour the page's height limit."""
    def wrapper(context, box, bottom_space, skip_stack, containing_block, *args, **kwargs):
        state = _state(context)
        if (state is None or not isinstance(box, boxes.FootnoteAreaBox) or
                context.in_column or not box.children):
            return block_level_layout(
                context, box, bottom_space, skip_stack, containing_block, *args, **kwargs)
        limit = state.limit
        if limit is None and state.fraction is not None:
            limit = state.fraction * box.page.height
        bottom = box.padding_bottom + box.border_bottom_width + box.margin_bottom
        if limit is not None and box.max_height != inf:
            # @footnote { max-height } caps the area: cut the note there too.
            limit = min(limit, box.max_height + _decorations(box))
        if limit is not None:
            # The area is laid out from the bottom of the page content downwards;
            # keep room for its bottom decoration, put back below.
            bottom_space = context.page_bottom - (box.position_y + limit - bottom)
        # Note lines now overflow at the limit: hide the page's notes from the
        # orphans path of _linebox_layout, which would report them.
        page_footnotes, context.current_page_footnotes = context.current_page_footnotes, []
        state.in_area += 1
        try:
            result = block_level_layout(
                context, box, bottom_space, skip_stack, containing_block, *args, **kwargs)
        finally:
            state.in_area -= 1
            context.current_page_footnotes = page_footnotes
        area, resume_at = result[0], result[1]
        if resume_at is not None:
            # A cut box loses its bottom decoration; page_bottom bookkeeping in
            # _update_footnote_area adds back the uncut area's: keep them equal.
            area.padding_bottom, area.border_bottom_width, area.margin_bottom = (
                box.padding_bottom, box.border_bottom_width, box.margin_bottom)
        state.area, state.resume_at = area, resume_at
        return result
    return wrapper


def _wrap_note_layout(block_level_layout: Any) -> Any:
    """A continued note resumes where it was cut (the area keeps its separator)."""
    def wrapper(context, box, bottom_space, skip_stack, *args, **kwargs):
        if skip_stack is None:
            skip_stack = getattr(box, _RESUME, None)
        return block_level_layout(context, box, bottom_space, skip_stack, *args, **kwargs)
    return wrapper


def _wrap_update(update_footnote_area: Any) -> Any:
    """An area cut anywhere but inside the page's cut note overflows."""
    def _update_footnote_area(self: LayoutContext) -> bool:
        state = _state(self)
        if state is None:
            return update_footnote_area(self)
        state.resume_at = None
        overflow = update_footnote_area(self)
        if state.resume_at and self.current_page_footnotes:
            (index, skip), = state.resume_at.items()
            # Only the cut note, started and last on the page, may be incomplete.
            if (skip is None or index != _cut_index(self, state) or
                    index != len(self.current_page_footnotes) - 1):
                overflow = True
        return overflow
    return _update_footnote_area


def _wrap_linebox_layout(linebox_layout: Any) -> Any:
    """Remember the lowest line kept on the page: in a table row, earlier cells may
    end below the line of a later cell's call, the split note must not cover them."""
    def _linebox_layout(context, *args, **kwargs):
        result = linebox_layout(context, *args, **kwargs)
        state = _state(context)
        abort, position_y = result[0], result[3]
        if state is not None and not abort and not state.in_area:
            state.lines_bottom = max(state.lines_bottom, position_y)
        return result
    return _linebox_layout


def _decorations(box: Any) -> float:
    """Vertical margins, borders and paddings of ``box``."""
    return (box.margin_top + box.border_top_width + box.padding_top +
            box.padding_bottom + box.border_bottom_width + box.margin_bottom)


def _alone_height(context: Any, footnote: Any) -> float:
    """Height a footnote area holding only ``footnote`` needs, ignoring max-height."""
    area = context.current_footnote_area.copy()
    area.children = [footnote]
    area = build.create_anonymous_boxes(area.deepcopy())
    state = _state(context)
    state.in_area += 1
    try:
        area = block.block_level_layout(context, area, -inf, None, area.page)[0]
    finally:
        state.in_area -= 1
    note = area.children[-1]
    return (note.position_y + note.margin_height() - area.position_y +
            area.padding_bottom + area.border_bottom_width + area.margin_bottom)


def _lines(box: Any) -> int:
    return sum(isinstance(child, boxes.LineBox) for child in box.descendants())


def split_footnote(context: Any, footnote: Any, line: Any, line_bottom: float,
                   bottom_space: float, movable: bool) -> bool:
    """Start the overflowing, just laid out ``footnote`` below its call's line."""
    state = _state(context)
    if (state is None or context.in_column or context.reported_footnotes or
            footnote.style['footnote_display'] != 'block'):
        return False
    saved = state.cut, state.limit, state.fraction
    if state.cut is not None:
        # One cut per page: allowed only if the note cut so far (a continuation)
        # now ends on this page, i.e. the area stops inside this last note.
        if not state.resume_at:
            return False
        (index, _), = state.resume_at.items()
        if index != len(context.current_page_footnotes) - 1:
            return False
    area = context.current_footnote_area
    page_height = area.page.height
    if movable:
        alone = _alone_height(context, footnote)
        if alone <= LONG_NOTE_FRACTION * page_height and alone + line.height <= page_height:
            return False  # short enough: the normal policy moves the line or the note
    state.cut, state.limit, state.fraction = (
        footnote, area.position_y - bottom_space - max(line_bottom, state.lines_bottom),
        None)
    overflow = context._update_footnote_area()
    index = _cut_index(context, state)
    placed = 0
    if not overflow and state.area is not None and index is not None:
        if index < len(state.area.children):
            placed = _lines(state.area.children[index])
    if (overflow or placed < (MIN_LINES if movable else 1) or
            context.overflows_page(bottom_space, line_bottom)):
        state.cut, state.limit, state.fraction = saved
        context._update_footnote_area()
        return False
    return True


def _wrap_make_page(make_page: Any) -> Any:
    """Per-page state; turn the rest of a cut note into a reported continuation."""
    def wrapper(context, *args, **kwargs):
        state = _PageState()
        reported = context.reported_footnotes
        if reported and reported[0].style['footnote_display'] == 'block':
            # A continuation, or a note reported whole, opens the footnote area: it
            # may be cut so that it never grows above the page.
            state.cut, state.fraction = reported[0], CONTINUATION_FRACTION
        setattr(context, _STATE, state)
        try:
            result = make_page(context, *args, **kwargs)
        finally:
            setattr(context, _STATE, None)
        page = result[0]
        area = page.children[1]
        if area.children and area.position_y < page.content_box_y() - 1:
            # Notes that can't be cut (footnote-display: inline, columns) still
            # overflow: make it visible.
            LOGGER.warning(
                'footnote area of page %s is taller than the page, notes drawn '
                'off the page', context.current_page)
        if state.resume_at and context.current_page_footnotes:
            (index, skip), = state.resume_at.items()
            if skip is not None and index == _cut_index(context, state):
                continuation = context.current_page_footnotes[index].copy()
                setattr(continuation, _RESUME, skip)
                context.reported_footnotes.insert(0, continuation)
            else:  # _update_footnote_area reported it as overflow, can't happen
                LOGGER.error('footnote area cut outside a split note on page %s',
                             context.current_page)
        return result
    return wrapper


PATCHES = [
    Patch(block, 'block_level_layout', _wrap_note_layout),
    Patch(weasyprint.layout, 'block_level_layout', _wrap_area_layout),
    Patch(weasyprint.layout.page, 'block_level_layout', _wrap_area_layout),
    Patch(LayoutContext, '_update_footnote_area', _wrap_update),
    Patch(weasyprint.layout.page, 'make_page', _wrap_make_page),
    Patch(block, '_linebox_layout', _wrap_linebox_layout),
    Patch(footnote_policy_line, 'split_footnote', lambda _: split_footnote),
]
