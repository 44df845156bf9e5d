"""Footnote area overflow test fails on float rounding ("one note per page" cascade).

Bug: ``LayoutContext._update_footnote_area`` compares the bottom of the last note
with the bottom of the footnote area using a strict ``>``. Summing margins, borders
and paddings in a different order makes the note ~2e-13 px "taller" than the area,
so every note is reported as overflowing and pushed to the next page, alone.
Looks like upstream Kozea/WeasyPrint#2502.

Reproduction: tests/engine/repros/fn_cascade_repro.html (3 short notes: 4 pages, not 1).

Fix: same method, overflow only when the difference exceeds a tolerance far below
anything visible.
"""

from __future__ import annotations

from math import inf

import weasyprint.layout
from weasyprint.formatting_structure import build
from weasyprint.layout import LayoutContext

from ._patching import Patch

#: px; real overflows are at least a fraction of a line, rounding errors ~1e-12.
TOLERANCE = 1e-3


def _update_footnote_area(self: LayoutContext) -> bool:
    """Copy of WeasyPrint 70.0 ``LayoutContext._update_footnote_area``."""
    if self.current_footnote_area.height != 'auto' and not self.in_column:
        self.page_bottom += self.current_footnote_area.margin_height()
    self.current_footnote_area.children = self.current_page_footnotes
    if self.current_footnote_area.children:
        footnote_area = build.create_anonymous_boxes(
            self.current_footnote_area.deepcopy())
        # Looked up in weasyprint.layout as the original does (other patches wrap it).
        footnote_area = weasyprint.layout.block_level_layout(
            self, footnote_area, -inf, None,
            self.current_footnote_area.page)[0]
        self.current_footnote_area.height = footnote_area.height
        if not self.in_column:
            self.page_bottom -= footnote_area.margin_height()
        last_child = footnote_area.children[-1]
        last_child_bottom = (
            last_child.position_y + last_child.margin_height() -
            last_child.margin_bottom)
        footnote_area_bottom = (
            footnote_area.position_y + footnote_area.margin_height() -
            footnote_area.margin_bottom)
        # PATCHED: was `last_child_bottom > footnote_area_bottom` (true by ~2e-13).
        overflow = last_child_bottom - footnote_area_bottom > TOLERANCE
        return overflow
    else:
        self.current_footnote_area.height = 0
        if not self.in_column:
            self.page_bottom -= self.current_footnote_area.margin_height()
        return False


PATCHES = [Patch(LayoutContext, '_update_footnote_area', lambda _: _update_footnote_area)]
