"""The rules a strict RIP and a screen reader apply, read from the PDF objects with pypdf.

Each function returns what breaks its rule (empty when the file keeps it), so a test can
show the offenders. Used on the briefing paper, the starter and the stress report."""

from __future__ import annotations

from pathlib import Path

import pypdf
from pypdf.generic import ArrayObject

ALLOWED_IN_BLEED = {"/TrapNet", "/PrinterMark"}


def _box(page: pypdf.PageObject, name: str) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = (float(v) for v in page[name])
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def annotations_inside_bleed(pdf: Path) -> list[str]:
    """PDF/X: no annotation but TrapNet and PrinterMark may touch the BleedBox."""
    found = []
    for number, page in enumerate(pypdf.PdfReader(pdf).pages, 1):
        bx0, by0, bx1, by1 = _box(page, "/BleedBox")
        for annotation in page.get("/Annots") or ArrayObject():
            annotation = annotation.get_object()
            if annotation.get("/Subtype") in ALLOWED_IN_BLEED:
                continue
            x0, y0, x1, y1 = (float(v) for v in annotation["/Rect"])
            if min(x0, x1) < bx1 and max(x0, x1) > bx0 and min(y0, y1) < by1 and max(y0, y1) > by0:
                found.append(f"page {number}: {annotation.get('/Subtype')} at {[round(v) for v in (x0, y0, x1, y1)]}")
    return found


def actions(pdf: Path) -> list[str]:
    """Actions anywhere in the file (links, JavaScript, open actions)."""
    data = pdf.read_bytes()
    return [key for key in ("/URI", "/JavaScript", "/OpenAction", "/Launch") if key.encode() in data]
