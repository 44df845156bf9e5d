"""A note is silently lost when an orphans line overflows and earlier notes are moved.

Bug: in ``layout.block._linebox_layout``, when the line needed to satisfy
``orphans`` overflows, WeasyPrint reports the page's notes to the next page until
the line fits, keeps the line and leaves the loop, skipping the code that lays out
the notes called from that line. The call is printed, its note never is, no warning.

Reproduction: tests/engine/repros/fn_lost_repro.html (call "2" printed, FOOTNOTE-B
missing).

Fix: wrap ``_linebox_layout``; any note called from a line it kept and still
waiting to be laid out is laid out and reported to the next page, after the notes
already reported (notes keep document order). A safety net for every path.
"""

from __future__ import annotations

from typing import Any

from weasyprint.layout import block

from ._patching import Patch
from .footnote_policy_line import waiting


def _wrap(linebox_layout: Any) -> Any:
    def _linebox_layout(context, box, index, child, new_children, *args, **kwargs):
        kept = len(new_children)
        result = linebox_layout(context, box, index, child, new_children, *args, **kwargs)
        abort, stop, resume_at, position_y, new_footnotes, max_lines = result
        if abort or not context.footnotes:
            return result
        for line in new_children[kept:]:
            for descendant in line.descendants():
                if waiting(context, descendant.footnote):
                    # The line stays here; its note can only follow the notes
                    # reported before it, on the next page.
                    context.layout_footnote(descendant.footnote)
                    context.report_footnote(descendant.footnote)
                    new_footnotes.append(descendant.footnote)
        return abort, stop, resume_at, position_y, new_footnotes, max_lines
    return _linebox_layout


PATCHES = [Patch(block, '_linebox_layout', _wrap)]
