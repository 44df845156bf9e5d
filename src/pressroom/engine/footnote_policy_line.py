"""``footnote-policy: line`` ignored when earlier notes are moved away for an orphans line.

Bug: in ``layout.block._linebox_layout``, when the line needed to satisfy
``orphans`` overflows, WeasyPrint reports the page's notes to the next page, last
first, until the line fits. That moves notes away from their calls whatever their
``footnote-policy``, and drags the line's own notes along (they must follow the
reported ones). When reporting does not make the line fit, the notes stay reported
although the line is broken anyway.

Reproduction: tests/engine/repros/fn_lost_repro.html with ``footnote-policy: line``
on ``.fn``: FOOTNOTE-A leaves its call's page 1 (and FOOTNOTE-B is lost).

Fix: a copy of ``_linebox_layout`` where notes are reported only if they, and the
line's own notes, have ``footnote-policy: auto``; reports that do not make the
line fit are undone. Otherwise the line breaks normally: orphans may move the
paragraph, a call on the last line moves with its note (fn_lastline_auto.html
with ``line``), earlier lines stay. The copy also calls ``split_footnote``, a
no-op hook here that footnote_split_long replaces.
"""

from __future__ import annotations

from typing import Any

from weasyprint.layout import block
from weasyprint.layout.inline import iter_line_boxes

from ._patching import Patch


def _line_footnotes(context: Any, line: Any) -> list[Any]:
    """Notes called from ``line`` and not laid out yet."""
    return [
        descendant.footnote for descendant in line.descendants()
        if waiting(context, descendant.footnote)]


def waiting(context: Any, footnote: Any) -> bool:
    """Whether ``footnote`` (a box's, None for most boxes) is a note not laid out yet. The
    engine asks ``footnote in context.footnotes`` of every box of every line: for a box with
    no note that scans the whole list of notes still to place, so layout time grew with
    pages x notes (1.3 s of a 186-page report, 0.03 s of 26 pages)."""
    return footnote is not None and footnote in context.footnotes



def _is_auto(footnote: Any) -> bool:
    return footnote.style['footnote_policy'] == 'auto'


def _unreport(context: Any, reported: list[Any]) -> None:
    """Put notes reported by the orphans path back on the current page."""
    for footnote in reversed(reported):
        context.reported_footnotes.remove(footnote)
        context.current_page_footnotes.append(footnote)
    if reported:
        context._update_footnote_area()


def split_footnote(context: Any, footnote: Any, line: Any, line_bottom: float,
                   bottom_space: float, movable: bool) -> bool:
    """Hook for footnote_split_long: split an overflowing note, keep the line?"""
    return False


def _linebox_layout(context, box, index, child, new_children, page_is_empty,
                    absolute_boxes, fixed_boxes, adjoining_margins,
                    bottom_space, position_y, skip_stack, first_letter_style,
                    first_line_style, draw_bottom_decoration, max_lines):
    """Copy of WeasyPrint 70.0 ``layout.block._linebox_layout``, see PATCHED."""
    abort = stop = False
    resume_at = None
    new_footnotes = []

    assert len(box.children) == 1, 'line box with siblings before layout'

    if adjoining_margins:
        position_y += block.collapse_margin(adjoining_margins)
    new_containing_block = box
    lines_iterator = iter_line_boxes(
        context, child, position_y, bottom_space, skip_stack, new_containing_block,
        absolute_boxes, fixed_boxes, first_letter_style, first_line_style)
    for i, (line, resume_at) in enumerate(lines_iterator):
        if max_lines is not None:
            if max_lines == 0:
                new_children[-1].block_ellipsis = box.style['block_ellipsis']
                break
            max_lines -= 1

        line.resume_at = resume_at
        new_position_y = line.position_y + line.height

        draw_bottom_decoration |= resume_at is None
        if draw_bottom_decoration:
            offset_y = box.border_bottom_width + box.padding_bottom
        else:
            offset_y = 0

        overflow = (
            (new_children or not page_is_empty) and
            context.overflows_page(bottom_space, new_position_y + offset_y))
        if overflow:
            could_break_before = can_break_now = True
            needed = box.style['widows'] - 1
            for next_line, _ in lines_iterator:
                needed -= 1
                block.remove_placeholders(
                    context, next_line.children, absolute_boxes, fixed_boxes)
                if needed == -1:
                    break
            if len(new_children) + 1 < box.style['orphans']:
                can_break_now = False
            elif needed >= 0:
                can_break_now = False
            if len(new_children) < box.style['orphans']:
                could_break_before = False
            elif needed > 0:
                could_break_before = False
            needed = max(0, needed)
            report = not context.in_column and can_break_now and not could_break_before
            # PATCHED: the line's own notes would follow the reported ones to the
            # next page, only allowed for 'auto' notes.
            if report and not all(map(_is_auto, _line_footnotes(context, line))):
                report = False
            reported = []  # PATCHED: remember reports to undo them on failure
            # PATCHED: only report 'auto' notes, others must stay with their calls.
            while (report and context.current_page_footnotes and
                   _is_auto(context.current_page_footnotes[-1])):
                reported.append(context.current_page_footnotes[-1])
                context.report_footnote(reported[-1])
                if not context.overflows_page(bottom_space, new_position_y + offset_y):
                    new_children.append(line)
                    stop = True
                    break
            else:
                # PATCHED: the line does not stay, keep notes with their calls.
                _unreport(context, reported)
                reported = []
                abort, stop, resume_at = block._break_line(
                    context, box, line, new_children, needed, page_is_empty, index,
                    skip_stack, resume_at, absolute_boxes, fixed_boxes)

            # Notes were reported last first, put them back in document order.
            if len(reported) >= 2:
                del context.reported_footnotes[-len(reported):]
                context.reported_footnotes.extend(reversed(reported))

            break

        elif page_is_empty and context.overflows_page(bottom_space, new_position_y):
            new_position_y -= box.margin_top
            line.translate(0, -box.margin_top)
            box.margin_top = 0

        if context.footnotes:
            break_linebox = False
            line_stays = False  # PATCHED: a note of this line was split here
            footnotes = (
                descendant.footnote for descendant in line.descendants()
                if waiting(context, descendant.footnote))
            for footnote in footnotes:
                overflow = context.layout_footnote(footnote)
                new_footnotes.append(footnote)
                overflow = (
                    overflow or
                    context.reported_footnotes or
                    context.overflows_page(bottom_space, new_position_y + offset_y))
                # PATCHED: long notes may start here and continue on the next page.
                if overflow and not line_stays and split_footnote(
                        context, footnote, line, new_position_y + offset_y,
                        bottom_space, bool(new_children or not page_is_empty)):
                    line_stays = True
                    continue
                if overflow:
                    context.report_footnote(footnote)
                    # PATCHED: don't move a line whose first note started here.
                    if (new_children or not page_is_empty) and not line_stays:
                        if footnote.style['footnote_policy'] == 'line':
                            if needed := box.style['widows'] - 1:
                                for _ in lines_iterator:
                                    needed -= 1
                                    if needed == 0:
                                        break
                            abort, stop, resume_at = block._break_line(
                                context, box, line, new_children, needed, page_is_empty,
                                index, skip_stack, resume_at, absolute_boxes,
                                fixed_boxes)
                            break_linebox = True
                            break
                        elif footnote.style['footnote_policy'] == 'block':
                            abort = break_linebox = True
                            break
            if break_linebox:
                break

        new_children.append(line)
        position_y = new_position_y
        skip_stack = resume_at

    if new_children:
        resume_at = {index: new_children[-1].resume_at}

    return abort, stop, resume_at, position_y, new_footnotes, max_lines


PATCHES = [Patch(block, '_linebox_layout', lambda _: _linebox_layout)]
# footnote_split_long patches ``split_footnote`` of this module.
