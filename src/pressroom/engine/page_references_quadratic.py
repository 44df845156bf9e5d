"""A tagged PDF takes time growing with pages x pages to write.

Bug: pydyf's ``PDF.page_references`` builds the tuple of every page's reference each time it
is read, and WeasyPrint 70 reads it once for each structure element, link and destination it
writes (``pdf/tags.py``, ``pdf/anchors.py``: ``pdf.page_references[page_number]``). A tagged
report has a few dozen elements a page, so the PDF of 186 pages spent 2.2 s building tuples
(0.03 s at 26 pages: 72 times the time for 7 times the pages).

Reproduction: tests/engine/test_page_references_quadratic.py counts the references built
while a tagged document of 5 and of 40 pages is written.

Fix: keep the tuple while the page count stays the same (pages are only ever appended).
"""

from __future__ import annotations

from typing import Any

import pydyf

from ._patching import Patch

CACHE = "_pressroom_page_references"


def _cached(original: property) -> property:
    def page_references(pdf: pydyf.PDF) -> tuple[bytes, ...]:
        count = len(pdf.pages["Kids"])
        cached: tuple[int, tuple[bytes, ...]] | None = getattr(pdf, CACHE, None)
        if cached is None or cached[0] != count:
            cached = (count, original.fget(pdf))
            setattr(pdf, CACHE, cached)
        return cached[1]

    return property(page_references)


PATCHES: list[Any] = [Patch(pydyf.PDF, "page_references", _cached)]
