"""A passage in another language is not marked as such in the tagged PDF.

Bug: WeasyPrint 70 writes the document's language (/Lang in the catalog) but ignores the
`lang` attribute of every other element when it builds the structure tree, so a screen reader
reads the English background page of a Thai report with a Thai voice.

Reproduction: tests/engine/repros/lang_passage.html (no structure element has /Lang).

Fix: wrap the structure builder; the structure element of an element with its own `lang`
gets /Lang (PDF 32000-1, 14.9.2). Its children inherit it.
"""

from __future__ import annotations

from typing import Any

import pydyf
import weasyprint.pdf.tags

from ._patching import Patch


def _wrap(build_box_tree: Any) -> Any:
    def _build_box_tree(box: Any, *args: Any) -> Any:
        element = getattr(box, "element", None)
        lang = element.get("lang") if element is not None and getattr(box, "element_tag", None) != "html" else None
        for structure in build_box_tree(box, *args):
            if lang and not getattr(box, "pseudo_type", None) and "Lang" not in structure:
                structure["Lang"] = pydyf.String(lang)
            yield structure

    return _build_box_tree


PATCHES = [Patch(weasyprint.pdf.tags, "_build_box_tree", _wrap)]
