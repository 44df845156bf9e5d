"""An emptied footnote area keeps reserving its margin, border and padding.

Bug: when the last note of a page is reported to the next page,
``LayoutContext._update_footnote_area`` sets the area height to 0 but still
subtracts its margin/border/padding (1em of UA margin-top by default) from the page
bottom. A line accepted a moment before with its note (``footnote-policy: auto``)
then overflows the page and the block layout pushes the whole paragraph away.

Reproduction: tests/engine/repros/fn_lastline_auto.html (page 1 keeps 5 of 13 lines).

Fix: wrap the method; when no note is left on the page, give the area back its
initial ``auto`` height and the page its full bottom, as before the first note.
"""

from __future__ import annotations

from typing import Any

from weasyprint.layout import LayoutContext

from ._patching import Patch


def _wrap(update_footnote_area: Any) -> Any:
    def _update_footnote_area(self: LayoutContext) -> bool:
        overflow = update_footnote_area(self)
        area = self.current_footnote_area
        if not self.current_page_footnotes and not self.in_column and area.height == 0:
            self.page_bottom += area.margin_height()
            area.height = 'auto'
        return overflow
    return _update_footnote_area


PATCHES = [Patch(LayoutContext, '_update_footnote_area', _wrap)]
