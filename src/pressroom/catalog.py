"""Viewer settings and language, added to the PDF's catalog as the engine writes it
(WeasyPrint's finisher hook): re-reading a tagged 100-page PDF with pypdf just to add three
keys would cost seconds. Runs in the layout process, so it imports only pydyf."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pydyf

ANNOTATION_PRINT_FLAG = 4  # PDF 32000 12.5.3


def catalog_finisher(language: str) -> Callable[[Any, pydyf.PDF], None]:
    """Viewer settings and language, added to the catalog before the engine writes it;
    annotations get their Print flag."""

    def add_catalog_entries(document: Any, pdf: pydyf.PDF) -> None:
        pdf.catalog["ViewerPreferences"] = pydyf.Dictionary({"DisplayDocTitle": "true"})
        pdf.catalog["PageMode"] = "/UseOutlines"
        pdf.catalog["Lang"] = pydyf.String(language)
        _flag_annotations_printable(pdf)

    return add_catalog_entries


def _flag_annotations_printable(pdf: pydyf.PDF) -> None:
    """PDF/UA (and PDF/A) want every annotation printable: the engine leaves links unflagged.
    (The print file drops them anyway.)"""
    for obj in pdf.objects:
        if isinstance(obj, pydyf.Dictionary) and obj.get("Type") == "/Annot":
            obj["F"] = int(obj.get("F", 0)) | ANNOTATION_PRINT_FLAG
