"""Running heads and folios are tagged, then left out of the structure tree.

Bug: in a tagged PDF the text of margin boxes (`@top-left`, "Page N of M") is marked
content with an MCID whose ParentTree entry names a structure element that no element
lists as its kid (``tags._build_box_tree``: "It could be included in tree as Artifact, but
that's only allowed in PDF 2.0"). A screen reader meets orphans; PDF/UA wants pagination
text to be an artifact.

Reproduction: tests/engine/repros/tags_running_head.html (a running head and a folio).

Fix: while a page is drawn, the text of its margin boxes is marked ``/Artifact`` (no MCID),
and the tagger skips margin boxes.
"""

from __future__ import annotations

from typing import Any

from weasyprint import document as engine_document
from weasyprint.formatting_structure import boxes
from weasyprint.pdf import tags
from weasyprint.pdf.stream import Stream

from ._patching import Patch

_margin_boxes: set[int] = set()  # ids of the boxes inside the margin boxes of the page being drawn


def _wrap_draw_page(draw_page: Any) -> Any:
    def _draw_page(page: Any, stream: Any) -> None:
        _margin_boxes.clear()
        for child in page.children:
            if isinstance(child, boxes.MarginBox):
                _margin_boxes.update(id(box) for box in child.descendants())
        try:
            draw_page(page, stream)
        finally:
            _margin_boxes.clear()
    return _draw_page


def _wrap_marked(marked: Any) -> Any:
    def _marked(self: Stream, box: Any, tag: str) -> Any:
        return self.artifact() if id(box) in _margin_boxes else marked(self, box, tag)
    return _marked


def _wrap_build_box_tree(build_box_tree: Any) -> Any:
    def _build_box_tree(box: Any, *args: Any) -> Any:
        if isinstance(box, boxes.MarginBox):
            return iter(())  # drawn as artifacts: nothing to map
        return build_box_tree(box, *args)
    return _build_box_tree


PATCHES = [
    Patch(engine_document, 'draw_page', _wrap_draw_page),
    Patch(Stream, 'marked', _wrap_marked),
    Patch(tags, '_build_box_tree', _wrap_build_box_tree),
]
