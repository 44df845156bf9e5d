"""Shared by the tagging patches: which boxes stand for an element of their own, and how to
walk the structure elements the engine builds (pydyf objects, linked by references)."""

from __future__ import annotations

from typing import Any

import pydyf
from weasyprint.css import AnonymousStyle
from weasyprint.formatting_structure import boxes
from weasyprint.layout.absolute import AbsolutePlaceholder


def own_element_box(box: Any) -> Any | None:
    """The box, when the tagger makes one structure element for its HTML element (not for
    html/body/page, which it passes through, nor for anonymous boxes)."""
    box = box._box if isinstance(box, AbsolutePlaceholder) else box
    if box.element is None or box.element_tag in ("html", "body") or isinstance(box.style, AnonymousStyle):
        return None
    if isinstance(box, (boxes.PageBox, boxes.MarginBox)):
        return None
    return box


def classes(box: Any) -> set[str]:
    return set((box.element.get("class") or "").split())


def referenced(pdf: pydyf.PDF, reference: Any) -> Any:
    """The object a reference (b"12 0 R") names; anything else is returned as it is."""
    if isinstance(reference, bytes) and reference.endswith(b" R"):
        return pdf.objects[int(reference.split()[0])]
    return reference
